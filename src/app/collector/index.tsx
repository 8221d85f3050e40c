import { useCallback, useEffect, useState } from 'preact/hooks';
import { allows, type Permission, ROLE_LABEL } from '../../core/accounts.ts';
import { formatCount } from '../../core/format.ts';
import { vnDay } from '../../core/period.ts';
import type { Period } from '../../core/settings.ts';
import { PeriodPicker } from '../components/period-picker/index.tsx';
import '../admin/style.css';
import '../theme.css';
import { AlertText } from '../components/alert-text/index.tsx';
import {
  createOfficeServices,
  type OfficeAccount,
  type OfficeServices,
  type OfficeView,
  type SignedIn,
} from '../office-services.ts';
import { AccountsScreen } from './accounts/index.tsx';
import { AppraisalScreen } from './appraisal/index.tsx';
import { AuditLogScreen } from './audit-log/index.tsx';
import { EnrolmentCodes } from './enrolment-codes/index.tsx';
import { FiguresSection } from './figures-section/index.tsx';
import { FlagSettings } from './flag-settings/index.tsx';
import { KioskRegistry } from './kiosk-registry/index.tsx';
import { OfficeSettings } from './office-settings/index.tsx';
import { type PrintRequest, PrintScreen } from './prints/index.tsx';
import { figuresFileName, saveFile } from './report-files.ts';
import { FirstAdminForm, SignInForm } from './sign-in/index.tsx';
import { StandingsScreen } from './standings/index.tsx';
import './style.css';

type Section =
  | 'figures'
  | 'appraisal'
  | 'standings'
  | 'kiosks'
  | 'enrolment'
  | 'flags'
  | 'settings'
  | 'accounts'
  | 'audit';
/** Each section with what a role needs to see it (core/accounts.ts): the server refuses the rest. */
const SECTIONS: { id: Section; label: string; needs: Permission }[] = [
  { id: 'figures', label: 'Số liệu các xã', needs: 'read' },
  { id: 'appraisal', label: 'Thẩm định mục B', needs: 'decide' },
  { id: 'standings', label: 'Xếp loại', needs: 'read' },
  { id: 'kiosks', label: 'Máy khảo sát', needs: 'read' },
  { id: 'enrolment', label: 'Đăng ký máy', needs: 'enrol' },
  { id: 'flags', label: 'Ngưỡng gắn cờ', needs: 'settings' },
  { id: 'settings', label: 'Cài đặt', needs: 'settings' },
  { id: 'accounts', label: 'Tài khoản', needs: 'accounts' },
  { id: 'audit', label: 'Nhật ký thao tác', needs: 'audit' },
];

type Gate = 'checking' | 'sign-in' | 'first-admin';

/**
 * The collecting office's screen: per-commune figures, QR frames from kiosks (camera or
 * typed), JSON files. What is read here is kept in this browser first and sent to the
 * collector server when it can be reached; offline, the figures are this office's own.
 */
