import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy the built app meets (test/e2e/csp.test.ts loads every route
 * under it). Scripts and styles come only from the collector's own files: no inline script,
 * no style attribute in markup (the QR SVGs carry presentation attributes only; Preact sets
 * `style` props through CSSOM, which CSP allows). 'wasm-unsafe-eval' lets the zxing QR
 * reader compile its bundled .wasm; nothing needs eval. Images may be data: and blob: URLs
 * (QR images, the camera's frame). Every request goes to the collector itself, so a kiosk
 * sends only to the collector it was opened from.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Only the camera (the office's and the kiosk's QR reader), only for the collector's own pages;
 * features nothing here uses are switched off. Wake lock and fullscreen keep their default (self).
 */
export const PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()';

/** The headers every response carries; Strict-Transport-Security only when served over HTTPS. */
export function securityHeaderValues({ https }: { https: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    // A year; no includeSubDomains: the collector cannot speak for the other hosts of its domain.
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/**
 * Sets the security headers on every response, API and static files alike, after the handler
 * ran, so refusals, 404s and errors carry them too. Register it before every route.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const headers = Object.entries(securityHeaderValues(options));
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
