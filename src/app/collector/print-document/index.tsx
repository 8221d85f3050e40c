import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import type { ComponentChildren } from 'preact';
import { vnDay } from '../../../core/period.ts';
import './style.css';

/**
 * The parts every A4 print shares, laid out as an administrative document (Decree
 * 30/2020/NĐ-CP): the issuer on two lines top left with its number, the national motto top
 * right with place and date, and the signatures. The bundled Noto Serif has every Vietnamese
 * glyph, so a print looks the same on any machine; only the office's prints import it.
 */
export interface DocumentHead {
  /** The body above the issuer, e.g. "UBND TỈNH HẢI PHÒNG". */
  issuerParent: string;
  /** The issuer, e.g. "SỞ NỘI VỤ". */
  issuer: string;
  place: string;
  /** What follows "Số: ", e.g. "12/BC-SNV"; dots while not yet numbered. */
  number: string;
}

export function DocumentHeader({ head, at }: { head: DocumentHead; at: number }) {
  const [year = '', month = '', day = ''] = vnDay(at).split('-');
  return (
    <header class="a4-header">
      <div class="a4-issuer">
        {head.issuerParent && <p class="upper">{head.issuerParent}</p>}
        <p class="upper strong">{head.issuer}</p>
        <hr />
        <p>Số: {head.number || '……/BC-……'}</p>
      </div>
      <div class="a4-motto">
        <p class="upper strong">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
        <p class="motto">Độc lập - Tự do - Hạnh phúc</p>
        <hr />
        <p class="date">
          {head.place || '……'}, ngày {day} tháng {month} năm {year}
        </p>
      </div>
    </header>
  );
}

/** Two signatures side by side (the table's maker, the head of the office), or one on the right. */
export function Signatures({
  left,
  right,
}: {
  left?: { title: string; hint: string };
  right: { on?: string; title: string; hint: string };
}) {
  return (
    <footer class="a4-signatures">
      <div>
        {left && (
          <>
            <p class="upper strong">{left.title}</p>
            <p class="hint">{left.hint}</p>
          </>
        )}
      </div>
      <div>
        {right.on && <p class="upper strong">{right.on}</p>}
        <p class="upper strong">{right.title}</p>
        <p class="hint">{right.hint}</p>
      </div>
    </footer>
  );
}

/**
 * What must stay on the page where a table ends: its last rows, then the note and the
 * signatures as one borderless row, in a row group that Chromium breaks as one
 * (`break-inside: avoid` on the tbody). When they do not fit they go to the next page
 * together, under the repeated header, and the signatures are never alone on a page.
 */
export function TableEnd({ children }: { children: ComponentChildren }) {
  return <tbody class="a4-keep">{children}</tbody>;
}

/** The note and signatures under a table, as the last row of its TableEnd. */
export function ClosingRow({
  columns,
  children,
}: {
  columns: number;
  children: ComponentChildren;
}) {
  return (
    <tr class="a4-closing">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

export function A4({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <article class="a4" aria-label={label}>
      {children}
    </article>
  );
}
