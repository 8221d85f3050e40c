import type { Context } from 'hono';
import type { Log } from '../log.ts';
import type { CollectorStore } from '../store/store.ts';

/** What every resource of the API gets from the app that mounts it. */
export interface ResourceContext {
  store: CollectorStore;
  log: Log;
  now: () => number;
  /** The client's address, for rate limits and the audit log. */
  clientOf: (c: Context) => string;
  /** Who does what a request asks, as the office's records name them: "Nguyễn Thị Hà (ha.nt)". */
  actorOf: (c: Context) => string;
  /** The communes the request's principal may see: every one (null), or a commune viewer's own. */
  scopeOf: (c: Context) => string | null;
  /**
   * Appends an office action to the audit log (docs/api.md, "Audit log"): who (the request's
   * principal, or `actor` for one who is not signed in), when, what, on what, from where.
   */
  audit: (
    c: Context,
    action: string,
    target: string,
    detail?: Record<string, unknown>,
    actor?: string,
  ) => Promise<void>;
}
