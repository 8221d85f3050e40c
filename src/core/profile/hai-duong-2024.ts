import { type Profile, profileSchema } from './schema.ts';

/**
 * Hải Dương province, Đề án 2024–2030 (seed 003): Phụ lục 01 scorecard, Phụ lục 02
 * citizen form, Phụ lục 03 hamlet-cadre form. Question texts are copied letter for
 * letter from the seed (NFC); test/core/profile.test.ts checks them against it. The
 * scorecard (Phụ lục 01) is in hai-duong-2024-scorecard.ts.
 */
export const haiDuong2024 = profileSchema.parse({
  id: 'hai-duong-2024',
  version: 1,
  name: 'Hải Dương 2024–2030 (Đề án xây dựng chính quyền thân thiện)',
  levels: [
    { id: 'tot', label: 'Tốt', halfPoints: 4, satisfied: true },
    { id: 'kha', label: 'Khá', halfPoints: 2, satisfied: true },
    { id: 'trung-binh', label: 'Trung bình', halfPoints: 1, satisfied: false },
    { id: 'yeu', label: 'Yếu', halfPoints: 0, satisfied: false },
  ],
  forms: [
    {
      id: 'citizen',
      version: 1,
      annex: 'Phụ lục 02',
      title:
        'Sự hài lòng của người dân đối với hoạt động của chính quyền và cán bộ, công chức cấp xã về “Xây dựng chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ trên địa bàn tỉnh”',
      audience:
        'Dùng cho công dân tham gia thực hiện giao dịch hành chính tại UBND xã, phường, thị trấn',
      instruction: 'Ông/Bà vui lòng đánh dấu (X) vào các ô tương ứng đối với từng câu hỏi.',
      questions: [
        {
          number: 1,
          topic: 'Tuyên truyền về các chủ trương, đường lối',
          text: 'Ông/Bà đánh giá mức độ tuyên truyền về các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, các nội quy, quy định của địa phương về “Xây dựng chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ” trên địa bàn xã như thế nào?',
        },
        {
          number: 2,
          topic: 'Niêm yết công khai các thủ tục hành chính',
          text: 'Ông/Bà đánh giá mức độ việc niêm yết công khai các thủ tục hành chính; mức phí, lệ phí; kết quả giải quyết thủ tục hành chính; lịch tiếp công dân và số điện thoại đường dây nóng; số điện thoại của lãnh đạo, cán bộ, công chức trực tiếp giải quyết các công việc... có đầy đủ, kịp thời, thuận lợi cho tìm hiểu, tra cứu không?',
        },
        {
          number: 3,
          topic: 'Tìm hiểu thông tin để giải quyết thủ tục hành chính',
          text: 'Ông/Bà đánh giá mức độ việc tìm hiểu thông tin để giải quyết thủ tục hành chính thông qua mã quét QR hoặc App về hướng dẫn trình tự thực hiện trực tuyến trên môi trường mạng internet, hoặc hướng dẫn trực tiếp của cán bộ công chức cho công dân làm thủ tục hành chính có thuận lợi không?',
        },
        {
          number: 4,
          topic: 'Thái độ giao tiếp, công tác tiếp nhận của cán bộ, công chức cấp xã',
          text: 'Ông/Bà đánh giá mức độ về thái độ giao tiếp, công tác tiếp nhận của cán bộ, công chức cấp xã và thời gian nhận được kết quả giải quyết thủ tục hành chính (so với thời hạn giải quyết ghi trong Phiếu hẹn) tại Bộ phận tiếp nhận và trả kết quả như thế nào?',
        },
        {
          number: 5,
          topic: 'Đạo đức công vụ, tác phong lễ lối và thái độ ứng xử',
          text: 'Ông/Bà đánh giá mức độ về đạo đức công vụ, tác phong lễ lối và thái độ ứng xử của cán bộ, công chức cấp xã khi giải quyết công việc như thế nào?',
        },
      ],
    },
    {
      id: 'cadre',
      version: 1,
      annex: 'Phụ lục 03',
      title:
        'Sự hài lòng đối với hoạt động của chính quyền cấp xã trong việc “Xây dựng chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ”',
      audience:
        'Dùng cho cán bộ ở thôn, khu dân cư: bí thư chi bộ; trưởng thôn, khu dân cư; trưởng ban công tác Mặt trận và trưởng các tổ chức chính trị - xã hội, đoàn thể nhân dân',
      instruction:
        'Xin Ông/Bà vui lòng đánh dấu (X) vào 01 ô tương ứng đối với 4 phương án trả lời về công tác lãnh đạo, chỉ đạo, quản lý, điều hành của chính quyền cấp xã.',
      questions: [
        {
          number: 1,
          topic: 'Phát triển kinh tế, thúc đẩy sản xuất kinh doanh',
          text: 'Ông/Bà đánh giá mức độ quản lý, điều hành của chính quyền cấp xã về phát triển kinh tế, thúc đẩy sản xuất kinh doanh trên địa bàn thôn, khu dân cư như thế nào?',
        },
        {
          number: 2,
          topic: 'Lĩnh vực văn hóa, y tế, giáo dục, thể dục thể thao, an sinh xã hội',
          text: 'Ông/Bà đánh giá công tác quản lý, điều hành trong lĩnh vực văn hóa, y tế, giáo dục, thể dục thể thao, an sinh xã hội của chính quyền cấp xã trên địa bàn thôn, khu dân cư như thế nào?',
        },
        {
          number: 3,
          topic: 'Lĩnh vực an ninh, trật tự, quản lý dân cư',
          text: 'Ông/Bà đánh giá công tác lãnh đạo, chỉ đạo, điều hành lĩnh vực an ninh, trật tự, quản lý dân cư, giữ gìn trật tự nơi công cộng, giữ gìn vệ sinh môi trường, giải quyết thủ tục đất đai... trên địa bàn thôn, khu dân cư như thế nào?',
        },
        {
          number: 4,
          topic: 'Trách nhiệm, thân thiện, tận tụy của đội ngũ cán bộ, công chức cấp xã',
          text: 'Ông/Bà đánh giá mức độ trách nhiệm, thân thiện, tận tụy của đội ngũ cán bộ, công chức cấp xã khi thực hiện nhiệm vụ tại thôn, khu dân cư?',
        },
        {
          number: 5,
          topic: 'Hoạt động của người đứng đầu chính quyền cấp xã đi cơ sở',
          text: 'Ông/Bà đánh giá mức độ hoạt động của người đứng đầu chính quyền cấp xã đi cơ sở; tham dự các cuộc họp và trực tiếp giải quyết các vụ việc nổi cộm, bức xúc trên địa bàn thôn, khu dân cư như thế nào?',
        },
      ],
    },
  ],
} satisfies Profile);
