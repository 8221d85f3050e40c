import type { Sheet } from './sheet.ts';

/** What a fingerprint is made of: a sheet, or a stored row's columns of it. */
export type FingerprintedPart = Pick<
  Sheet,
  | 'profileId'
  | 'profileVersion'
  | 'formId'
  | 'formVersion'
  | 'channel'
  | 'answers'
  | 'createdAt'
  | 'flags'
>;

/**
 * What makes two copies of a sheet "the same sheet" at the collector: everything every
 * path carries (the compact batch keeps times to the minute). The same (deviceId, seq)
 * with another fingerprint is a conflict and is refused, never overwritten.
 */
export function sheetFingerprint(sheet: FingerprintedPart): string {
  const flags = sheet.flags.length > 1 ? [...sheet.flags].sort() : sheet.flags;
  return `${sheet.profileId}/${sheet.profileVersion}/${sheet.formId}/${sheet.formVersion}/${sheet.channel}/${sheet.answers.join(',')}/${Math.floor(sheet.createdAt / 60_000)}/${flags.join(',')}`;
}
