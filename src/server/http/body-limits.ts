import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem-response.ts';

/** A compact batch of the most sheets it may carry, with personal data, stays well under this. */
export const MAX_BATCH_BYTES = 1024 * 1024;
/** A JSON export of a busy year, with personal data, stays well under this. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A phone sheet with every optional text at its longest stays far below this. */
export const MAX_PHONE_SHEET_BYTES = 16 * 1024;
/** A Section B scoring: 48 leaves, each with a note of up to 1 000 characters. */
export const MAX_SCORECARD_BYTES = 256 * 1024;
/** Every other request body (registrations, claims, settings). */
export const MAX_OTHER_BYTES = 8 * 1024;

/** By path; a path ending in "/" covers everything under it. */
const LIMITS: [string, number][] = [
  ['/api/v1/batches', MAX_BATCH_BYTES],
  ['/api/v1/imports', MAX_FILE_BYTES],
  ['/api/v1/phone-sheets', MAX_PHONE_SHEET_BYTES],
  ['/api/v1/self-scores', MAX_SCORECARD_BYTES],
  ['/api/v1/scorecards/', MAX_SCORECARD_BYTES],
];

/** A body limit on every route, by path: nothing reads a body larger than its route allows. */
export function bodyLimits(): MiddlewareHandler {
  const onError: Parameters<typeof bodyLimit>[0]['onError'] = (c) =>
    problem(c, 'request.too-large');
  const handlers = new Map(
    LIMITS.map(([path, maxSize]) => [path, bodyLimit({ maxSize, onError })]),
  );
  const other = bodyLimit({ maxSize: MAX_OTHER_BYTES, onError });
  return (c, next) => (handlers.get(c.req.path) ?? other)(c, next);
}
