import type { Account, NewAccount } from '../core/accounts.ts';
import type {
  Comment,
  FlaggedSheet,
  KioskRegistration,
  KioskRow,
  ScorecardView,
  SetAsideRow,
  StandingsResponse,
} from '../core/api.ts';
import type { AppraisalEntries, SelfScoreEntries } from '../core/appraisal.ts';
import type { CommuneFigures } from '../core/commune-figures.ts';
import type { OfficeFlagSettings } from '../core/office-flags.ts';
import { Problem } from '../core/problems.ts';
import type { FormId } from '../core/profile/schema.ts';
import type { StandingSettings } from '../core/scoring/commune-standing.ts';
import type { Period } from '../core/settings.ts';
import {
  forgetAccount,
  type KnownAccount,
  knownAccount,
  type OfficeDb,
  openOfficeDb,
  type Parcel,
  parcelsIn,
  rememberAccount,
  saveCommuneNames,
} from '../storage/office.ts';
import {
  collectorClient,
  type Reply,
  ReplyError,
  sentenceOf,
  successOf,
} from '../transport/collector-api.ts';
import {
  type BatchReceived,
  type DeliveryReport,
  deliverPending,
  localFigures,
  receiveBatch,
  receiveFile,
} from '../transport/office-inbox.ts';

/** Who is signed in at the office. */
export type OfficeAccount = KnownAccount;

/** What the collector says of this browser's session when the office screen opens. */
export type SessionState =
  | { kind: 'signed-in'; account: OfficeAccount }
  | { kind: 'signed-out'; firstAdminNeeded: boolean }
  | { kind: 'offline' };

/** The office once open: who is in, and the first figures. */
export interface SignedIn {
  account: OfficeAccount;
  view: OfficeView;
}

export interface FirstAdmin {
  code: string;
  username: string;
  displayName: string;
  password: string;
}

/** A new one-time enrolment code, as the office shows it once. */
export interface EnrolmentCode {
  code: string;
  expiresAt: number;
  communeCode: string;
  communeName: string;
  label: string;
}

export interface EnrolmentRow {
  communeCode: string;
  communeName: string;
  label: string;
  createdAt: number;
  createdBy: string;
  expiresAt: number;
  usedAt: number | null;
  deviceId: string | null;
}

export interface AuditLog {
  entries: {
    ordinal: number;
    at: number;
    actor: string;
    action: string;
    target: string;
    detail: string;
    address: string;
    hash: string;
  }[];
  chainHolds: boolean;
  total: number;
}

/**
 * What the office screen needs, behind one interface (as KioskServices is for the kiosk):
 * the session is the browser's HttpOnly cookie, parcels and account verifiers are in the
 * office's IndexedDB. Calls that need the server reject with a ReplyError whose message is the
 * sentence to show; a reply saying the session is over (401.6) also tells `onSignedOut`.
 */
