import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  type CommuneFigures,
  downloadSummary,
  fetchCommunes,
} from '../../transport/collector-client.ts';
import '../admin/style.css';
import '../theme.css';
import { AlertText } from '../components/alert-text/index.tsx';
import { CommuneTable } from './commune-table/index.tsx';
import { FileImport } from './file-import/index.tsx';
import { FrameReader } from './frame-reader/index.tsx';
import { PrintSummary } from './print-summary/index.tsx';

/**
 * The collecting office's screen: per-commune figures from the collector server, frames
 * typed or pasted from a kiosk's QR export, and JSON file imports. The admin token is
 * kept in memory only.
 */
export function CollectorApp({ onExit }: { onExit: () => void }) {
  const [token, setToken] = useState('');
  const [entered, setEntered] = useState('');
  const [communes, setCommunes] = useState<CommuneFigures[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [printing, setPrinting] = useState(false);

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      setCommunes(await fetchCommunes(token));
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [token]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = async (kind: 'xlsx' | 'csv') => {
    try {
      const url = URL.createObjectURL(await downloadSummary(token, kind));
      Object.assign(document.createElement('a'), {
        href: url,
        download: `tong-hop-khao-sat.${kind}`,
      }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!token || (error && !communes)) {
    return (
      <main class="admin">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError('');
            setToken(entered.trim());
          }}
        >
          <h1>Cơ quan thu phiếu</h1>
          <label>
            <span>Mã quản trị của cơ quan thu phiếu</span>
            <input
              type="password"
              autoComplete="off"
              value={entered}
              onInput={(e) => setEntered(e.currentTarget.value)}
            />
          </label>
          <AlertText text={error} />
          <button type="submit" class="btn btn-primary">
            Vào
          </button>
        </form>
        <button type="button" class="btn" onClick={onExit}>
          Về màn hình khảo sát
        </button>
      </main>
    );
  }
  if (printing && communes) {
    return (
      <main>
        <PrintSummary communes={communes} onClose={() => setPrinting(false)} />
      </main>
    );
  }
  return (
    <main class="admin">
      <nav class="admin-bar" aria-label="Cơ quan thu phiếu">
        <button type="button" class="btn" onClick={() => void refresh()}>
          Tải lại số liệu
        </button>
        <button type="button" class="btn" onClick={() => void save('xlsx')}>
          Tải bảng Excel
        </button>
        <button type="button" class="btn" onClick={() => void save('csv')}>
          Tải bảng CSV
        </button>
        <button type="button" class="btn" onClick={() => setPrinting(true)} disabled={!communes}>
          Bản in A4
        </button>
        <button type="button" class="btn admin-exit" onClick={onExit}>
          Về màn hình khảo sát
        </button>
      </nav>
      <h1>Tổng hợp kết quả khảo sát</h1>
      <AlertText text={error} />
      {communes && <CommuneTable communes={communes} />}
      <FrameReader onDelivered={() => void refresh()} />
      <FileImport adminToken={token} onImported={() => void refresh()} />
    </main>
  );
}
