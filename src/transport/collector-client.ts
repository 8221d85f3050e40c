import type { IngestResult } from '../core/api.ts';
import type { CommuneFigures } from '../core/commune-figures.ts';

export type { CommuneFigures, FormFigures } from '../core/commune-figures.ts';

/** A refusal from the collector, carrying its Vietnamese sentence and code. */
export class CollectorRefusal extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(message: string, code: string, details?: unknown) {
    super(`${message} (mã ${code})`);
    this.code = code;
    this.details = details;
  }
}

const OFFLINE =
  'Không kết nối được tới máy chủ thu phiếu. Dữ liệu chưa được gửi; vui lòng thử lại khi có mạng.';

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new Error(OFFLINE);
  }
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    errors?: unknown;
  };
  if (!response.ok)
    throw new CollectorRefusal(
      body.message ?? OFFLINE,
      body.code ?? String(response.status),
      body.errors,
    );
  return body as T;
}

export const fetchCommunes = (adminToken: string) =>
  call<CommuneFigures[]>('/api/v1/communes', {
    headers: { authorization: `Bearer ${adminToken}` },
  });

/** A batch the office read off a kiosk's screen, handed on (`via=office`: its seal time is not the kiosk's clock now). */
export const deliverBatch = (sealed: Uint8Array) =>
  call<IngestResult>('/api/v1/batches?via=office', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Uint8Array.from(sealed),
  });

export const importFile = (adminToken: string, text: string) =>
  call<IngestResult>('/api/v1/imports', {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: text,
  });

/** The per-commune table as a file the office opens in Excel. */
export async function downloadSummary(adminToken: string, kind: 'xlsx' | 'csv'): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/communes.${kind}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
  } catch {
    throw new Error(OFFLINE);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new CollectorRefusal(body.message ?? OFFLINE, body.code ?? String(response.status));
  }
  return response.blob();
}

/** Registers a printed desk QR for a commune without a kiosk (phone mode). */
export const createDesk = (
  adminToken: string,
  desk: { communeCode: string; communeName: string; label: string },
) =>
  call<{ deviceId: string; path: string }>('/api/v1/desks', {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(desk),
  });
