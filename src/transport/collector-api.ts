import type * as z from 'zod/mini';
import { type CollectorRoutes, collectorRoutes, type RouteName } from '../core/api.ts';
import { problemCatalogue } from '../core/problems.ts';
import { type NotOk, refusalOf, sentenceOf } from './refusal.ts';

export { sentenceOf };

/**
 * The one typed client of the collector's API: every call names a route of
 * `collectorRoutes` (src/core/api.ts), sends what its schema allows, and reads the answer in
 * one way — a success checked against the route's response schema, a refusal with its
 * catalogue code and sentence, a transient failure (busy, restarting, rate-limited), or no
 * network at all. Screens never read a Response themselves.
 */
export type Reply<T> = { kind: 'ok'; value: T } | NotOk;

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
  /** Gives up on the request (e.g. `AbortSignal.timeout`): read as no network. */
  signal?: AbortSignal;
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
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
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

/** The value of a success, or a Problem-shaped error carrying the Vietnamese sentence to show. */
export function successOf<T>(reply: Reply<T>): T {
  if (reply.kind === 'ok') return reply.value;
  throw new ReplyError(reply);
}

/** A reply that is not a success, as an Error whose message is the sentence a person reads. */
export class ReplyError extends Error {
  readonly reply: NotOk;
  constructor(reply: NotOk) {
    super(sentenceOf(reply));
    this.reply = reply;
  }
}
