/**
 * The part of the problem catalogue (../problems.ts) a device shows before anything else runs,
 * without the collector: imported alone by the kiosk's first screen, merged into the catalogue
 * for everyone else. Codes are unique across the whole catalogue (test/core/problems.test.ts).
 */
export const deviceProblems = {
  'context.insecure': {
    code: '400.30',
    message:
      'Trang này đang mở bằng địa chỉ không an toàn (http://), nên trình duyệt không cho ứng dụng làm việc khi mất mạng, dùng camera hay lưu mã PIN. Vui lòng mở máy chủ thu phiếu bằng địa chỉ bắt đầu bằng https://; nếu chưa có địa chỉ đó, xin hỏi cơ quan thu phiếu.',
  },
  'context.insecure-phone': {
    code: '400.31',
    message:
      'Trang đánh giá đang mở bằng địa chỉ không an toàn (http://), nên phiếu của Ông/Bà không được bảo vệ trên đường gửi đi. Xin Ông/Bà đánh giá trên máy khảo sát tại quầy và báo cán bộ về lỗi này.',
  },
  'context.browser-lacks': {
    code: '400.32',
    message:
      'Trình duyệt này thiếu chức năng mà ứng dụng cần (làm việc khi mất mạng hoặc mã hóa dữ liệu). Vui lòng mở bằng Chrome bản mới, không dùng chế độ ẩn danh.',
  },
  'context.technician': {
    code: '400.33',
    message:
      'Dành cho cán bộ kỹ thuật: cách cài đặt HTTPS cho máy chủ thu phiếu có trong tài liệu docs/deploy.md của phần mềm.',
  },
  'settings.damaged': {
    code: '400.36',
    message:
      'Cài đặt đã lưu bị hỏng nên máy đang dùng cài đặt mặc định. Vui lòng vào Quản trị → Cài đặt để kiểm tra và lưu lại.',
  },
  'settings.unknown-profile': {
    code: '400.37',
    message:
      'Cài đặt đã lưu dùng bộ câu hỏi mà phiên bản này chưa biết nên máy đang dùng bộ câu hỏi mặc định. Vui lòng cập nhật ứng dụng hoặc vào Quản trị → Cài đặt để lưu lại.',
  },
  'commune.code-digits': {
    code: '400.45',
    message: 'Mã xã chỉ gồm chữ số.',
  },
  'pin.invalid': {
    code: '400.38',
    message: 'Mã PIN phải gồm 4 đến 8 chữ số.',
  },
  'camera.refused': {
    code: '400.39',
    message:
      'Không mở được camera. Hãy cho phép trình duyệt dùng camera, hoặc nhập nội dung mã bằng tay.',
  },
  'camera.none': {
    code: '400.40',
    message: 'Máy này không có camera dùng được. Hãy nhập nội dung mã bằng tay.',
  },
  'camera.detector': {
    code: '400.41',
    message: 'Không khởi động được bộ đọc mã QR trên máy này.',
  },
  'sheet.not-saved': {
    code: '500.2',
    message:
      'Máy chưa lưu được phiếu. Xin Ông/Bà bấm "Thử lại"; nếu vẫn không được, xin báo cán bộ.',
  },
  'desk.needs-network': {
    code: '503.4',
    message:
      'Cần có mạng để lấy mã đánh giá từ mã QR in sẵn. Xin Ông/Bà bật dữ liệu di động hoặc Wi-Fi rồi quét lại.',
  },
} as const;
