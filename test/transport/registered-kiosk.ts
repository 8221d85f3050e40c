import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTiming } from '../../src/core/settings.ts';
import type { SheetDraft } from '../../src/core/sheet.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import { saveCredentials } from '../../src/storage/credentials.ts';
import { openKioskDb } from '../../src/storage/db.ts';
import { addSheet } from '../../src/storage/sheets.ts';
import { freshDbName } from '../storage/fixtures.ts';

export const ADMIN = 'admin-token';

/**
 * A kiosk database holding `drafts` as sheets, registered with a collector (SQLite in a
 * temporary directory) the way the office registers one: what the export tests start from.
 */
export async function registeredKiosk(drafts: SheetDraft[]) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-'));
  const store = await openSqliteStore(join(dir, 'collector.sqlite'));
  const api = collectorApi({ store, adminToken: ADMIN, log: silentLog });
  const db = await openKioskDb(freshDbName());
  for (const draft of drafts) await addSheet(db, draft, defaultTiming);
  const [sheet] = await db.getAll('sheets');
  const response = await api.request('/api/v1/kiosks', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: sheet?.deviceId,
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: '',
    }),
  });
  const { key } = (await response.json()) as { key: string };
  await saveCredentials(db, {
    collectorUrl: 'http://collector.test',
    deviceId: sheet?.deviceId ?? '',
    key: Buffer.from(key, 'base64url'),
  });
  return {
    db,
    store,
    api,
    async dispose() {
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
