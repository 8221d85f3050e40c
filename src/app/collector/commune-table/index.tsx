import { formatCount, formatDateTime } from '../../../core/format.ts';
import type { CommuneFigures } from '../../../transport/collector-client.ts';

const dash = '—';

/** One row per commune: the figures the office scores Section A with, flagged beside raw. */
export function CommuneTable({ communes }: { communes: CommuneFigures[] }) {
  return (
    <table>
      <caption>Kết quả theo xã, phường</caption>
      <thead>
        <tr>
          <th scope="col">Xã, phường</th>
          <th scope="col">Số phiếu</th>
          <th scope="col">Nhận gần nhất</th>
          <th scope="col">Điểm TB phiếu người dân</th>
          <th scope="col">Điểm TB phiếu cán bộ thôn</th>
          <th scope="col">Điểm mục A (/20)</th>
          <th scope="col">Tỷ lệ hài lòng người dân</th>
          <th scope="col">Phiếu gắn cờ</th>
        </tr>
      </thead>
      <tbody>
        {communes.map((c) => (
          <tr key={c.communeCode}>
            <th scope="row">
              {c.communeName} ({c.communeCode})
            </th>
            <td class="num">{formatCount(c.sheetCount)}</td>
            <td>{c.lastReceivedAt ? formatDateTime(c.lastReceivedAt) : dash}</td>
            <td class="num">{c.citizen.mean?.display ?? dash}</td>
            <td class="num">{c.cadre.mean?.display ?? dash}</td>
            <td class="num">
              {c.sectionA.display ?? dash}
              {c.sectionA.display && !c.sectionA.complete && ' (chưa đủ)'}
            </td>
            <td class="num">{c.citizen.satisfactionRate?.display ?? dash}</td>
            <td class="num">{formatCount(c.citizen.flagged + c.cadre.flagged)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
