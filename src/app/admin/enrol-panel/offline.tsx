import { useEffect, useState } from 'preact/hooks';
import { ENROLMENT_WORDS as W } from '../../../core/vocabulary.ts';
import { QrImage } from '../../components/qr-image/index.tsx';
import { QrScanner } from '../../components/qr-scanner/index.tsx';
import { useIdleHold } from '../idle-lock/index.tsx';

interface Props {
  deviceId: () => Promise<string>;
  onScanned: (text: string) => void;
  onBack: () => void;
}

/**
 * Offline enrolment: this device's id, large and as a QR, for the office to type or scan;
 * then the camera reads the office's enrolment QR (`KS1K…`) that carries the key.
 */
export function OfflineEnrolment({ deviceId, onScanned, onBack }: Props) {
  const [id, setId] = useState('');
  const [svg, setSvg] = useState('');
  // The office types or scans the id and makes its QR with nobody touching the tablet.
  useIdleHold(true);
  useEffect(() => {
    void deviceId().then(async (value) => {
      setId(value);
      const { linkToSvg } = await import('../../../transport/qr-frame-image.ts');
      setSvg(await linkToSvg(value));
    });
  }, [deviceId]);
  return (
    <div class="enrol-offline">
      <h3>{W.offline}</h3>
      <p>{W.offlineSteps}</p>
      <p class="enrol-device">
        <span>{W.deviceId}: </span>
        <strong class="enrol-device-id">{id}</strong>
      </p>
      {svg && <QrImage class="enrol-device-qr" label={W.deviceQr} svg={svg} />}
      <h3>{W.offlineScan}</h3>
      <QrScanner label={W.camera} onText={onScanned} />
      <button type="button" class="btn" onClick={onBack}>
        {W.back}
      </button>
    </div>
  );
}
