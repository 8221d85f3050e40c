import { webcrypto } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { hmacSigner } from '../../core/codec/seal.ts';
import { COMMUNE_CODE } from '../../core/commune-code.ts';
import { admitSheets } from '../../core/intake.ts';
import { claimSchema, phoneSheetOf, phoneSubmissionSchema } from '../../core/phone/phone-sheet.ts';
import { issuePhoneToken, type PhoneToken, readPhoneToken } from '../../core/phone/token.ts';
import {
  CLOCK_SLACK_MS,
  checkPhoneToken,
  MAX_TOKEN_MINUTES,
  OFFLINE_GRACE_MS,
} from '../../core/phone/token-check.ts';
import { Problem } from '../../core/problems.ts';
import { formIdSchema } from '../../core/profile/schema.ts';
import { deviceIdSchema } from '../../core/sheet.ts';
import { need } from '../http/principal.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import { rateLimiter } from '../http/rate-limit.ts';
import type { KioskRecord } from '../store/store.ts';
import type { ResourceContext } from './context.ts';

const deskSchema = z.object({
  communeCode: z.string().check(z.regex(COMMUNE_CODE)),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});
const deskTokenRequestSchema = z.object({ formId: z.optional(formIdSchema) });

/** A claim outlives every token it could hold: the longest lifetime, the offline grace, the slack. */
const CLAIM_KEPT_MS = MAX_TOKEN_MINUTES * 60_000 + OFFLINE_GRACE_MS + CLOCK_SLACK_MS;
const PRUNE_EVERY_MS = 3_600_000;

export interface PhoneOptions {
  /** Lifetime of the phone tokens a printed desk QR gets from the collector. */
  tokenMinutes: number;
  /** Desk tokens per minute, per client address and per commune. */
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
export function phoneResources(context: ResourceContext, options: PhoneOptions): Hono {
  const { store, log, now, clientOf, audit } = context;
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
  let prunedAt = 0;
  const routes = new Hono();

  /** The token and its issuer, or a Problem saying why it cannot be used. */
  const usable = async (
    text: string,
    answeredAt?: number,
  ): Promise<{ token: PhoneToken; issuer: KioskRecord }> => {
    const token = readPhoneToken(text);
    const issuer = await store.findKiosk(token.deviceId);
    await checkPhoneToken(
      token,
      issuer && { sign: hmacSigner(webcrypto.subtle, issuer.key), communeCode: issuer.communeCode },
      now(),
      answeredAt,
    );
    if (!issuer) throw new Problem('token.unknown-issuer');
    if (issuer.revokedAt !== null) throw new Problem('kiosk.revoked', issuer.deviceId);
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
  const refused = (code: string) => log('phone.refused', { code });

  // The kiosk reads the collector's clock before issuing a token: tablets drift.
  routes.get('/api/v1/time', (c) => c.json({ serverTime: now() }));

  /** The token's state for whoever asks: the kiosk polls it to renew the code it shows. */
  routes.get('/api/v1/phone-tokens/:token', (c) =>
    orRefusal(c, refused, async () => {
      const { token, issuer } = await usable(c.req.param('token'));
      if (await store.hasPhoneSheet(token.nonce)) throw new Problem('token.used');
      if (await store.phoneTokenClaim(token.nonce)) throw new Problem('token.claimed');
      return c.json(statusOf(token, issuer));
    }),
  );

  /** The phone that opens a token first holds it; a second phone is told at once. */
  routes.post('/api/v1/phone-tokens/:token/claims', (c) =>
    orRefusal(c, refused, async () => {
      const body = (await jsonBody(c)) as { claim?: unknown } | undefined;
      const claim = claimSchema.safeParse(body?.claim);
      if (!claim.success) return problem(c, 'request.invalid');
      const { token, issuer } = await usable(c.req.param('token'));
      if (await store.hasPhoneSheet(token.nonce)) throw new Problem('token.used');
      const mine = await claimHash(claim.data);
      if ((await store.claimPhoneToken(token.nonce, mine, now())) !== mine)
        throw new Problem('token.claimed');
      await pruneNowAndThen();
      return c.json(statusOf(token, issuer));
    }),
  );

  routes.post('/api/v1/phone-sheets', (c) =>
    orRefusal(c, refused, async () => {
      const parsed = phoneSubmissionSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
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
      const receivedAt = now();
      admitSheets([sheet], { path: 'phone', now: receivedAt });
      const outcome = await store.ingest({
        communeCode: issuer.communeCode,
        channel: 'phone',
        issuerId: issuer.deviceId,
        sheets: [sheet],
        precise: true,
        receivedAt,
      });
      if (!outcome.ok) throw new Problem('token.used');
      const fresh = outcome.received.length === 1;
      log('phone.sheet', { issuer: issuer.deviceId, communeCode: issuer.communeCode, fresh });
      return c.json(
        { status: fresh ? 'received' : 'duplicate', serverTime: now() },
        fresh ? 201 : 200,
      );
    }),
  );

  routes.post('/api/v1/desks', need('enrol'), (c) =>
    orRefusal(c, refused, async () => {
      const parsed = deskSchema.safeParse(await jsonBody(c));
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
      await audit(c, 'desk.create', deviceId, {
        communeCode: parsed.data.communeCode,
        label: parsed.data.label,
      });
      return c.json({ deviceId, path: `#/phone/desk/${deviceId}` }, 201);
    }),
  );

  routes.post('/api/v1/desks/:deviceId/tokens', (c) =>
    orRefusal(c, refused, async () => {
      const deviceId = c.req.param('deviceId');
      const desk = deviceIdSchema.safeParse(deviceId).success
        ? await store.findKiosk(deviceId)
        : undefined;
      if (desk?.kind !== 'desk') return problem(c, 'token.unknown-issuer');
      if (desk.revokedAt !== null) return problem(c, 'kiosk.revoked');
      if (!deskPerClient(clientOf(c)) || !deskPerCommune(desk.communeCode))
        return problem(c, 'desk.busy');
      const body = deskTokenRequestSchema.safeParse((await jsonBody(c)) ?? {});
      if (!body.success) return problem(c, 'request.invalid');
      const formId = body.data.formId ?? 'citizen';
      // Anyone at the desk can ask: the cadre form only where the office allowed it.
      if (!desk.forms.includes(formId)) return problem(c, 'token.form-not-allowed');
      const token = await issuePhoneToken(hmacSigner(webcrypto.subtle, desk.key), {
        deviceId: desk.deviceId,
        formId,
        communeCode: desk.communeCode,
        issuedAt: now(),
        lifetimeMinutes: options.tokenMinutes,
        nonce: hex(webcrypto.getRandomValues(new Uint8Array(8))),
      });
      return c.json({ token, communeName: desk.communeName }, 201);
    }),
  );

  /** Claims outlive their tokens by nothing: forgotten once no token they hold can be used. */
  async function pruneNowAndThen() {
    const t = now();
    if (t - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = t;
    const pruned = await store.pruneClaims(t - CLAIM_KEPT_MS);
    if (pruned > 0) log('phone.claims-pruned', { pruned });
  }

  return routes;
}
