import { surveyWeekPresets, vnDay } from './period.ts';
import { defaultProfile } from './profile/registry.ts';
import { defaultAdminLock, defaultPhoneQr, defaultTiming, type KioskSettings } from './settings.ts';

/** Settings of a kiosk that has never been set up: citizen form, this year's survey week. */
export function defaultSettings(now: number): KioskSettings {
  const year = Number(vnDay(now).slice(0, 4));
  const [preset] = surveyWeekPresets(year);
  return {
    schemaVersion: 1,
    profileId: defaultProfile.id,
    profileVersion: defaultProfile.version,
    communeName: '',
    communeCode: '',
    kioskLabel: '',
    collectorName: '',
    formId: 'citizen',
    period: preset?.period ?? { from: `${year}-11-01`, to: `${year}-11-30` },
    askResidency: true,
    phoneQr: defaultPhoneQr,
    adminLock: { ...defaultAdminLock },
    timing: { ...defaultTiming },
  };
}
