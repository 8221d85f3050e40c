import type { Context } from 'hono';
import { type ProblemKey, problemCatalogue, problemStatus } from '../core/problems.ts';

/** Sends a catalogue problem as JSON: status from its code, the Vietnamese sentence, the code. */
export function problem(c: Context, key: ProblemKey, extra: Record<string, unknown> = {}) {
  const { code, message } = problemCatalogue[key];
  return c.json({ code, message, ...extra }, problemStatus(key) as 400);
}

/** The client's address, for rate limits only: it is never logged or stored. */
export const clientOf = (c: Context): string =>
  c.req.header('x-forwarded-for') ?? c.env?.incoming?.socket?.remoteAddress ?? 'local';
