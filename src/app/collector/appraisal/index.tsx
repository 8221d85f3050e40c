import { useEffect, useState } from 'preact/hooks';
import type { ScorecardView } from '../../../core/api.ts';
import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatDateTime } from '../../../core/format.ts';
import { said } from '../../../core/problems/said.ts';
import { Problem, type ProblemKey } from '../../../core/problems.ts';
import { scorecardOf } from '../../../core/profile/scorecards.ts';
import {
  appraisalYearOf,
  scorecardDocumentText,
  scorecardRows,
  sectionBTotals,
  totalAndStanding,
} from '../../../core/scorecard-table.ts';
import type { IsoDay } from '../../../core/settings.ts';
import { formatFixed } from '../../../core/summary-table.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { meanText } from '../figures-format.ts';
import { saveFile, scorecardReport } from '../report-files.ts';
import { Disqualification } from './disqualification.tsx';
import {
  appraisalChanges,
  appraisalDraft,
  type Draft,
  selfScoreDraft,
  selfScoreEntries,
} from './draft.ts';
import { ScorecardHistory } from './history.tsx';
import { LockControls } from './lock-controls.tsx';
import { ScorecardTable } from './scorecard-table.tsx';
import { SectionAPeriod } from './section-a-period.tsx';
import './style.css';

const sentence = (key: ProblemKey) => said(new Problem(key));

export interface AppraisalTarget {
  communeCode: string;
  year: number;
}

/**
 * Bước 2 for one commune and year: the whole Bảng thang chấm điểm with the commune's
 * self-score beside the office's appraisal (a reason wherever they differ), Section A from the
 * period's reviewed figures, the total and standing (provisional until locked), the
 * disqualifying events, the Section A period, the lock, the typing of a paper self-score
 * (Bước 1) and the history.
 */
