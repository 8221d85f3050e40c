import { useState } from 'preact/hooks';
import { formatCount } from '../../../core/format.ts';
import { CollectorRefusal, importFile } from '../../../transport/collector-client.ts';

/** Imports a kiosk's signed JSON file, all or nothing, listing what is wrong when refused. */
export function FileImport({
  adminToken,
  onImported,
}: {
  adminToken: string;
  onImported: () => void;
}) {
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: string[] } | undefined>(
    undefined,
  );
  const open = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const answer = await importFile(adminToken, await file.text());
      setResult({
        ok: true,
        text: `Đã nhập ${formatCount(answer.received.length)} phiếu mới từ ${file.name} (${formatCount(answer.duplicates.length)} phiếu đã có).`,
        errors: [],
      });
      onImported();
    } catch (error) {
      const details =
        error instanceof CollectorRefusal && Array.isArray(error.details) ? error.details : [];
      setResult({
        ok: false,
        text: error instanceof Error ? error.message : String(error),
        errors: details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`),
      });
    }
  };
  return (
    <section aria-labelledby="file-import-title">
      <h2 id="file-import-title">Nhập tệp JSON từ máy khảo sát</h2>
      <label>
        <span>Chọn tệp</span>
        <input type="file" accept="application/json,.json" onChange={open} />
      </label>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} class={result.ok ? 'admin-ok' : 'admin-error'}>
          <p>{result.text}</p>
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
