import { formatCount } from './format.ts';
import type { FlagReason, OfficeFlag } from './office-flags.ts';
import type { FormId } from './profile/schema.ts';
import type { Flag } from './sheet.ts';

/**
 * The words the screens and exports compose into sentences, kept in one place (the problem
 * catalogue holds the refusals): form names, flag names, and why a sheet was flagged. The office
 * registry's words are in registry-words.ts, so that the kiosk's first screen, which loads this
 * module, does not carry them.
 */

export const FORM_LABEL: Record<FormId, string> = { citizen: 'Người dân', cadre: 'Cán bộ thôn' };

/** The kiosk's own flags, as the spreadsheet columns name them. */
export const KIOSK_FLAG_LABEL: Record<Flag, string> = {
  'non-resident': 'không cư trú',
  'quick-repeat': 'quá nhanh sau phiếu trước',
  burst: 'dồn dập',
  'identical-run': 'giống hệt các phiếu trước',
};

/** The office's flags, as a list names them. */
export const OFFICE_FLAG_LABEL: Record<OfficeFlag, string> = {
  'quick-repeat': 'Quá nhanh sau phiếu trước',
  burst: 'Dồn dập',
  'identical-run': 'Giống hệt các phiếu liền trước',
  'off-hours': 'Ngoài giờ làm việc',
  'non-resident': 'Không cư trú trên địa bàn',
  'phone-surge': 'Số phiếu qua điện thoại tăng bất thường',
};

const clockOf = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/** Why the office flagged a sheet, in a sentence an officer reads. */
export function flagReasonSentence(reason: FlagReason): string {
  const value = reason.value ?? 0;
  const limit = reason.limit ?? 0;
  switch (reason.flag) {
    case 'quick-repeat':
      return `Gửi ${formatCount(value)} giây sau phiếu trước trên cùng máy (ngưỡng ${formatCount(limit)} giây).`;
    case 'burst':
      return `Là phiếu thứ ${formatCount(value)} của máy trong một khoảng ngắn (ngưỡng ${formatCount(limit)} phiếu).`;
    case 'identical-run':
      return `Trả lời giống hệt ${formatCount(value - 1)} phiếu liền trước của máy.`;
    case 'off-hours':
      return `Gửi lúc ${clockOf(value)}, ngoài giờ làm việc đã đặt.`;
    case 'non-resident':
      return 'Người trả lời cho biết không thường xuyên cư trú trên địa bàn.';
    case 'phone-surge':
      return `Trong ngày, xã nhận ${formatCount(value)} phiếu qua điện thoại, vượt mức ${formatCount(limit)} (nhiều lần ngày thường).`;
  }
}

/**
 * What an idle countdown says before a screen gives way: its title, the sentence around the
 * seconds left ("{lead} 15 {unit}"), the button that goes at once and the one that stays.
 */
export interface IdleWords {
  title: string;
  lead: string;
  unit: string;
  leave: string;
  stay: string;
}

/** The idle countdowns: a citizen's unfinished sheet, the open admin area, an untouched PIN screen. */
export const IDLE_WORDS = {
  sheet: {
    title: 'Ông/Bà có muốn tiếp tục không?',
    lead: 'Phiếu chưa gửi sẽ được hủy sau',
    unit: 'giây.',
    leave: 'Hủy phiếu',
    stay: 'Tiếp tục',
  },
  admin: {
    title: 'Phần quản trị sắp tự khóa',
    lead: 'Không có thao tác nào. Máy sẽ khóa phần quản trị và trở về màn hình khảo sát sau',
    unit: 'giây; muốn vào lại phải nhập mã PIN.',
    leave: 'Khóa ngay',
    stay: 'Tiếp tục làm việc',
  },
  pin: {
    title: 'Màn hình mã PIN sắp đóng',
    lead: 'Chưa ai nhập mã PIN. Máy sẽ trở về màn hình khảo sát sau',
    unit: 'giây.',
    leave: 'Về màn hình khảo sát ngay',
    stay: 'Tiếp tục nhập mã PIN',
  },
} satisfies Record<string, IdleWords>;

/** The setting of the admin area's idle lock, as the settings screen names it. */
export const ADMIN_LOCK_LABEL = 'Tự khóa phần quản trị sau bao lâu không thao tác (giây, 30–1800)';

/**
 * The kiosk's enrolment with the collecting office (Quản trị → Gửi dữ liệu): by the office's
 * QR or one-time code, or offline by showing this device's id and scanning the office's QR.
 * The refusals are in the problem catalogue (enrolment.*).
 */
