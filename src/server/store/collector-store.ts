import * as z from 'zod/mini';
import { type Comment, retentionSchema } from '../../core/api.ts';
import { sheetFingerprint } from '../../core/identity.ts';
import { sheetFault } from '../../core/intake.ts';
import {
  defaultOfficeFlagSettings,
  type OfficeFlagSettings,
  officeFlagSettingsSchema,
} from '../../core/office-flags.ts';
import { periodInstants } from '../../core/period.ts';
import { monthsOf } from '../../core/period-choices.ts';
import { problemCatalogue } from '../../core/problems.ts';
import {
  defaultStandingSettings,
  standingSettingsSchema,
} from '../../core/scoring/commune-standing.ts';
import { mergeTallies, type Tally } from '../../core/scoring/tally.ts';
import { flagThresholdsOf, type Period } from '../../core/settings.ts';
import { respondentSchema, type Sheet } from '../../core/sheet.ts';
import { accountStore } from './accounts.ts';
import { auditLog } from './audit-log.ts';
import { advanceChain, chainState, linksAhead } from './chain-verification.ts';
import type { Engine, Row, Sql } from './engine.ts';
import { enrolmentStore } from './enrolments.ts';
import { kioskOf, kioskRowOf } from './kiosk-rows.ts';
import { postgresEngine } from './postgres-engine.ts';
import { kioskRegistry } from './registry.ts';
import {
  deliveryColumnsOf,
  GATE_VERSION,
  officeFlagsOf,
  personalOf,
  sheetColumnsOf,
  sheetOf,
  storedFingerprint,
} from './rows.ts';
import { schemaSteps } from './schema.ts';
import { changeScorecard, readScorecard, readScorecards, scorecardEvents } from './scorecards.ts';
import { storedSheets } from './sheet-export.ts';
import { purgePersonalData, reviewOf, reviewSheet } from './sheet-reviews.ts';
import { sqliteEngine } from './sqlite-engine.ts';
import type {
  CollectorStore,
  CommuneTallies,
  Delivery,
  IngestOutcome,
  KioskRecord,
  NewKiosk,
} from './store.ts';
import { kioskFlags, phoneFlags, rebuildKioskFlags, rebuildPhoneFlags } from './stream-flags.ts';
import { applyTallies, rebuildTallies, storedTallies, tallyChangesOf, tallyOf } from './tallies.ts';

/** The embedded default: one SQLite file. */
export const openSqliteStore = (path: string) => openCollectorStore(sqliteEngine(path));

/** PostgreSQL, when DATABASE_URL is set. */
/** `connections`: the pool's size (4; the office's reader thread takes fewer, docs/deploy.md). */
export const openPostgresStore = (url: string, connections = 4) =>
  openCollectorStore(postgresEngine(url, connections));

