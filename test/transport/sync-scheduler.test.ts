import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncDeps, SyncOutcome } from '../../src/transport/http-sync.ts';

const syncOnce = vi.fn<(deps: SyncDeps, options?: { manual?: boolean }) => Promise<SyncOutcome>>();
vi.mock('../../src/transport/http-sync.ts', () => ({ syncOnce }));
const { startSyncScheduler } = await import('../../src/transport/sync-scheduler.ts');

const deps = async () => ({}) as SyncDeps;
const quarantined: SyncOutcome = { kind: 'quarantined', error: 'refused (mã 401.1)' };

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('navigator', {});
  syncOnce.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sync scheduler', () => {
  it('tries on start, on the network coming back and every five minutes, never as Gửi ngay', async () => {
    syncOnce.mockResolvedValue(quarantined);
    const scheduler = startSyncScheduler(deps);
    await vi.advanceTimersByTimeAsync(0);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(syncOnce.mock.calls.map(([, options]) => options)).toEqual([
      { manual: false },
      { manual: false },
      { manual: false },
    ]);
    scheduler.stop();
  });

  it('a quarantine sets no retry timer; Gửi ngay asks to send the refused batch again', async () => {
    syncOnce.mockResolvedValue(quarantined);
    const scheduler = startSyncScheduler(deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1); // the five-minute round only
    expect(await scheduler.syncNow()).toEqual(quarantined);
    expect(syncOnce).toHaveBeenLastCalledWith(expect.anything(), { manual: true });
    scheduler.stop();
  });

  it('retries after the back-off a failed try asked for', async () => {
    syncOnce.mockResolvedValueOnce({ kind: 'retry', delayMs: 5_000, error: 'offline' });
    syncOnce.mockResolvedValue({ kind: 'nothing-to-send' });
    const scheduler = startSyncScheduler(deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(syncOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(syncOnce).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('Gửi ngay pressed during a try runs right after it, still as Gửi ngay', async () => {
    let finish: (outcome: SyncOutcome) => void = () => {};
    syncOnce.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    syncOnce.mockResolvedValue({ kind: 'nothing-to-send' });
    const scheduler = startSyncScheduler(deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(await scheduler.syncNow()).toBeUndefined();
    finish(quarantined);
    await vi.advanceTimersByTimeAsync(0);
    expect(syncOnce).toHaveBeenCalledTimes(2);
    expect(syncOnce).toHaveBeenLastCalledWith(expect.anything(), { manual: true });
    scheduler.stop();
  });
});
