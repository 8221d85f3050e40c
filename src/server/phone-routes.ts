import { webcrypto } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { claimSchema, phoneSheetOf, phoneSubmissionSchema } from '../core/phone/phone-sheet.ts';
import { issuePhoneToken, type PhoneToken, readPhoneToken } from '../core/phone/token.ts';
import { checkPhoneToken } from '../core/phone/token-check.ts';
import { Problem } from '../core/problems.ts';
import { formIdSchema } from '../core/profile/schema.ts';
import { deviceIdSchema } from '../core/sheet.ts';
import type { Log } from './log.ts';
import { clientOf, problem } from './problem-response.ts';
import { rateLimiter } from './rate-limit.ts';
import type { CollectorStore, KioskRecord } from './store/store.ts';

/** A phone sheet with every optional text at its longest stays far below this. */
const MAX_PHONE_SHEET_BYTES = 16 * 1024;

const deskSchema = z.object({
  communeCode: z.string().check(z.regex(/^\d{1,8}$/)),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});
const deskTokenRequestSchema = z.object({ formId: z.optional(formIdSchema) });

interface PhoneRouteOptions {
  store: CollectorStore;
  log: Log;
  now: () => number;
  isAdmin: (c: Context) => boolean;
  tokenMinutes: number;
  deskLimits: { perClient: number; perCommune: number };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Only a hash of a claim is stored: a copied database cannot send in a phone's name. */
const claimHash = async (claim: string) =>
  hex(new Uint8Array(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(claim))));

/**
 * Phone mode (docs/api.md, "Phone mode"): a token from the QR at the desk lets one phone
 * send one sheet. Nothing about the phone is stored or logged: not its address, not its
 * browser; the address only feeds the in-memory rate limits of the desk QR.
 */
