import type { ScorecardView } from '../../../core/api.ts';
import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import {
  pointsText,
  type ScorecardRow,
  scorecardDocumentText,
  scorecardRows,
  sectionBTotals,
  totalAndStanding,
} from '../../../core/scorecard-table.ts';
import { formatFixed } from '../../../core/summary-table.ts';
import {
  A4,
  ClosingRow,
  type DocumentHead,
  DocumentHeader,
  Signatures,
  TableEnd,
} from '../print-document/index.tsx';
import './style.css';

function Columns() {
  return (
    <colgroup>
      <col style={{ width: '7%' }} />
      <col style={{ width: '60%' }} />
      <col style={{ width: '11%' }} />
      <col style={{ width: '11%' }} />
      <col style={{ width: '11%' }} />
    </colgroup>
  );
}

/** As the seed prints them: a sub-item's "- " or a part's "+ " leads its text, its TT is empty. */
function Line({ row }: { row: ScorecardRow }) {
  const bullet = row.depth >= 2;
  return (
    <tr class={`depth-${row.depth}`}>
      <td>{bullet ? '' : row.tt}</td>
      <td class="text">{bullet ? `${row.tt} ${row.text}` : row.text}</td>
      <td class="num">{pointsText(row.maxHalfPoints)}</td>
      <td class="num">{pointsText(row.self)}</td>
      <td class="num">{pointsText(row.appraisal ?? row.counted)}</td>
    </tr>
  );
}

/**
 * The Bảng thang chấm điểm of one commune as the seed lays it out (TT, Nội dung tiêu chí, Điểm
 * chuẩn, then Tự chấm and Thẩm định for "Điểm thực hiện"), Section A from the reviewed
 * figures of its period, the totals, and "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" under the table.
 */
export function PrintScorecard({
  view,
  figures,
  scorecard,
  communeName,
  head,
  at,
}: {
  view: ScorecardView;
  figures: CommuneFigures | null;
  scorecard: Scorecard;
  communeName: string;
  head: DocumentHead;
  at: number;
}) {
  const card = view.scorecard;
  const text = scorecardDocumentText(scorecard);
  const self = card.selfScore?.entries ?? {};
  const rows = scorecardRows(scorecard, self, card.appraisal);
  const totals = sectionBTotals(scorecard, self, card.appraisal);
  const a = figures?.sectionA ?? { complete: false };
  const reached = totalAndStanding(scorecard, a, totals.counted, card.disqualification !== null);
  const mean = (f: CommuneFigures['citizen'] | undefined) =>
    f?.meanReviewed ? formatFixed({ num: f.meanReviewed.num, den: f.meanReviewed.den }) : 'chưa đủ';
  const kept = rows.slice(-2);
  return (
    <A4 label={`Bảng thang chấm điểm ${communeName} năm ${card.year}`}>
      <DocumentHeader head={head} at={at} />
      <h1 class="a4-title">{text.title}</h1>
      <p class="a4-subtitle">{text.subtitle}</p>
      <p class="a4-period">
        {communeName} — năm {card.year}; mục A tính trong kỳ {formatPeriod(card.period)}
      </p>
      <table class="a4-table scorecard-print">
        <Columns />
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              TT
            </th>
            <th scope="col" rowSpan={2}>
              Nội dung tiêu chí
            </th>
            <th scope="col" rowSpan={2}>
              Điểm chuẩn
            </th>
            <th scope="colgroup" colSpan={2}>
              Điểm thực hiện
            </th>
          </tr>
          <tr>
            <th scope="col">Tự chấm</th>
            <th scope="col">Thẩm định</th>
          </tr>
        </thead>
        <tbody>
          <tr class="total-row">
            <td />
            <td class="text">{text.totalRow}</td>
            <td class="num">100</td>
            <td />
            <td class="num">{reached ? formatFixed(reached.total) : 'chưa đủ'}</td>
          </tr>
          <tr class="total-row">
            <td>A</td>
            <td class="text">{text.sectionA.citizen}</td>
            <td class="num">10</td>
            <td />
            <td class="num">{mean(figures?.citizen)}</td>
          </tr>
          <tr class="total-row">
            <td />
            <td class="text">{text.sectionA.cadre}</td>
            <td class="num">10</td>
            <td />
            <td class="num">{mean(figures?.cadre)}</td>
          </tr>
          <tr class="total-row">
            <td>B</td>
            <td class="text">{text.sectionB}</td>
            <td class="num">80</td>
            <td class="num">{pointsText(totals.self)}</td>
            <td class="num">{pointsText(totals.counted)}</td>
          </tr>
          {rows.slice(0, -2).map((row) => (
            <Line key={row.id} row={row} />
          ))}
        </tbody>
        <TableEnd>
          {kept.map((row) => (
            <Line key={row.id} row={row} />
          ))}
          <ClosingRow columns={5}>
            <p class="a4-note">
              Mức độ: {reached ? reached.standing.label : 'chưa xếp loại (mục A chưa đủ phiếu)'}
              {card.lockedAt === null ? ' (tạm tính, kết quả thẩm định chưa khóa)' : ''}.
              {card.disqualification &&
                ` Không xét đánh giá: ${scorecard.disqualifiers.find((d) => d.id === card.disqualification?.id)?.text ?? ''} ${card.disqualification.reason}`}{' '}
              Mục chưa thẩm định tính theo điểm tự chấm; điểm chỉ làm tròn khi in.
            </p>
            <Signatures right={text.signature} />
          </ClosingRow>
        </TableEnd>
      </table>
    </A4>
  );
}