export interface OfficeServices {
  /** Whether this browser is signed in, or the office has no admin yet. */
  session(): Promise<SessionState>;
  /**
   * Signs in: the server's figures, or offline (for a name and password that signed in online
   * here before) the figures of this office's parcels.
   */
  signIn(username: string, password: string, period?: Period | null): Promise<SignedIn>;
  /** Creates the first office admin with the collector's one-time code, and signs in. */
  createFirstAdmin(admin: FirstAdmin, period?: Period | null): Promise<SignedIn>;
  signOut(): Promise<void>;
  /** Calls the listener whenever the collector answers that the session is over; returns how to stop. */
  onSignedOut(listener: (sentence: string) => void): () => void;
  accounts(): Promise<Account[]>;
  createAccount(account: NewAccount): Promise<Account>;
  changeAccount(
    username: string,
    change: { disabled?: boolean; password?: string },
  ): Promise<Account>;
  audit(): Promise<AuditLog>;
  createEnrolment(request: {
    communeCode: string;
    communeName: string;
    label: string;
  }): Promise<EnrolmentCode>;
  enrolments(): Promise<EnrolmentRow[]>;
  /** Registers a tablet that cannot reach the collector: its key, to carry over as a QR. */
  registerKiosk(registration: KioskRegistration): Promise<string>;
  /** The figures of a period (null: every day). */
  view(period?: Period | null): Promise<OfficeView>;
  receiveBatch(sealed: Uint8Array): Promise<BatchReceived>;
  receiveFile(
    text: string,
    fileName: string,
  ): Promise<{ id: string; sheetCount: number; earlier?: Parcel }>;
  deliver(): Promise<DeliveryReport>;
  downloadSummary(kind: 'xlsx' | 'csv', period?: Period | null): Promise<Blob>;
  /** A printed desk QR for a commune: the link phones open. Needs the server. */
  createDesk(desk: { communeCode: string; communeName: string; label: string }): Promise<string>;
  /** Every kiosk and desk with what it did. */
  kiosks(): Promise<KioskRow[]>;
  revokeKiosk(deviceId: string, reason: string): Promise<void>;
  setDeskForms(deviceId: string, forms: FormId[]): Promise<void>;
  setAside(): Promise<SetAsideRow[]>;
  /** A commune's sheets the office flagged, with why. */
  flagged(communeCode: string): Promise<FlaggedSheet[]>;
  flagSettings(): Promise<OfficeFlagSettings>;
  saveFlagSettings(settings: OfficeFlagSettings): Promise<OfficeFlagSettings>;
  /** The server's figures of a period, without the offline fallback (a second period to compare). */
  figures(period: Period | null): Promise<{ period: Period | null; communes: CommuneFigures[] }>;
  /** A commune month by month over a period: its trend. */
  months(communeCode: string, period: Period): Promise<MonthFigures[]>;
  /** What respondents wrote; names and addresses only with `respondents` (the server logs it). */
  comments(communeCode: string, period: Period | null, respondents: boolean): Promise<Comment[]>;
  /** Counts a flagged sheet, or sets it aside, with why. */
  reviewSheet(sheet: SheetRef, decision: 'counted' | 'excluded', reason: string): Promise<void>;
  retention(): Promise<number>;
  saveRetention(days: number): Promise<number>;
  scorecard(communeCode: string, year: number): Promise<ScorecardView>;
  saveSelfScore(
    communeCode: string,
    year: number,
    entries: SelfScoreEntries,
  ): Promise<ScorecardView>;
  saveAppraisal(
    communeCode: string,
    year: number,
    entries: AppraisalEntries,
  ): Promise<ScorecardView>;
  setDisqualification(
    communeCode: string,
    year: number,
    id: string | null,
    reason: string,
  ): Promise<ScorecardView>;
  setScorecardPeriod(communeCode: string, year: number, period: Period): Promise<ScorecardView>;
  lockScorecard(communeCode: string, year: number): Promise<ScorecardView>;
  unlockScorecard(communeCode: string, year: number, reason: string): Promise<ScorecardView>;
  standings(year: number): Promise<StandingsResponse>;
  standingSettings(): Promise<StandingSettings>;
  saveStandingSettings(settings: StandingSettings): Promise<StandingSettings>;
  /** A report the collector writes (XLSX, CSV) at a path of /api/v1/reports or /api/v1/sheets. */
  download(path: string): Promise<Blob>;
}

export interface MonthFigures {
  period: Period;
  figures: CommuneFigures;
}

/** A stored sheet's identity. */
export interface SheetRef {
  channel: 'kiosk' | 'phone';
  deviceId: string;
  seq: number;
}

export interface OfficeView {
  /** 'server': every sheet the collector holds; 'local': only what was read at this office. */
  source: 'server' | 'local';
  /** The period the figures cover; null for every day. */
  period: Period | null;
  communes: CommuneFigures[];
  /** Parcels kept here and not yet accepted or refused by the server. */
  pending: number;
  /** Why the server's figures are not shown, when it answered with an error rather than not at all. */
  serverProblem?: string;
}

const card = (communeCode: string, year: number) => ({ communeCode, year: String(year) });

const SIGNED_OUT = new Problem('auth.signed-out').code;

