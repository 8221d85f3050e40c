import { randomBytes, webcrypto } from 'node:crypto';
import { Hono } from 'hono';
import {
  type EnrolledKiosk,
  enrolmentRedeemSchema,
  enrolmentRequestSchema,
} from '../../core/accounts.ts';
import { normalizeCode, oneTimeCodeOf } from '../../core/enrolment.ts';
import { need } from '../http/principal.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import { rateLimiter } from '../http/rate-limit.ts';
import { tokenHash } from '../store/accounts.ts';
import type { ResourceContext } from './context.ts';

/** A code is good for 30 minutes: long enough to walk to the desk, short enough to be worth little. */
export const ENROLMENT_MINUTES = 30;

/**
 * Kiosks enrolled by a one-time code (docs/api.md, "Enrolment"): the office makes a code for a
 * commune and a label; the tablet gives it once, with its device id, and gets its key. No
 * office secret is typed on a tablet.
 */
export function enrolmentResources({
  store,
  log,
  now,
  clientOf,
  actorOf,
  audit,
}: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('enrolment.refused', { code, detail });
  // A guesser of 40-bit codes from one address gets 10 tries a minute (per process).
  const allowRedeem = rateLimiter(10, 10, now);

  routes.post('/api/v1/enrolments', need('enrol'), (c) =>
    orRefusal(c, refused, async () => {
      const parsed = enrolmentRequestSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const code = oneTimeCodeOf(randomBytes(8));
      const createdAt = now();
      const expiresAt = createdAt + ENROLMENT_MINUTES * 60_000;
      await store.enrolments.create(tokenHash(code), {
        ...parsed.data,
        createdBy: actorOf(c),
        createdAt,
        expiresAt,
      });
      await audit(c, 'enrolment.create', parsed.data.communeCode, {
        label: parsed.data.label,
        expiresAt,
      });
      return c.json({ code, expiresAt, ...parsed.data }, 201);
    }),
  );

  routes.get('/api/v1/enrolments', need('enrol'), async (c) =>
    c.json(await store.enrolments.recent(100)),
  );

  routes.post('/api/v1/enrolments/redeem', (c) =>
    orRefusal(c, refused, async () => {
      if (!allowRedeem(clientOf(c))) return problem(c, 'rate.limited');
      const parsed = enrolmentRedeemSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const code = normalizeCode(parsed.data.code);
      const { deviceId } = parsed.data;
      const key = webcrypto.getRandomValues(new Uint8Array(32));
      const at = now();
      const spent = code
        ? await store.enrolments.spend(tokenHash(code), at, (e) => ({
            deviceId,
            communeCode: e.communeCode,
            communeName: e.communeName,
            label: e.label,
            key,
            registeredAt: at,
            kind: 'kiosk',
          }))
        : ({ ok: false, reason: 'invalid' } as const);
      if (!spent.ok) {
        await audit(c, 'enrolment.refused', deviceId, { reason: spent.reason }, `máy ${deviceId}`);
        return problem(c, spent.reason === 'exists' ? 'kiosk.exists' : 'enrolment.invalid');
      }
      const { enrolment } = spent;
      await audit(
        c,
        'enrolment.used',
        deviceId,
        { communeCode: enrolment.communeCode, label: enrolment.label, by: enrolment.createdBy },
        `máy ${deviceId}`,
      );
      log('kiosk.registered', { deviceId, communeCode: enrolment.communeCode, by: 'enrolment' });
      const answer: EnrolledKiosk = {
        deviceId,
        key: Buffer.from(key).toString('base64url'),
        communeCode: enrolment.communeCode,
        communeName: enrolment.communeName,
        label: enrolment.label,
      };
      return c.json(answer, 201);
    }),
  );

  return routes;
}
