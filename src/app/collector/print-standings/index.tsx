import type { StandingsResponse } from '../../../core/api.ts';
import { formatCount } from '../../../core/format.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import { standingGroups } from '../../../core/summary-table.ts';
import { meanText } from '../figures-format.ts';
import {
  A4,
  ClosingRow,
  type DocumentHead,
  DocumentHeader,
  Signatures,
  TableEnd,
} from '../print-document/index.tsx';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

function Columns() {
  return (
    <colgroup>
      <col style={{ width: '8%' }} />
      <col style={{ width: '32%' }} />
      <col style={{ width: '14%' }} />
      <col style={{ width: '46%' }} />
    </colgroup>
  );
}

/**
 * The list for the January decision (Bước 3): the year's communes grouped by the standing they
 * reach, highest first, each with its total; "Không đạt chuẩn" says why; communes without a
 * complete Section A are listed last, unranked.
 */
export function PrintStandings({
  answer,
  scorecard,
  head,
  at,
}: {
  answer: StandingsResponse;
  scorecard: Scorecard;
  head: DocumentHead;
  at: number;
}) {
  const groups = standingGroups(answer.standings, scorecard).filter((g) => g.communes.length > 0);
  let counter = 0;
  return (
    <A4 label={`Danh sách xếp loại năm ${answer.year}`}>
      <DocumentHeader head={head} at={at} />
      <h1 class="a4-title">Danh sách các xã, phường theo mức độ đạt chuẩn năm {answer.year}</h1>
      <p class="a4-subtitle">“Chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ”</p>
      {groups.map((group, g) => {
        const last = g === groups.length - 1;
        const row = ({ standing, reason }: (typeof group.communes)[number]) => {
          counter += 1;
          return (
            <tr key={standing.communeCode}>
              <td>{counter}</td>
              <th scope="row">{standing.communeName}</th>
              <td class="num">{standing.total ? meanText(standing.total) : '—'}</td>
              <td class="text">
                {[reason, standing.provisional ? 'Tạm tính: kết quả thẩm định chưa khóa.' : '']
                  .filter(Boolean)
                  .join(' ')}
              </td>
            </tr>
          );
        };
        const split = last ? Math.max(0, group.communes.length - 2) : group.communes.length;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 class="a4-group" id={`group-${group.id}`}>
              {ROMAN[g]}. {group.label} ({formatCount(group.communes.length)} xã, phường)
            </h2>
            <table class="a4-table" aria-labelledby={`group-${group.id}`}>
              <Columns />
              <thead>
                <tr>
                  <th scope="col">TT</th>
                  <th scope="col">Xã, phường</th>
                  <th scope="col">Tổng điểm</th>
                  <th scope="col">Ghi chú</th>
                </tr>
              </thead>
              <tbody>{group.communes.slice(0, split).map(row)}</tbody>
              {last && (
                <TableEnd>
                  {group.communes.slice(split).map(row)}
                  <ClosingRow columns={4}>
                    <Signatures
                      left={{ title: 'Người lập bảng', hint: '(Ký, ghi rõ họ tên)' }}
                      right={{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên, đóng dấu)' }}
                    />
                  </ClosingRow>
                </TableEnd>
              )}
            </table>
          </section>
        );
      })}
    </A4>
  );
}
