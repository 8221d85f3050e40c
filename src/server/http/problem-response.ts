import type { Context } from 'hono';
import { Problem, type ProblemKey, problemCatalogue, problemStatus } from '../../core/problems.ts';

/** Sends a catalogue problem as JSON: status from its code, the Vietnamese sentence, the code. */
export function problem(c: Context, key: ProblemKey, extra: Record<string, unknown> = {}) {
  const { code, message } = problemCatalogue[key];
  return c.json({ code, message, ...extra }, problemStatus(key) as 400);
}

/** A Problem thrown on the way as its response, with the faults it lists (as `errors`). */
export function refusal(c: Context, error: Problem) {
  return problem(c, error.key, error.faults.length > 0 ? { errors: error.faults } : {});
}

/** Runs `work`; a Problem becomes its refusal (logged with its code), anything else propagates. */
export async function orRefusal(
  c: Context,
  log: (code: string, detail: string | undefined) => void,
  work: () => Promise<Response>,
): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    log(error.code, error.detail);
    return refusal(c, error);
  }
}

/** The body as UTF-8 text; bytes that are not valid UTF-8 are refused, never replaced. */
export async function utf8Body(c: Context): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw new Problem('request.encoding');
  }
}

/** The body as JSON (valid UTF-8 first), or undefined when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await utf8Body(c);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
