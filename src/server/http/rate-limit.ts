/**
 * A token bucket per key (client address, commune): `burst` requests at once, refilled at
 * `perMinute`. In memory and per process: several collectors behind a proxy each limit on
 * their own (docs/deploy.md); nothing correctness depends on lives here. Buckets that have
 * refilled are forgotten, so the table never grows with the number of clients seen.
 */
export function rateLimiter(perMinute: number, burst: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.at) / 60_000) * perMinute);
  let sweptAt = now();
  const sweep = (t: number) => {
    for (const [key, bucket] of buckets) if (refill(bucket, t) >= burst) buckets.delete(key);
    sweptAt = t;
  };
  return (key: string): boolean => {
    const t = now();
    if (t - sweptAt > 60_000 || buckets.size > 10_000) sweep(t);
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = refill(bucket, t);
    bucket.at = t;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    buckets.set(key, bucket);
    return allowed;
  };
}

/** How many keys a limiter holds (for the pruning test). */
export type RateLimiter = ReturnType<typeof rateLimiter>;
