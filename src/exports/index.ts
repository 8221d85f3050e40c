import { csvFormat } from './csv/index.ts';
import type { ExportFormat } from './format.ts';
import { xlsxFormat } from './xlsx/index.ts';

export type { ByteSink, ExportFormat } from './format.ts';
export { exportBytes } from './format.ts';

/** Every export format, by the extension a download asks for (README: "Export formats"). */
export const exportFormats: Record<string, ExportFormat> = {
  [csvFormat.extension]: csvFormat,
  [xlsxFormat.extension]: xlsxFormat,
};
