import { decodeBatch } from '../core/codec/batch.ts';
import { bytesToHex } from '../core/codec/hex.ts';
import { parseReceipt, receiptOf } from '../core/codec/receipt.ts';
import { checkBatchHash, SEAL_BYTES, type SubtleLike } from '../core/codec/seal.ts';
import { type CommuneFigures, communeFigures } from '../core/commune-figures.ts';
import { admitSheets, sheetFault } from '../core/intake.ts';
import { inPeriod } from '../core/period.ts';
import { said } from '../core/problems/said.ts';
import { Problem, problemCatalogue } from '../core/problems.ts';
import { talliesOfSheets } from '../core/scoring/tally.ts';
import type { Period } from '../core/settings.ts';
import type { Sheet } from '../core/sheet.ts';
import { type FileError, readSheetsFile } from '../core/sheets-file.ts';
import {
  allParcels,
  communeNames,
  keepParcel,
  type OfficeDb,
  type Parcel,
  parcelsIn,
  settleParcel,
} from '../storage/office.ts';
import { type CollectorClient, sentenceOf } from './collector-api.ts';

/**
 * The office's inbox: what is scanned or opened at the office is checked and kept in
 * IndexedDB first, then handed to the collector server whenever it can be reached.
 * The office cannot check a kiosk's signature (it holds no kiosk keys); the server does,
 * and a parcel it refuses stops counting in the office's own figures.
 */

export interface BatchReceived {
  /** The text of the receipt QR the kiosk scans to mark these sheets sent. */
  receipt: string;
  sheetCount: number;
  communeCode: string;
  /** The same batch as read here before, with the server's answer if it came. */
  earlier?: Parcel;
}

/** Checks a batch read off QR frames (hash, layout) and keeps it; damage is a Problem. */
export async function receiveBatch(
  db: OfficeDb,
  subtle: SubtleLike,
  sealed: Uint8Array,
  now: number,
): Promise<BatchReceived> {
  const batch = decodeBatch(await checkBatchHash(subtle, sealed));
  admitSheets(batch.sheets, { path: 'batch', now, deviceId: batch.deviceId });
  const receipt = receiptOf(sealed);
  const earlier = await keepParcel(db, {
    id: receipt,
    kind: 'batch',
    body: Uint8Array.from(sealed),
    communeCode: batch.communeCode,
    sheetCount: batch.sheets.length,
    receivedAt: now,
    state: 'pending',
  });
  return { receipt, sheetCount: batch.sheets.length, communeCode: batch.communeCode, earlier };
}

/** A file the office refuses before keeping anything, with its list of errors. */
export class FileRefusal extends Error {
  readonly errors: FileError[];
  constructor(problem: Problem, errors: FileError[] = []) {
    super(said(problem));
    this.errors = errors;
  }
}

/** Validates a JSON export as a whole and keeps it; nothing is kept from an invalid file. */
export async function receiveFile(
  db: OfficeDb,
  subtle: SubtleLike,
  text: string,
  fileName: string,
  now: number,
): Promise<{ id: string; sheetCount: number; earlier?: Parcel }> {
  const reading = readSheetsFile(text);
  if (!reading.ok)
    throw new FileRefusal(
      new Problem(reading.problem),
      reading.problem === 'file.invalid' ? reading.errors : [],
    );
  try {
    admitSheets(reading.file.sheets, { path: 'file', now, deviceId: reading.file.deviceId });
  } catch (error) {
    if (error instanceof Problem) throw new FileRefusal(error, [...error.faults]);
    throw error;
  }
  const digest = new Uint8Array(
    await subtle.digest('SHA-256', new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>),
  );
  const id = `file:${bytesToHex(digest.subarray(0, 12))}`;
  const { file } = reading;
  const earlier = await keepParcel(db, {
    id,
    kind: 'file',
    body: text,
    fileName,
    communeCode: file.communeCode,
    communeName: file.communeName,
    sheetCount: file.sheets.length,
    receivedAt: now,
    state: 'pending',
  });
  return { id, sheetCount: file.sheets.length, earlier };
}

export interface DeliveryReport {
  /** The parcels the server answered for in this round. */
  settled: {
    id: string;
    label: string;
    outcome:
      | { state: 'delivered'; received: number; duplicates: number }
      | { state: 'refused'; reason: string };
  }[];
  /** Still waiting: the server could not be reached or asked to wait. */
  pending: number;
  /**
   * Why the round stopped when the server refused the sender, not the parcel (signed out, a
   * role that may not import): the sentence and its code; the parcels stay waiting.
   */
  stopped?: { code: string; sentence: string };
}

