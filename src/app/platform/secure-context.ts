/** What the app needs that browsers give only to pages of a secure context (https://, localhost). */
export type SecureFeature = 'secure-context' | 'web-crypto' | 'service-worker';

interface PageScope {
  isSecureContext?: boolean;
  crypto?: { subtle?: unknown };
  navigator?: { serviceWorker?: unknown };
}

/**
 * What this page lacks: on http:// (other than localhost) the browser gives no service worker
 * (no offline kiosk), no camera and no `crypto.subtle` (no PIN, no signed batches); some
 * browsers' private windows have no service worker either. Empty when the app can run.
 */
export function missingSecureFeatures(scope: PageScope = globalThis as PageScope): SecureFeature[] {
  const missing: SecureFeature[] = [];
  if (scope.isSecureContext === false) missing.push('secure-context');
  if (!scope.crypto?.subtle) missing.push('web-crypto');
  if (!scope.navigator?.serviceWorker) missing.push('service-worker');
  return missing;
}
