import type { ScorecardEvent } from '../../../core/appraisal.ts';
import { formatDateTime } from '../../../core/format.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import { describeEvent } from '../../../core/scorecard-events.ts';
import { TableBox } from '../../components/table-box/index.tsx';

/** Every change to the commune's Section B of the year, newest first: who, when, before → after, why. */
export function ScorecardHistory({
  events,
  scorecard,
}: {
  events: readonly ScorecardEvent[];
  scorecard: Scorecard;
}) {
  if (events.length === 0) return <p>Chưa có thay đổi nào.</p>;
  const newestFirst = [...events].sort((a, b) => b.at - a.at);
  return (
    <TableBox label="Lịch sử thay đổi mục B">
      <table class="scorecard-history">
        <caption>Lịch sử thay đổi</caption>
        <thead>
          <tr>
            <th scope="col">Lúc</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Nội dung</th>
            <th scope="col">Trước → sau</th>
            <th scope="col">Lý do</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((event, i) => {
            const line = describeEvent(event, scorecard);
            return (
              <tr key={`${event.at}-${event.field}-${event.leafId ?? i}`}>
                <td>{formatDateTime(event.at)}</td>
                <td>{event.by}</td>
                <td>{line.subject}</td>
                <td>
                  {line.before} → {line.after}
                </td>
                <td>{line.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