/** Refusals of who sends (401.6, 403.5): a verdict on the session, never on the parcel. */
const SENDER_REFUSALS: ReadonlySet<string> = new Set([
  problemCatalogue['auth.signed-out'].code,
  problemCatalogue['auth.forbidden'].code,
]);

const labelOf = (p: Parcel) =>
  p.kind === 'file'
    ? `Tệp ${p.fileName}`
    : `Lô ${parseReceipt(p.id).slice(0, 8)} (xã ${p.communeCode})`; // the batch id

/**
 * Hands every waiting parcel to the server, oldest first. A refusal settles the parcel for
 * good (it will not change on a retry); no network or a failing server stops the round and
 * leaves it waiting.
 */
export async function deliverPending(
  db: OfficeDb,
  client: CollectorClient,
  now: number,
): Promise<DeliveryReport> {
  const waiting = (await parcelsIn(db, 'pending')).sort((a, b) => a.receivedAt - b.receivedAt);
  const report: DeliveryReport = { settled: [], pending: waiting.length };
  for (const parcel of waiting) {
    const reply =
      parcel.kind === 'batch'
        ? await client.call('deliverBatch', {
            // Read off a kiosk's screen, maybe hours after it was sealed: not the kiosk's clock now.
            query: { via: 'office' },
            raw: { body: Uint8Array.from(parcel.body), contentType: 'application/octet-stream' },
          })
        : await client.call('importFile', {
            raw: { body: parcel.body, contentType: 'application/json' },
          });
    if (reply.kind === 'offline' || reply.kind === 'failed') break;
    if (reply.kind === 'refused' && SENDER_REFUSALS.has(reply.code)) {
      report.stopped = { code: reply.code, sentence: sentenceOf(reply) };
      break;
    }
    const outcome: DeliveryReport['settled'][number]['outcome'] =
      reply.kind === 'ok'
        ? {
            state: 'delivered',
            received: reply.value.received.length,
            duplicates: reply.value.duplicates.length,
          }
        : { state: 'refused', reason: sentenceOf(reply) };
    await settleParcel(db, parcel.id, outcome, now);
    report.settled.push({ id: parcel.id, label: labelOf(parcel), outcome });
    report.pending--;
  }
  return report;
}

function sheetsOf(parcel: Parcel): Sheet[] {
  if (parcel.kind === 'batch')
    return decodeBatch(parcel.body.subarray(0, parcel.body.length - SEAL_BYTES)).sheets;
  const reading = readSheetsFile(parcel.body);
  return reading.ok ? reading.file.sheets : [];
}

/**
 * Figures from the sheets read at this office (not refused by the server), each sheet
 * once, for when the server cannot be reached. Sheets a kiosk sent over HTTP are not here.
 */
export async function localFigures(
  db: OfficeDb,
  now: number,
  period: Period | null = null,
): Promise<CommuneFigures[]> {
  const names = await communeNames(db);
  const communes = new Map<
    string,
    { name?: string; lastReceivedAt: number; sheets: Map<string, Sheet>; setAside: number }
  >();
  for (const parcel of await allParcels(db)) {
    if (parcel.state === 'refused') continue;
    const commune = communes.get(parcel.communeCode) ?? {
      lastReceivedAt: 0,
      sheets: new Map<string, Sheet>(),
      setAside: 0,
    };
    commune.name ??= parcel.communeName;
    commune.lastReceivedAt = Math.max(commune.lastReceivedAt, parcel.receivedAt);
    for (const sheet of sheetsOf(parcel)) {
      const identity = `${sheet.channel}/${sheet.deviceId}/${sheet.seq}`;
      if (commune.sheets.has(identity) || (period && !inPeriod(sheet.createdAt, period))) continue;
      // A parcel kept by an older build passes the same gate before it counts.
      if (sheetFault(sheet, { path: 'stored', now })) commune.setAside++;
      else commune.sheets.set(identity, sheet);
    }
    communes.set(parcel.communeCode, commune);
  }
  return [...communes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, commune]) =>
      communeFigures(
        {
          communeCode: code,
          communeName: names[code] ?? commune.name ?? `Mã ${code}`,
          sheetCount: commune.sheets.size,
          phoneSheetCount: [...commune.sheets.values()].filter((s) => s.channel === 'phone').length,
          setAsideCount: commune.setAside,
          lastReceivedAt: commune.lastReceivedAt,
        },
        // The office's own flags are decided at the collector: none here.
        talliesOfSheets([...commune.sheets.values()]),
      ),
    );
}