export const ENROLMENT_WORDS = {
  title: 'Đăng ký máy',
  intro:
    'Cán bộ cơ quan thu phiếu tạo một mã đăng ký cho máy này. Quét mã QR đăng ký bằng camera của máy, hoặc gõ mã 8 ký tự. Không cần và không được nhập mã quản trị của cơ quan trên máy khảo sát.',
  address: 'Địa chỉ máy chủ thu phiếu',
  code: 'Mã đăng ký máy (8 ký tự, ví dụ ABCD-EFGH)',
  submit: 'Đăng ký máy',
  scan: 'Quét mã QR đăng ký',
  scanHint: 'Đưa mã QR đăng ký trên màn hình hoặc giấy của cơ quan thu phiếu trước camera của máy.',
  camera: 'Camera quét mã QR đăng ký',
  closeCamera: 'Đóng camera',
  offline: 'Đăng ký khi không có mạng',
  offlineSteps:
    'Đọc hoặc đưa mã máy dưới đây cho cơ quan thu phiếu. Cơ quan đăng ký máy và hiện một mã QR đăng ký; quét mã đó bằng camera của máy này.',
  deviceId: 'Mã máy',
  deviceQr: 'Mã QR của mã máy này',
  offlineScan: 'Quét mã QR đăng ký của cơ quan',
  back: 'Quay lại',
  busy: 'Đang đăng ký…',
  confirmTitle: 'Xác nhận đăng ký máy',
  /** The question before a code from an opened link is redeemed. */
  confirm: (place: string) => `Đăng ký máy này cho ${place}?`,
  confirmCode: 'Mã đăng ký',
  yes: 'Đăng ký',
  no: 'Hủy',
  place: (host: string) => `cơ quan thu phiếu tại ${host}`,
  done: (commune: string, code: string, label: string) =>
    `Đã đăng ký máy cho ${commune} (mã ${code})${label ? `, tên máy “${label}”` : ''}.`,
  alreadyEnrolled:
    'Máy này đã đăng ký với cơ quan thu phiếu, nên mã đăng ký vừa mở không được dùng. Nếu cần đăng ký lại, vui lòng liên hệ cơ quan thu phiếu.',
  doneOffline:
    'Máy đã nhận khóa từ mã QR đăng ký. Khi có mạng, máy gửi phiếu về cơ quan thu phiếu; khi không có mạng, dùng mục Xuất mã QR.',
};

/** What an entry of the audit log records, as the office's audit screen names it. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'sign-in': 'Đăng nhập',
  'sign-in.failed': 'Đăng nhập sai',
  'sign-in.locked': 'Đăng nhập bị tạm khóa',
  'sign-out': 'Đăng xuất',
  'account.create': 'Tạo tài khoản',
  'account.first-admin-refused': 'Mã tạo quản trị đầu tiên bị từ chối',
  'account.disable': 'Khóa tài khoản',
  'account.enable': 'Mở khóa tài khoản',
  'account.password': 'Đặt lại mật khẩu',
  'audit.export': 'Tải nhật ký thao tác',
  'desk.create': 'Tạo mã QR in sẵn',
  'desk.forms': 'Đổi mẫu phiếu của mã QR in sẵn',
  'enrolment.create': 'Tạo mã đăng ký máy',
  'enrolment.used': 'Máy đăng ký bằng mã',
  'enrolment.refused': 'Mã đăng ký máy bị từ chối',
  import: 'Nhập tệp phiếu',
  'kiosk.register': 'Đăng ký máy khảo sát',
  'kiosk.revoke': 'Thu hồi máy khảo sát',
  'personal.export': 'Tải dữ liệu cá nhân',
  'personal.read': 'Xem họ tên, địa chỉ',
  'settings.flags': 'Đổi ngưỡng gắn cờ',
  'settings.retention': 'Đổi thời hạn giữ dữ liệu cá nhân',
  'settings.standing': 'Đổi cách xếp loại',
  'sheet.review': 'Quyết định phiếu gắn cờ',
  'scorecard.self-score': 'Nhập điểm xã tự chấm',
  'scorecard.appraisal': 'Thẩm định mục B',
  'scorecard.disqualification': 'Ghi sự việc không đạt chuẩn',
  'scorecard.period': 'Đổi kỳ tính mục A',
  'scorecard.lock': 'Khóa kết quả thẩm định',
  'scorecard.unlock': 'Mở khóa kết quả thẩm định',
};

/** An audit action by its label; one not listed (a newer action) by its code. */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABEL[action] ?? action;

/** The start screen while a new version of the app is applied (the start button waits). */
export const UPDATE_WORDS = {
  applying: 'Máy đang cập nhật phiên bản mới, xin Ông/Bà chờ trong giây lát.',
};
