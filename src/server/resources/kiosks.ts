import { webcrypto } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { kioskRegistrationSchema, revocationSchema } from '../../core/api.ts';
import { formIdSchema } from '../../core/profile/schema.ts';
import { deviceIdSchema } from '../../core/sheet.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

const deskFormsSchema = z.object({
  forms: z.array(formIdSchema).check(z.minLength(1), z.maxLength(2)),
});

/**
 * The office's register of kiosks and desks (docs/api.md): registering a kiosk, what each did,
 * revoking one, and which forms a desk's tokens may be for. All need the office's credential.
 */
export function kioskResources({ store, log, now, isAdmin }: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('kiosk.refused', { code, detail });

  routes.post('/api/v1/kiosks', (c) =>
    orRefusal(c, refused, async () => {
      if (!isAdmin(c)) return problem(c, 'auth.admin');
      const parsed = kioskRegistrationSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const key = webcrypto.getRandomValues(new Uint8Array(32));
      const created = await store.registerKiosk({
        ...parsed.data,
        key,
        registeredAt: now(),
        kind: 'kiosk',
      });
      if (!created) return problem(c, 'kiosk.exists');
      log('kiosk.registered', {
        deviceId: parsed.data.deviceId,
        communeCode: parsed.data.communeCode,
      });
      return c.json(
        { deviceId: parsed.data.deviceId, key: Buffer.from(key).toString('base64url') },
        201,
      );
    }),
  );

  routes.get('/api/v1/kiosks', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    return c.json(await store.kioskRegistry());
  });

  routes.post('/api/v1/kiosks/:deviceId/revocation', (c) =>
    orRefusal(c, refused, async () => {
      if (!isAdmin(c)) return problem(c, 'auth.admin');
      const deviceId = c.req.param('deviceId');
      const body = revocationSchema.safeParse(await jsonBody(c));
      if (!deviceIdSchema.safeParse(deviceId).success || !body.success)
        return problem(c, 'request.invalid');
      const kiosk = await store.revokeKiosk(deviceId, now(), body.data.reason);
      if (!kiosk) return problem(c, 'kiosk.unknown');
      log('kiosk.revoked', { deviceId, communeCode: kiosk.communeCode });
      return c.json({ deviceId, revokedAt: kiosk.revokedAt, reason: kiosk.revocationReason });
    }),
  );

  routes.put('/api/v1/desks/:deviceId/forms', (c) =>
    orRefusal(c, refused, async () => {
      if (!isAdmin(c)) return problem(c, 'auth.admin');
      const deviceId = c.req.param('deviceId');
      const body = deskFormsSchema.safeParse(await jsonBody(c));
      if (!deviceIdSchema.safeParse(deviceId).success || !body.success)
        return problem(c, 'request.invalid');
      const forms = [...new Set(body.data.forms)];
      if (!(await store.setDeskForms(deviceId, forms))) return problem(c, 'kiosk.unknown');
      log('desk.forms', { deviceId, forms: forms.join(',') });
      return c.json({ deviceId, forms });
    }),
  );

  return routes;
}