export function AppraisalScreen({
  office,
  communes,
  today,
  onPrint,
}: {
  office: OfficeServices;
  communes: { communeCode: string; communeName: string }[];
  today: IsoDay;
  onPrint: (target: AppraisalTarget) => void;
}) {
  const [communeCode, setCommuneCode] = useState(communes[0]?.communeCode ?? '');
  const [year, setYear] = useState(appraisalYearOf(today));
  const [view, setView] = useState<ScorecardView | undefined>(undefined);
  const [figures, setFigures] = useState<CommuneFigures | null>(null);
  const [mode, setMode] = useState<'appraisal' | 'self-score'>('appraisal');
  const [draft, setDraft] = useState<Draft>({});
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const failed = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  /** A new state of the record from the server: the table shows it as saved. */
  const show = async (next: ScorecardView, nextMode = mode) => {
    // The figures of the record's period first, so the table never shows a stale Section A.
    const all = await office.figures(next.scorecard.period);
    setFigures(all.communes.find((c) => c.communeCode === next.scorecard.communeCode) ?? null);
    setView(next);
    setDraft(
      nextMode === 'appraisal' ? appraisalDraft(next.scorecard) : selfScoreDraft(next.scorecard),
    );
    setTried(false);
  };
  useEffect(() => {
    if (!communeCode) return;
    setView(undefined);
    setError('');
    setStatus('');
    office.scorecard(communeCode, year).then((v) => show(v), failed);
  }, [office, communeCode, year]);

  const name = communes.find((c) => c.communeCode === communeCode)?.communeName ?? communeCode;
  const pickers = (
    <div class="appraisal-pickers">
      <label>
        <span>Xã, phường</span>
        <select value={communeCode} onChange={(e) => setCommuneCode(e.currentTarget.value)}>
          {communes.map((c) => (
            <option key={c.communeCode} value={c.communeCode}>
              {c.communeName} ({c.communeCode})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Năm đánh giá</span>
        <input
          type="number"
          min={2024}
          max={2100}
          value={year}
          onChange={(e) => {
            const next = Number(e.currentTarget.value);
            if (Number.isInteger(next) && next >= 2024 && next <= 2100) setYear(next);
          }}
        />
      </label>
    </div>
  );
  if (communes.length === 0)
    return <p>Chưa có xã, phường nào: đăng ký máy khảo sát của xã trước.</p>;
  if (!view)
    return (
      <section aria-labelledby="appraisal-title">
        <h2 id="appraisal-title">Thẩm định mục B</h2>
        {pickers}
        {error ? <AlertText text={error} /> : <p>Đang tải…</p>}
      </section>
    );
  const card = view.scorecard;
  const scorecard = scorecardOf({ id: card.profileId, version: card.profileVersion });
  if (!scorecard) return <AlertText text={sentence('scorecard.none')} />;
  const locked = card.lockedAt !== null;
  const tableMode = locked ? 'read' : mode;
  const changes = appraisalChanges(scorecard, card, mode === 'appraisal' ? draft : {});
  const self = card.selfScore?.entries ?? {};
  const typedSelf = selfScoreEntries(scorecard, mode === 'self-score' ? draft : {});
  const shownSelf = mode === 'self-score' && !locked ? typedSelf.entries : self;
  const shownAppraisal = mode === 'appraisal' ? changes.merged : card.appraisal;
  const rows = scorecardRows(scorecard, shownSelf, shownAppraisal);
  const totalsB = sectionBTotals(scorecard, shownSelf, shownAppraisal);
  const a = figures?.sectionA ?? { complete: false };
  const reached = totalAndStanding(scorecard, a, totalsB.counted, card.disqualification !== null);
  const differs = new Set(
    Object.entries(changes.merged).flatMap(([id, e]) =>
      self[id] !== undefined && self[id].halfPoints !== e.halfPoints ? [id] : [],
    ),
  );
  const unsaved =
    mode === 'appraisal'
      ? Object.keys(changes.changed).length > 0 || Object.keys(changes.errors).length > 0
      : false;
  const notEnough = 'chưa đủ (chưa có phiếu)';

  const act = async (work: () => Promise<ScorecardView>, done: string) => {
    setError('');
    setStatus('');
    try {
      await show(await work());
      setStatus(done);
    } catch (e) {
      failed(e);
    }
  };
  const saveAppraisal = (e: Event) => {
    e.preventDefault();
    setTried(true);
    setStatus('');
    if (Object.keys(changes.errors).length > 0) return setError(sentence('scorecard.invalid'));
    if (changes.unexplained.length > 0) return setError(sentence('scorecard.reason-needed'));
    if (Object.keys(changes.changed).length === 0) {
      setError('');
      return setStatus('Không có điểm nào thay đổi.');
    }
    void act(
      () => office.saveAppraisal(communeCode, year, changes.changed),
      'Đã lưu điểm thẩm định.',
    );
  };
  const saveSelfScore = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(typedSelf.errors).length > 0) return setError(sentence('scorecard.invalid'));
    void act(
      () => office.saveSelfScore(communeCode, year, typedSelf.entries),
      'Đã lưu điểm tự chấm theo báo cáo của xã.',
    );
  };
  const switchMode = (next: 'appraisal' | 'self-score') => {
    setMode(next);
    setDraft(next === 'appraisal' ? appraisalDraft(card) : selfScoreDraft(card));
    setTried(false);
    setError('');
    setStatus('');
  };
  const fillFromSelf = () => {
    const next = { ...draft };
    for (const [id, entry] of Object.entries(self))
      if (!next[id]?.points)
        next[id] = {
          points: String(entry.halfPoints / 2).replace('.', ','),
          text: next[id]?.text ?? '',
        };
    setDraft(next);
  };
  const download = async () => {
    const report = scorecardReport(communeCode, year);
    try {
      saveFile(await office.download(report.path), report.fileName);
    } catch (e) {
      failed(e);
    }
  };
  const totalText = reached ? formatFixed(reached.total, 2) : 'chưa đủ';
  const sectionASum =
    a.complete && a.num !== undefined && a.den !== undefined
      ? formatFixed({ num: a.num, den: a.den })
      : 'chưa đủ';
  return (
    <section aria-labelledby="appraisal-title" class="appraisal">
      <h2 id="appraisal-title">
        Thẩm định mục B — {name}, năm {year}
      </h2>
      {pickers}
      <p class="appraisal-standing" role="status">
        Tổng điểm: <strong>{totalText}</strong>
        {reached && ` (A ${sectionASum} + B ${formatFixed(totalsB.counted / 2)})`}
        {reached && (
          <>
            {' '}
            — <strong>{reached.standing.label}</strong>
          </>
        )}{' '}
        ({locked ? 'đã khóa' : 'tạm tính, chưa khóa'}
        {unsaved ? '; có điểm chưa lưu' : ''})
        {!a.complete && ' · Mục A chưa đủ: cần phiếu của cả hai mẫu trong kỳ tính mục A.'}
      </p>
      <p>
        {card.selfScore
          ? `Điểm tự chấm của xã: ${card.selfScore.source === 'kiosk' ? `gửi từ máy khảo sát ${card.selfScore.by}` : `nhập theo báo cáo giấy (${card.selfScore.by})`}, lúc ${formatDateTime(card.selfScore.submittedAt)}.`
          : 'Xã chưa gửi điểm tự chấm (Bước 1).'}
      </p>
      <SectionAPeriod
        key={`${card.period.from}|${card.period.to}|${year}`}
        year={year}
        period={card.period}
        disabled={locked}
        onChange={(period) =>
          void act(
            () => office.setScorecardPeriod(communeCode, year, period),
            'Đã đổi kỳ tính điểm mục A.',
          )
        }
      />
      {!locked && (
        <fieldset class="admin-bar mode-switch">
          <legend class="visually-hidden">Nhập điểm</legend>
          <button
            type="button"
            class="btn admin-tab"
            aria-pressed={mode === 'appraisal'}
            onClick={() => switchMode('appraisal')}
          >
            Thẩm định (Bước 2)
          </button>
          <button
            type="button"
            class="btn admin-tab"
            aria-pressed={mode === 'self-score'}
            onClick={() => switchMode('self-score')}
          >
            Nhập điểm tự chấm theo báo cáo giấy của xã (Bước 1)
          </button>
        </fieldset>
      )}
      <form onSubmit={mode === 'appraisal' ? saveAppraisal : saveSelfScore}>
        <ScorecardTable
          rows={rows}
          text={scorecardDocumentText(scorecard)}
          mode={tableMode}
          draft={draft}
          onDraft={(id, field, value) =>
            setDraft({ ...draft, [id]: { points: '', text: '', ...draft[id], [field]: value } })
          }
          errors={mode === 'appraisal' ? changes.errors : typedSelf.errors}
          differs={mode === 'appraisal' ? differs : new Set()}
          unexplained={tried ? new Set(changes.unexplained) : new Set()}
          sectionA={{
            citizen: figures?.citizen.meanReviewed
              ? meanText(figures.citizen.meanReviewed)
              : notEnough,
            cadre: figures?.cadre.meanReviewed ? meanText(figures.cadre.meanReviewed) : notEnough,
            total: totalText,
          }}
          sectionB={totalsB}
          caption={`Bảng thang chấm điểm — ${name}, năm ${year}`}
        />
        <AlertText text={error} />
        {status && (
          <p role="status" class="admin-ok">
            {status}
          </p>
        )}
        {!locked && (
          <div class="admin-bar">
            {mode === 'appraisal' && (
              <button type="button" class="btn" onClick={fillFromSelf}>
                Điền điểm tự chấm vào các mục chưa thẩm định
              </button>
            )}
            <button type="submit" class="btn btn-primary">
              {mode === 'appraisal' ? 'Lưu điểm thẩm định' : 'Lưu điểm tự chấm'}
            </button>
          </div>
        )}
      </form>
      <Disqualification
        key={JSON.stringify(card.disqualification)}
        scorecard={scorecard}
        card={card}
        disabled={locked}
        onSave={(id, reason) =>
          void act(
            () => office.setDisqualification(communeCode, year, id, reason),
            'Đã lưu trường hợp không xét đánh giá.',
          )
        }
      />
      <LockControls
        key={String(card.lockedAt)}
        card={card}
        communeName={name}
        unsaved={unsaved}
        onLock={() =>
          void act(() => office.lockScorecard(communeCode, year), 'Đã khóa kết quả thẩm định.')
        }
        onUnlock={(reason) =>
          void act(
            () => office.unlockScorecard(communeCode, year, reason),
            'Đã mở khóa kết quả thẩm định.',
          )
        }
      />
      <div class="admin-bar">
        <button type="button" class="btn" onClick={() => onPrint({ communeCode, year })}>
          Bản in Bảng thang chấm điểm
        </button>
        <button type="button" class="btn" onClick={() => void download()}>
          Tải Bảng thang chấm điểm (Excel)
        </button>
      </div>
      <h3>Lịch sử thay đổi</h3>
      <ScorecardHistory events={view.events} scorecard={scorecard} />
    </section>
  );
}
