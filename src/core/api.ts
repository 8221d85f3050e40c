import * as z from 'zod/mini';
import { deviceIdSchema } from './sheet.ts';

/** POST /api/v1/kiosks — the collecting office registers a kiosk (docs/api.md). */
export const kioskRegistrationSchema = z.object({
  deviceId: deviceIdSchema,
  communeCode: z.string().check(z.regex(/^\d{1,8}$/, 'Mã xã chỉ gồm chữ số')),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});

/** The answer to a registration: the kiosk's key, shown once (base64url of 32 bytes). */
export const kioskCredentialsSchema = z.object({
  deviceId: deviceIdSchema,
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});

/** The answer to POST /api/v1/batches. */
export const ingestResultSchema = z.object({
  deviceId: deviceIdSchema,
  /** Sequence numbers stored by this request. */
  received: z.array(z.int()),
  /** Sequence numbers the collector already had, with the same content. */
  duplicates: z.array(z.int()),
  /** The collector's clock when it stored them (ms since epoch), for the kiosk's clock check. */
  serverTime: z.int(),
});

export type KioskRegistration = z.infer<typeof kioskRegistrationSchema>;
export type KioskCredentials = z.infer<typeof kioskCredentialsSchema>;
export type IngestResult = z.infer<typeof ingestResultSchema>;
