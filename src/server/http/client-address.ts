import type { Context } from 'hono';

/**
 * The client's address, for rate limits only (never logged or stored): the socket's peer.
 * `X-Forwarded-For`, which any client can set, counts only when the peer is a proxy the
 * collector was told to trust (TRUST_PROXY, docs/api.md); then the client is the rightmost
 * address in it that is not one of those proxies.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const peer = normalise(c.env?.incoming?.socket?.remoteAddress ?? 'local');
  if (!trustedProxies.has(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => normalise(a.trim()))
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const address = forwarded[i] as string;
    if (!trustedProxies.has(address)) return address;
  }
  return peer;
}

/** "::ffff:10.0.0.5" (IPv4 on an IPv6 socket) is 10.0.0.5. */
const normalise = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** TRUST_PROXY as a set: comma-separated addresses, e.g. "127.0.0.1,::1". */
export function trustedProxiesOf(setting: string | undefined): Set<string> {
  return new Set(
    (setting ?? '')
      .split(',')
      .map((a) => normalise(a.trim()))
      .filter(Boolean),
  );
}
