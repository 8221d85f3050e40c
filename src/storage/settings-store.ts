import { defaultSettings } from '../core/default-settings.ts';
import { findProfile } from '../core/profile/registry.ts';
import { type KioskSettings, kioskSettingsSchema } from '../core/settings.ts';
import type { KioskDb } from './db.ts';

export const SETTINGS_PROBLEM =
  'Cài đặt đã lưu bị hỏng nên máy đang dùng cài đặt mặc định. Vui lòng vào Quản trị → Cài đặt để kiểm tra và lưu lại.';
export const UNKNOWN_PROFILE_PROBLEM =
  'Cài đặt đã lưu dùng bộ câu hỏi mà phiên bản này chưa biết nên máy đang dùng bộ câu hỏi mặc định. Vui lòng cập nhật ứng dụng hoặc vào Quản trị → Cài đặt để lưu lại.';

/**
 * The stored settings, or the defaults with a Vietnamese problem sentence when the
 * record is damaged or names an unknown profile. The stored record is left as it is
 * until the admin saves, so nothing is lost to a bad read.
 */
export async function loadSettings(
  db: KioskDb,
  now: number,
): Promise<{ settings: KioskSettings; problem?: string }> {
  const raw = await db.get('settings', 'current');
  if (raw === undefined) return { settings: defaultSettings(now) };
  const parsed = kioskSettingsSchema.safeParse(raw);
  if (!parsed.success) return { settings: defaultSettings(now), problem: SETTINGS_PROBLEM };
  if (!findProfile(parsed.data.profileId, parsed.data.profileVersion)) {
    return { settings: defaultSettings(now), problem: UNKNOWN_PROFILE_PROBLEM };
  }
  return { settings: parsed.data };
}

/** Validates and stores the settings; throws on invalid settings (the admin form validates first). */
export async function saveSettings(db: KioskDb, settings: KioskSettings): Promise<void> {
  await db.put('settings', kioskSettingsSchema.parse(settings), 'current');
}
