import type {
  Enrolled,
  KioskServices,
  PinCheck,
  SelfScoreDraft,
  SelfScoreOutcome,
  SelfScoreService,
} from '../../src/app/services.ts';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { decodeOfflineEnrolment, enrolmentCodeIn } from '../../src/core/enrolment.ts';
import { Problem, problemCatalogue } from '../../src/core/problems.ts';
import { haiDuong2024Scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import type { KioskSettings } from '../../src/core/settings.ts';
import type { Sheet, SheetDraft } from '../../src/core/sheet.ts';
import type { SyncStatus } from '../../src/storage/sync-status.ts';
import type { ExportKind } from '../../src/transport/file-export.ts';
import type { ExportScope } from '../../src/transport/qr-export.ts';
import { defaultFrameQrOptions, type FrameQrOptions } from '../../src/transport/qr-frame-image.ts';

/** The fake kiosk's device id. */
export const FAKE_DEVICE_ID = '0123456789abcdef';

/** The receipt the fake QR export expects from the office. */
export const FAKE_RECEIPT = 'KS1OK/0A0B0C0D01020304';

/** An in-memory KioskServices: what the screens see, without IndexedDB. */
export class FakeServices implements KioskServices {
  sheets: Sheet[] = [];
  drafts: SheetDraft[] = [];
  settings: KioskSettings;
  problem: string | undefined;
  pinValue: string | undefined;
  failures = 0;
  /** Replace to control when (or whether) a submit commits. */
  commit: (draft: SheetDraft) => Promise<void> = async () => {};

  constructor(settings: Partial<KioskSettings> = {}) {
    this.settings = { ...defaultSettings(Date.UTC(2026, 10, 23, 3)), ...settings };
  }

  loadSettings = async () => ({
    settings: this.settings,
    ...(this.problem && { problem: this.problem }),
  });
  saveSettings = async (settings: KioskSettings) => {
    this.settings = settings;
  };
  submitSheet = async (draft: SheetDraft) => {
    this.drafts.push(draft);
    await this.commit(draft);
    const { nonResident, ...rest } = draft;
    const sheet: Sheet = {
      ...rest,
      deviceId: '0123456789abcdef',
      seq: this.sheets.length + 1,
      flags: nonResident ? ['non-resident'] : [],
    };
    this.sheets.push(sheet);
    return sheet;
  };
  listSheets = async () => [...this.sheets];
  purgePersonalData = async () => 0;
  pin = {
    isSet: async () => this.pinValue !== undefined,
    set: async (pin: string) => {
      this.pinValue = pin;
    },
    verify: async (pin: string): Promise<PinCheck> => {
      if (pin === this.pinValue) return { ok: true };
      this.failures++;
      return { ok: false, reason: 'wrong', triesLeft: 5 - this.failures };
    },
  };
  storageStatus = async () => ({
    persisted: true,
    usageBytes: 2_500_000,
    quotaBytes: 4_000_000_000,
  });
  registeredWith: string | undefined;
  /** The office's one-time codes still good, with what each enrols the kiosk as. */
  enrolmentCodes = new Map<string, { communeCode: string; communeName: string; label: string }>();
  /** Every text given to enrol, as scanned or typed. */
  enrolTexts: string[] = [];
  syncs = 0;
  syncStatus: SyncStatus = { failures: 0 };
  collector = {
    status: async () => ({
      collectorUrl: this.registeredWith,
      deviceId: this.registeredWith ? FAKE_DEVICE_ID : undefined,
      unsent: this.sheets.length,
      phoneUnsent: this.phoneUnsent,
      sync: this.syncStatus,
    }),
    enrol: async (text: string, url: string): Promise<Enrolled> => {
      this.enrolTexts.push(text);
      const offline = decodeOfflineEnrolment(text.trim());
      if (offline) {
        if (offline.deviceId !== FAKE_DEVICE_ID) throw new Problem('enrolment.other-device');
        this.registeredWith = url;
        const { key: _key, ...shown } = offline;
        return { ...shown, online: false };
      }
      const code = enrolmentCodeIn(text);
      if (!code) throw new Problem('enrolment.unreadable');
      const office = this.enrolmentCodes.get(code);
      if (!office) {
        const { code: problemCode, message } = problemCatalogue['enrolment.invalid'];
        throw new Error(`${message} (mã ${problemCode})`);
      }
      this.enrolmentCodes.delete(code);
      this.registeredWith = url;
      return { deviceId: FAKE_DEVICE_ID, ...office, online: true };
    },
    deviceId: async () => FAKE_DEVICE_ID,
    startBackgroundSync: () => {},
    syncNow: async () => {
      this.syncs++;
    },
    buildQrExport: async (_scope: ExportScope, qr?: FrameQrOptions) => {
      this.qrOptions = qr;
      if (!this.registeredWith) throw new Error('Máy chưa đăng ký với cơ quan thu phiếu.');
      const frames = ['KS1/0A0B0C0D/1/3/AAA', 'KS1/0A0B0C0D/2/3/BBB', 'KS1/0A0B0C0D/3/3/CCC'];
      const sheets = this.sheets.map(({ deviceId, seq }) => ({ deviceId, seq }));
      return {
        frames,
        qr: defaultFrameQrOptions,
        sheetCount: this.sheets.length,
        sheets,
        batches: [{ receipt: FAKE_RECEIPT, sheets }],
      };
    },
    exportFile: async (kind: ExportKind, includePersonalData: boolean) => {
      this.exports.push(`${kind}:${includePersonalData}`);
      return { fileName: `khao-sat.${kind}`, mimeType: 'text/plain', body: 'x' };
    },
    phoneLink: async () =>
      this.registeredWith ? `${this.registeredWith}/#/phone/FAKE-TOKEN` : undefined,
    phoneLinkUsed: async () => false,
    receiveAnswerQr: async () => ({ isNew: true }),
    confirmExported: async (sheets: { deviceId: string; seq: number }[]) => {
      this.confirmed.push(...sheets.map((s) => s.seq));
    },
  };
  /** Self-score drafts by year, as the device would keep them. */
  selfScoreDrafts = new Map<number, SelfScoreDraft>();
  /** What the next sending answers; replace to show a refusal or no network. */
  selfScoreOutcome: (draft: SelfScoreDraft) => Promise<SelfScoreOutcome> = async () => ({
    kind: 'received',
    submittedAt: Date.UTC(2026, 11, 10, 2),
  });
  /** Drafts handed to send or file, in order. */
  selfScoreSigned: { via: 'send' | 'file'; draft: SelfScoreDraft }[] = [];
  selfScore: SelfScoreService = {
    scorecard: async () => haiDuong2024Scorecard,
    loadDraft: async (year: number) =>
      structuredClone(this.selfScoreDrafts.get(year)) ?? {
        year,
        profileId: 'hai-duong-2024',
        profileVersion: 1,
        scores: {},
        notes: {},
        updatedAt: 0,
      },
    saveDraft: async (draft: SelfScoreDraft) => {
      const { sent } = this.selfScoreDrafts.get(draft.year) ?? {};
      this.selfScoreDrafts.set(draft.year, structuredClone({ ...draft, ...(sent && { sent }) }));
    },
    send: async (draft: SelfScoreDraft) => {
      await this.selfScore.saveDraft(draft);
      this.selfScoreSigned.push({ via: 'send', draft: structuredClone(draft) });
      const outcome = await this.selfScoreOutcome(draft);
      const stored = this.selfScoreDrafts.get(draft.year) ?? draft;
      if (outcome.kind === 'received' || outcome.kind === 'duplicate')
        stored.sent = {
          submittedAt: outcome.submittedAt,
          at: outcome.submittedAt,
          status: outcome.kind,
        };
      return { outcome, draft: structuredClone(stored) };
    },
    file: async (draft: SelfScoreDraft) => {
      await this.selfScore.saveDraft(draft);
      this.selfScoreSigned.push({ via: 'file', draft: structuredClone(draft) });
      return {
        fileName: `tu-cham-diem-10507-${draft.year}.json`,
        mimeType: 'application/json',
        body: '{}',
      };
    },
  };
  confirmed: number[] = [];
  phoneUnsent = 0;
  qrOptions: FrameQrOptions | undefined;
  exports: string[] = [];
}
