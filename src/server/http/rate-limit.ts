/** Buckets kept at most; past it the oldest are dropped (a dropped client starts afresh). */
const MAX_BUCKETS = 50_000;

/**
 * A token bucket per key (client address, commune): `burst` requests at once, refilled at
 * `perMinute`. In memory and per process: several collectors behind a proxy each limit on
 * their own (docs/deploy.md); nothing correctness depends on lives here. Once a minute the
 * buckets that have refilled are forgotten, and the table never holds more than
 * MAX_BUCKETS, however many addresses a flood comes from.
 */
export function rateLimiter(perMinute: number, burst: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  // A clock that steps back refills nothing.
  const refill = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.at) / 60_000) * perMinute);
  let sweptAt = now();
  const sweep = (t: number) => {
    for (const [key, bucket] of buckets) if (refill(bucket, t) >= burst) buckets.delete(key);
    sweptAt = t;
  };
  const limit = (key: string): boolean => {
    const t = now();
    if (t - sweptAt >= 60_000) sweep(t);
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = refill(bucket, t);
    bucket.at = t;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    buckets.delete(key); // re-inserted last: the map's order is least recently seen first
    buckets.set(key, bucket);
    if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value as string);
    return allowed;
  };
  // How many clients it remembers now (a getter: Object.assign would copy a value).
  return Object.defineProperty(limit, 'size', { get: () => buckets.size }) as typeof limit & {
    readonly size: number;
  };
}
