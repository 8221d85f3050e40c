import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxiesOf } from '../../src/server/http/client-address.ts';
import { rateLimiter } from '../../src/server/http/rate-limit.ts';

/** The client address the collector would use for one request from `peer`. */
async function addressOf(peer: string, forwarded: string | undefined, trusted: string) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trustedProxiesOf(trusted))));
  const headers: Record<string, string> = forwarded ? { 'x-forwarded-for': forwarded } : {};
  const response = await app.request(
    '/',
    { headers },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return response.text();
}

describe('the client address for rate limits', () => {
  it('is the socket peer: a client cannot name itself with X-Forwarded-For', async () => {
    expect(await addressOf('203.0.113.7', '10.0.0.1', '')).toBe('203.0.113.7');
  });

  it('is the rightmost untrusted address when the peer is a trusted proxy', async () => {
    expect(await addressOf('127.0.0.1', '198.51.100.9, 10.0.0.1', '127.0.0.1,10.0.0.1')).toBe(
      '198.51.100.9',
    );
    expect(await addressOf('::ffff:127.0.0.1', '198.51.100.9', '127.0.0.1')).toBe('198.51.100.9');
  });

  it('ignores the header from a proxy that is not trusted', async () => {
    expect(await addressOf('127.0.0.2', '198.51.100.9', '127.0.0.1')).toBe('127.0.0.2');
  });
});

describe('rate limits', () => {
  it('refill over time, never run backwards with the clock, and forget full buckets', () => {
    let now = 0;
    const allow = rateLimiter(60, 2, () => now);
    expect([allow('a'), allow('a'), allow('a')]).toEqual([true, true, false]);
    now -= 60_000; // the clock stepped back
    expect(allow('a')).toBe(false);
    now += 120_000;
    expect(allow('a')).toBe(true);
    // A flood from many addresses: the table stays bounded, then is swept once they refill.
    for (let i = 0; i < 60_000; i++) allow(`client-${i}`);
    expect(allow.size).toBeLessThanOrEqual(50_000);
    now += 10 * 60_000;
    expect(allow('late')).toBe(true);
    expect(allow.size).toBe(1);
  });
});
