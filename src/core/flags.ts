import type { FlagThresholds } from './settings.ts';
import type { Flag, SheetDraft } from './sheet.ts';

/** What the flag rules need to know of the sheets already on the device. */
export type PriorSheet = { startedAt: number; createdAt: number; answers: readonly string[] };

/**
 * Flags for a sheet about to be stored, given the device's earlier sheets (oldest
 * first). Flags never block a sheet: the office sees flagged counts beside raw ones.
 */
export function flagsForNewSheet(
  draft: Pick<SheetDraft, 'startedAt' | 'createdAt' | 'answers' | 'nonResident'>,
  prior: readonly PriorSheet[],
  timing: FlagThresholds,
): Flag[] {
  const flags: Flag[] = [];
  if (draft.nonResident) flags.push('non-resident');

  // Measured between submissions, not from the previous thank-you to the next start: the next
  // citizen often taps "Bắt đầu" seconds after a thank-you, yet still takes a while to answer.
  const previous = prior.at(-1);
  if (previous && draft.createdAt - previous.createdAt < timing.minIntervalSeconds * 1000) {
    flags.push('quick-repeat');
  }

  const windowStart = draft.createdAt - timing.burstWindowSeconds * 1000;
  const inWindow = prior.filter((s) => s.createdAt > windowStart).length + 1;
  if (inWindow > timing.burstCount) flags.push('burst');

  const run = prior.slice(-timing.identicalRunLength);
  if (
    run.length === timing.identicalRunLength &&
    run.every((s) => sameAnswers(s.answers, draft.answers))
  ) {
    flags.push('identical-run');
  }
  return flags;
}

function sameAnswers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
