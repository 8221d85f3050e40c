import { useEffect, useState } from 'preact/hooks';
import type { ScorecardView, StandingsResponse } from '../../../core/api.ts';
import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { vnDay } from '../../../core/period.ts';
import { defaultProfile } from '../../../core/profile/registry.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import { scorecardOf } from '../../../core/profile/scorecards.ts';
import { appraisalYearOf } from '../../../core/scorecard-table.ts';
import type { CommuneStanding } from '../../../core/scoring/commune-standing.ts';
import type { Period } from '../../../core/settings.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import type { DocumentHead } from '../print-document/index.tsx';
import { PrintScorecard } from '../print-scorecard/index.tsx';
import { PrintStandings } from '../print-standings/index.tsx';
import { PrintSummary } from '../print-summary/index.tsx';
import {
  type ReportFile,
  saveFile,
  scorecardReport,
  standingsReport,
  summaryReport,
} from '../report-files.ts';

export type PrintRequest =
  | { kind: 'summary' }
  | { kind: 'scorecard'; communeCode: string; year: number }
  | { kind: 'standings'; year: number };

const HEAD_KEY = 'office-print-head';
const DEFAULT_HEAD: DocumentHead = {
  issuerParent: 'UBND TỈNH ……',
  issuer: 'SỞ NỘI VỤ',
  place: '',
  number: '',
};

/** The issuer the office typed last time (this browser), so every print starts from it. */
function savedHead(): DocumentHead {
  try {
    return { ...DEFAULT_HEAD, ...JSON.parse(localStorage.getItem(HEAD_KEY) ?? '{}') };
  } catch {
    return DEFAULT_HEAD;
  }
}

const scorecardOfDefault = (): Scorecard | undefined => scorecardOf(defaultProfile);

type Loaded =
  | { kind: 'summary'; standings: CommuneStanding[] | null }
  | { kind: 'scorecard'; view: ScorecardView; figures: CommuneFigures | null }
  | { kind: 'standings'; answer: StandingsResponse };

/**
 * A print and what goes on it: the issuer on two lines, the place, the document number; "In"
 * (A4, the browser's print to paper or PDF, named after the period) and the XLSX beside it.
 */
export function PrintScreen({
  request,
  office,
  communes,
  period,
  online,
  onClose,
}: {
  request: PrintRequest;
  office: OfficeServices;
  communes: CommuneFigures[];
  period: Period | null;
  online: boolean;
  onClose: () => void;
}) {
  const [head, setHead] = useState<DocumentHead>(savedHead);
  // The summary shows at once; Section B joins it when the standings arrive.
  const [loaded, setLoaded] = useState<Loaded | undefined>(
    request.kind === 'summary' ? { kind: 'summary', standings: [] } : undefined,
  );
  const [error, setError] = useState('');
  const at = Date.now();
  const summaryYear = period ? Number(period.to.slice(0, 4)) : appraisalYearOf(vnDay(at));
  const communeName = (code: string) =>
    communes.find((c) => c.communeCode === code)?.communeName ?? code;

  useEffect(() => {
    const failed = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    if (request.kind === 'summary') {
      if (!online) return setLoaded({ kind: 'summary', standings: null });
      office.standings(summaryYear).then(
        (answer) => setLoaded({ kind: 'summary', standings: answer.standings }),
        () => setLoaded({ kind: 'summary', standings: null }),
      );
    } else if (request.kind === 'scorecard') {
      office
        .scorecard(request.communeCode, request.year)
        .then(async (view) => {
          const all = await office.figures(view.scorecard.period);
          const figures = all.communes.find((c) => c.communeCode === request.communeCode) ?? null;
          setLoaded({ kind: 'scorecard', view, figures });
        })
        .catch(failed);
    } else {
      office
        .standings(request.year)
        .then((answer) => setLoaded({ kind: 'standings', answer }), failed);
    }
  }, [office, request, online, summaryYear]);

  const report: ReportFile =
    request.kind === 'summary'
      ? summaryReport(
          period,
          head.number,
          [head.issuerParent, head.issuer].filter(Boolean).join('\n'),
        )
      : request.kind === 'scorecard'
        ? scorecardReport(request.communeCode, request.year)
        : standingsReport(request.year);
  // The browser names a PDF after the page's title: the report's name, with its period.
  useEffect(() => {
    const before = document.title;
    document.title = report.fileName.replace(/\.xlsx$/, '');
    return () => {
      document.title = before;
    };
  }, [report.fileName]);

  const edit = (field: keyof DocumentHead, value: string) => {
    const next = { ...head, [field]: value };
    setHead(next);
    localStorage.setItem(HEAD_KEY, JSON.stringify(next));
  };
  const download = async () => {
    try {
      saveFile(await office.download(report.path), report.fileName);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const scorecard = scorecardOfDefault();
  const printHead =
    request.kind === 'scorecard'
      ? { ...head, issuerParent: 'ỦY BAN NHÂN DÂN', issuer: communeName(request.communeCode) }
      : head;
  return (
    <div class="print-page">
      <form class="print-controls" onSubmit={(e) => e.preventDefault()}>
        {request.kind !== 'scorecard' && (
          <>
            <label>
              <span>Cơ quan cấp trên (dòng 1)</span>
              <input
                type="text"
                value={head.issuerParent}
                onInput={(e) => edit('issuerParent', e.currentTarget.value)}
              />
            </label>
            <label>
              <span>Cơ quan ban hành (dòng 2)</span>
              <input
                type="text"
                value={head.issuer}
                onInput={(e) => edit('issuer', e.currentTarget.value)}
              />
            </label>
          </>
        )}
        <label>
          <span>Số văn bản (sau “Số:”)</span>
          <input
            type="text"
            value={head.number}
            placeholder="12/BC-SNV"
            onInput={(e) => edit('number', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>Địa danh</span>
          <input
            type="text"
            value={head.place}
            onInput={(e) => edit('place', e.currentTarget.value)}
          />
        </label>
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          In
        </button>
        <button type="button" class="btn" disabled={!online} onClick={() => void download()}>
          Tải bảng Excel ({report.fileName})
        </button>
        <button type="button" class="btn" onClick={onClose}>
          Đóng bản in
        </button>
      </form>
      <AlertText text={error} />
      {!scorecard && <AlertText text="Bộ câu hỏi này không có Bảng thang chấm điểm." />}
      {scorecard && !loaded && !error && <p>Đang tải…</p>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the A4 scrolls in this box */}
      <section class="a4-paper" aria-label="Bản in" tabIndex={0}>
        {scorecard && loaded?.kind === 'summary' && (
          <PrintSummary
            communes={communes}
            period={period}
            standings={loaded.standings}
            scorecard={scorecard}
            head={printHead}
            at={at}
          />
        )}
        {scorecard && loaded?.kind === 'scorecard' && request.kind === 'scorecard' && (
          <PrintScorecard
            view={loaded.view}
            figures={loaded.figures}
            scorecard={
              scorecardOf({
                id: loaded.view.scorecard.profileId,
                version: loaded.view.scorecard.profileVersion,
              }) ?? scorecard
            }
            communeName={communeName(request.communeCode)}
            head={printHead}
            at={at}
          />
        )}
        {scorecard && loaded?.kind === 'standings' && (
          <PrintStandings answer={loaded.answer} scorecard={scorecard} head={head} at={at} />
        )}
      </section>
    </div>
  );
}
