import { Worker } from 'node:worker_threads';
import type { MiddlewareHandler } from 'hono';
import type { LogFields } from '../log.ts';

/**
 * The office's reads on a thread of their own. On SQLite every query runs on the thread that
 * asks, and the figures, standings and exports are work in JavaScript on either store: served
 * beside the batches, four officers reading kept a kiosk's batch waiting a second (issue 13).
 * GET requests under /api/v1/ (but the clock and a phone token's state, which citizens' phones
 * ask and which cost nothing) go to a reader thread that runs the same API over its own
 * connection; answers stream back a chunk per pull, so a province's export never piles up in
 * memory. Should the thread be gone, the request is served here as before.
 */
export interface ReaderConfig {
  sqliteFile?: string;
  databaseUrl?: string;
  adminToken: string;
  trustedProxies: string[];
}

export type ReaderMessage =
  | {
      type: 'request';
      id: number;
      method: string;
      url: string;
      headers: [string, string][];
      peer: string | undefined;
    }
  | { type: 'pull' | 'cancel'; id: number };

export type ReaderReply =
  | { type: 'head'; id: number; status: number; headers: [string, string][] }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end' | 'error'; id: number; message?: string };

interface Pending {
  head: (reply: Extract<ReaderReply, { type: 'head' }>) => void;
  fail: (error: Error) => void;
  next?: (reply: ReaderReply) => void;
}

const ASKED_BY_CITIZENS = /^\/api\/v1\/(time$|phone-tokens\/)/;

export function officeReaders(
  config: ReaderConfig,
  log: (event: string, fields?: LogFields) => void,
): { middleware: MiddlewareHandler; close: () => Promise<void> } {
  let worker: Worker | undefined = new Worker(new URL('../office-reader.ts', import.meta.url), {
    workerData: config,
  });
  const pending = new Map<number, Pending>();
  let lastId = 0;
  worker.on('message', (reply: ReaderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'head') waiting.head(reply);
    else if (reply.type === 'error' && !waiting.next) {
      pending.delete(reply.id);
      waiting.fail(new Error(reply.message));
    } else waiting.next?.(reply);
  });
  worker.on('error', (error) => log('collector.reader-failed', { message: error.message }));
  worker.on('exit', () => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.fail(new Error('reader thread gone'));
    pending.clear();
  });

  const ask = (request: Request, peer: string | undefined): Promise<Response> => {
    const thread = worker as Worker;
    const id = ++lastId;
    return new Promise<Response>((resolve, reject) => {
      const entry: Pending = {
        fail: reject,
        head: ({ status, headers }) => {
          const body =
            request.method === 'HEAD' || status === 204 || status === 304
              ? null
              : new ReadableStream<Uint8Array>({
                  pull: (controller) =>
                    new Promise<void>((done) => {
                      entry.next = (reply) => {
                        if (reply.type === 'chunk') controller.enqueue(reply.bytes);
                        else {
                          pending.delete(id);
                          if (reply.type === 'end') controller.close();
                          else
                            controller.error(
                              new Error('message' in reply ? reply.message : reply.type),
                            );
                        }
                        done();
                      };
                      thread.postMessage({ type: 'pull', id } satisfies ReaderMessage);
                    }),
                  cancel: () => {
                    pending.delete(id);
                    thread.postMessage({ type: 'cancel', id } satisfies ReaderMessage);
                  },
                });
          if (!body) {
            pending.delete(id);
            thread.postMessage({ type: 'cancel', id } satisfies ReaderMessage);
          }
          resolve(new Response(body, { status, headers: new Headers(headers) }));
        },
      };
      pending.set(id, entry);
      thread.postMessage({
        type: 'request',
        id,
        method: request.method,
        url: request.url,
        headers: headerList(request.headers),
        peer,
      } satisfies ReaderMessage);
    });
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (
      !worker ||
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      !path.startsWith('/api/v1/') ||
      ASKED_BY_CITIZENS.test(path)
    )
      return next();
    let response: Response;
    try {
      response = await ask(c.req.raw, c.env?.incoming?.socket?.remoteAddress);
    } catch {
      return next();
    }
    return response;
  };
  return {
    middleware,
    close: async () => {
      await worker?.terminate();
    },
  };
}

/** A message can carry headers only as pairs; each Set-Cookie stays a pair of its own. */
export function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => {
    list.push([name, value]);
  });
  return list;
}
