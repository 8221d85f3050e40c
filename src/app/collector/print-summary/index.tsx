import { useState } from 'preact/hooks';
import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatCount } from '../../../core/format.ts';
import { formatPeriod, vnDay } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import './style.css';

/**
 * "Bảng tổng hợp kết quả khảo sát" on A4, laid out as an administrative document
 * (Decree 30/2020/NĐ-CP): issuing office top left, national motto top right, place and
 * date, title, the table, signatures.
 */
export function PrintSummary({
  communes,
  period,
  onClose,
}: {
  communes: CommuneFigures[];
  period: Period | null;
  onClose: () => void;
}) {
  const [office, setOffice] = useState('ỦY BAN NHÂN DÂN');
  const [place, setPlace] = useState('');
  const [day = '', month = '', year = ''] = vnDay(Date.now()).split('-').reverse();
  return (
    <div class="print-page">
      <div class="print-controls">
        <label>
          <span>Tên cơ quan thu phiếu (in trên bảng)</span>
          <input type="text" value={office} onInput={(e) => setOffice(e.currentTarget.value)} />
        </label>
        <label>
          <span>Địa danh</span>
          <input type="text" value={place} onInput={(e) => setPlace(e.currentTarget.value)} />
        </label>
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          In
        </button>
        <button type="button" class="btn" onClick={onClose}>
          Đóng bản in
        </button>
      </div>
      <article class="a4">
        <header class="a4-header">
          <div class="a4-issuer">
            <p class="upper">{office}</p>
            <hr />
          </div>
          <div class="a4-motto">
            <p class="upper">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
            <p class="motto">Độc lập - Tự do - Hạnh phúc</p>
            <hr />
            <p class="date">
              {place || '.....'}, ngày {day} tháng {month} năm {year}
            </p>
          </div>
        </header>
        <h1 class="a4-title">Bảng tổng hợp kết quả khảo sát</h1>
        <p class="a4-subtitle">
          Sự hài lòng của người dân và cán bộ thôn, khu dân cư về “Xây dựng chính quyền xã, phường,
          thị trấn thân thiện, vì Nhân dân phục vụ”
        </p>
        <p class="a4-period">
          Kỳ khảo sát: {period ? formatPeriod(period) : 'tất cả các ngày đã nhận phiếu'}
        </p>
        <table class="a4-table">
          <thead>
            <tr>
              <th scope="col">TT</th>
              <th scope="col">Xã, phường</th>
              <th scope="col">Số phiếu người dân</th>
              <th scope="col">Điểm TB phiếu người dân (tối đa 10)</th>
              <th scope="col">Số phiếu cán bộ thôn</th>
              <th scope="col">Điểm TB phiếu cán bộ thôn (tối đa 10)</th>
              <th scope="col">Điểm mục A (tối đa 20)</th>
              <th scope="col">Tỷ lệ hài lòng (Tốt + Khá)</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c, i) => (
              <tr key={c.communeCode}>
                <td>{i + 1}</td>
                <th scope="row">{c.communeName}</th>
                <td>{formatCount(c.citizen.sheets)}</td>
                <td>{c.citizen.mean?.display ?? '—'}</td>
                <td>{formatCount(c.cadre.sheets)}</td>
                <td>{c.cadre.mean?.display ?? '—'}</td>
                <td>{c.sectionA.display ?? '—'}</td>
                <td>{c.citizen.satisfactionRate?.display ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="a4-note">
          Điểm trung bình tính chính xác từ câu trả lời đã lưu (Tốt 2, Khá 1, Trung bình 0,5, Yếu 0
          điểm mỗi câu), chỉ làm tròn khi in. Phiếu gắn cờ được tính và được báo cáo riêng trong
          bảng tính.
        </p>
        <footer class="a4-signatures">
          <div>
            <p class="upper strong">Người lập bảng</p>
            <p class="hint">(Ký, ghi rõ họ tên)</p>
          </div>
          <div>
            <p class="upper strong">Thủ trưởng cơ quan</p>
            <p class="hint">(Ký, ghi rõ họ tên, đóng dấu)</p>
          </div>
        </footer>
      </article>
    </div>
  );
}
