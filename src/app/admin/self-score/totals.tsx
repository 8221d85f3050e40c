import { formatCount, formatPoints } from '../../../core/format.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import {
  nodeHalfPoints,
  sectionBHalfPoints,
  sectionBLeaves,
} from '../../../core/scoring/section-b.ts';
import type { SelfScoreDraft } from '../../services.ts';

const points = (halfPoints: number) => formatPoints(halfPoints / 2);

/** The running total of each criterion and of Section B, beside their "Điểm chuẩn". */
export function SelfScoreTotals({
  scorecard,
  draft,
}: {
  scorecard: Scorecard;
  draft: SelfScoreDraft;
}) {
  const leaves = sectionBLeaves(scorecard);
  const scored = leaves.filter((leaf) => draft.scores[leaf.id] !== undefined).length;
  return (
    <>
      <table>
        <caption>Tổng hợp điểm tự chấm năm {draft.year}</caption>
        <thead>
          <tr>
            <th scope="col">Tiêu chí</th>
            <th scope="col">Điểm tự chấm</th>
            <th scope="col">Điểm chuẩn</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.sectionB.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                Tiêu chí {c.id}: {c.text}
              </th>
              <td class="num">{points(nodeHalfPoints(c, draft.scores))}</td>
              <td class="num">{points(c.maxHalfPoints)}</td>
            </tr>
          ))}
          <tr class="self-score-sum">
            <th scope="row">Tổng điểm mục B</th>
            <td class="num">{points(sectionBHalfPoints(scorecard, draft.scores))}</td>
            <td class="num">{points(scorecard.sectionB.maxHalfPoints)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Đã nhập điểm {formatCount(scored)}/{formatCount(leaves.length)} mục; mục để trống được tính
        0 điểm.
      </p>
    </>
  );
}