/** The collector's store over either engine: migrates, checks rows an older build stored, serves. */
export async function openCollectorStore(
  engine: Engine,
  now: () => number = Date.now,
): Promise<CollectorStore> {
  await engine.migrate(schemaSteps);
  await recheckStoredRows(engine, now());
  await addMonthRowsIfMissing(engine);
  const { read } = engine;

  return {
    engine: engine.name,
    accounts: accountStore(engine),
    audit: auditLog(engine),
    enrolments: enrolmentStore(engine),

    async registerKiosk(kiosk: NewKiosk) {
      return (await read.insertIgnoring('kiosks', [kioskRowOf(kiosk)])) === 1;
    },

    findKiosk: (deviceId) => findKiosk(read, deviceId),

    async revokeKiosk(deviceId, at, reason) {
      await read.run(
        `UPDATE kiosks SET revoked_at = $1, revocation_reason = $2
         WHERE device_id = $3 AND revoked_at IS NULL`,
        [at, reason, deviceId],
      );
      return findKiosk(read, deviceId);
    },

    async setDeskForms(deviceId, forms) {
      const desk = await findKiosk(read, deviceId);
      if (desk?.kind !== 'desk') return false;
      await read.run('UPDATE kiosks SET forms = $1 WHERE device_id = $2', [
        forms.join(','),
        deviceId,
      ]);
      return true;
    },

    async hasPhoneSheet(nonce) {
      const rows = await read.all(
        "SELECT 1 AS present FROM sheets WHERE channel = 'phone' AND device_id = $1 AND seq = 1",
        [nonce],
      );
      return rows.length > 0;
    },

    async claimPhoneToken(nonce, claimHash, at) {
      await read.run(
        `INSERT INTO phone_claims (nonce, claim_hash, claimed_at) VALUES ($1, $2, $3)
         ON CONFLICT (nonce) DO NOTHING`,
        [nonce, claimHash, at],
      );
      return (await phoneTokenClaim(read, nonce)) ?? claimHash;
    },

    phoneTokenClaim: (nonce) => phoneTokenClaim(read, nonce),

    async pruneClaims(before) {
      const old = await read.all('SELECT COUNT(*) AS n FROM phone_claims WHERE claimed_at < $1', [
        before,
      ]);
      await read.run('DELETE FROM phone_claims WHERE claimed_at < $1', [before]);
      return Number(old[0]?.n ?? 0);
    },

    ingest: (delivery) => ingestInSteps(engine, delivery),

    communeTallies: (period) => communeTallies(read, period),

    async communes(period) {
      return (await communeTallies(read, period)).map((c) => c.commune);
    },

    async sheetsOfCommune(communeCode) {
      const rows = await read.all(
        `SELECT * FROM sheets WHERE commune_code = $1 AND set_aside IS NULL
         ORDER BY channel, device_id, seq`,
        [communeCode],
      );
      return rows.flatMap((row) => sheetOf(row) ?? []);
    },

    async *storedSheets(filter) {
      const names = new Map(
        (await communeTallies(read)).map(({ commune }) => [
          commune.communeCode,
          commune.communeName,
        ]),
      );
      yield* storedSheets(read, filter, names);
    },

    kioskRegistry: () => kioskRegistry(read),

    async flaggedSheets(communeCode) {
      const rows = await read.all(
        `SELECT channel, device_id, seq, form_id, created_at, office_flags, review FROM sheets
         WHERE commune_code = $1 AND office_flags <> '' AND set_aside IS NULL
         ORDER BY created_at DESC LIMIT 1000`,
        [communeCode],
      );
      return rows.map((row) => ({
        channel: row.channel === 'phone' ? 'phone' : 'kiosk',
        deviceId: String(row.device_id),
        seq: Number(row.seq),
        formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
        createdAt: Number(row.created_at),
        reasons: officeFlagsOf(row),
        review: reviewOf(row),
      }));
    },

    async monthlyTallies(communeCode, period) {
      const rows = await storedTallies(read, period, communeCode);
      return monthsOf(period).map((month) => ({
        month,
        tallies: mergeTallies(
          // A month's rows are its month row or its days (a month the period cuts): never both.
          rows.filter((r) => String(r.day).slice(0, 7) === month.from.slice(0, 7)).map(tallyOf),
        ),
      }));
    },

    async comments(communeCode, period, respondents) {
      const { start, end } = period
        ? periodInstants(period)
        : { start: 0, end: Number.MAX_SAFE_INTEGER };
      const rows = await read.all(
        `SELECT channel, device_id, seq, form_id, created_at, personal FROM sheets
         WHERE commune_code = $1 AND created_at >= $2 AND created_at < $3 AND personal IS NOT NULL
           AND set_aside IS NULL
         ORDER BY created_at DESC LIMIT 2000`,
        [communeCode, start, end],
      );
      return rows.flatMap((row) => commentOf(row, respondents) ?? []);
    },

    async reviewSheet(key, review) {
      return (await reviewSheet(engine, key, review)) !== undefined;
    },

    purgePersonalData: (before, at) =>
      engine.transaction((sql) => purgePersonalData(sql, before, at)),
    retention: () => setting(read, 'retention', retentionSchema, { days: 365 }),
    async saveRetention(retention, at) {
      await saveSetting(read, 'retention', retentionSchema.parse(retention), at);
    },

    async setAside() {
      const rows = await read.all(
        `SELECT channel, device_id, seq, commune_code, received_at, set_aside FROM sheets
         WHERE set_aside IS NOT NULL ORDER BY received_at, channel, device_id, seq LIMIT 1000`,
      );
      return rows.map((row) => {
        const [code = '', ...reason] = String(row.set_aside).split(' ');
        return {
          channel: String(row.channel),
          deviceId: String(row.device_id),
          seq: Number(row.seq),
          communeCode: String(row.commune_code),
          receivedAt: Number(row.received_at),
          code,
          reason: reason.join(' '),
        };
      });
    },

    scorecard: (communeCode, year) => readScorecard(read, communeCode, year),
    scorecards: (year) => readScorecards(read, year),
    changeScorecard: (communeCode, year, fresh, change, by, at) =>
      changeScorecard(engine, communeCode, year, fresh, change, by, at),
    scorecardEvents: (communeCode, year) => scorecardEvents(read, communeCode, year),
    standingSettings: () =>
      setting(read, 'standing', standingSettingsSchema, defaultStandingSettings),
    async saveStandingSettings(settings, at) {
      await saveSetting(read, 'standing', standingSettingsSchema.parse(settings), at);
    },

    officeFlagSettings: () => officeFlagSettings(read),

    async saveOfficeFlagSettings(settings, at) {
      await saveSetting(read, 'flags', officeFlagSettingsSchema.parse(settings), at);
      await rebuildAllFlags(engine, settings);
    },

    close: () => engine.close(),
  };
}

