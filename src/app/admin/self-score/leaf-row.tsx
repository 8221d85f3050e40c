import { useState } from 'preact/hooks';
import { formatPoints } from '../../../core/format.ts';
import { said } from '../../../core/problems/said.ts';
import { Problem } from '../../../core/problems.ts';
import type { ScorecardNode } from '../../../core/profile/scorecard-schema.ts';
import { type LeafEntry, leafEntryOf } from '../../../core/scoring/section-b.ts';

export type LeafRefusal = Extract<LeafEntry, { kind: 'refused' }>['problem'];

interface Props {
  leaf: ScorecardNode;
  depth: number;
  halfPoints: number | undefined;
  note: string;
  onScore: (halfPoints: number | undefined) => void;
  onNote: (note: string) => void;
  /** A typed value was refused (the saved score stays), or a refusal was put right. */
  onRefusal: (problem: LeafRefusal | undefined) => void;
}

const sentence = (key: LeafRefusal) => said(new Problem(key));

/** One scorable row: its "Điểm chuẩn", the commune's score in points (0,5 steps) and its note. */
export function LeafRow({ leaf, depth, halfPoints, note, onScore, onNote, onRefusal }: Props) {
  // The box keeps what was typed, even when refused, so the person sees what to correct.
  const [typed, setTyped] = useState(halfPoints === undefined ? '' : String(halfPoints / 2));
  const [refusal, setRefusal] = useState<LeafRefusal | undefined>(undefined);
  const errorId = `self-score-error-${leaf.id}`;
  const read = (input: HTMLInputElement) => {
    setTyped(input.value);
    // A number box holds "" for text it cannot read: that is a refusal, not an emptied score.
    const entry: LeafEntry = input.validity?.badInput
      ? { kind: 'refused', problem: 'self-score.step' }
      : leafEntryOf(leaf, input.value);
    const next = entry.kind === 'refused' ? entry.problem : undefined;
    setRefusal(next);
    onRefusal(next);
    if (entry.kind !== 'refused') onScore(entry.kind === 'score' ? entry.halfPoints : undefined);
  };
  return (
    <tr class={`self-score-leaf depth-${depth}`}>
      <td>{leaf.id}</td>
      <td class="self-score-text">{leaf.text}</td>
      <td class="num">{formatPoints(leaf.maxHalfPoints / 2)}</td>
      <td>
        <input
          type="number"
          inputMode="decimal"
          min="0"
          max={String(leaf.maxHalfPoints / 2)}
          step="0.5"
          class="self-score-points"
          aria-label={`Điểm tự chấm mục ${leaf.id}`}
          aria-invalid={refusal ? 'true' : undefined}
          aria-describedby={refusal ? errorId : undefined}
          value={typed}
          onInput={(e) => read(e.currentTarget)}
        />
        {refusal && (
          <span class="field-error" id={errorId}>
            {sentence(refusal)}
          </span>
        )}
      </td>
      <td>
        <input
          type="text"
          class="self-score-note"
          maxLength={1000}
          aria-label={`Ghi chú mục ${leaf.id}`}
          value={note}
          onInput={(e) => onNote(e.currentTarget.value)}
        />
      </td>
    </tr>
  );
}