/** The real services over IndexedDB and the collector server at this page's origin (loaded with the office screen). */
export function createOfficeServices(now: () => number = Date.now): OfficeServices {
  // The session cookie goes with every same-origin request; nothing secret is held here.
  const client = collectorClient();
  const listeners = new Set<(sentence: string) => void>();
  /** A success's value; a refusal throws, and one saying the session is over tells the screen. */
  const ok = <T>(reply: Reply<T>): T => {
    if (reply.kind === 'refused' && reply.code === SIGNED_OUT)
      for (const listener of listeners) listener(sentenceOf(reply));
    return successOf(reply);
  };
  let database: Promise<OfficeDb> | undefined;
  const db = () => {
    database ??= openOfficeDb();
    return database;
  };
  const pendingCount = async () => (await parcelsIn(await db(), 'pending')).length;
  /** Server figures; a sentence when the server failed; nothing when it cannot be reached. A refusal throws. */
  const serverFigures = async (
    period: Period | null,
  ): Promise<CommuneFigures[] | string | undefined> => {
    const reply = await client.call('communes', period ? { query: period } : {});
    if (reply.kind === 'refused') return ok(reply);
    if (reply.kind === 'offline') return undefined;
    if (reply.kind === 'failed') return sentenceOf(reply);
    await saveCommuneNames(
      await db(),
      Object.fromEntries(reply.value.communes.map((c) => [c.communeCode, c.communeName])),
    );
    return reply.value.communes;
  };
  /** The server's figures when it answered, else this office's own, saying why. */
  const viewOf = async (
    answer: CommuneFigures[] | string | undefined,
    period: Period | null,
  ): Promise<OfficeView> => {
    const pending = await pendingCount();
    if (Array.isArray(answer)) return { source: 'server', period, communes: answer, pending };
    const local = await localFigures(await db(), now(), period);
    return {
      source: 'local',
      period,
      communes: local,
      pending,
      ...(answer ? { serverProblem: answer } : {}),
    };
  };
  /** Opens the office for an account the collector accepted, remembering it for offline use. */
  const openFor = async (
    account: OfficeAccount,
    password: string,
    period: Period | null,
  ): Promise<SignedIn> => {
    await rememberAccount(await db(), account, password, now());
    // The figures right after sign-in are the first view.
    return { account, view: await viewOf(await serverFigures(period), period) };
  };
  return {
    async session() {
      const reply = await client.call('session');
      if (reply.kind === 'offline') return { kind: 'offline' };
      const session = successOf(reply);
      return session.account
        ? { kind: 'signed-in', account: session.account }
        : { kind: 'signed-out', firstAdminNeeded: session.firstAdminNeeded };
    },
    async signIn(username, password, period = null) {
      const reply = await client.call('signIn', { json: { username, password } });
      // Out of reach, or failing (5xx): this office's own figures, for someone who signed in here.
      const broken = reply.kind === 'failed' && reply.status >= 500;
      if (reply.kind === 'offline' || broken) {
        const account = await knownAccount(await db(), username, password);
        if (!account) throw broken ? new ReplyError(reply) : new Problem('auth.offline-unknown');
        return { account, view: await viewOf(broken ? sentenceOf(reply) : undefined, period) };
      }
      // A password the collector refuses no longer opens this office offline either.
      if (reply.kind === 'refused' && reply.code === new Problem('auth.bad-credentials').code)
        await forgetAccount(await db(), username);
      const account = successOf(reply).account;
      if (!account) throw new Problem('auth.signed-out');
      return openFor(account, password, period);
    },
    async createFirstAdmin(admin, period = null) {
      const account = successOf(await client.call('createFirstAdmin', { json: admin })).account;
      if (!account) throw new Problem('auth.signed-out');
      return openFor(account, admin.password, period);
    },
    async signOut() {
      const reply = await client.call('signOut');
      // Offline there is no session to end on the server; the screen still closes.
      if (reply.kind !== 'offline') successOf(reply);
    },
    onSignedOut(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accounts: async () => ok(await client.call('accounts')),
    createAccount: async (account) => ok(await client.call('createAccount', { json: account })),
    changeAccount: async (username, change) =>
      ok(await client.call('changeAccount', { params: { username }, json: change })),
    audit: async () => ok(await client.call('audit')),
    createEnrolment: async (request) => ok(await client.call('createEnrolment', { json: request })),
    enrolments: async () => ok(await client.call('enrolments')),
    registerKiosk: async (registration) =>
      ok(await client.call('registerKiosk', { json: registration })).key,
    view: async (period = null) => viewOf(await serverFigures(period), period),
    receiveBatch: async (sealed) => receiveBatch(await db(), crypto.subtle, sealed, now()),
    receiveFile: async (text, fileName) =>
      receiveFile(await db(), crypto.subtle, text, fileName, now()),
    async deliver() {
      const report = await deliverPending(await db(), client, now());
      // A session that ended while parcels waited: they stay, and the sign-in comes back.
      if (report.stopped?.code === SIGNED_OUT)
        for (const listener of listeners) listener(report.stopped.sentence);
      return report;
    },
    downloadSummary: async (kind, period = null) =>
      ok(
        await client.download(
          `/api/v1/communes.${kind}${period ? `?${new URLSearchParams(period)}` : ''}`,
        ),
      ),
    createDesk: async (desk) =>
      new URL(ok(await client.call('createDesk', { json: desk })).path, window.location.href).href,
    kiosks: async () => ok(await client.call('kiosks')),
    async revokeKiosk(deviceId, reason) {
      ok(await client.call('revokeKiosk', { params: { deviceId }, json: { reason } }));
    },
    async setDeskForms(deviceId, forms) {
      ok(await client.call('deskForms', { params: { deviceId }, json: { forms } }));
    },
    setAside: async () => ok(await client.call('setAside')),
    flagged: async (communeCode) =>
      ok(await client.call('flagged', { query: { commune: communeCode } })),
    flagSettings: async () => ok(await client.call('flagSettings')),
    saveFlagSettings: async (settings) =>
      ok(await client.call('saveFlagSettings', { json: settings })),
    figures: async (period) => ok(await client.call('communes', period ? { query: period } : {})),
    months: async (communeCode, period) =>
      ok(await client.call('months', { params: { communeCode }, query: period })),
    comments: async (communeCode, period, respondents) =>
      ok(
        await client.call('comments', {
          query: {
            commune: communeCode,
            ...(period ?? {}),
            ...(respondents ? { respondents: '1' } : {}),
          },
        }),
      ),
    async reviewSheet(sheet, decision, reason) {
      ok(
        await client.call('reviewSheet', {
          params: { ...sheet, seq: String(sheet.seq) },
          json: { decision, reason },
        }),
      );
    },
    retention: async () => ok(await client.call('retention')).days,
    saveRetention: async (days) => ok(await client.call('saveRetention', { json: { days } })).days,
    scorecard: async (communeCode, year) =>
      ok(await client.call('scorecard', { params: card(communeCode, year) })),
    saveSelfScore: async (communeCode, year, entries) =>
      ok(
        await client.call('saveSelfScore', { params: card(communeCode, year), json: { entries } }),
      ),
    saveAppraisal: async (communeCode, year, entries) =>
      ok(
        await client.call('saveAppraisal', { params: card(communeCode, year), json: { entries } }),
      ),
    setDisqualification: async (communeCode, year, id, reason) =>
      ok(
        await client.call('setDisqualification', {
          params: card(communeCode, year),
          json: { id, reason },
        }),
      ),
    setScorecardPeriod: async (communeCode, year, period) =>
      ok(
        await client.call('setScorecardPeriod', { params: card(communeCode, year), json: period }),
      ),
    lockScorecard: async (communeCode, year) =>
      ok(await client.call('lockScorecard', { params: card(communeCode, year) })),
    unlockScorecard: async (communeCode, year, reason) =>
      ok(
        await client.call('unlockScorecard', {
          params: card(communeCode, year),
          json: { reason },
        }),
      ),
    standings: async (year) =>
      ok(await client.call('standings', { query: { year: String(year) } })),
    standingSettings: async () => ok(await client.call('standingSettings')),
    saveStandingSettings: async (settings) =>
      ok(await client.call('saveStandingSettings', { json: settings })),
    download: async (path) => ok(await client.download(path)),
  };
}
