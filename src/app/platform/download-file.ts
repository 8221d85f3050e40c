import type { ExportedFile } from '../../transport/file-export.ts';

/** Hands a file to the browser as a download (a link clicked once), then lets its URL go. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.mimeType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