/**
 * Every commune the office knows (by its kiosks and desks, and by its tallies), with its
 * counts and tallies over the period (all days when none).
 */
async function communeTallies(sql: Sql, period?: Period): Promise<CommuneTallies[]> {
  const names = new Map(
    (
      await sql.all(
        'SELECT commune_code, MAX(commune_name) AS commune_name FROM kiosks GROUP BY commune_code',
      )
    ).map((r) => [String(r.commune_code), String(r.commune_name)]),
  );
  const setAside = new Map(
    (
      await sql.all(
        'SELECT commune_code, COUNT(*) AS n FROM sheets WHERE set_aside IS NOT NULL GROUP BY commune_code',
      )
    ).map((r) => [String(r.commune_code), Number(r.n)]),
  );
  const byCommune = new Map<string, { tallies: Tally[]; lastReceivedAt: number }>();
  for (const row of await storedTallies(sql, period)) {
    const code = String(row.commune_code);
    const known = byCommune.get(code) ?? { tallies: [], lastReceivedAt: 0 };
    known.tallies.push(tallyOf(row));
    known.lastReceivedAt = Math.max(known.lastReceivedAt, Number(row.last_received_at));
    byCommune.set(code, known);
  }
  const codes = [...new Set([...names.keys(), ...byCommune.keys()])].sort();
  return codes.map((code) => {
    const tallies = mergeTallies(byCommune.get(code)?.tallies ?? []);
    const sheets = (phone?: boolean) =>
      tallies
        .filter((t) => phone === undefined || (t.channel === 'phone') === phone)
        .reduce((n, t) => n + t.sheets, 0);
    return {
      commune: {
        communeCode: code,
        communeName: names.get(code) ?? `Mã ${code}`,
        sheetCount: sheets(),
        phoneSheetCount: sheets(true),
        setAsideCount: setAside.get(code) ?? 0,
        lastReceivedAt: byCommune.get(code)?.lastReceivedAt || null,
      },
      tallies,
    };
  });
}

/** A stored row's personal part as a comment; none when it holds nothing to read. */
function commentOf(row: Row, respondents: boolean): Comment | undefined {
  let personal: unknown;
  try {
    personal = JSON.parse(String(row.personal));
  } catch {
    return undefined;
  }
  const parsed = personalSchema.safeParse(personal);
  if (!parsed.success) return undefined;
  const { reasons = {}, suggestion, respondent } = parsed.data;
  const shown =
    respondents && respondent ? { name: respondent.name, address: respondent.address } : null;
  if (Object.keys(reasons).length === 0 && suggestion === undefined && !shown) return undefined;
  return {
    channel: row.channel === 'phone' ? 'phone' : 'kiosk',
    deviceId: String(row.device_id),
    seq: Number(row.seq),
    formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
    createdAt: Number(row.created_at),
    reasons,
    suggestion: suggestion ?? null,
    respondent: shown,
  };
}

/** The personal part of a sheet as stored (rows.ts, `personalOf`). */
const personalSchema = z.object({
  respondent: z.optional(respondentSchema),
  reasons: z.optional(z.record(z.string(), z.string())),
  suggestion: z.optional(z.string()),
});

async function findKiosk(sql: Sql, deviceId: string): Promise<KioskRecord | undefined> {
  const [row] = await sql.all('SELECT * FROM kiosks WHERE device_id = $1', [deviceId]);
  return row ? kioskOf(row) : undefined;
}

async function phoneTokenClaim(sql: Sql, nonce: string): Promise<string | undefined> {
  const [row] = await sql.all('SELECT claim_hash FROM phone_claims WHERE nonce = $1', [nonce]);
  return row ? String(row.claim_hash) : undefined;
}

