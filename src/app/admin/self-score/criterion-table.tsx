import { formatPoints } from '../../../core/format.ts';
import type { Criterion, ScorecardNode } from '../../../core/profile/scorecard-schema.ts';
import { nodeHalfPoints } from '../../../core/scoring/section-b.ts';
import type { SelfScoreDraft } from '../../services.ts';
import { type LeafRefusal, LeafRow } from './leaf-row.tsx';

interface Props {
  criterion: Criterion;
  draft: SelfScoreDraft;
  onScore: (leafId: string, halfPoints: number | undefined) => void;
  onNote: (leafId: string, note: string) => void;
  onRefusal: (leafId: string, problem: LeafRefusal | undefined) => void;
}

/** The nodes under a criterion in table order, each with its depth (item 1, sub-item 2, part 3). */
const rowsOf = (node: ScorecardNode, depth = 1): { node: ScorecardNode; depth: number }[] =>
  (node.children ?? []).flatMap((child) => [{ node: child, depth }, ...rowsOf(child, depth + 1)]);

const points = (halfPoints: number) => formatPoints(halfPoints / 2);

/** One criterion of Section B: its running total, then its items, sub-items and parts. */
export function CriterionTable({ criterion, draft, onScore, onNote, onRefusal }: Props) {
  const titleId = `self-score-criterion-${criterion.id}`;
  return (
    <section class="self-score-criterion" aria-labelledby={titleId}>
      <h2 id={titleId}>
        Tiêu chí {criterion.id}: {criterion.text}
      </h2>
      <p>
        Tự chấm: <strong>{points(nodeHalfPoints(criterion, draft.scores))}</strong> /{' '}
        {points(criterion.maxHalfPoints)} điểm
      </p>
      <table aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">Mục</th>
            <th scope="col">Nội dung</th>
            <th scope="col">Điểm chuẩn</th>
            <th scope="col">Điểm tự chấm</th>
            <th scope="col">Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(criterion).map(({ node, depth }) =>
            node.children?.length ? (
              <tr key={node.id} class={`self-score-group depth-${depth}`}>
                <td>{node.id}</td>
                <td class="self-score-text">{node.text}</td>
                <td class="num">{points(node.maxHalfPoints)}</td>
                <td class="num">{points(nodeHalfPoints(node, draft.scores))}</td>
                <td />
              </tr>
            ) : (
              <LeafRow
                key={`${draft.year}-${node.id}`}
                leaf={node}
                depth={depth}
                halfPoints={draft.scores[node.id]}
                note={draft.notes[node.id] ?? ''}
                onScore={(h) => onScore(node.id, h)}
                onNote={(n) => onNote(node.id, n)}
                onRefusal={(p) => onRefusal(node.id, p)}
              />
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}
