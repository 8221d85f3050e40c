import { defaultSettings } from '../core/default-settings.ts';
import { deviceProblems } from '../core/problems/device.ts';
import { said } from '../core/problems/said.ts';
import { findProfile } from '../core/profile/registry.ts';
import { type KioskSettings, kioskSettingsSchema } from '../core/settings.ts';
import type { KioskDb } from './db.ts';

/**
 * The stored settings, or the defaults with the catalogue's sentence (400.36, 400.37) when the
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
  if (!parsed.success)
    return { settings: defaultSettings(now), problem: said(deviceProblems['settings.damaged']) };
  if (!findProfile(parsed.data.profileId, parsed.data.profileVersion)) {
    return {
      settings: defaultSettings(now),
      problem: said(deviceProblems['settings.unknown-profile']),
    };
  }
  return { settings: parsed.data };
}

/** Validates and stores the settings; throws on invalid settings (the admin form validates first). */
export async function saveSettings(db: KioskDb, settings: KioskSettings): Promise<void> {
  await db.put('settings', kioskSettingsSchema.parse(settings), 'current');
}
