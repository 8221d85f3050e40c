import type { CommuneFigures } from '../core/commune-figures.ts';
import {
  type OfficeDb,
  openOfficeDb,
  type Parcel,
  parcelsIn,
  rememberToken,
  saveCommuneNames,
  tokenKnown,
} from '../storage/office.ts';
import {
  CollectorRefusal,
  createDesk,
  downloadSummary,
  fetchCommunes,
} from '../transport/collector-client.ts';
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
 */
export interface OfficeServices {
  /** Opens the office: the server's figures, or offline the figures of this office's parcels. */
  signIn(adminToken: string): Promise<OfficeView>;
  view(): Promise<OfficeView>;
  receiveBatch(sealed: Uint8Array): Promise<BatchReceived>;
  receiveFile(
    text: string,
    fileName: string,
  ): Promise<{ id: string; sheetCount: number; earlier?: Parcel }>;
  deliver(): Promise<DeliveryReport>;
  downloadSummary(kind: 'xlsx' | 'csv'): Promise<Blob>;
  /** A printed desk QR for a commune: the link phones open. Needs the server. */
  createDesk(desk: { communeCode: string; communeName: string; label: string }): Promise<string>;
}

export interface OfficeView {
  /** 'server': every sheet the collector holds; 'local': only what was read at this office. */
  source: 'server' | 'local';
  communes: CommuneFigures[];
  /** Parcels kept here and not yet accepted or refused by the server. */
  pending: number;
}

const NEVER_ONLINE =
  'Không kết nối được máy chủ thu phiếu, và mã quản trị này chưa từng được dùng trên máy này khi có mạng, nên chưa mở được số liệu ngoại tuyến.';

/** The real services over IndexedDB and the collector server at this page's origin (loaded with the office screen). */
export function createOfficeServices(now: () => number = Date.now): OfficeServices {
  let token = '';
  let database: Promise<OfficeDb> | undefined;
  const db = () => {
    database ??= openOfficeDb();
    return database;
  };
  const pendingCount = async () => (await parcelsIn(await db(), 'pending')).length;
  /** Server figures, or undefined when the server cannot be reached; a refusal throws. */
  const serverFigures = async (adminToken: string) => {
    try {
      const communes = await fetchCommunes(adminToken);
      await saveCommuneNames(
        await db(),
        Object.fromEntries(communes.map((c) => [c.communeCode, c.communeName])),
      );
      return communes;
    } catch (error) {
      if (error instanceof CollectorRefusal) throw error;
      return undefined;
    }
  };
  /** The server's figures when it answered, else this office's own. */
  const viewOf = async (communes: CommuneFigures[] | undefined): Promise<OfficeView> => {
    const pending = await pendingCount();
    return communes
      ? { source: 'server', communes, pending }
      : { source: 'local', communes: await localFigures(await db(), now()), pending };
  };
  const view = async () => viewOf(await serverFigures(token));
  return {
    async signIn(adminToken) {
      const online = await serverFigures(adminToken);
      if (online) await rememberToken(await db(), adminToken);
      else if (!(await tokenKnown(await db(), adminToken))) throw new Error(NEVER_ONLINE);
      token = adminToken;
      // The figures fetched to check the token are the first view: no second request.
      return viewOf(online);
    },
    view,
    receiveBatch: async (sealed) => receiveBatch(await db(), crypto.subtle, sealed, now()),
    receiveFile: async (text, fileName) =>
      receiveFile(await db(), crypto.subtle, text, fileName, now()),
    deliver: async () => deliverPending(await db(), token, now()),
    downloadSummary: (kind) => downloadSummary(token, kind),
    createDesk: async (desk) =>
      new URL((await createDesk(token, desk)).path, window.location.href).href,
  };
}