export function CollectorApp({ onExit, office }: { onExit: () => void; office: OfficeServices }) {
  const [gate, setGate] = useState<Gate>('checking');
  const [account, setAccount] = useState<OfficeAccount | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<OfficeView | undefined>(undefined);
  const [period, setPeriod] = useState<Period | null>(null);
  const [error, setError] = useState('');
  const [printing, setPrinting] = useState<PrintRequest | null>(null);
  const [section, setSection] = useState<Section>('figures');

  /** Sends what waits here, then shows the figures; refusals are listed. */
  const refresh = useCallback(async () => {
    try {
      const report = await office.deliver();
      const refused = report.settled.flatMap((s) =>
        s.outcome.state === 'refused' ? [`${s.label}: ${s.outcome.reason}`] : [],
      );
      setView(await office.view(period));
      setError([...refused, ...(report.stopped ? [report.stopped.sentence] : [])].join(' '));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [office, period]);
  /** The figures again, after a reader that has already sent (and reported) what it read. */
  const reload = async (next: Period | null = period) => {
    try {
      setView(await office.view(next));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  // Whatever waited while the network was down goes as soon as it is back.
  useEffect(() => {
    if (!view) return;
    const online = () => void refresh();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [view !== undefined, refresh]);

  const enter = ({ account: who, view: first }: SignedIn) => {
    setAccount(who);
    setView(first);
    setNotice('');
    setError('');
    // Parcels kept while the server was out of reach go now.
    if (first.pending > 0) void refresh();
  };
  const close = (sentence = '') => {
    setView(undefined);
    setAccount(undefined);
    setSection('figures');
    setPrinting(null);
    setNotice(sentence);
    setGate('sign-in');
  };

  // A session the collector says is over (expired, ended elsewhere) brings the sign-in back.
  useEffect(() => office.onSignedOut((sentence) => close(sentence)), [office]);

  // A session still open in this browser goes straight in.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const session = await office.session();
        if (!live) return;
        if (session.kind === 'signed-in') {
          const first = await office.view(null);
          if (live) enter({ account: session.account, view: first });
        } else if (session.kind === 'signed-out' && session.firstAdminNeeded)
          setGate('first-admin');
        else setGate('sign-in');
      } catch (e) {
        if (!live) return;
        setNotice(e instanceof Error ? e.message : String(e));
        setGate('sign-in');
      }
    })();
    return () => {
      live = false;
    };
  }, [office]);

  const signOut = async () => {
    try {
      await office.signOut();
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async (kind: 'xlsx' | 'csv') => {
    try {
      saveFile(await office.downloadSummary(kind, period), figuresFileName(kind, period));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!view || !account) {
    return (
      <main class="admin">
        {gate === 'checking' && <p role="status">Đang kiểm tra phiên đăng nhập…</p>}
        {gate === 'sign-in' && <SignInForm office={office} notice={notice} onSignedIn={enter} />}
        {gate === 'first-admin' && <FirstAdminForm office={office} onSignedIn={enter} />}
        <button type="button" class="btn" onClick={onExit}>
          Về màn hình khảo sát
        </button>
      </main>
    );
  }
  const may = (permission: Permission) => allows({ kind: 'account', ...account }, permission);
  const online = view.source === 'server';
  if (printing) {
    return (
      <main>
        <PrintScreen
          request={printing}
          office={office}
          communes={view.communes}
          period={view.period}
          online={online}
          onClose={() => setPrinting(null)}
        />
      </main>
    );
  }
  const today = vnDay(Date.now());
  return (
    <main class="admin">
      <nav class="admin-bar" aria-label="Cơ quan thu phiếu">
        <button type="button" class="btn" onClick={() => void refresh()}>
          Tải lại số liệu
        </button>
        <button type="button" class="btn" onClick={() => void save('xlsx')} disabled={!online}>
          Tải bảng Excel
        </button>
        <button type="button" class="btn" onClick={() => void save('csv')} disabled={!online}>
          Tải bảng CSV
        </button>
        <button type="button" class="btn" onClick={() => setPrinting({ kind: 'summary' })}>
          Bản in A4
        </button>
        <button type="button" class="btn admin-exit" onClick={onExit}>
          Về màn hình khảo sát
        </button>
      </nav>
      <p class="office-who">
        <span>
          Đang đăng nhập: {account.displayName} ({account.username}) — {ROLE_LABEL[account.role]}
          {account.communeCode !== null && `, xã ${account.communeCode}`}
        </span>
        <button type="button" class="btn" onClick={() => void signOut()}>
          Đăng xuất
        </button>
      </p>
      <nav class="admin-bar" aria-label="Mục của cơ quan thu phiếu">
        {SECTIONS.filter((s) => may(s.needs)).map((s) => (
          <button
            type="button"
            key={s.id}
            class="btn admin-tab"
            aria-current={section === s.id ? 'page' : undefined}
            disabled={!online && s.id !== 'figures'}
            onClick={() => setSection(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <h1>Tổng hợp kết quả khảo sát</h1>
      {section === 'figures' && (
        <PeriodPicker
          value={period}
          today={today}
          onChange={(next) => {
            setPeriod(next);
            void reload(next);
          }}
        />
      )}
      {view.serverProblem && <AlertText text={view.serverProblem} />}
      {!online && (
        <p class="admin-notice" role="status">
          {view.serverProblem
            ? 'Vì máy chủ thu phiếu đang lỗi, '
            : 'Chưa kết nối được máy chủ thu phiếu. '}
          Số liệu dưới đây chỉ tính các phiếu đã quét hoặc nhập trên máy này; phiếu các máy gửi qua
          mạng chưa có ở đây.
        </p>
      )}
      {view.pending > 0 && (
        <p class="admin-notice" role="status">
          {formatCount(view.pending)} lô/tệp đang được giữ trên máy này, chờ gửi lên máy chủ. Máy sẽ
          tự gửi khi có mạng.
        </p>
      )}
      <AlertText text={error} />
      {section === 'kiosks' && online && <KioskRegistry office={office} mayEnrol={may('enrol')} />}
      {section === 'enrolment' && online && <EnrolmentCodes office={office} />}
      {section === 'accounts' && online && <AccountsScreen office={office} self={account} />}
      {section === 'audit' && online && <AuditLogScreen office={office} />}
      {section === 'flags' && online && <FlagSettings office={office} />}
      {section === 'settings' && online && <OfficeSettings office={office} />}
      {section === 'appraisal' && online && (
        <AppraisalScreen
          office={office}
          communes={view.communes}
          today={today}
          onPrint={(target) => setPrinting({ kind: 'scorecard', ...target })}
        />
      )}
      {section === 'standings' && online && (
        <StandingsScreen
          office={office}
          today={today}
          onPrint={(year) => setPrinting({ kind: 'standings', year })}
        />
      )}
      {(section === 'figures' || !online) && (
        <FiguresSection
          office={office}
          view={view}
          period={period}
          onReload={() => void reload()}
          may={may}
        />
      )}
    </main>
  );
}

/** The office screen over the real IndexedDB and collector server, as the shell opens it. */
export function OfficeScreen({ onExit }: { onExit: () => void }) {
  const [office] = useState(() => createOfficeServices());
  return <CollectorApp onExit={onExit} office={office} />;
}
