import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { TableBox } from '../../components/table-box/index.tsx';

const dash = '—';

/** One row per commune: the figures the office scores Section A with; a name opens the commune. */
export function CommuneTable({
  communes,
  onOpen,
}: {
  communes: CommuneFigures[];
  onOpen: (communeCode: string) => void;
}) {
  return (
    <TableBox label="Kết quả theo xã, phường">
      <table>
        <caption>Kết quả theo xã, phường</caption>
        <thead>
          <tr>
            <th scope="col">Xã, phường</th>
            <th scope="col">Số phiếu</th>
            <th scope="col">Qua điện thoại</th>
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
                <button type="button" class="link-button" onClick={() => onOpen(c.communeCode)}>
                  {c.communeName} ({c.communeCode})
                </button>
              </th>
              <td class="num">{formatCount(c.sheetCount)}</td>
              <td class="num">{formatCount(c.phoneSheetCount)}</td>
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
    </TableBox>
  );
}
