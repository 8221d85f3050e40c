import type { Comment, FlaggedSheet, KioskRow, Retention, SetAsideRow } from '../../core/api.ts';
import type { CommuneScorecard, ScorecardEvent } from '../../core/appraisal.ts';
import type { CommuneHeader } from '../../core/commune-figures.ts';
import type { OfficeFlagSettings } from '../../core/office-flags.ts';
import type { FormId } from '../../core/profile/schema.ts';
import type { StandingSettings } from '../../core/scoring/commune-standing.ts';
import type { Tally } from '../../core/scoring/tally.ts';
import type { FlagThresholds, Period } from '../../core/settings.ts';
import type { Channel, Sheet } from '../../core/sheet.ts';
import type { SheetRecord } from '../../core/tables/sheets.ts';
import type { AccountStore } from './accounts.ts';
import type { AuditLog } from './audit-log.ts';
import type { EnrolmentStore } from './enrolments.ts';
import type { Review, SheetKey } from './sheet-reviews.ts';

export type { Change as ScorecardChange } from './scorecards.ts';

import type { Change as ScorecardChange } from './scorecards.ts';

export type { KioskRecord, NewKiosk } from './kiosk-record.ts';

import type { KioskRecord, NewKiosk } from './kiosk-record.ts';

/** A commune as the collector lists it (the figures' header). */
export type CommuneRecord = CommuneHeader;

/** A commune's counts and its tallies over a period, merged by key: what its figures come from. */
export interface CommuneTallies {
  commune: CommuneRecord;
  tallies: Tally[];
}

/** Sheets that passed the gate, from one kiosk (or one phone), with what came with them. */
export interface Delivery {
  communeCode: string;
  channel: Channel;
  /** The kiosk whose sheets these are, or the kiosk or desk whose token a phone sheet came with. */
  issuerId: string;
  sheets: readonly Sheet[];
  /** Whether the sheets' times are known to the second (HTTP, files) or to the minute (QR). */
  precise: boolean;
  receivedAt: number;
  /** The kiosk's chain link after the last sheet, as it sent it. */
  chainHead?: string;
  /** The kiosk's flag thresholds when it sent them. */
  thresholds?: FlagThresholds;
  /** Kiosk clock minus the collector's, measured on an HTTP delivery. */
  clockSkewMs?: number;
}

/** Which stored sheets an export reads: one commune's or all, of a period or every day. */
export interface SheetFilter {
  communeCode?: string;
  period?: Period;
}

/** The outcome of storing a delivery: all of it, or none of it. */
export type IngestOutcome =
  | { ok: true; received: number[]; duplicates: number[] }
  | { ok: false; conflicts: number[] };

/**
 * The collector's storage, one implementation (collector-store.ts) over SQLite (default) or
 * PostgreSQL. A sheet's identity (channel, device, seq) is the primary key and inserts skip
 * existing keys, so two deliveries of one sheet can never race into two rows.
 */
export interface CollectorStore {
  readonly engine: string;
  /** The office's accounts, sessions and sign-in failures. */
  readonly accounts: AccountStore;
  /** The append-only, chained audit log of office actions. */
  readonly audit: AuditLog;
  /** One-time enrolment codes for kiosks. */
  readonly enrolments: EnrolmentStore;
  registerKiosk(kiosk: NewKiosk): Promise<boolean>;
  findKiosk(deviceId: string): Promise<KioskRecord | undefined>;
  /** Revokes a kiosk or desk; its earlier sheets stay. Undefined when there is no such device. */
  revokeKiosk(deviceId: string, at: number, reason: string): Promise<KioskRecord | undefined>;
  /** Sets the forms a desk's tokens may be for; false when there is no such desk. */
  setDeskForms(deviceId: string, forms: FormId[]): Promise<boolean>;
  /** Whether the phone sheet of a token (by its nonce) is stored. */
  hasPhoneSheet(nonce: string): Promise<boolean>;
  /** Records the first claim of a phone token; returns the claim hash that holds it now. */
  claimPhoneToken(nonce: string, claimHash: string, at: number): Promise<string>;
  /** The claim hash holding a phone token, if any phone claimed it. */
  phoneTokenClaim(nonce: string): Promise<string | undefined>;
  /** Forgets claims made before `before` (their tokens can no longer take a sheet). */
  pruneClaims(before: number): Promise<number>;
  /** Stores a delivery in one transaction, or nothing when any sheet conflicts. */
  ingest(delivery: Delivery): Promise<IngestOutcome>;
  /** Every commune with its counts and tallies over a period (every day when none). */
  communeTallies(period?: Period): Promise<CommuneTallies[]>;
  communes(period?: Period): Promise<CommuneRecord[]>;
  sheetsOfCommune(communeCode: string): Promise<Sheet[]>;
  /** Stored sheets by commune, then device and number, read a page at a time (the sheets export). */
  storedSheets(filter: SheetFilter): AsyncIterable<SheetRecord>;
  /** Every kiosk and desk with what it did (GET /api/v1/kiosks). */
  kioskRegistry(): Promise<KioskRow[]>;
  /** A commune's sheets the office flagged, newest first, with the reasons (at most 1 000). */
  flaggedSheets(communeCode: string): Promise<FlaggedSheet[]>;
  /** A commune's tallies month by month over a period: its trend. */
  monthlyTallies(
    communeCode: string,
    period: Period,
  ): Promise<{ month: Period; tallies: Tally[] }[]>;
  /** What respondents wrote in a period (newest first, at most 2 000); names only when asked. */
  comments(
    communeCode: string,
    period: Period | undefined,
    respondents: boolean,
  ): Promise<Comment[]>;
  /** The office's decision on a stored sheet; false for a sheet it does not hold. */
  reviewSheet(key: SheetKey, review: Review): Promise<boolean>;
  /** Erases personal data of sheets submitted before `before`; how many changed. */
  purgePersonalData(before: number, at: number): Promise<number>;
  retention(): Promise<Retention>;
  saveRetention(retention: Retention, at: number): Promise<void>;
  /** Stored rows that do not pass the gate, counted apart. */
  setAside(): Promise<SetAsideRow[]>;
  /** A commune's Section B of a year, if anything was recorded for it. */
  scorecard(communeCode: string, year: number): Promise<CommuneScorecard | undefined>;
  scorecards(year: number): Promise<CommuneScorecard[]>;
  /** Applies one change (with the events it records) to a commune's Section B of a year. */
  changeScorecard(
    communeCode: string,
    year: number,
    fresh: () => CommuneScorecard,
    change: ScorecardChange,
    by: string,
    at: number,
  ): Promise<CommuneScorecard>;
  scorecardEvents(communeCode: string, year: number): Promise<ScorecardEvent[]>;
  standingSettings(): Promise<StandingSettings>;
  saveStandingSettings(settings: StandingSettings, at: number): Promise<void>;
  officeFlagSettings(): Promise<OfficeFlagSettings>;
  /** Saves the office's thresholds and recomputes every office flag with them. */
  saveOfficeFlagSettings(settings: OfficeFlagSettings, at: number): Promise<void>;
  close(): Promise<void>;
}
