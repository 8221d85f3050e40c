import { webcrypto } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { kioskRegistrationSchema, revocationSchema } from '../../core/api.ts';
import { formIdSchema } from '../../core/profile/schema.ts';
import { deviceIdSchema } from '../../core/sheet.ts';
import { need } from '../http/principal.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

const deskFormsSchema = z.object({
  forms: z.array(formIdSchema).check(z.minLength(1), z.maxLength(2)),
});

/**
 * The office's register of kiosks and desks (docs/api.md): registering a kiosk, what each did,
 * revoking one, and which forms a desk's tokens may be for. All need the office's credential.
 */
export function kioskResources({ store, log, now, scopeOf, audit }: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('kiosk.refused', { code, detail });

  routes.post('/api/v1/kiosks', need('enrol'), (c) =>
    orRefusal(c, refused, async () => {
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
      await audit(c, 'kiosk.register', parsed.data.deviceId, {
        communeCode: parsed.data.communeCode,
        label: parsed.data.label,
      });
      return c.json(
        { deviceId: parsed.data.deviceId, key: Buffer.from(key).toString('base64url') },
        201,
      );
    }),
  );

  routes.get('/api/v1/kiosks', need('read'), async (c) => {
    const scope = scopeOf(c);
    return c.json(
      (await store.kioskRegistry()).filter((k) => scope === null || k.communeCode === scope),
    );
  });

  routes.post('/api/v1/kiosks/:deviceId/revocation', need('enrol'), (c) =>
    orRefusal(c, refused, async () => {
      const deviceId = c.req.param('deviceId');
      const body = revocationSchema.safeParse(await jsonBody(c));
      if (!deviceIdSchema.safeParse(deviceId).success || !body.success)
        return problem(c, 'request.invalid');
      const kiosk = await store.revokeKiosk(deviceId, now(), body.data.reason);
      if (!kiosk) return problem(c, 'kiosk.unknown');
      log('kiosk.revoked', { deviceId, communeCode: kiosk.communeCode });
      await audit(c, 'kiosk.revoke', deviceId, {
        communeCode: kiosk.communeCode,
        reason: body.data.reason,
      });
      return c.json({ deviceId, revokedAt: kiosk.revokedAt, reason: kiosk.revocationReason });
    }),
  );

  routes.put('/api/v1/desks/:deviceId/forms', need('enrol'), (c) =>
    orRefusal(c, refused, async () => {
      const deviceId = c.req.param('deviceId');
      const body = deskFormsSchema.safeParse(await jsonBody(c));
      if (!deviceIdSchema.safeParse(deviceId).success || !body.success)
        return problem(c, 'request.invalid');
      const forms = [...new Set(body.data.forms)];
      if (!(await store.setDeskForms(deviceId, forms))) return problem(c, 'kiosk.unknown');
      log('desk.forms', { deviceId, forms: forms.join(',') });
      await audit(c, 'desk.forms', deviceId, { forms });
      return c.json({ deviceId, forms });
    }),
  );

  return routes;
}
