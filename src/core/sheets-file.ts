import * as z from 'zod/mini';
import type { Signer } from './codec/seal.ts';
import { jsonSignatureHolds, signJson } from './codec/signed-json.ts';
import { deviceProblems } from './problems/device.ts';
import { flagThresholdsSchema } from './settings.ts';
import { deviceIdSchema, sheetSchema } from './sheet.ts';

/**
 * The JSON export: every field of every sheet (lossless, re-importable), from one kiosk,
 * signed with the kiosk's key so the collector can tell an edited or forged file.
 * Example in docs/formats.md, "JSON file".
 */
export const SHEETS_FILE_FORMAT = 'khao-sat-chinh-quyen-than-thien/sheets';
export const SHEETS_FILE_VERSION = 2;
/** Years of a kiosk's sheets; the collector writes a file in steps, never all at once. */
export const MAX_FILE_SHEETS = 100_000;

const commonFields = {
  format: z.literal(SHEETS_FILE_FORMAT),
  exportedAt: z.int().check(z.gte(0)),
  deviceId: deviceIdSchema,
  communeCode: z
    .string()
    .check(z.regex(/^\d{0,8}$/, deviceProblems['commune.code-digits'].message)),
  communeName: z.string().check(z.maxLength(120)),
  includesPersonalData: z.boolean(),
};
const sheetsField = z.array(sheetSchema).check(z.maxLength(MAX_FILE_SHEETS));
/** base64url HMAC-SHA-256 (16 bytes) over the file without this field, as written. */
const signatureField = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Chữ ký không hợp lệ'));
const oneDevice = z.refine<{ deviceId: string; sheets: { deviceId: string }[] }>(
  (f) => f.sheets.every((s) => s.deviceId === f.deviceId),
  'Tệp có phiếu của một máy khác',
);

/** Version 1 (still read): the sheets alone. */
const sheetsFileV1Schema = z
  .object({
    ...commonFields,
    version: z.literal(1),
    sheets: sheetsField,
    signature: signatureField,
  })
  .check(oneDevice);

/** Version 2: also the kiosk's flag thresholds and its chain link after the last sheet. */
const sheetsFileV2Schema = z
  .object({
    ...commonFields,
    version: z.literal(2),
    thresholds: flagThresholdsSchema,
    /** 32 hex digits (src/core/chain.ts); absent while the kiosk has no sheet. */
    chainHead: z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/))),
    sheets: sheetsField,
    signature: signatureField,
  })
  .check(oneDevice);

const envelopeSchema = z.object({
  format: z.literal(SHEETS_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
});

export const sheetsFileSchema = z.discriminatedUnion('version', [
  sheetsFileV1Schema,
  sheetsFileV2Schema,
]);

export type SheetsFile = z.infer<typeof sheetsFileSchema>;
/** A file before signing (either version: distributes Omit over the union). */
export type UnsignedFile = SheetsFile extends infer F
  ? F extends SheetsFile
    ? Omit<F, 'signature'>
    : never
  : never;

/** A signed sheets file (docs/formats.md, "JSON file"). */
export const signSheetsFile = (sign: Signer, file: UnsignedFile): Promise<SheetsFile> =>
  signJson(sign, sheetsFileSchema, file as Omit<SheetsFile, 'signature'>);

/** Whether the file's signature is the kiosk's. */
export const sheetsFileSignatureHolds = (sign: Signer, file: SheetsFile): Promise<boolean> =>
  jsonSignatureHolds(sign, sheetsFileSchema, file);

/** What is wrong with a file, as the collector and the office screen list it. */
export interface FileError {
  path: string;
  message: string;
}

export type FileReading =
  | { ok: true; file: SheetsFile }
  | { ok: false; problem: 'file.unreadable' }
  | { ok: false; problem: 'file.invalid'; errors: FileError[] };

/** Parses and validates a JSON export as a whole; the signature is checked by who holds the key. */
export function readSheetsFile(text: string): FileReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'file.unreadable' };
  }
  // The envelope first, so a file that is not ours says so rather than "wrong version".
  const envelope = envelopeSchema.safeParse(json);
  const parsed = envelope.success ? sheetsFileSchema.safeParse(json) : envelope;
  if (parsed.success) return { ok: true, file: parsed.data as SheetsFile };
  const errors = parsed.error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { ok: false, problem: 'file.invalid', errors };
}
