import type { Disqualifier, SectionB } from './scorecard-schema.ts';

/**
 * Section B of Hải Dương's scorecard (seed 003, Phụ lục 01 "BẢNG THANG CHẤM ĐIỂM"), in
 * half-points. Texts are the table's, letter for letter (NFC), its own spelling kept
 * ("Xếp xếp", "vôi vĩnh", "vùi vãnh"); rows the table's layout splits over two lines are
 * joined with one space. Criterion titles are the body's sentence case ("Tiêu chí 1: …").
 *
 * Where the table prints an item's number on its first sub-item's line (1.3, 2.3, 2.4, 4.2,
 * 4.3, 4.4), the item is the unnumbered row above, whose points are the sum of the lines
 * below it. The table ends after Tiêu chí 5's item 1 (7 points, the whole criterion); the
 * letters ("Thư chúc mừng…") that the body lists under Tiêu chí 5 have no row and no points
 * in it, so they are not scored here. test/core/profile.test.ts checks every text and point
 * against the seed.
 */
export const haiDuong2024SectionB: SectionB = {
  maxHalfPoints: 160,
  criteria: [
    {
      id: '1',
      text: 'Chính quyền hoạt động công khai, minh bạch',
      tableTitle: 'CHÍNH QUYỀN HOẠT ĐỘNG CÔNG KHAI, MINH BẠCH',
      maxHalfPoints: 44,
      children: [
        {
          id: '1.1',
          text: 'Tổ chức tuyên truyền các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, các chương trình, dự án, cơ chế, chính sách, quy chế, quy định của địa phương, cơ sở',
          maxHalfPoints: 4,
          children: [
            { id: '1.1.1', text: 'Trên hệ thống truyền thanh ở cơ sở', maxHalfPoints: 2 },
            { id: '1.1.2', text: 'Tại các cuộc họp thôn, khu dân cư', maxHalfPoints: 2 },
          ],
        },
        {
          id: '1.2',
          text: 'Công khai, niêm yết tại trụ sở UBND cấp xã hoặc trên trang thông tin điện tử của xã, phường, thị trấn về các quy định',
          maxHalfPoints: 8,
          children: [
            {
              id: '1.2.1',
              text: 'Công khai theo quy định của Luật Thực hiện dân chủ ở cơ sở',
              maxHalfPoints: 2,
            },
            {
              id: '1.2.2',
              text: 'Công khai danh mục thủ tục hành chính, nội dung, thời gian, quy trình giải quyết',
              maxHalfPoints: 2,
            },
            {
              id: '1.2.3',
              text: 'Công khai mức thu phí, lệ phí của từng thủ tục hành chính',
              maxHalfPoints: 2,
            },
            {
              id: '1.2.4',
              text: 'Công khai kết quả giải quyết thủ tục hành chính của chính quyền cho tổ chức và công dân',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '1.3',
          text: 'Công khai lịch tiếp công dân và số điện thoại',
          maxHalfPoints: 6,
          children: [
            {
              id: '1.3.1',
              text: 'Công khai lịch tiếp công dân của chủ tịch UBND',
              maxHalfPoints: 2,
            },
            {
              id: '1.3.2',
              text: 'Công khai số điện thoại đường dây nóng, số điện thoại của lãnh đạo xã, phường, thị trấn',
              maxHalfPoints: 2,
            },
            {
              id: '1.3.3',
              text: 'Công khai số điện thoại của cán bộ, công chức trực tiếp giải quyết các công việc liên quan đến người dân',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '1.4',
          text: 'Bố trí phân công cán bộ, công chức có năng lực trình độ chuyên môn, có kỹ năng trong giao tiếp, ứng xử để hướng dẫn Nhân dân đến làm thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả',
          maxHalfPoints: 6,
        },
        {
          id: '1.5',
          text: 'Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động chỉ đạo, điều hành của chính quyền',
          maxHalfPoints: 6,
          children: [
            {
              id: '1.5.1',
              text: 'Đẩy mạnh thực hiện ứng dụng công nghệ thông tin ký số văn bản',
              maxHalfPoints: 2,
            },
            {
              id: '1.5.2',
              text: 'Đẩy mạnh dịch vụ công trực tuyến toàn trình và số hoá hồ sơ giải quyết thủ tục hành chính',
              maxHalfPoints: 2,
            },
            {
              id: '1.5.3',
              text: 'Lập mã quét QR về các thủ tục hành chính và hướng dẫn việc thực hiện thủ tục hành chính',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '1.6',
          text: 'Đảm bảo 100% các thủ tục hành chính của người dân, tổ chức thuộc thẩm quyền của cấp xã được giải quyết xong trước và trong thời gian quy định',
          maxHalfPoints: 14,
        },
      ],
    },
    {
      id: '2',
      text: 'Xây dựng hình ảnh người đứng đầu cấp ủy, chính quyền gương mẫu, trách nhiệm, thân thiện với Nhân dân',
      tableTitle:
        'XÂY DỰNG HÌNH ẢNH NGƯỜI ĐỨNG ĐẦU CẤP ỦY, CHÍNH QUYỀN NGƯƠNG MẪU, TRÁCH NHIỆM, THÂN THIỆN VỚI NHÂN DÂN',
      maxHalfPoints: 46,
      children: [
        {
          id: '2.1',
          text: 'Gương mẫu đi đầu trong việc thực hiện nhiệm vụ và các chuẩn mực đạo đức, tác phong, lễ nết làm việc',
          maxHalfPoints: 6,
          children: [
            {
              id: '2.1.1',
              text: 'Gương mẫu đi đầu thực hiện chuẩn mực về đạo đức, lối sống, tác phong công tác của người cán bộ, đảng viên',
              maxHalfPoints: 2,
            },
            {
              id: '2.1.2',
              text: 'Gương mẫu đi đầu thực hiện học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
              maxHalfPoints: 2,
            },
            {
              id: '2.1.3',
              text: 'Gương mẫu đi đầu trong giao tiếp, ứng xử và giải quyết công việc với Nhân dân theo hướng "trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân"',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '2.2',
          text: 'Người đứng đầu cấp ủy, chính quyền thường xuyên xuống cơ sở thôn, khu dân cư để tham gia các hoạt động với Nhân dân, lắng nghe, tiếp thu các ý kiến, kiến nghị, tham vấn của Nhân dân để có biện pháp giải quyết và sửa đổi, bổ sung các quy chế, quy định cho phù hợp với tình hình thực tiễn',
          maxHalfPoints: 10,
        },
        {
          id: '2.3',
          text: 'Chỉ đạo, lãnh đạo triển khai và thực hiện tốt các nhiệm vụ',
          maxHalfPoints: 8,
          children: [
            {
              id: '2.3.1',
              text: 'Chỉ đạo xây dựng và triển khai thực hiện có hiệu quả các quy chế, quy định về thực hiện đạo đức công vụ đối với đội ngũ cán bộ, công chức thuộc chính quyền địa phương quản lý',
              maxHalfPoints: 2,
            },
            { id: '2.3.2', text: 'Xây dựng cơ quan đoàn kết, thống nhất nội bộ', maxHalfPoints: 2 },
            {
              id: '2.3.3',
              text: 'Thường xuyên quan tâm công tác bồi dưỡng cho cán bộ, công chức về chuyên môn nghiệp vụ và các kỹ năng tuyên truyền giáo dục, vận động thuyết phục',
              maxHalfPoints: 2,
            },
            {
              id: '2.3.4',
              text: 'Thường xuyên đôn đốc nhắc nhở, kiểm tra, giám sát việc thực hiện nhiệm vụ của đội ngũ cán bộ công chức, nhất là công chức làm việc tại Bộ phận tiếp nhận và trả kết quả, trực tiếp giải quyết các chế độ chính sách cho nhân dân',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '2.4',
          text: 'Chỉ đạo, lãnh đạo thực hiện các quy chế, quy định của pháp luật',
          maxHalfPoints: 18,
          children: [
            { id: '2.4.1', text: 'Luật Thực hiện dân chủ ở cơ sở', maxHalfPoints: 2 },
            { id: '2.4.2', text: 'Luật Tiếp công dân', maxHalfPoints: 2 },
            { id: '2.4.3', text: 'Luật Khiếu nại', maxHalfPoints: 2 },
            { id: '2.4.4', text: 'Luật Tố cáo', maxHalfPoints: 2 },
            {
              id: '2.4.5',
              text: 'Quy chế số 03-QC/TU, ngày 18/3/2021 của Ban Thường vụ Tỉnh ủy về tiếp xúc, đối thoại của người đứng đầu cấp ủy đảng, chính quyền các cấp với nhân dân trên địa bàn tỉnh',
              maxHalfPoints: 10,
              children: [
                {
                  id: '2.4.5.1',
                  text: 'Công tác tổ chức Hội nghị tiếp xúc, đối thoại của người đứng đầu cấp ủy đảng, chính quyền cấp xã với nhân dân trên địa bàn',
                  maxHalfPoints: 4,
                },
                {
                  id: '2.4.5.2',
                  text: 'Giải quyết các ý kiến, kiến nghị của nhân dân sau Hội nghị tiếp xúc, đối thoại',
                  maxHalfPoints: 6,
                },
              ],
            },
          ],
        },
        {
          id: '2.5',
          text: 'Người đứng đầu chính quyền cấp xã thường xuyên khảo sát đánh giá việc thực hiện Đề án thông qua các phương thức như: Phiếu đánh giá; thiết bị đánh giá điện tử tại Bộ phận Một cửa; Hệ thống Camera giám sát hoặc ý kiến, kiến nghị của tổ chức, cá nhân gửi đến hộp thư góp ý để đánh giá rút kinh nghiệm, hoàn thiện các tiêu chí và nâng hạng mức độ đạt chuẩn',
          maxHalfPoints: 4,
        },
      ],
    },
    {
      id: '3',
      text: 'Xây dựng đội ngũ cán bộ, công chức cấp xã trách nhiệm, thân thiện, tận tụy với Nhân dân',
      tableTitle:
        'XÂY DỰNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ TRÁCH NHIỆM, THÂN THIỆN, TẬN TỤY VỚI NHÂN DÂN',
      maxHalfPoints: 20,
      children: [
        {
          id: '3.1',
          text: 'Các cán bộ, công chức khi đến trụ sở làm việc trang phục phải gọn gàng, lịch sự, đeo thẻ cán bộ, công chức, theo quy định',
          maxHalfPoints: 4,
        },
        {
          id: '3.2',
          text: 'Các cán bộ, công chức nắm vững chủ trương, đường lối, quan điểm, của Đảng, chính sách, pháp luật của Nhà nước để thực hiện tốt nhiệm vụ được giao và tuyên truyền, vận động Nhân dân đồng thuận chấp hành',
          maxHalfPoints: 4,
        },
        {
          id: '3.3',
          text: 'Các cán bộ, công chức gương mẫu thực hiện nghiêm các quy định, chuẩn mực về đạo đức, lối sống của người cán bộ, đảng viên, đạo đức công vụ, có tác phong, thái độ lịch sự, nghiêm túc, khiêm tốn, khi giao tiếp ngôn ngữ phải chuẩn mực, rõ ràng, mạch lạc',
          maxHalfPoints: 4,
        },
        {
          id: '3.4',
          text: 'Các cán bộ, công chức khi giao tiếp giải quyết công việc hành chính với người dân luôn thực hiện “4 xin: xin chào, xin lỗi, xin cảm ơn, xin phép”; “4 luôn: luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ” và “2 không: không được gây khó khăn, phiền hà, vôi vĩnh, kéo dài thời gian xử lý công việc của cơ quan, tổ chức và người dân; không thờ ơ, vô cảm, thiếu trách nhiệm trước những khó khăn, bức xúc của người dân”',
          maxHalfPoints: 8,
        },
      ],
    },
    {
      id: '4',
      text: 'Trụ sở làm việc văn minh, thân thiện, xanh, sạch, đẹp',
      tableTitle: 'TRỤ SỞ LÀM VIỆC VĂN MINH, THÂN THIỆN, XANH, SẠCH, ĐẸP',
      maxHalfPoints: 36,
      children: [
        {
          id: '4.1',
          text: 'Xây dựng cảnh quan môi trường khu vực khuôn viên trụ sở UBND xã, phường, thị trấn bảo đảm sáng, xanh, sạch, đẹp, thân thiện tạo ấn tượng tốt đối với công dân khi đến liên hệ, giao dịch',
          maxHalfPoints: 10,
        },
        {
          id: '4.2',
          text: 'Xếp xếp các phòng làm việc gọn gàng, khoa học, thân thiện',
          maxHalfPoints: 4,
          children: [
            { id: '4.2.1', text: 'Phòng Hội trường, phòng họp', maxHalfPoints: 1 },
            { id: '4.2.2', text: 'Phòng làm việc của cán bộ, công chức', maxHalfPoints: 1 },
            { id: '4.2.3', text: 'Phòng Bộ phận tiếp nhận và trả kết quả', maxHalfPoints: 1 },
            { id: '4.2.4', text: 'Phòng tiếp công dân', maxHalfPoints: 1 },
          ],
        },
        {
          id: '4.3',
          text: 'Bộ phận tiếp nhận và trả kết quả được trang bị các thiết bị để Nhân dân đến giao dịch thuận tiện',
          maxHalfPoints: 8,
          children: [
            {
              id: '4.3.1',
              text: 'Có máy tính tại Bộ phận tiếp nhận và trả kết quả để người dân sử dụng',
              maxHalfPoints: 2,
            },
            {
              id: '4.3.2',
              text: 'Có tủ sách, báo, bàn ghế ngồi chờ tại Bộ phận tiếp nhận và trả kết quả',
              maxHalfPoints: 2,
            },
            {
              id: '4.3.3',
              text: 'Có nước uống, quạt điện hoặc điều hoà nơi có điều kiện',
              maxHalfPoints: 2,
            },
            {
              id: '4.3.4',
              text: 'Có internet/wifi không đặt mật khẩu miễn phí cho Nhân dân đến giao dịch sử dụng thuận lợi',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '4.4',
          text: 'Có bảng khẩu hiệu, pano tuyên truyền',
          maxHalfPoints: 6,
          children: [
            {
              id: '4.4.1',
              text: 'Tại sảnh trung tâm trụ sở làm việc của chính quyền cấp xã có khẩu hiệu, pano tuyên truyền về “Xây dựng chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ”',
              maxHalfPoints: 2,
            },
            {
              id: '4.4.2',
              text: 'Tại bộ phận tiếp nhận và trả kết quả, phòng tiếp dân có khẩu hiệu, pano tuyên truyền về cán bộ, công chức khi giao tiếp với Nhân dân phải thực hiện “4 xin, 4 luôn, 2 không”: Xin chào, xin lỗi, xin cảm ơn, xin phép; luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ; không được gây khó khăn, phiền hà, vùi vãnh, kéo dài thời gian xử lý công việc của cơ quan, tổ chức và người dân; không thờ ơ, vô cảm, thiếu trách nhiệm trước những khó khăn, bức xúc của người dân',
              maxHalfPoints: 2,
            },
            {
              id: '4.4.3',
              text: 'Có khẩu hiệu, pano tuyên truyền về các phong trào thi đua yêu nước, các cuộc vận động do Đảng, Nhà nước và địa phương, cơ sở phát động',
              maxHalfPoints: 2,
            },
          ],
        },
        {
          id: '4.5',
          text: 'Tại Bộ phận tiếp nhận và trả kết quả và tại phòng tiếp dân có camera luôn ở tình trạng hoạt động tốt để giám sát cán bộ, công chức trong làm việc trực tiếp với Nhân dân',
          maxHalfPoints: 4,
        },
        {
          id: '4.6',
          text: 'Có hòm thư góp ý đặt tại trụ sở Ủy ban nhân dân cấp xã để tiếp nhận và chỉ đạo giải quyết các ý kiến góp ý của người dân',
          maxHalfPoints: 4,
        },
      ],
    },
    {
      id: '5',
      text: 'Thực hiện một số nội dung để tăng cường sự gần gũi, thân thiện giữa người dân và chính quyền',
      tableTitle:
        'THỰC HIỆN MỘT SỐ NỘI DUNG ĐỂ TĂNG CƯỜNG SỰ GẦN GŨI, THÂN THIỆN GIỮA NGƯỜI DÂN VÀ CHÍNH QUYỀN',
      maxHalfPoints: 14,
      children: [
        {
          id: '5.1',
          text: 'Thực hiện việc tiếp nhận và trả kết quả giải quyết thủ tục hành chính tại nhà cho các đối tượng (Thương binh, bệnh binh nặng, người khuyết tật, người ốm đau, bệnh hiểm nghèo, người già yếu cô đơn không nơi nương tựa) không có khả năng về đi lại khi có nhu cầu, đề nghị',
          maxHalfPoints: 14,
        },
      ],
    },
  ],
};

/**
 * The two violations after which a commune is not appraised that year and is "Không đạt
 * chuẩn" (seed 003, "Hướng dẫn chấm điểm", 1.), copied letter for letter without the "+ ".
 */
export const haiDuong2024Disqualifiers: Disqualifier[] = [
  {
    id: 'vu-viec-vuot-cap',
    text: 'Không kịp thời giải quyết các vụ, việc thuộc thẩm quyền, làm phát sinh điểm phức tạp, nổi cộm hoặc các vụ việc khiếu nại, tố cáo vượt cấp đông người, phức tạp, kéo dài.',
  },
  {
    id: 'ky-luat-khien-trach',
    text: 'Có tập thể hoặc cá nhân cán bộ, công chức vi phạm liên quan đến giải quyết công việc của dân đến mức phải xử lý kỷ luật từ khiển trách trở lên.',
  },
];
