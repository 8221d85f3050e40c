import { useState } from 'preact/hooks';
import { formatCount } from '../../../core/format.ts';
import { FileRefusal } from '../../../transport/office-inbox.ts';
import type { OfficeServices } from '../../office-services.ts';
import { parcelNews } from '../frame-reader/parcel-news.ts';

/**
 * Opens a kiosk's signed JSON file: checked as a whole here (nothing kept from a bad file,
 * with the list of what is wrong), kept on this machine, then sent on to the server.
 */
export function FileImport({
  office,
  onChanged,
}: {
  office: OfficeServices;
  onChanged: () => void;
}) {
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: string[] } | undefined>(
    undefined,
  );
  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const kept = await office.receiveFile(await file.text(), file.name);
      const news = parcelNews(await office.deliver(), kept.id, kept.earlier);
      setResult({
        ok: !news.refused,
        text: `Tệp ${file.name} (${formatCount(kept.sheetCount)} phiếu): ${news.text}`,
        errors: [],
      });
      onChanged();
    } catch (error) {
      setResult({
        ok: false,
        text: error instanceof Error ? error.message : String(error),
        errors:
          error instanceof FileRefusal ? error.errors.map((d) => `${d.path}: ${d.message}`) : [],
      });
    } finally {
      input.value = '';
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
