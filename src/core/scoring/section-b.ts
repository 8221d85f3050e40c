import type { ProblemKey } from '../problems.ts';
import type { Scorecard, ScorecardNode } from '../profile/scorecard-schema.ts';

/**
 * A Section B scoring (the commune's self-score or the office's appraisal): half-points per
 * scorable leaf id, e.g. { "1.1.1": 2, "4.2.3": 1 }. A leaf left out has not been awarded
 * anything and counts 0.
 */
export type SectionBScoring = Readonly<Record<string, number>>;

/** The scorable leaves under a node, in table order (the node itself when it has no children). */
export function leavesOf(node: ScorecardNode): readonly ScorecardNode[] {
  const children = node.children ?? [];
  return children.length === 0 ? [node] : children.flatMap(leavesOf);
}

/** Every scorable leaf of the scorecard's Section B, in table order. */
export function sectionBLeaves(scorecard: Scorecard): readonly ScorecardNode[] {
  return scorecard.sectionB.criteria.flatMap(leavesOf);
}

/**
 * The total of a Section B scoring in half-points (0..160 in the default profile), exact.
 * Refuses an id that is not a leaf of the scorecard, and a score that is not a whole number of
 * half-points between 0 and the leaf's maximum, instead of clamping or rounding it.
 */
export function sectionBHalfPoints(scorecard: Scorecard, scoring: SectionBScoring): number {
  const leaves = new Map(sectionBLeaves(scorecard).map((leaf) => [leaf.id, leaf]));
  let total = 0;
  for (const [id, halfPoints] of Object.entries(scoring)) {
    const leaf = leaves.get(id);
    if (!leaf) {
      throw new RangeError(
        isInnerNode(scorecard, id)
          ? `Section B node "${id}" of profile ${scorecard.profileId} has sub-items: score those instead`
          : `Unknown Section B leaf "${id}" in profile ${scorecard.profileId}'s scorecard`,
      );
    }
    if (!Number.isInteger(halfPoints) || halfPoints < 0 || halfPoints > leaf.maxHalfPoints) {
      throw new RangeError(
        `Section B leaf "${id}" takes a whole number of half-points from 0 to ${leaf.maxHalfPoints}, not ${halfPoints}`,
      );
    }
    total += halfPoints;
  }
  return total;
}

/**
 * The half-points a scoring gives the leaves under one node: a criterion's (or an item's)
 * running total beside its "Điểm chuẩn". A leaf left out counts 0.
 */
export function nodeHalfPoints(node: ScorecardNode, scoring: SectionBScoring): number {
  return leavesOf(node).reduce((total, leaf) => total + (scoring[leaf.id] ?? 0), 0);
}

/** What a typed score of one leaf is: nothing yet, a number of half-points, or refused and why. */
export type LeafEntry =
  | { kind: 'empty' }
  | { kind: 'score'; halfPoints: number }
  | { kind: 'refused'; problem: Extract<ProblemKey, 'self-score.step' | 'self-score.above-max'> };

/**
 * A leaf's score as a person types it in points ("1,5", "1.5", "2", "" for none), read exactly
 * as half-points: refused when it is not a multiple of 0,5 from 0, or above the leaf's maximum.
 */
export function leafEntryOf(leaf: Pick<ScorecardNode, 'maxHalfPoints'>, typed: string): LeafEntry {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const match = /^(\d{1,4})(?:[.,](\d{1,6}))?$/.exec(text);
  const fraction = (match?.[2] ?? '').replace(/0+$/, '');
  if (!match || (fraction !== '' && fraction !== '5'))
    return { kind: 'refused', problem: 'self-score.step' };
  const halfPoints = 2 * Number(match[1]) + (fraction === '5' ? 1 : 0);
  return halfPoints > leaf.maxHalfPoints
    ? { kind: 'refused', problem: 'self-score.above-max' }
    : { kind: 'score', halfPoints };
}

/** Whether an id that is not a leaf names a node with sub-items, for a clearer refusal. */
function isInnerNode(scorecard: Scorecard, id: string): boolean {
  const walk = (node: ScorecardNode): boolean => node.id === id || (node.children ?? []).some(walk);
  return scorecard.sectionB.criteria.some(walk);
}
