import { formatCount } from './format.ts';
import type { FlagReason, OfficeFlag } from './office-flags.ts';
import type { FormId } from './profile/schema.ts';
import type { Flag } from './sheet.ts';

/**
 * The words the screens and exports compose into sentences, kept in one place (the problem
 * catalogue holds the refusals): form names, flag names, and why a sheet was flagged.
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

/** The start screen while a new version of the app is applied (the start button waits). */
export const UPDATE_WORDS = {
  applying: 'Máy đang cập nhật phiên bản mới, xin Ông/Bà chờ trong giây lát.',
};
