import type { TableDocument } from '../../core/tables/table.ts';
import type { ExportFormat } from '../../exports/index.ts';
import type { Log } from '../log.ts';

/**
 * A table document as a download, written while it is read: the format pulls rows only as
 * fast as the client takes the bytes, so a province-year never sits in memory. A failure after
 * the first byte can only cut the download short (the status is sent); it is logged.
 */
export function download(format: ExportFormat, document: TableDocument, log: Log): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(
    undefined,
    { highWaterMark: 4 },
    { highWaterMark: 4 },
  );
  const writer = writable.getWriter();
  format.write(document, { write: (chunk) => writer.write(chunk) }).then(
    () => writer.close(),
    (error: unknown) => {
      log('export.failed', { file: document.fileStem, error: String(error) });
      return writer.abort(error).catch(() => undefined);
    },
  );
  return new Response(readable, {
    headers: {
      'Content-Type': format.mimeType,
      'Content-Disposition': `attachment; filename="${document.fileStem}.${format.extension}"`,
      'Cache-Control': 'no-store',
    },
  });
}
