import { deviceProblems } from './problems/device.ts';

/**
 * One catalogue of every problem a person may be shown, shared by the screens and the
 * collector server: a decimal code for logs and support (HTTP status . case) and a
 * Vietnamese sentence that says what happened and what to do next. The sentences a device
 * shows on its first screen live apart (./problems/device.ts), so the kiosk's first download
 * carries them and not the whole catalogue.
 */
export const problemCatalogue = {
  ...deviceProblems,
  'frame.not-ours': {
    code: '400.1',
    message:
      'Mã này không phải khung dữ liệu phiếu khảo sát. Vui lòng quét mã QR trên màn hình máy khảo sát.',
  },
  'frame.other-batch': {
    code: '400.2',
    message:
      'Khung này thuộc một lô khác với các khung đã quét. Vui lòng quét hết lô đang dở hoặc bắt đầu lại.',
  },
  'frame.damaged': {
    code: '400.3',
    message: 'Khung dữ liệu bị hỏng hoặc thiếu ký tự. Vui lòng quét lại khung này.',
  },
  'receipt.not-ours': {
    code: '400.9',
    message:
      'Mã này không phải mã xác nhận của cơ quan thu phiếu. Vui lòng quét mã xác nhận hiện trên màn hình của cơ quan.',
  },
  'receipt.other-export': {
    code: '400.10',
    message:
      'Mã xác nhận này thuộc một lần xuất khác. Các phiếu của lần xuất này chưa được đánh dấu đã gửi.',
  },
  'token.damaged': {
    code: '400.11',
    message: 'Mã QR đánh giá bị hỏng hoặc không đầy đủ. Xin Ông/Bà quét lại mã tại quầy.',
  },
  'token.wrong-form': {
    code: '400.12',
    message: 'Phiếu không đúng mẫu mà mã QR cho phép. Xin Ông/Bà quét lại mã tại quầy.',
  },
  'answer.not-ours': {
    code: '400.13',
    message:
      'Mã này không phải mã phiếu trả lời từ điện thoại. Xin mời quét mã hiện trên điện thoại sau khi trả lời xong.',
  },
  'token.forged': {
    code: '401.3',
    message:
      'Mã QR đánh giá không hợp lệ: không do máy khảo sát của xã, phường tạo ra. Xin Ông/Bà quét mã tại quầy.',
  },
  'token.unknown-issuer': {
    code: '401.4',
    message:
      'Mã QR đánh giá do một máy chưa đăng ký với cơ quan thu phiếu tạo ra. Xin Ông/Bà báo cán bộ tại quầy.',
  },
  'token.other-commune': {
    code: '403.2',
    message:
      'Mã QR đánh giá không thuộc xã, phường này. Xin Ông/Bà quét mã tại quầy của xã, phường mình.',
  },
  'token.used': {
    code: '409.3',
    message:
      'Mã QR này đã được dùng để gửi một phiếu. Mỗi mã chỉ dùng cho một phiếu; xin Ông/Bà quét mã mới tại quầy.',
  },
  'token.claimed': {
    code: '409.4',
    message:
      'Mã QR này vừa được một điện thoại khác mở. Mỗi mã chỉ dùng cho một người; xin Ông/Bà quét mã mới trên màn hình.',
  },
  'token.expired': {
    code: '410.1',
    message: 'Mã QR đánh giá đã hết hạn. Xin Ông/Bà quét mã mới tại quầy.',
  },
  'desk.busy': {
    code: '429.2',
    message:
      'Có quá nhiều lượt quét mã trong thời gian ngắn. Xin Ông/Bà chờ một phút rồi quét lại.',
  },
  'batch.damaged': {
    code: '400.4',
    message:
      'Dữ liệu của lô bị hỏng (mã kiểm tra không khớp). Không có phiếu nào được nhận. Vui lòng quét hoặc xuất lại.',
  },
  'batch.version': {
    code: '400.5',
    message:
      'Lô dữ liệu được tạo bởi một phiên bản ứng dụng khác. Vui lòng cập nhật ứng dụng rồi thử lại.',
  },
  'batch.too-large': {
    code: '413.1',
    message: 'Lô dữ liệu quá lớn. Vui lòng xuất thành nhiều lô nhỏ hơn.',
  },
  'batch.bad-signature': {
    code: '401.1',
    message:
      'Chữ ký của lô không hợp lệ: lô không do máy khảo sát đã đăng ký tạo ra, hoặc đã bị sửa. Không có phiếu nào được nhận.',
  },
  'sheet.conflict': {
    code: '409.1',
    message:
      'Đã có phiếu cùng mã máy và số thứ tự nhưng nội dung khác. Phiếu mới không được nhận; vui lòng báo cơ quan thu phiếu.',
  },
  'kiosk.exists': {
    code: '409.2',
    message:
      'Máy khảo sát này đã được đăng ký. Nếu cần cấp lại khóa, vui lòng liên hệ cơ quan thu phiếu.',
  },
  'kiosk.commune-mismatch': {
    code: '403.1',
    message:
      'Lô dữ liệu ghi mã xã khác với mã xã của máy đã đăng ký. Không có phiếu nào được nhận.',
  },
  'auth.admin': {
    code: '401.2',
    message: 'Thiếu hoặc sai mã quản trị của cơ quan thu phiếu.',
  },
  'request.invalid': {
    code: '400.6',
    message: 'Yêu cầu không hợp lệ. Vui lòng kiểm tra lại dữ liệu gửi lên.',
  },
  'request.period': {
    code: '400.21',
    message:
      'Khoảng thời gian không hợp lệ: cần ngày bắt đầu và ngày kết thúc có thật, dạng YYYY-MM-DD, ngày bắt đầu không sau ngày kết thúc.',
  },
  'request.too-large': {
    code: '413.2',
    message: 'Dữ liệu gửi lên quá lớn. Vui lòng chia thành nhiều lần gửi.',
  },
  'rate.limited': {
    code: '429.1',
    message: 'Máy đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
  },
  'file.unreadable': {
    code: '400.7',
    message: 'Tệp không đọc được (không phải JSON hoặc bị cắt cụt). Không có phiếu nào được nhận.',
  },
  'sheet.unknown-profile': {
    code: '400.14',
    message:
      'Phiếu ghi một bộ câu hỏi hoặc phiên bản mẫu phiếu mà cơ quan thu phiếu không biết. Không có phiếu nào được nhận; vui lòng cập nhật ứng dụng rồi gửi lại.',
  },
  'sheet.answers': {
    code: '400.15',
    message:
      'Phiếu có số câu trả lời hoặc mức trả lời không đúng mẫu phiếu. Không có phiếu nào được nhận; vui lòng báo cơ quan thu phiếu.',
  },
  'sheet.identity': {
    code: '400.16',
    message:
      'Mã máy, số thứ tự hoặc nơi trả lời của phiếu không hợp lệ. Không có phiếu nào được nhận; vui lòng báo cơ quan thu phiếu.',
  },
  'sheet.time': {
    code: '400.17',
    message:
      'Thời gian ghi trên phiếu không hợp lý (trước khi có đề án hoặc ở tương lai). Không có phiếu nào được nhận; vui lòng kiểm tra đồng hồ của máy và báo cơ quan thu phiếu.',
  },
  'sheet.personal': {
    code: '400.18',
    message:
      'Họ tên, địa chỉ, lý do hoặc góp ý của phiếu quá dài hoặc không hợp lệ. Không có phiếu nào được nhận; vui lòng báo cơ quan thu phiếu.',
  },
  'request.encoding': {
    code: '400.19',
    message:
      'Dữ liệu gửi lên có ký tự không đọc được (không phải UTF-8 hợp lệ). Không có phiếu nào được nhận.',
  },
  'token.out-of-bounds': {
    code: '400.20',
    message:
      'Mã QR đánh giá có thời điểm cấp hoặc thời hạn không hợp lệ. Xin Ông/Bà quét mã mới tại quầy.',
  },
  'kiosk.revoked': {
    code: '403.3',
    message:
      'Máy khảo sát này đã bị cơ quan thu phiếu thu hồi nên phiếu mới không được nhận. Vui lòng liên hệ cơ quan thu phiếu.',
  },
  'token.form-not-allowed': {
    code: '403.4',
    message: 'Mã QR in sẵn này chỉ dùng cho phiếu của người dân. Xin Ông/Bà báo cán bộ tại quầy.',
  },
  'kiosk.not-registered': {
    code: '401.5',
    message:
      'Máy chưa đăng ký với cơ quan thu phiếu nên chưa ký được dữ liệu. Vui lòng đăng ký ở mục Gửi dữ liệu.',
  },
  'collector.unreachable': {
    code: '503.1',
    message:
      'Không kết nối được tới máy chủ thu phiếu (mất mạng hoặc sai địa chỉ). Dữ liệu trên máy này vẫn được giữ; máy sẽ gửi khi có mạng.',
  },
  'parcel.waiting': {
    code: '503.5',
    message:
      'Chưa gửi được lên máy chủ thu phiếu (mất mạng); dữ liệu được giữ trên máy này và sẽ tự gửi khi có mạng.',
  },
  'sync.waiting': {
    code: '503.3',
    message:
      'Chưa gửi được phiếu về cơ quan thu phiếu (mất mạng hoặc máy chủ bận). Máy sẽ tự thử lại.',
  },
  'sync.commune-changed': {
    code: '409.8',
    message:
      'Mã xã, phường trong Cài đặt khác với mã xã máy đã đăng ký với cơ quan thu phiếu. Phiếu vẫn được gửi theo mã đã đăng ký; nếu máy đã chuyển sang xã, phường khác, vui lòng đăng ký lại máy ở mục Gửi dữ liệu.',
  },
  'collector.failed': {
    code: '500.1',
    message:
      'Máy chủ thu phiếu gặp lỗi khi xử lý yêu cầu (lỗi của máy chủ, không phải mất mạng). Dữ liệu trên máy này vẫn được giữ; vui lòng thử lại sau ít phút và báo kỹ thuật viên nếu lỗi còn.',
  },
  'scorecard.locked': {
    code: '409.5',
    message:
      'Kết quả thẩm định của xã, phường này đã được khóa nên không sửa được. Nếu cần sửa, quản trị viên của cơ quan mở khóa và ghi rõ lý do.',
  },
  'scorecard.invalid': {
    code: '400.22',
    message:
      'Điểm mục B không hợp lệ: mục không có trong Bảng thang chấm điểm, hoặc điểm vượt điểm chuẩn của mục. Không có gì được lưu.',
  },
  'scorecard.reason-needed': {
    code: '400.23',
    message:
      'Điểm thẩm định khác điểm xã tự chấm: vui lòng ghi lý do cho từng mục khác. Không có gì được lưu.',
  },
  'scorecard.none': {
    code: '400.24',
    message: 'Bộ câu hỏi này không có Bảng thang chấm điểm trong phiên bản ứng dụng hiện tại.',
  },
  'sheet.unknown': {
    code: '404.2',
    message: 'Cơ quan thu phiếu không có phiếu nào với mã máy và số thứ tự này.',
  },
  'kiosk.unknown': {
    code: '404.1',
    message: 'Không có máy khảo sát hoặc mã QR in sẵn nào có mã này.',
  },
  'file.invalid': {
    code: '400.8',
    message: 'Tệp có dữ liệu không hợp lệ (xem danh sách lỗi). Không có phiếu nào được nhận.',
  },
  'commune.unknown': {
    code: '404.3',
    message:
      'Cơ quan thu phiếu chưa đăng ký máy nào và chưa nhận phiếu nào của xã, phường có mã này.',
  },
  // The office's accounts and sessions (issue 11).
  'auth.signed-out': {
    code: '401.6',
    message: 'Chưa đăng nhập hoặc phiên làm việc đã hết. Vui lòng đăng nhập lại.',
  },
  'auth.bad-credentials': {
    code: '401.7',
    message: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
  },
  'auth.forbidden': {
    code: '403.5',
    message:
      'Tài khoản này không có quyền làm việc này. Vui lòng nhờ quản trị cơ quan thu phiếu cấp quyền.',
  },
  'auth.first-admin-code': {
    code: '403.6',
    message:
      'Mã tạo tài khoản quản trị đầu tiên không đúng hoặc đã được dùng. Mã được ghi trong nhật ký của máy chủ thu phiếu khi khởi động.',
  },
  'auth.cross-site': {
    code: '403.7',
    message:
      'Yêu cầu này đến từ một trang khác nên bị từ chối. Vui lòng thao tác ngay trên màn hình của ứng dụng.',
  },
  'auth.locked': {
    code: '429.3',
    message:
      'Đăng nhập sai quá nhiều lần. Vui lòng chờ 15 phút rồi thử lại, hoặc nhờ quản trị cơ quan thu phiếu đặt lại mật khẩu.',
  },
  'auth.offline-unknown': {
    code: '401.8',
    message:
      'Không kết nối được máy chủ thu phiếu, và tên đăng nhập với mật khẩu này chưa từng đăng nhập trên máy này khi có mạng, nên chưa mở được số liệu ngoại tuyến.',
  },
  'audit.chain-broken': {
    code: '409.9',
    message:
      'Nhật ký thao tác không còn liền mạch: có mục đã bị sửa hoặc xóa. Vui lòng giữ nguyên máy chủ và báo ngay kỹ thuật viên để kiểm tra.',
  },
  'account.password-mismatch': {
    code: '400.43',
    message: 'Hai lần nhập mật khẩu không giống nhau. Vui lòng nhập lại cả hai ô.',
  },
  'enrolment.device-id': {
    code: '400.44',
    message:
      'Mã máy gồm 16 ký tự 0–9 và a–f, như hiện trên màn hình Đăng ký máy của máy khảo sát. Vui lòng gõ lại.',
  },
  'account.exists': {
    code: '409.6',
    message: 'Đã có tài khoản với tên đăng nhập này. Vui lòng chọn tên khác.',
  },
  'account.unknown': {
    code: '404.4',
    message: 'Không có tài khoản với tên đăng nhập này.',
  },
  'account.self': {
    code: '409.7',
    message: 'Không thể tự khóa tài khoản mình đang dùng. Vui lòng nhờ một quản trị khác.',
  },
  'enrolment.invalid': {
    code: '404.5',
    message:
      'Mã đăng ký máy không đúng, đã được dùng hoặc đã hết hạn. Vui lòng xin cơ quan thu phiếu một mã mới.',
  },
  'enrolment.unreadable': {
    code: '400.34',
    message:
      'Đây không phải mã đăng ký máy. Vui lòng quét mã QR đăng ký do cơ quan thu phiếu đưa, hoặc gõ mã 8 ký tự (ví dụ ABCD-EFGH).',
  },
  'enrolment.other-device': {
    code: '400.35',
    message:
      'Mã đăng ký này được lập cho một máy khác (mã máy không khớp). Vui lòng đưa đúng mã máy trên màn hình này cho cơ quan thu phiếu.',
  },
  'enrolment.bad-address': {
    code: '400.42',
    message:
      'Địa chỉ máy chủ thu phiếu không đúng. Vui lòng nhập địa chỉ đầy đủ, bắt đầu bằng https:// (ví dụ https://thuphieu.example.vn), hoặc quét mã QR đăng ký của cơ quan thu phiếu.',
  },
  'self-score.step': {
    code: '400.25',
    message:
      'Điểm tự chấm phải là số từ 0 trở lên, theo bước 0,5 (ví dụ 0; 0,5; 1; 1,5). Điểm đã lưu của mục này không thay đổi.',
  },
  'self-score.above-max': {
    code: '400.26',
    message:
      'Điểm tự chấm vượt điểm chuẩn của mục. Vui lòng nhập điểm không quá điểm chuẩn; điểm đã lưu của mục này không thay đổi.',
  },
  'self-score.unfixed': {
    code: '400.27',
    message:
      'Còn mục có điểm tự chấm không hợp lệ (được đánh dấu ở bảng). Vui lòng sửa các mục đó trước khi gửi hoặc tải tệp.',
  },
  'self-score.no-commune': {
    code: '400.28',
    message:
      'Chưa có mã xã, phường trong Cài đặt nên chưa lập được bản tự chấm. Vui lòng nhập mã xã, phường ở mục Cài đặt.',
  },
  'self-score.offline': {
    code: '503.2',
    message:
      'Không kết nối được tới máy chủ thu phiếu (mất mạng hoặc sai địa chỉ). Bản tự chấm vẫn được lưu trên máy này: vui lòng gửi lại khi có mạng, hoặc bấm “Tải tệp tự chấm” và chuyển tệp cho cơ quan thu phiếu.',
  },
} as const;

export type ProblemKey = keyof typeof problemCatalogue;

/** The HTTP status of a problem: the integer part of its code. */
export function problemStatus(key: ProblemKey): number {
  return Number.parseInt(problemCatalogue[key].code, 10);
}

/** Where in a delivery something is wrong: a path like "sheets.3.answers.1", and what. */
export interface Fault {
  path: string;
  message: string;
}

/**
 * An error that carries a catalogue entry; `detail` is for logs, never shown instead of the
 * sentence; `faults` list what is wrong where, for the officer who opened a file.
 */
export class Problem extends Error {
  readonly key: ProblemKey;
  readonly code: string;
  readonly detail: string | undefined;
  readonly faults: readonly Fault[];

  constructor(key: ProblemKey, detail?: string, faults: readonly Fault[] = []) {
    super(problemCatalogue[key].message);
    this.name = 'Problem';
    this.key = key;
    this.code = problemCatalogue[key].code;
    this.detail = detail;
    this.faults = faults;
  }
}
