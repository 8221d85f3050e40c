import { useEffect, useRef, useState } from 'preact/hooks';
import { vnDay } from '../../../core/period.ts';
import { Problem } from '../../../core/problems.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { KioskServices, SelfScoreDraft } from '../../services.ts';
import { CriterionTable } from './criterion-table.tsx';
import type { LeafRefusal } from './leaf-row.tsx';
import { SendPanel } from './send-panel.tsx';
import { SelfScoreTotals } from './totals.tsx';
import './style.css';
import { said } from '../../../core/problems/said.ts';

interface Props {
  services: KioskServices;
  /** The collecting office as the settings name it. */
  collectorName: string;
}

const FIRST_YEAR = 2024;

/**
 * Bước 1 of the year (seed 003, "Hướng dẫn chấm điểm"): the commune self-scores Section B of the
 * Bảng thang chấm điểm leaf by leaf with a note, sees the running totals, and reports it to the
 * collecting office. Every accepted change is kept on the device at once.
 */
export function SelfScorePanel({ services, collectorName }: Props) {
  const service = services.selfScore;
  const thisYear = Number(vnDay(Date.now()).slice(0, 4));
  const [scorecard, setScorecard] = useState<Scorecard | null | undefined>(undefined);
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<SelfScoreDraft | undefined>(undefined);
  const [refused, setRefused] = useState<Record<string, LeafRefusal>>({});
  const [saveError, setSaveError] = useState('');
  const latest = useRef<SelfScoreDraft | undefined>(undefined);
  // Saves go one after another, so the last change is the one kept.
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    void service.scorecard().then((card) => setScorecard(card ?? null));
  }, [service]);
  useEffect(() => {
    let current = true;
    setDraft(undefined);
    setRefused({});
    void service.loadDraft(year).then((loaded) => {
      if (!current) return;
      latest.current = loaded;
      setDraft(loaded);
    });
    return () => {
      current = false;
    };
  }, [service, year]);

  const change = (patch: (d: SelfScoreDraft) => Partial<SelfScoreDraft>) => {
    const before = latest.current;
    if (!before) return;
    const next = { ...before, ...patch(before), updatedAt: Date.now() };
    latest.current = next;
    setDraft(next);
    saving.current = saving.current
      .then(() => service.saveDraft(next))
      .then(
        () => setSaveError(''),
        (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
      );
  };
  const without = <T,>(record: Record<string, T>, id: string) => {
    const { [id]: _gone, ...rest } = record;
    return rest;
  };

  if (scorecard === null) {
    return <AlertText text={said(new Problem('scorecard.none'))} />;
  }
  if (!scorecard || !draft) return <p>Đang tải…</p>;
  const collector = collectorName || 'cơ quan thu phiếu';
  return (
    <section aria-labelledby="self-score-title">
      <h1 id="self-score-title">Tự chấm điểm mục B</h1>
      <p>
        Trước ngày 15/12 hằng năm, xã, phường tự chấm điểm các tiêu chí mục B của Bảng thang chấm
        điểm (Phụ lục 01) và gửi về {collector}. Điểm nhập theo bước 0,5, không quá điểm chuẩn của
        mục; bản tự chấm được lưu trên máy ngay khi nhập.
      </p>
      <label>
        <span>Năm đánh giá</span>
        <select value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <SelfScoreTotals scorecard={scorecard} draft={draft} />
      <AlertText text={saveError} />
      {scorecard.sectionB.criteria.map((criterion) => (
        <CriterionTable
          key={criterion.id}
          criterion={criterion}
          draft={draft}
          onScore={(id, halfPoints) =>
            change((d) => ({
              scores:
                halfPoints === undefined
                  ? without(d.scores, id)
                  : { ...d.scores, [id]: halfPoints },
            }))
          }
          onNote={(id, note) =>
            change((d) => ({ notes: note ? { ...d.notes, [id]: note } : without(d.notes, id) }))
          }
          onRefusal={(id, problem) =>
            setRefused((r) => (problem ? { ...r, [id]: problem } : without(r, id)))
          }
        />
      ))}
      <SendPanel
        service={service}
        settled={async () => {
          await saving.current;
          return latest.current ?? draft;
        }}
        unfixed={Object.keys(refused).length}
        sent={draft.sent}
        editedSinceSent={!!draft.sent && draft.updatedAt > draft.sent.submittedAt}
        onSent={(sent) => {
          const before = latest.current;
          if (!before) return;
          const { sent: _old, ...rest } = before;
          latest.current = sent ? { ...rest, sent } : rest;
          setDraft(latest.current);
        }}
      />
    </section>
  );
}
