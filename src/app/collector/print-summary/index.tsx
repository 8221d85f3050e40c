import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatCount, formatPercent } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import type { CommuneStanding } from '../../../core/scoring/commune-standing.ts';
import type { Fraction } from '../../../core/scoring/fraction.ts';
import type { Period } from '../../../core/settings.ts';
import {
  formatFixed,
  provinceTotals,
  type SummaryRow,
  summaryRows,
} from '../../../core/summary-table.ts';
import {
  A4,
  ClosingRow,
  type DocumentHead,
  DocumentHeader,
  Signatures,
  TableEnd,
} from '../print-document/index.tsx';

const DASH = '—';
const fixed = (f: Fraction | null) => (f ? formatFixed(f, 2) : DASH);
const percent = (f: Fraction | null) => (f ? formatPercent(f, 1) : DASH);
/** Rows kept on the page of the signatures, with the totals row. */
const KEPT_ROWS = 2;

function Columns() {
  return (
    <colgroup>
      <col style={{ width: '5%' }} />
      <col style={{ width: '15%' }} />
      <col style={{ width: '8%' }} />
      <col style={{ width: '7%' }} />
      <col style={{ width: '8%' }} />
      <col style={{ width: '7%' }} />
      <col style={{ width: '8%' }} />
      <col style={{ width: '8%' }} />
      <col style={{ width: '8%' }} />
      <col style={{ width: '16%' }} />
      <col style={{ width: '10%' }} />
    </colgroup>
  );
}

function CommuneRow({ row, index }: { row: SummaryRow; index: number }) {
  return (
    <tr>
      <td>{index + 1}</td>
      <th scope="row">{row.communeName}</th>
      <td class="num">{formatCount(row.citizen.sheets)}</td>
      <td class="num">{fixed(row.citizen.mean)}</td>
      <td class="num">{formatCount(row.cadre.sheets)}</td>
      <td class="num">{fixed(row.cadre.mean)}</td>
      <td class="num">{row.sectionAComplete ? fixed(row.sectionA) : 'chưa đủ'}</td>
      <td class="num">{row.sectionB === null ? DASH : formatFixed(row.sectionB / 2, 2)}</td>
      <td class="num">{fixed(row.total)}</td>
      <td class="text">
        {row.standing ?? DASH}
        {row.standing && row.provisional && <span class="provisional"> (tạm tính)</span>}
      </td>
      <td class="num">{percent(row.satisfaction)}</td>
    </tr>
  );
}

/**
 * "Bảng tổng hợp kết quả khảo sát" on A4: one row a commune over the period (sheets and the
 * reviewed mean of each form, Section A, Section B as appraised, the total and Mức độ, the
 * citizens' share of Tốt + Khá), the totals over all sheets, a note on exactness, and the
 * signatures kept on the page where the table ends.
 */
export function PrintSummary({
  communes,
  period,
  standings,
  scorecard,
  head,
  at,
}: {
  communes: CommuneFigures[];
  period: Period | null;
  /** The year's standings (Section B); null when the server could not give them. */
  standings: CommuneStanding[] | null;
  scorecard: Scorecard;
  head: DocumentHead;
  at: number;
}) {
  const rows = summaryRows(communes, standings, scorecard);
  const totals = provinceTotals(communes);
  const split = Math.max(0, rows.length - KEPT_ROWS);
  return (
    <A4 label="Bảng tổng hợp kết quả khảo sát">
      <DocumentHeader head={head} at={at} />
      <h1 class="a4-title">Bảng tổng hợp kết quả khảo sát</h1>
      <p class="a4-subtitle">
        Sự hài lòng của người dân và cán bộ thôn, khu dân cư về “Xây dựng chính quyền xã, phường,
        thị trấn thân thiện, vì Nhân dân phục vụ”
      </p>
      <p class="a4-period">
        Kỳ khảo sát: {period ? formatPeriod(period) : 'tất cả các ngày đã nhận phiếu'}
      </p>
      <table class="a4-table">
        <Columns />
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              TT
            </th>
            <th scope="col" rowSpan={2}>
              Xã, phường
            </th>
            <th scope="colgroup" colSpan={2}>
              Phiếu người dân
            </th>
            <th scope="colgroup" colSpan={2}>
              Phiếu cán bộ thôn
            </th>
            <th scope="col" rowSpan={2}>
              Mục A (tối đa 20)
            </th>
            <th scope="col" rowSpan={2}>
              Mục B (tối đa 80)
            </th>
            <th scope="col" rowSpan={2}>
              Tổng điểm (A + B)
            </th>
            <th scope="col" rowSpan={2}>
              Mức độ đạt chuẩn
            </th>
            <th scope="col" rowSpan={2}>
              Tỷ lệ Tốt + Khá (người dân)
            </th>
          </tr>
          <tr>
            <th scope="col">Số phiếu</th>
            <th scope="col">Điểm TB (tối đa 10)</th>
            <th scope="col">Số phiếu</th>
            <th scope="col">Điểm TB (tối đa 10)</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, split).map((row, i) => (
            <CommuneRow key={row.communeCode} row={row} index={i} />
          ))}
        </tbody>
        {/* The last rows, the totals, the note and the signatures break as one: if they do not
            fit, they go to the next page together, under the repeated header. */}
        <TableEnd>
          {rows.slice(split).map((row, i) => (
            <CommuneRow key={row.communeCode} row={row} index={split + i} />
          ))}
          <tr class="total-row">
            <td />
            <th scope="row">Tổng cộng</th>
            <td class="num">{formatCount(totals.citizen.sheets)}</td>
            <td class="num">{fixed(totals.citizen.mean)}</td>
            <td class="num">{formatCount(totals.cadre.sheets)}</td>
            <td class="num">{fixed(totals.cadre.mean)}</td>
            <td />
            <td />
            <td />
            <td />
            <td class="num">{percent(totals.satisfaction)}</td>
          </tr>
          <ClosingRow columns={11}>
            <p class="a4-note">
              Ghi chú: điểm tính chính xác từ các câu trả lời đã lưu (Tốt 2, Khá 1, Trung bình 0,5,
              Yếu 0 điểm mỗi câu), chỉ làm tròn đến 2 chữ số thập phân khi in; mức độ đạt chuẩn so
              trên tổng điểm chính xác. Số phiếu và điểm trung bình không tính các phiếu cơ quan đã
              để riêng sau khi xét; dòng Tổng cộng tính trên toàn bộ phiếu, không lấy trung bình của
              các xã. Mục A tính trong kỳ khảo sát của bảng; mục B theo kết quả thẩm định (mục chưa
              thẩm định tính theo điểm tự chấm); “tạm tính”: kết quả thẩm định chưa khóa.
              {standings === null && ' Chưa có mục B: không tải được kết quả thẩm định từ máy chủ.'}
            </p>
            <Signatures
              left={{ title: 'Người lập bảng', hint: '(Ký, ghi rõ họ tên)' }}
              right={{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên, đóng dấu)' }}
            />
          </ClosingRow>
        </TableEnd>
      </table>
    </A4>
  );
}
