import { useEffect, useState } from 'preact/hooks';
import type { KioskRow, SetAsideRow } from '../../../core/api.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { REGISTRY_WORDS as W } from '../../../core/registry-words.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import './style.css';

/**
 * What each kiosk and printed desk QR did, commune by commune: the office's evidence that
 * nothing was hidden (missing numbers, chain, thresholds, last contact), and its controls
 * (revoke a kiosk, allow the cadre form at a desk).
 */
export function KioskRegistry({
  office,
  mayEnrol = true,
}: {
  office: OfficeServices;
  /** Whether the signed-in account may revoke kiosks and change desk QRs ('enrol'). */
  mayEnrol?: boolean;
}) {
  const [rows, setRows] = useState<KioskRow[] | undefined>(undefined);
  const [setAside, setSetAside] = useState<SetAsideRow[]>([]);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setRows(await office.kiosks());
      setSetAside(await office.setAside());
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void load();
  }, [office]);

  if (!rows) return error ? <AlertText text={error} /> : <p>{W.loading}</p>;
  const communes = [...new Set(rows.map((r) => r.communeCode))];
  return (
    <section aria-labelledby="kiosk-registry-title">
      <h2 id="kiosk-registry-title">{W.title}</h2>
      <AlertText text={error} />
      {rows.length === 0 && <p>{W.empty}</p>}
      {communes.map((code) => {
        const mine = rows.filter((r) => r.communeCode === code);
        return (
          <section key={code} aria-labelledby={`commune-${code}`} class="kiosk-commune">
            <h3 id={`commune-${code}`}>
              {mine[0]?.communeName} ({code})
            </h3>
            {mine.map((row) => (
              <KioskCard
                key={row.deviceId}
                row={row}
                office={office}
                onChanged={load}
                mayEnrol={mayEnrol}
              />
            ))}
          </section>
        );
      })}
      {setAside.length > 0 && <SetAsideList rows={setAside} />}
    </section>
  );
}

function KioskCard({
  row,
  office,
  onChanged,
  mayEnrol,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
  mayEnrol: boolean;
}) {
  const name = row.label || W.unnamed[row.kind];
  return (
    <article
      class={`kiosk-card${row.state === 'revoked' ? ' kiosk-revoked' : ''}`}
      aria-label={name}
    >
      <h4>
        {name} <span class="kiosk-kind">({W.kind[row.kind]})</span>
      </h4>
      <dl class="figure-list">
        <dt>{W.term.state}</dt>
        <dd>{W.state(row)}</dd>
        <dt>{W.term.deviceId}</dt>
        <dd>{row.deviceId}</dd>
        <dt>{W.term.fingerprint}</dt>
        <dd>{row.keyFingerprint}</dd>
        <dt>{W.term.registeredAt}</dt>
        <dd>{formatDateTime(row.registeredAt)}</dd>
        {row.kind === 'kiosk' && (
          <>
            <dt>{W.term.sheets}</dt>
            <dd>{formatCount(row.sheets)}</dd>
            <dt>{W.term.firstLast}</dt>
            <dd>{W.firstLast(row)}</dd>
          </>
        )}
        <dt>{W.term.phoneSheets}</dt>
        <dd>{formatCount(row.phoneSheets)}</dd>
        <dt>{W.term.lastContact}</dt>
        <dd>{W.lastContact(row)}</dd>
        {row.kind === 'kiosk' && (
          <>
            <dt>{W.term.clock}</dt>
            <dd>{W.clockSkew(row)}</dd>
            <dt>{W.term.missing}</dt>
            <dd class={row.missingCount > 0 ? 'kiosk-warning' : undefined}>
              {row.missing.length === 0 ? (
                W.noGaps
              ) : (
                <ul class="kiosk-gaps">
                  {row.missing.map((gap) => (
                    <li key={gap.from}>
                      <strong>{W.gapRange(gap)}</strong> ({W.gapContext(gap)})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{W.term.chain}</dt>
            <dd class={row.chain.breaks.length > 0 ? 'kiosk-warning' : undefined}>
              {W.chainState(row)}
            </dd>
            <dt>{W.term.thresholds}</dt>
            <dd>{W.thresholds(row)}</dd>
          </>
        )}
        <dt>{W.term.flagged}</dt>
        <dd>{W.flagged(row)}</dd>
      </dl>
      {mayEnrol && row.kind === 'desk' && row.state === 'active' && (
        <DeskForms row={row} office={office} onChanged={onChanged} />
      )}
      {mayEnrol && row.state === 'active' && (
        <Revoke row={row} office={office} onChanged={onChanged} />
      )}
    </article>
  );
}

function DeskForms({
  row,
  office,
  onChanged,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
}) {
  const [error, setError] = useState('');
  const allowed = row.forms.includes('cadre');
  const toggle = async () => {
    try {
      await office.setDeskForms(row.deviceId, allowed ? ['citizen'] : ['citizen', 'cadre']);
      await onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <label class="inline">
        <input type="checkbox" checked={allowed} onChange={() => void toggle()} />
        {W.allowCadre}
      </label>
      <AlertText text={error} />
    </>
  );
}

function Revoke({
  row,
  office,
  onChanged,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  if (!open)
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        {W.revoke}
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await office.revokeKiosk(row.deviceId, reason.trim());
      await onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form onSubmit={submit} class="kiosk-revoke">
      <p>{W.revokeEffect}</p>
      <label>
        <span>{W.revokeReason}</span>
        <input
          type="text"
          required
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <AlertText text={error} />
      <div class="admin-bar">
        <button type="submit" class="btn btn-primary">
          {W.confirmRevoke}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {W.keep}
        </button>
      </div>
    </form>
  );
}

function SetAsideList({ rows }: { rows: SetAsideRow[] }) {
  return (
    <table>
      <caption>{W.setAside.caption}</caption>
      <thead>
        <tr>
          {W.setAside.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.channel}:${r.deviceId}:${r.seq}`}>
            <td>{r.communeCode}</td>
            <td>{W.setAside.channel(r.channel)}</td>
            <td>{r.deviceId}</td>
            <td class="num">{formatCount(r.seq)}</td>
            <td>{formatDateTime(r.receivedAt)}</td>
            <td>
              {r.code} {r.reason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
