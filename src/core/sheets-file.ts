import * as z from 'zod/mini';
import { bytesToBase64url } from './codec/base64url.ts';
import { type SubtleLike, signatureOf } from './codec/seal.ts';
import { deviceIdSchema, sheetSchema } from './sheet.ts';

/**
 * The JSON export: every field of every sheet (lossless, re-importable), from one kiosk,
 * signed with the kiosk's key so the collector can tell an edited or forged file.
 * Example in docs/formats.md, "JSON file".
 */
export const SHEETS_FILE_FORMAT = 'khao-sat-chinh-quyen-than-thien/sheets';

export const sheetsFileSchema = z
  .object({
    format: z.literal(SHEETS_FILE_FORMAT),
    version: z.literal(1),
    exportedAt: z.int().check(z.gte(0)),
    deviceId: deviceIdSchema,
    communeCode: z.string().check(z.regex(/^\d{0,8}$/, 'Mã xã chỉ gồm chữ số')),
    communeName: z.string(),
    includesPersonalData: z.boolean(),
    sheets: z.array(sheetSchema).check(z.maxLength(100_000)),
    /** base64url HMAC-SHA-256 (16 bytes) over the file without this field, as written. */
    signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Chữ ký không hợp lệ')),
  })
  .check(
    z.refine(
      (f) => f.sheets.every((s) => s.deviceId === f.deviceId),
      'Tệp có phiếu của một máy khác',
    ),
  );

export type SheetsFile = z.infer<typeof sheetsFileSchema>;
type UnsignedFile = Omit<SheetsFile, 'signature'>;

/** What the signature covers: the parsed fields in schema order, serialised. */
function signedText(file: UnsignedFile): string {
  const { signature: _ignored, ...fields } = sheetsFileSchema.parse({
    ...file,
    signature: 'A'.repeat(22),
  });
  return JSON.stringify(fields);
}

/** A signed sheets file. */
export async function signSheetsFile(
  subtle: SubtleLike,
  key: Uint8Array,
  file: UnsignedFile,
): Promise<SheetsFile> {
  const signature = bytesToBase64url(
    await signatureOf(subtle, key, new TextEncoder().encode(signedText(file))),
  );
  return { ...file, signature };
}

/** Whether the file's signature is the kiosk's. */
export async function sheetsFileSignatureHolds(
  subtle: SubtleLike,
  key: Uint8Array,
  file: SheetsFile,
): Promise<boolean> {
  const expected = bytesToBase64url(
    await signatureOf(subtle, key, new TextEncoder().encode(signedText(file))),
  );
  return expected === file.signature;
}

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
  const parsed = sheetsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const errors = parsed.error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { ok: false, problem: 'file.invalid', errors };
}
