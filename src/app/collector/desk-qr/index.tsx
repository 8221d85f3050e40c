import { useState } from 'preact/hooks';
import { COMMUNE_CODE_PATTERN } from '../../../core/commune-code.ts';
import { linkToSvg } from '../../../transport/qr-frame-image.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import './style.css';
import { QrImage } from '../../components/qr-image/index.tsx';

/**
 * A QR to print and stand on the desk of a centre without a kiosk: each phone that scans
 * it gets its own single-use token from the collector (rate-limited per phone and commune).
 */
export function DeskQr({ office }: { office: OfficeServices }) {
  const [communeCode, setCommuneCode] = useState('');
  const [communeName, setCommuneName] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<{ link: string; svg: string; name: string } | undefined>(
    undefined,
  );
  const create = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      const link = await office.createDesk({ communeCode, communeName, label: 'Mã QR in sẵn' });
      setMade({ link, svg: await linkToSvg(link), name: communeName });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="desk-qr-title">
      <h2 id="desk-qr-title">Mã QR in sẵn cho quầy không có máy khảo sát</h2>
      <form onSubmit={create} class="admin-bar">
        <label>
          <span>Mã xã, phường</span>
          <input
            inputMode="numeric"
            pattern={COMMUNE_CODE_PATTERN}
            required
            value={communeCode}
            onInput={(e) => setCommuneCode(e.currentTarget.value.trim())}
          />
        </label>
        <label>
          <span>Tên xã, phường</span>
          <input
            required
            value={communeName}
            onInput={(e) => setCommuneName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="btn">
          Tạo mã QR in sẵn
        </button>
      </form>
      <AlertText text={error} />
      {made && (
        <figure class="desk-qr">
          <QrImage class="desk-qr-image" label={`Mã QR in sẵn của ${made.name}`} svg={made.svg} />
          <figcaption>
            <strong>{made.name}</strong>
            <br />
            Quét mã để đánh giá sự hài lòng trên điện thoại
          </figcaption>
          <button type="button" class="btn" onClick={() => window.print()}>
            In mã này
          </button>
        </figure>
      )}
    </section>
  );
}
