import type { Context } from 'hono';
import { type Period, periodSchema } from '../../core/settings.ts';

/**
 * The period a request names (`from`, `to`: Vietnam days, both included): null when it names
 * none (every day), undefined when what it names is not a period (refused with 400.x
 * request.period).
 */
export function periodQuery(c: Context): Period | null | undefined {
  const { from, to } = c.req.query();
  if (from === undefined && to === undefined) return null;
  const parsed = periodSchema.safeParse({ from, to });
  return parsed.success ? parsed.data : undefined;
}
