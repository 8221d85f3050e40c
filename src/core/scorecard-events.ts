import type { ScorecardEvent } from './appraisal.ts';
import { formatPoints } from './format.ts';
import { formatPeriod } from './period.ts';
import type { Scorecard, ScorecardNode } from './profile/scorecard-schema.ts';

/**
 * One change in a commune's Section B history, in words an officer reads: what changed, its
 * value before and after (the stored JSON as points, a period, an event), and why.
 */
export interface EventLine {
  subject: string;
  before: string;
  after: string;
  reason: string;
}

const NONE = 'chưa có';

function nodeOf(scorecard: Scorecard, id: string): ScorecardNode | undefined {
  const walk = (nodes: readonly ScorecardNode[]): ScorecardNode | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node;
      const inner = walk(node.children ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(scorecard.sectionB.criteria);
}

/** Parses a stored before/after value; undefined when it is not JSON (never shown raw as code). */
function parsed(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function leafValue(value: string | null): string {
  const entry = parsed(value) as { halfPoints?: unknown } | null | undefined;
  if (entry === null) return NONE;
  return typeof entry?.halfPoints === 'number' ? formatPoints(entry.halfPoints / 2) : '—';
}

function periodValue(value: string | null): string {
  const period = parsed(value) as { from?: unknown; to?: unknown } | null | undefined;
  return typeof period?.from === 'string' && typeof period.to === 'string'
    ? formatPeriod({ from: period.from, to: period.to })
    : NONE;
}

function disqualificationValue(scorecard: Scorecard, value: string | null): string {
  const event = parsed(value) as { id?: unknown } | null | undefined;
  if (!event) return 'không có';
  return scorecard.disqualifiers.find((d) => d.id === event.id)?.text ?? String(event.id);
}

/** The history line of one event. */
export function describeEvent(event: ScorecardEvent, scorecard: Scorecard): EventLine {
  const reason = event.reason ?? '';
  const leaf = event.leafId
    ? `mục ${event.leafId}${nodeOf(scorecard, event.leafId) ? ` (${nodeOf(scorecard, event.leafId)?.text})` : ''}`
    : '';
  switch (event.field) {
    case 'self-score':
      return {
        subject: `Điểm tự chấm ${leaf}`,
        before: leafValue(event.before),
        after: leafValue(event.after),
        reason: (parsed(event.after) as { note?: string } | null)?.note ?? reason,
      };
    case 'appraisal':
      return {
        subject: `Điểm thẩm định ${leaf}`,
        before: leafValue(event.before),
        after: leafValue(event.after),
        reason,
      };
    case 'period':
      return {
        subject: 'Kỳ tính điểm mục A',
        before: periodValue(event.before),
        after: periodValue(event.after),
        reason,
      };
    case 'disqualification':
      return {
        subject: 'Trường hợp không xét đánh giá',
        before: disqualificationValue(scorecard, event.before),
        after: disqualificationValue(scorecard, event.after),
        reason,
      };
    case 'lock':
      return { subject: 'Khóa kết quả thẩm định', before: 'chưa khóa', after: 'đã khóa', reason };
    case 'unlock':
      return { subject: 'Mở khóa kết quả thẩm định', before: 'đã khóa', after: 'mở', reason };
  }
}
