import type { Context } from 'hono';
import type { Log } from '../log.ts';
import type { CollectorStore } from '../store/store.ts';

/** What every resource of the API gets from the app that mounts it. */
export interface ResourceContext {
  store: CollectorStore;
  log: Log;
  now: () => number;
  /** Whether the request carries the office's credential. */
  isAdmin: (c: Context) => boolean;
  /** The client's address, for rate limits only. */
  clientOf: (c: Context) => string;
  /** Who does what a request asks, as the office's records name them. */
  actorOf: (c: Context) => string;
}