const officeFlagSettings = (sql: Sql) =>
  setting(sql, 'flags', officeFlagSettingsSchema, defaultOfficeFlagSettings);

/** An office setting by name; its default when none is stored or the stored one no longer reads. */
async function setting<T>(
  sql: Sql,
  name: string,
  schema: z.ZodMiniType<T>,
  fallback: T,
): Promise<T> {
  const [row] = await sql.all('SELECT value FROM office_settings WHERE name = $1', [name]);
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(String(row.value)));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

async function saveSetting(sql: Sql, name: string, value: unknown, at: number): Promise<void> {
  await sql.run(
    `INSERT INTO office_settings (name, value, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET value = $2, updated_at = $3`,
    [name, JSON.stringify(value), at],
  );
}

/** A transaction writes at most this many sheets, so no request holds the store for long. */
export const SHEETS_PER_STEP = 1000;

/**
 * A large delivery (a kiosk's JSON file of several years) is checked whole for conflicts
 * first, then written a step of SHEETS_PER_STEP sheets at a time, letting other requests in
 * between: a kiosk's batch never waits behind an import. A refusal still writes nothing;
 * only a conflict raced in by another delivery between the steps could leave earlier steps
 * written — sheets that are valid and that the same file, sent again, completes.
 */
async function ingestInSteps(engine: Engine, delivery: Delivery): Promise<IngestOutcome> {
  if (delivery.sheets.length <= SHEETS_PER_STEP) return ingest(engine, delivery);
  const sheets = [...delivery.sheets].sort((a, b) => a.seq - b.seq);
  const steps: Sheet[][] = [];
  for (let i = 0; i < sheets.length; i += SHEETS_PER_STEP)
    steps.push(sheets.slice(i, i + SHEETS_PER_STEP));
  const conflicts: number[] = [];
  for (const step of steps)
    conflicts.push(...(await conflictsOf(engine.read, delivery.channel, step)));
  if (conflicts.length > 0) return { ok: false, conflicts };
  const received: number[] = [];
  const duplicates: number[] = [];
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    const outcome = await ingest(engine, {
      ...delivery,
      sheets: step,
      // The kiosk's link names the file's last sheet.
      ...(last ? {} : { chainHead: undefined }),
    });
    if (!outcome.ok) return outcome;
    received.push(...outcome.received);
    duplicates.push(...outcome.duplicates);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ok: true, received, duplicates };
}

/** What a stored sheet's fingerprint and a fill-in read of its row. */
const FINGERPRINT_COLUMNS =
  'seq, channel, profile_id, profile_version, form_id, form_version, answers, created_at, flags, precise';

/** The sheets of one device that the store holds with other content. */
async function conflictsOf(sql: Sql, channel: string, sheets: readonly Sheet[]): Promise<number[]> {
  const first = sheets[0];
  const last = sheets.at(-1);
  if (!first || !last) return [];
  const stored = await sql.all(
    `SELECT ${FINGERPRINT_COLUMNS} FROM sheets
     WHERE channel = $1 AND device_id = $2 AND seq >= $3 AND seq <= $4`,
    [channel, first.deviceId, first.seq, last.seq],
  );
  const fingerprints = new Map(stored.map((r) => [Number(r.seq), storedFingerprint(r)]));
  return sheets.flatMap((s) => {
    const known = fingerprints.get(s.seq);
    return known !== undefined && known !== sheetFingerprint(s) ? [s.seq] : [];
  });
}

/**
 * One delivery in one transaction: which sheets are new, already here (the same content) or in
 * conflict (the same identity, other content: then nothing is written); a later copy that carries
 * more (personal data, times to the second) fills them in; then the office's flags, the chain
 * and what the kiosk told about itself.
 */
