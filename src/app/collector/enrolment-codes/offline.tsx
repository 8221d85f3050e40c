import { useState } from 'preact/hooks';
import { COMMUNE_CODE } from '../../../core/commune-code.ts';
import { encodeOfflineEnrolment } from '../../../core/enrolment.ts';
import { Problem } from '../../../core/problems.ts';
import { frameToSvg } from '../../../transport/qr-frame-image.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrImage } from '../../components/qr-image/index.tsx';
import type { OfficeServices } from '../../office-services.ts';

/** Where a kiosk being enrolled stands: its commune and its counter. */
export interface EnrolmentTarget {
  communeCode: string;
  communeName: string;
  label: string;
}

/**
 * A tablet that cannot reach the collector: it shows its device id, the office registers it
 * here and shows its key as a QR (KS1K…), which the tablet scans. The QR is the key: it is
 * shown once, to be scanned at the desk, and not kept.
 */
export function OfflineEnrolment({
  office,
  target,
  onDone,
}: {
  office: OfficeServices;
  target: EnrolmentTarget;
  onDone: () => Promise<void>;
}) {
  const [deviceId, setDeviceId] = useState('');
  const [error, setError] = useState('');
  const [shown, setShown] = useState<{ svg: string; deviceId: string } | undefined>(undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const id = deviceId.trim().toLowerCase().replace(/\s/g, '');
    if (!/^[0-9a-f]{16}$/.test(id)) {
      setError(new Problem('enrolment.device-id').message);
      return;
    }
    try {
      const registration = {
        deviceId: id,
        communeCode: target.communeCode,
        communeName: target.communeName.trim(),
        label: target.label.trim(),
      };
      const key = await office.registerKiosk(registration);
      setShown({
        svg: await frameToSvg(encodeOfflineEnrolment({ ...registration, key })),
        deviceId: id,
      });
      setDeviceId('');
      await onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="offline-enrolment-title">
      <h3 id="offline-enrolment-title">Máy khảo sát không có mạng</h3>
      <p>
        Nhập xã, phường và quầy ở trên, rồi gõ mã máy hiện trên màn hình Đăng ký máy của máy khảo
        sát. Máy khảo sát quét mã QR hiện ra để nhận khóa.
      </p>
      <form onSubmit={submit} class="admin-bar">
        <label>
          <span>Mã máy (16 ký tự)</span>
          <input
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            required
            value={deviceId}
            onInput={(e) => setDeviceId(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          class="btn"
          disabled={!COMMUNE_CODE.test(target.communeCode) || !target.communeName.trim()}
        >
          Đăng ký máy và hiện mã QR khóa
        </button>
      </form>
      <AlertText text={error} />
      {shown && (
        <figure class="enrolment-shown">
          <QrImage
            class="enrolment-qr"
            label={`Mã QR khóa của máy ${shown.deviceId}`}
            svg={shown.svg}
          />
          <figcaption>
            Mã QR này là khóa của máy {shown.deviceId}: chỉ cho máy đó quét, không chụp lại hay gửi
            đi.
          </figcaption>
        </figure>
      )}
    </section>
  );
}
