/** Browser storage durability: ask once to be exempt from eviction, and report quota. */

export interface StorageStatus {
  persisted: boolean;
  usageBytes?: number;
  quotaBytes?: number;
}

/** Asks the browser not to evict the kiosk's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage?.estimate) return { persisted: false };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
  return { persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
}