async function ingest(engine: Engine, delivery: Delivery): Promise<IngestOutcome> {
  const sheets = [...delivery.sheets].sort((a, b) => a.seq - b.seq);
  const first = sheets[0];
  const last = sheets.at(-1);
  if (!first || !last) return { ok: true, received: [], duplicates: [] };
  const { channel } = delivery;
  const deviceId = first.deviceId;
  // The gate lets one device's sheets on the delivery's channel into a delivery; what
  // follows (the lock, the stored rows read, the shared columns) stands on it.
  if (sheets.some((s) => s.deviceId !== deviceId || s.channel !== channel))
    throw new RangeError('A delivery holds the sheets of one device, on its channel');
  return engine.transaction(async (sql) => {
    await sql.lock(`${channel}:${deviceId}`);
    const stored = new Map(
      (
        await sql.all(
          `SELECT ${FINGERPRINT_COLUMNS}, personal, personal_purged_at FROM sheets
           WHERE channel = $1 AND device_id = $2 AND seq >= $3 AND seq <= $4`,
          [channel, deviceId, first.seq, last.seq],
        )
      ).map((row) => [Number(row.seq), row]),
    );
    const fresh: Sheet[] = [];
    const duplicates: number[] = [];
    const conflicts: number[] = [];
    const fillIns: { sheet: Sheet; personal: boolean; times: boolean }[] = [];
    for (const sheet of sheets) {
      const row = stored.get(sheet.seq);
      if (!row) fresh.push(sheet);
      else if (storedFingerprint(row) !== sheetFingerprint(sheet)) conflicts.push(sheet.seq);
      else {
        duplicates.push(sheet.seq);
        // Personal data the retention deleted is not brought back by a later file.
        const personal =
          row.personal === null && row.personal_purged_at === null && personalOf(sheet) !== null;
        const times = Number(row.precise) !== 1 && delivery.precise;
        if (personal || times) fillIns.push({ sheet, personal, times });
      }
    }
    if (conflicts.length > 0) return { ok: false, conflicts };

    for (const { sheet, personal, times } of fillIns) await fillIn(sql, sheet, personal, times);
    const settings = await officeFlagSettings(sql);
    const retimed = fillIns.filter((f) => f.times).map((f) => f.sheet.seq);
    const flags =
      channel === 'kiosk'
        ? await kioskFlags(sql, deviceId, fresh, delivery.precise, retimed, settings)
        : await phoneFlagsOf(sql, delivery.communeCode, fresh, settings);
    const chain = channel === 'kiosk' ? await chainState(sql, deviceId) : undefined;
    const links = chain ? linksAhead(chain, fresh) : new Map<number, string>();
    const rows = fresh.map((s) =>
      sheetColumnsOf(s, flags.get(s.seq) ?? [], links.get(s.seq) ?? null),
    );
    await sql.insertIgnoring('sheets', rows, deliveryColumnsOf(delivery, deviceId));
    // Counted as stored: the office's flags, not reviewed yet.
    const counted = fresh.map((sheet) => ({
      sheet,
      communeCode: delivery.communeCode,
      createdAt: sheet.createdAt,
      receivedAt: delivery.receivedAt,
      flagged: (flags.get(sheet.seq) ?? []).length > 0,
      excluded: false,
    }));
    await applyTallies(sql, tallyChangesOf(counted, 1));
    if (chain) {
      const claim = delivery.chainHead ? { seq: last.seq, head: delivery.chainHead } : undefined;
      await advanceChain(sql, deviceId, chain, links, claim, delivery.receivedAt);
      await touchKiosk(sql, delivery, first.seq);
    }
    return { ok: true, received: fresh.map((s) => s.seq), duplicates };
  });
}

async function phoneFlagsOf(
  sql: Sql,
  communeCode: string,
  fresh: readonly Sheet[],
  settings: OfficeFlagSettings,
) {
  const flags = new Map<number, Awaited<ReturnType<typeof phoneFlags>>>();
  for (const sheet of fresh)
    flags.set(sheet.seq, await phoneFlags(sql, communeCode, sheet, settings));
  return flags;
}

async function fillIn(sql: Sql, sheet: Sheet, personal: boolean, times: boolean) {
  const key = [sheet.channel, sheet.deviceId, sheet.seq];
  if (personal)
    await sql.run(
      'UPDATE sheets SET personal = $4 WHERE channel = $1 AND device_id = $2 AND seq = $3',
      [...key, personalOf(sheet)],
    );
  if (times)
    await sql.run(
      `UPDATE sheets SET created_at = $4, started_at = $5, precise = 1
       WHERE channel = $1 AND device_id = $2 AND seq = $3`,
      [...key, sheet.createdAt, sheet.startedAt],
    );
}

