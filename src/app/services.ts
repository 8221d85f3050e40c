import type { Scorecard } from '../core/profile/scorecard-schema.ts';
import type { KioskSettings, Period } from '../core/settings.ts';
import type { Sheet, SheetDraft } from '../core/sheet.ts';
import type { SelfScoreDraft } from '../storage/db.ts';
import type { StorageStatus } from '../storage/persistence.ts';
import type { PinCheck } from '../storage/pin.ts';
import type { SyncStatus } from '../storage/sync-status.ts';
import type { Enrolled } from '../transport/enrolment.ts';
import type { ExportedFile, ExportKind } from '../transport/file-export.ts';
import type { ExportScope, QrExport } from '../transport/qr-export.ts';
import type { FrameQrOptions } from '../transport/qr-frame-image.ts';
import type { SelfScoreOutcome } from '../transport/self-score.ts';

export type { Enrolled, PinCheck, SelfScoreDraft, SelfScoreOutcome, StorageStatus };

/**
 * Everything the screens need from the device, behind one interface, so screens
 * never touch IndexedDB or WebCrypto directly and tests can hand them a fake.
 * The real implementation is src/app/idb-services.ts over src/storage.
 */
export interface KioskServices {
  /** Settings as stored, or defaults with a Vietnamese problem sentence when the record is unreadable. */
  loadSettings(): Promise<SettingsLoad>;
  saveSettings(settings: KioskSettings): Promise<void>;
  /**
   * Gives the draft its identity and flags and resolves only after the transaction has committed;
   * undefined when a newer build in another tab migrated the database past this build: the
   * sheet is then kept in the tab for that build, which saves it after the reload (handoff.ts).
   */
  submitSheet(draft: SheetDraft): Promise<Sheet | undefined>;
  /** Every stored sheet, oldest first. */
  listSheets(): Promise<Sheet[]>;
  /** Erases name, address, reasons and suggestion of sheets created in the period; answers stay. */
  purgePersonalData(period: Period): Promise<number>;
  pin: PinService;
  storageStatus(): Promise<StorageStatus>;
  collector: CollectorLink;
  selfScore: SelfScoreService;
}

/**
 * The commune's self-score of Section B (Quản trị → Tự chấm điểm): the kiosk profile's Bảng thang
 * chấm điểm, one draft a year kept on the device, and the signed file sent or saved.
 */
export interface SelfScoreService {
  /** The scorecard of the kiosk's profile (loaded on first use), or undefined when this build has none. */
  scorecard(): Promise<Scorecard | undefined>;
  /** The year's draft for the kiosk's profile as last saved, or an empty one. */
  loadDraft(year: number): Promise<SelfScoreDraft>;
  saveDraft(draft: SelfScoreDraft): Promise<void>;
  /**
   * Saves the draft, signs it and posts it to the collector; resolves with what the collector did
   * (or that there was no network), rejects with a catalogue Problem before anything is sent.
   */
  send(draft: SelfScoreDraft): Promise<{ outcome: SelfScoreOutcome; draft: SelfScoreDraft }>;
  /** Saves the draft and signs it as a JSON file for the office to import. */
  file(draft: SelfScoreDraft): Promise<ExportedFile>;
}

/** The kiosk's link to the collecting office: enrolment and HTTP sync. */
export interface CollectorLink {
  status(): Promise<CollectorStatus>;
  /**
   * Enrols this kiosk with what was scanned or typed: the office's one-time code or its link
   * (redeemed at `collectorUrl`, or at the link's own address), or the office's offline
   * enrolment QR (`KS1K…`). Rejects with the catalogue's Vietnamese sentence.
   */
  enrol(text: string, collectorUrl: string): Promise<Enrolled>;
  /** This device's id (made on first use), which the office types or scans to enrol it offline. */
  deviceId(): Promise<string>;
  /** Starts sending on start, when online, on a timer and after back-off. */
  startBackgroundSync(): void;
  syncNow(): Promise<void>;
  /** QR frames of the unsent sheets or of a period, sealed with the kiosk's key. */
  buildQrExport(scope: ExportScope, qr?: FrameQrOptions): Promise<QrExport>;
  /** The office confirmed it has these sheets: mark them sent (they are kept). */
  confirmExported(sheets: QrExport['sheets']): Promise<void>;
  /** A link with a fresh single-use phone token, or undefined when phone mode cannot be offered. */
  phoneLink(): Promise<string | undefined>;
  /** Whether the collector has a sheet for that link's token already (false when unreachable). */
  phoneLinkUsed(link: string): Promise<boolean>;
  /** Checks and keeps a phone's answer QR, then sends it on; rejects with a Vietnamese sentence. */
  receiveAnswerQr(text: string): Promise<{ isNew: boolean }>;
  /** Every sheet as a file: signed JSON (re-importable at the collector), CSV or an Excel workbook. */
  exportFile(kind: ExportKind, includePersonalData: boolean): Promise<ExportedFile>;
}

export interface CollectorStatus {
  collectorUrl?: string;
  deviceId?: string;
  unsent: number;
  /** Citizens' phone sheets scanned here and not yet taken by the collector. */
  phoneUnsent: number;
  sync: SyncStatus;
}

export interface SettingsLoad {
  settings: KioskSettings;
  /** Present when the stored record could not be used; the stored record is left untouched. */
  problem?: string;
}

export interface PinService {
  isSet(): Promise<boolean>;
  /** Stores a salted PBKDF2 hash of the PIN (4–8 digits). */
  set(pin: string): Promise<void>;
  verify(pin: string): Promise<PinCheck>;
}
