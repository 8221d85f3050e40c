import type {
  Comment,
  FlaggedSheet,
  KioskRow,
  ScorecardView,
  SetAsideRow,
  StandingsResponse,
} from '../core/api.ts';
import type { AppraisalEntries, SelfScoreEntries } from '../core/appraisal.ts';
import type { CommuneFigures } from '../core/commune-figures.ts';
import type { OfficeFlagSettings } from '../core/office-flags.ts';
import type { FormId } from '../core/profile/schema.ts';
import type { StandingSettings } from '../core/scoring/commune-standing.ts';
import type { Period } from '../core/settings.ts';
import {
  type OfficeDb,
  openOfficeDb,
  type Parcel,
  parcelsIn,
  rememberToken,
  saveCommuneNames,
  tokenKnown,
} from '../storage/office.ts';
import { collectorClient, ReplyError, sentenceOf, successOf } from '../transport/collector-api.ts';
import {
  type BatchReceived,
  type DeliveryReport,
  deliverPending,
  localFigures,
  receiveBatch,
  receiveFile,
} from '../transport/office-inbox.ts';

/**
 * What the office screen needs, behind one interface (as KioskServices is for the kiosk):
 * the admin token lives in this closure's memory only, parcels in the office's IndexedDB.
 * Calls that need the server reject with a ReplyError whose message is the sentence to show.
 */
export interface OfficeServices {
  /** Opens the office: the server's figures, or offline the figures of this office's parcels. */
  signIn(adminToken: string, period?: Period | null): Promise<OfficeView>;
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

const NEVER_ONLINE =
  'Không kết nối được máy chủ thu phiếu, và mã quản trị này chưa từng được dùng trên máy này khi có mạng, nên chưa mở được số liệu ngoại tuyến.';

/** The real services over IndexedDB and the collector server at this page's origin (loaded with the office screen). */
export function createOfficeServices(now: () => number = Date.now): OfficeServices {
  let token = '';
  const client = collectorClient({ credentials: () => ({ authorization: `Bearer ${token}` }) });
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
    if (reply.kind === 'refused') throw new ReplyError(reply);
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
  return {
    async signIn(adminToken, period = null) {
      const previous = token;
      token = adminToken;
      try {
        const answer = await serverFigures(period);
        if (Array.isArray(answer)) await rememberToken(await db(), adminToken);
        else if (!(await tokenKnown(await db(), adminToken))) throw new Error(NEVER_ONLINE);
        // The figures fetched to check the token are the first view: no second request.
        return viewOf(answer, period);
      } catch (error) {
        token = previous;
        throw error;
      }
    },
    view: async (period = null) => viewOf(await serverFigures(period), period),
    receiveBatch: async (sealed) => receiveBatch(await db(), crypto.subtle, sealed, now()),
    receiveFile: async (text, fileName) =>
      receiveFile(await db(), crypto.subtle, text, fileName, now()),
    deliver: async () => deliverPending(await db(), client, now()),
    downloadSummary: async (kind, period = null) =>
      successOf(
        await client.download(
          `/api/v1/communes.${kind}${period ? `?${new URLSearchParams(period)}` : ''}`,
        ),
      ),
    createDesk: async (desk) =>
      new URL(successOf(await client.call('createDesk', { json: desk })).path, window.location.href)
        .href,
    kiosks: async () => successOf(await client.call('kiosks')),
    async revokeKiosk(deviceId, reason) {
      successOf(await client.call('revokeKiosk', { params: { deviceId }, json: { reason } }));
    },
    async setDeskForms(deviceId, forms) {
      successOf(await client.call('deskForms', { params: { deviceId }, json: { forms } }));
    },
    setAside: async () => successOf(await client.call('setAside')),
    flagged: async (communeCode) =>
      successOf(await client.call('flagged', { query: { commune: communeCode } })),
    flagSettings: async () => successOf(await client.call('flagSettings')),
    saveFlagSettings: async (settings) =>
      successOf(await client.call('saveFlagSettings', { json: settings })),
    figures: async (period) =>
      successOf(await client.call('communes', period ? { query: period } : {})),
    months: async (communeCode, period) =>
      successOf(await client.call('months', { params: { communeCode }, query: period })),
    comments: async (communeCode, period, respondents) =>
      successOf(
        await client.call('comments', {
          query: {
            commune: communeCode,
            ...(period ?? {}),
            ...(respondents ? { respondents: '1' } : {}),
          },
        }),
      ),
    async reviewSheet(sheet, decision, reason) {
      successOf(
        await client.call('reviewSheet', {
          params: { ...sheet, seq: String(sheet.seq) },
          json: { decision, reason },
        }),
      );
    },
    retention: async () => successOf(await client.call('retention')).days,
    saveRetention: async (days) =>
      successOf(await client.call('saveRetention', { json: { days } })).days,
    scorecard: async (communeCode, year) =>
      successOf(await client.call('scorecard', { params: card(communeCode, year) })),
    saveSelfScore: async (communeCode, year, entries) =>
      successOf(
        await client.call('saveSelfScore', { params: card(communeCode, year), json: { entries } }),
      ),
    saveAppraisal: async (communeCode, year, entries) =>
      successOf(
        await client.call('saveAppraisal', { params: card(communeCode, year), json: { entries } }),
      ),
    setDisqualification: async (communeCode, year, id, reason) =>
      successOf(
        await client.call('setDisqualification', {
          params: card(communeCode, year),
          json: { id, reason },
        }),
      ),
    setScorecardPeriod: async (communeCode, year, period) =>
      successOf(
        await client.call('setScorecardPeriod', { params: card(communeCode, year), json: period }),
      ),
    lockScorecard: async (communeCode, year) =>
      successOf(await client.call('lockScorecard', { params: card(communeCode, year) })),
    unlockScorecard: async (communeCode, year, reason) =>
      successOf(
        await client.call('unlockScorecard', {
          params: card(communeCode, year),
          json: { reason },
        }),
      ),
    standings: async (year) =>
      successOf(await client.call('standings', { query: { year: String(year) } })),
    standingSettings: async () => successOf(await client.call('standingSettings')),
    saveStandingSettings: async (settings) =>
      successOf(await client.call('saveStandingSettings', { json: settings })),
    download: async (path) => successOf(await client.download(path)),
  };
}