/** The kiosk's last contact, clock and thresholds, as its delivery showed them. */
async function touchKiosk(sql: Sql, delivery: Delivery, firstSeq: number) {
  await sql.run(
    `UPDATE kiosks SET last_contact_at = $1, clock_skew_ms = COALESCE($2, clock_skew_ms)
     WHERE device_id = $3`,
    [delivery.receivedAt, delivery.clockSkewMs ?? null, delivery.issuerId],
  );
  if (!delivery.thresholds) return;
  const value = JSON.stringify(flagThresholdsOf(delivery.thresholds));
  const [before] = await sql.all(
    `SELECT thresholds FROM threshold_changes WHERE device_id = $1 AND first_seq <= $2
     ORDER BY first_seq DESC LIMIT 1`,
    [delivery.issuerId, firstSeq],
  );
  if (before?.thresholds !== value)
    await sql.run(
      `INSERT INTO threshold_changes (device_id, seen_at, first_seq, thresholds)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [delivery.issuerId, delivery.receivedAt, firstSeq, value],
    );
}

/**
 * Tallies kept by a build before month rows (docs/scoring.md, "Tallies") hold days only: they
 * are computed anew once, with their months, so a year's figures never miss what came before.
 */
async function addMonthRowsIfMissing(engine: Engine) {
  const [dayRow] = await engine.read.all(
    'SELECT 1 AS one FROM tallies WHERE length(day) = 10 LIMIT 1',
  );
  if (!dayRow) return;
  const [monthRow] = await engine.read.all(
    'SELECT 1 AS one FROM tallies WHERE length(day) = 7 LIMIT 1',
  );
  if (!monthRow) await engine.transaction(rebuildTallies);
}

/**
 * When the rows were last checked by an older gate (or never: a database from before it),
 * every stored row is read again: one that no longer passes is set aside with its reason
 * (counted apart, listed for the officer, never deleted), and the office's flags and chains
 * are computed over what is left. Then the database records this gate's version.
 */
async function recheckStoredRows(engine: Engine, now: number) {
  const [marker] = await engine.read.all(
    "SELECT value FROM office_settings WHERE name = 'gate-version'",
  );
  if (Number(marker?.value ?? 0) >= GATE_VERSION) return;
  const kiosks = new Set<string>();
  let phone = false;
  let after: [string, string, number] = ['', '', 0];
  for (;;) {
    const rows = await engine.read.all(
      `SELECT * FROM sheets WHERE (channel, device_id, seq) > ($1, $2, $3)
       ORDER BY channel, device_id, seq LIMIT 2000`,
      after,
    );
    const last = rows.at(-1);
    if (!last) break;
    after = [String(last.channel), String(last.device_id), Number(last.seq)];
    await engine.transaction(async (sql) => {
      for (const row of rows) {
        const sheet = sheetOf(row);
        const found = sheet
          ? sheetFault(sheet, { path: 'stored', now })
          : { key: 'sheet.answers' as const, path: 'row', message: 'not a sheet' };
        const setAside = found
          ? `${problemCatalogue[found.key].code} ${found.path}: ${found.message}`
          : null;
        if (setAside !== (row.set_aside ?? null))
          await sql.run(
            'UPDATE sheets SET set_aside = $1 WHERE channel = $2 AND device_id = $3 AND seq = $4',
            [setAside, String(row.channel), String(row.device_id), Number(row.seq)],
          );
        if (row.channel === 'kiosk') kiosks.add(String(row.device_id));
        else phone = true;
      }
    });
  }
  const settings = await officeFlagSettings(engine.read);
  for (const deviceId of kiosks)
    await engine.transaction(async (sql) => {
      // The device's lock, as an ingest takes it: another collector may be storing its sheets.
      await sql.lock(`kiosk:${deviceId}`);
      await rebuildKioskFlags(sql, deviceId, settings);
      await advanceChain(sql, deviceId, await chainState(sql, deviceId), new Map(), undefined, now);
    });
  if (phone) await engine.transaction((sql) => rebuildPhoneFlags(sql, settings));
  await engine.transaction(rebuildTallies);
  await engine.read.run(
    `INSERT INTO office_settings (name, value, updated_at) VALUES ('gate-version', $1, $2)
     ON CONFLICT (name) DO UPDATE SET value = $1, updated_at = $2`,
    [String(GATE_VERSION), now],
  );
}

async function rebuildAllFlags(engine: Engine, settings: OfficeFlagSettings) {
  const devices = await engine.read.all(
    "SELECT DISTINCT device_id FROM sheets WHERE channel = 'kiosk'",
  );
  for (const row of devices)
    await engine.transaction(async (sql) => {
      // As an ingest of the device does: its new sheets are then flagged with the new settings.
      await sql.lock(`kiosk:${row.device_id}`);
      await rebuildKioskFlags(sql, String(row.device_id), settings);
    });
  await engine.transaction((sql) => rebuildPhoneFlags(sql, settings));
  await engine.transaction(rebuildTallies);
}
