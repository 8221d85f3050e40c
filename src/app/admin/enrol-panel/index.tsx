import { useState } from 'preact/hooks';
import { said } from '../../../core/problems/said.ts';
import { Problem } from '../../../core/problems.ts';
import { ENROLMENT_WORDS as W } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { ModalDialog } from '../../components/modal-dialog/index.tsx';
import { QrScanner } from '../../components/qr-scanner/index.tsx';
import type { CollectorLink, Enrolled } from '../../services.ts';
import { OfflineEnrolment } from './offline.tsx';
import './style.css';

interface Props {
  collector: Pick<CollectorLink, 'enrol' | 'deviceId'>;
  /** A code from an opened enrolment link (`#/dang-ky/CODE`): asked about before it is used. */
  linkedCode?: string;
  onEnrolled: (enrolled: Enrolled) => void;
}

/** The address as typed, when it is one a kiosk can reach; a Problem otherwise. */
function collectorAddress(typed: string): string {
  try {
    const url = new URL(typed.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {}
  throw new Problem('enrolment.bad-address');
}

/** What a refusal says; a catalogue problem with its code, as the collector's refusals are. */
const sentenceOfError = (e: unknown) =>
  e instanceof Problem ? said(e) : e instanceof Error ? e.message : String(e);

const hostOf = (address: string) => {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
};

/**
 * "Đăng ký máy": the office's one-time code, scanned from its QR or typed, or offline the
 * device id shown to the office and the office's key QR scanned back. No office secret is
 * ever typed here.
 */
export function EnrolPanel({ collector, linkedCode, onEnrolled }: Props) {
  const [address, setAddress] = useState(window.location.origin);
  const [code, setCode] = useState(linkedCode ?? '');
  const [asking, setAsking] = useState(linkedCode !== undefined);
  const [mode, setMode] = useState<'code' | 'scan' | 'offline'>('code');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const enrol = async (text: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      onEnrolled(await collector.enrol(text, collectorAddress(address)));
    } catch (e) {
      setError(sentenceOfError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="enrol" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{W.title}</h2>
      <p>{W.intro}</p>
      <label>
        <span>{W.address}</span>
        <input
          type="text"
          inputMode="url"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      {mode === 'code' && (
        <>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void enrol(code);
            }}
          >
            <label>
              <span>{W.code}</span>
              <input
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellcheck={false}
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </label>
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {W.submit}
            </button>
          </form>
          <div class="enrol-ways">
            <button type="button" class="btn" onClick={() => setMode('scan')}>
              {W.scan}
            </button>
            <button type="button" class="btn" onClick={() => setMode('offline')}>
              {W.offline}
            </button>
          </div>
        </>
      )}
      {mode === 'scan' && (
        <>
          <p>{W.scanHint}</p>
          <QrScanner label={W.camera} onText={(text) => void enrol(text)} />
          <button type="button" class="btn" onClick={() => setMode('code')}>
            {W.closeCamera}
          </button>
        </>
      )}
      {mode === 'offline' && (
        <OfflineEnrolment
          deviceId={collector.deviceId}
          onScanned={(text) => void enrol(text)}
          onBack={() => setMode('code')}
        />
      )}
      {busy && <p role="status">{W.busy}</p>}
      <AlertText text={error} />
      {asking && (
        <ModalDialog
          class="dialog"
          labelledBy="enrol-confirm-title"
          describedBy="enrol-confirm-text"
          onEscape={() => setAsking(false)}
        >
          <h2 id="enrol-confirm-title">{W.confirmTitle}</h2>
          <p id="enrol-confirm-text">{W.confirm(W.place(hostOf(address)))}</p>
          <p>
            {W.confirmCode}: <strong class="enrol-code">{code}</strong>
          </p>
          <div class="dialog-actions">
            <button type="button" class="btn" autofocus onClick={() => setAsking(false)}>
              {W.no}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                setAsking(false);
                void enrol(code);
              }}
            >
              {W.yes}
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}
