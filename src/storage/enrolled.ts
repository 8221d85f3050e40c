import type { KioskDb } from './db.ts';

/** The `meta` record that holds the kiosk's credentials (src/storage/credentials.ts). */
export const CREDENTIALS_RECORD = 'collector';

/**
 * Whether the kiosk holds credentials, read without loading them: the start screen asks this
 * before it loads sync or phone code, so a kiosk not yet enrolled downloads neither.
 */
export const isEnrolled = async (db: KioskDb): Promise<boolean> =>
  (await db.count('meta', CREDENTIALS_RECORD)) > 0;