export function phoneRoutes(options: PhoneRouteOptions): Hono {
  const { store, log, now } = options;
  const deskPerClient = rateLimiter(
    options.deskLimits.perClient,
    options.deskLimits.perClient,
    now,
  );
  const deskPerCommune = rateLimiter(
    options.deskLimits.perCommune,
    options.deskLimits.perCommune,
    now,
  );
  const routes = new Hono();

  /** The token and its issuer, or a Problem saying why it cannot be used. */
  const usable = async (
    text: string,
    answeredAt?: number,
  ): Promise<{ token: PhoneToken; issuer: KioskRecord }> => {
    const token = readPhoneToken(text);
    const issuer = await store.findKiosk(token.deviceId);
    await checkPhoneToken(webcrypto.subtle, token, issuer, now(), answeredAt);
    if (!issuer) throw new Problem('token.unknown-issuer');
    return { token, issuer };
  };
  /** What a phone needs to know of a usable token. */
  const statusOf = (token: PhoneToken, issuer: KioskRecord) => ({
    communeCode: issuer.communeCode,
    communeName: issuer.communeName,
    formId: token.formId,
    expiresAt: token.expiresAt,
    serverTime: now(),
  });
  const refusal = (c: Context, error: unknown) => {
    if (!(error instanceof Problem)) throw error;
    log('phone.refused', { code: error.code });
    return problem(c, error.key);
  };

  // The kiosk reads the collector's clock before issuing a token: tablets drift.
  routes.get('/api/v1/time', (c) => c.json({ serverTime: now() }));

  /** The token's state for whoever asks: the kiosk polls it to renew the code it shows. */
  routes.get('/api/v1/phone-tokens/:token', async (c) => {
    try {
      const { token, issuer } = await usable(c.req.param('token'));
      if (await store.hasSheet(token.nonce, 1)) throw new Problem('token.used');
      if (await store.phoneTokenClaim(token.nonce)) throw new Problem('token.claimed');
      return c.json(statusOf(token, issuer));
    } catch (error) {
      return refusal(c, error);
    }
  });

  /** The phone that opens a token first holds it; a second phone is told at once. */
  routes.post('/api/v1/phone-tokens/:token/claims', async (c) => {
    const claim = claimSchema.safeParse(
      ((await c.req.json().catch(() => ({}))) as { claim?: unknown }).claim,
    );
    if (!claim.success) return problem(c, 'request.invalid');
    try {
      const { token, issuer } = await usable(c.req.param('token'));
      if (await store.hasSheet(token.nonce, 1)) throw new Problem('token.used');
      const mine = await claimHash(claim.data);
      if ((await store.claimPhoneToken(token.nonce, mine, now())) !== mine)
        throw new Problem('token.claimed');
      return c.json(statusOf(token, issuer));
    } catch (error) {
      return refusal(c, error);
    }
  });

  routes.post(
    '/api/v1/phone-sheets',
    bodyLimit({ maxSize: MAX_PHONE_SHEET_BYTES, onError: (c) => problem(c, 'request.too-large') }),
    async (c) => {
      const parsed = phoneSubmissionSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return problem(c, 'request.invalid');
      try {
        const { token, issuer } = await usable(parsed.data.token, parsed.data.sheet.createdAt);
        if (parsed.data.sheet.formId !== token.formId) throw new Problem('token.wrong-form');
        // A token a phone claimed takes a sheet only with that phone's claim.
        const holder = await store.phoneTokenClaim(token.nonce);
        const { claim } = parsed.data;
        if (holder && (!claim || (await claimHash(claim)) !== holder))
          throw new Problem('token.claimed');
        let sheet: ReturnType<typeof phoneSheetOf>;
        try {
          sheet = phoneSheetOf(token, parsed.data.sheet);
        } catch {
          return problem(c, 'request.invalid');
        }
        const outcome = await store.ingest(issuer.communeCode, [sheet], now());
        if (!outcome.ok) throw new Problem('token.used');
        const fresh = outcome.received.length === 1;
        log('phone.sheet', { issuer: issuer.deviceId, communeCode: issuer.communeCode, fresh });
        return c.json(
          { status: fresh ? 'received' : 'duplicate', serverTime: now() },
          fresh ? 201 : 200,
        );
      } catch (error) {
        return refusal(c, error);
      }
    },
  );

  routes.post('/api/v1/desks', async (c) => {
    if (!options.isAdmin(c)) return problem(c, 'auth.admin');
    const parsed = deskSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return problem(c, 'request.invalid');
    const deviceId = hex(webcrypto.getRandomValues(new Uint8Array(8)));
    await store.registerKiosk({
      ...parsed.data,
      deviceId,
      key: webcrypto.getRandomValues(new Uint8Array(32)),
      registeredAt: now(),
      kind: 'desk',
    });
    log('desk.registered', { deviceId, communeCode: parsed.data.communeCode });
    return c.json({ deviceId, path: `#/phone/desk/${deviceId}` }, 201);
  });

  routes.post('/api/v1/desks/:deviceId/tokens', async (c) => {
    const deviceId = c.req.param('deviceId');
    const desk = deviceIdSchema.safeParse(deviceId).success
      ? await store.findKiosk(deviceId)
      : undefined;
    if (desk?.kind !== 'desk') return problem(c, 'token.unknown-issuer');
    if (!deskPerClient(clientOf(c)) || !deskPerCommune(desk.communeCode))
      return problem(c, 'desk.busy');
    const body = deskTokenRequestSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!body.success) return problem(c, 'request.invalid');
    const token = await issuePhoneToken(webcrypto.subtle, desk.key, {
      deviceId: desk.deviceId,
      formId: body.data.formId ?? 'citizen',
      communeCode: desk.communeCode,
      issuedAt: now(),
      lifetimeMinutes: options.tokenMinutes,
      nonce: hex(webcrypto.getRandomValues(new Uint8Array(8))),
    });
    return c.json({ token, communeName: desk.communeName }, 201);
  });

  return routes;
}
