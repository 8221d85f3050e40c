import type { TableDocument } from '../core/tables/table.ts';

/** Where a format writes its bytes; a write may wait until the reader wants more. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/**
 * An export format (one folder in src/exports, listed in ./index.ts): it writes any
 * table document, pulling rows as it goes so a province-year never sits in memory.
 */
export interface ExportFormat {
  id: string;
  /** What the office's download button says. */
  label: string;
  extension: string;
  mimeType: string;
  write(document: TableDocument, sink: ByteSink): Promise<void>;
}

/** The whole document as one byte array (the kiosk's own, smaller exports). */
export async function exportBytes(
  format: ExportFormat,
  document: TableDocument,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  await format.write(document, { write: (chunk) => void chunks.push(chunk) });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
