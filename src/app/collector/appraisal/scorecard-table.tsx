import type { ScorecardDocumentText, ScorecardRow } from '../../../core/scorecard-table.ts';
import { pointsText } from '../../../core/scorecard-table.ts';
import { TableBox } from '../../components/table-box/index.tsx';
import type { Draft, FieldErrors } from './draft.ts';

/** What the officer may type in the table: the appraisal, the commune's paper self-score, or nothing. */
export type TableMode = 'appraisal' | 'self-score' | 'read';

export interface SectionAFigures {
  citizen: string;
  cadre: string;
  /** The 100-point total as shown, or "chưa đủ". */
  total: string;
}

interface Props {
  rows: ScorecardRow[];
  text: ScorecardDocumentText;
  mode: TableMode;
  draft: Draft;
  onDraft: (id: string, field: 'points' | 'text', value: string) => void;
  errors: FieldErrors;
  /** Leaves whose appraisal differs from the self-score: their reason is required. */
  differs: ReadonlySet<string>;
  /** Of those, the ones a save was refused for. */
  unexplained: ReadonlySet<string>;
  sectionA: SectionAFigures;
  sectionB: { self: number | null; counted: number };
  caption: string;
}

/**
 * The whole Bảng thang chấm điểm as the seed lays it out (TT, Nội dung tiêu chí, Điểm chuẩn)
 * with the commune's self-score and note, the office's appraisal and reason, and the sums.
 */
export function ScorecardTable(props: Props) {
  const { rows, text, mode, sectionA, sectionB, caption } = props;
  return (
    <TableBox label={caption}>
      <table class="scorecard-table">
        <caption>{caption}</caption>
        <colgroup>
          <col class="col-tt" />
          <col />
          <col class="col-points" />
          <col class="col-points" />
          <col class="col-points" />
          {mode !== 'self-score' && <col class="col-reason" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">TT</th>
            <th scope="col">Nội dung tiêu chí</th>
            <th scope="col">Điểm chuẩn</th>
            <th scope="col">Tự chấm</th>
            <th scope="col">{mode === 'self-score' ? 'Ghi chú của xã' : 'Thẩm định'}</th>
            {mode !== 'self-score' && <th scope="col">Lý do</th>}
          </tr>
        </thead>
        <tbody>
          <tr class="row-total">
            <td />
            <th scope="row">{text.totalRow}</th>
            <td class="num">100</td>
            <td class="num">—</td>
            <td class="num">{sectionA.total}</td>
            {mode !== 'self-score' && <td />}
          </tr>
          <tr class="row-section">
            <td>A</td>
            <th scope="row">{text.sectionA.citizen}</th>
            <td class="num">10</td>
            <td class="num">—</td>
            <td class="num">{sectionA.citizen}</td>
            {mode !== 'self-score' && <td />}
          </tr>
          <tr class="row-section">
            <td />
            <th scope="row">{text.sectionA.cadre}</th>
            <td class="num">10</td>
            <td class="num">—</td>
            <td class="num">{sectionA.cadre}</td>
            {mode !== 'self-score' && <td />}
          </tr>
          <tr class="row-section">
            <td>B</td>
            <th scope="row">{text.sectionB}</th>
            <td class="num">80</td>
            <td class="num">{pointsText(sectionB.self) || '—'}</td>
            <td class="num">{mode === 'self-score' ? '' : pointsText(sectionB.counted)}</td>
            {mode !== 'self-score' && <td />}
          </tr>
          {rows.map((row) => (
            <Row key={row.id} row={row} {...props} />
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

function Row({
  row,
  mode,
  draft,
  onDraft,
  errors,
  differs,
  unexplained,
}: Props & { row: ScorecardRow }) {
  const typed = draft[row.id] ?? { points: '', text: '' };
  const error = errors[row.id];
  const errorId = `error-${row.id}`;
  const reasonId = `reason-${row.id}`;
  const editable = row.leaf && mode !== 'read';
  const pointsInput = (label: string) => (
    <>
      <input
        type="text"
        inputMode="decimal"
        class="points-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={typed.points}
        onInput={(e) => onDraft(row.id, 'points', e.currentTarget.value)}
      />
      {error && (
        <span id={errorId} class="field-error">
          {error}
        </span>
      )}
    </>
  );
  const self = (
    <>
      {pointsText(row.self) || '—'}
      {row.note && <span class="leaf-note">{row.note}</span>}
    </>
  );
  const required = differs.has(row.id);
  const missing = unexplained.has(row.id);
  return (
    <tr class={`depth-${row.depth}${row.leaf ? ' leaf' : ''}`}>
      {/* As the seed prints them: "- " and "+ " lead the text, the TT stays empty. */}
      <td>{row.depth >= 2 ? '' : row.tt}</td>
      <th scope="row" class="criterion-text">
        {row.depth >= 2 ? `${row.tt} ${row.text}` : row.text}
      </th>
      <td class="num">{pointsText(row.maxHalfPoints)}</td>
      <td class="num">
        {editable && mode === 'self-score' ? pointsInput(`Tự chấm mục ${row.id}`) : self}
      </td>
      {mode === 'self-score' ? (
        <td>
          {editable && (
            <input
              type="text"
              aria-label={`Ghi chú của xã mục ${row.id}`}
              value={typed.text}
              onInput={(e) => onDraft(row.id, 'text', e.currentTarget.value)}
            />
          )}
        </td>
      ) : (
        <>
          <td class="num">
            {editable
              ? pointsInput(`Thẩm định mục ${row.id}`)
              : pointsText(row.appraisal ?? row.counted)}
            {row.leaf && row.appraisal === null && !typed.points && (
              <span class="leaf-note">
                {row.self === null ? 'chưa thẩm định' : 'chưa thẩm định, tính theo tự chấm'}
              </span>
            )}
          </td>
          <td>
            {editable ? (
              <>
                {required && (
                  <span class="required-mark" id={`${reasonId}-required`}>
                    Bắt buộc: khác điểm tự chấm
                  </span>
                )}
                <textarea
                  rows={1}
                  aria-label={`Lý do mục ${row.id}`}
                  aria-required={required || undefined}
                  aria-invalid={missing || undefined}
                  aria-describedby={required ? `${reasonId}-required` : undefined}
                  value={typed.text}
                  onInput={(e) => onDraft(row.id, 'text', e.currentTarget.value)}
                />
              </>
            ) : (
              row.reason
            )}
          </td>
        </>
      )}
    </tr>
  );
}
