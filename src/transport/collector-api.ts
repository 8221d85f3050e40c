import type * as z from 'zod/mini';
import { type CollectorRoutes, collectorRoutes, type RouteName } from '../core/api.ts';
import { Problem, type ProblemKey, problemCatalogue } from '../core/problems.ts';

/**
 * The one typed client of the collector's API: every call names a route of
 * `collectorRoutes` (src/core/api.ts), sends what its schema allows, and reads the answer in
 * one way — a success checked against the route's response schema, a refusal with its
 * catalogue code and sentence, a transient failure (busy, restarting, rate-limited), or no
 * network at all. Screens never read a Response themselves.
 */
export type Reply<T> =
  | { kind: 'ok'; value: T }
  /** A verdict on the request: it will not change on a retry. */
  | {
      kind: 'refused';
      status: number;
      code: string;
      message: string;
      body: Record<string, unknown>;
    }
  /** Try again later: the server answered 5xx, 429, or something that is not its API. */
  | { kind: 'failed'; status: number; code: string }
  | { kind: 'offline' };

type Route = CollectorRoutes[RouteName];
type Response_<R extends Route> = z.infer<R['response']>;
type Request_<R extends Route> = R extends { request: z.ZodMiniType }
  ? z.infer<R['request']>
  : never;

export interface CallOptions<R extends Route> {
  /** Values for `:name` segments of the path. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON for routes with a request schema. */
  json?: Request_<R>;
  /** Raw bytes or text for routes that take them (a sealed batch, a JSON file as read). */
  raw?: { body: BodyInit; contentType: string };
}

export interface CollectorClient {
  call<N extends RouteName>(
    name: N,
    options?: CallOptions<CollectorRoutes[N]>,
  ): Promise<Reply<Response_<CollectorRoutes[N]>>>;
  /** A route's answer as a file (the Excel and CSV tables), or why not. */
  download(path: string): Promise<Reply<Blob>>;
}

export interface ClientOptions {
  /** The collector's address; the page's own origin when absent. */
  base?: string;
  /** Headers that carry the office's credential, when the route needs it. */
  credentials?: () => Record<string, string>;
  fetch?: typeof fetch;
}

export function collectorClient(options: ClientOptions = {}): CollectorClient {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string, query?: Record<string, string>) => {
    const target = options.base ? new URL(path, options.base).href : path;
    return query ? `${target}?${new URLSearchParams(query)}` : target;
  };
  const request = async (target: string, init: RequestInit): Promise<Response | undefined> => {
    try {
      return await send(target, init);
    } catch {
      return undefined;
    }
  };
  return {
    async call(name, callOptions = {}) {
      const route = collectorRoutes[name];
      const path = route.path.replace(/:(\w+)/g, (_, key: string) =>
        encodeURIComponent(callOptions.params?.[key] ?? ''),
      );
      const headers: Record<string, string> = { ...options.credentials?.() };
      let body: BodyInit | undefined;
      if (callOptions.raw) {
        headers['content-type'] = callOptions.raw.contentType;
        body = callOptions.raw.body;
      } else if (callOptions.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(callOptions.json);
      }
      const response = await request(url(path, callOptions.query), {
        method: route.method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      if (!response) return { kind: 'offline' };
      if (!response.ok) return refusalOf(response);
      const parsed = route.response.safeParse(await response.json().catch(() => undefined));
      // A 2xx that is not this API's answer (a captive portal, a proxy page): not a verdict.
      return parsed.success
        ? { kind: 'ok', value: parsed.data as never }
        : {
            kind: 'failed',
            status: response.status,
            code: problemCatalogue['collector.failed'].code,
          };
    },
    async download(path) {
      const response = await request(url(path), { headers: { ...options.credentials?.() } });
      if (!response) return { kind: 'offline' };
      if (!response.ok) return refusalOf(response);
      return { kind: 'ok', value: await response.blob() };
    },
  };
}

/** The one reading of an answer that is not a success. */
async function refusalOf(response: Response): Promise<Reply<never>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  if (response.status >= 500 || response.status === 429 || !code || !message)
    return { kind: 'failed', status: response.status, code: code ?? String(response.status) };
  return { kind: 'refused', status: response.status, code, message, body };
}

/** The value of a success, or a Problem-shaped error carrying the Vietnamese sentence to show. */
export function successOf<T>(reply: Reply<T>): T {
  if (reply.kind === 'ok') return reply.value;
  throw new ReplyError(reply);
}

/** A reply that is not a success, as an Error whose message is the sentence a person reads. */
export class ReplyError extends Error {
  readonly reply: Exclude<Reply<unknown>, { kind: 'ok' }>;
  constructor(reply: Exclude<Reply<unknown>, { kind: 'ok' }>) {
    super(sentenceOf(reply));
    this.reply = reply;
  }
}

/** What a person is told of a reply that is not a success: the sentence and its code. */
export function sentenceOf(reply: Exclude<Reply<unknown>, { kind: 'ok' }>): string {
  if (reply.kind === 'refused') return `${reply.message} (mã ${reply.code})`;
  // A "try later" the catalogue names (too many requests, a sign-in locked) says its own sentence.
  const named = Object.values(problemCatalogue).find(
    (entry) => reply.kind === 'failed' && entry.code === reply.code,
  );
  if (named) return `${named.message} (mã ${named.code})`;
  const key: ProblemKey = reply.kind === 'offline' ? 'collector.unreachable' : 'collector.failed';
  const problem = new Problem(key);
  return reply.kind === 'failed'
    ? `${problem.message} (mã ${problem.code}, máy chủ trả ${reply.status})`
    : `${problem.message} (mã ${problem.code})`;
}
