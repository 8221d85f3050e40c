import { useEffect, useRef, useState } from 'preact/hooks';
import { deviceProblems } from '../../../core/problems/device.ts';
import { createQrDetector, type QrDetector } from '../../platform/qr-detector.ts';
import { AlertText } from '../alert-text/index.tsx';
import './style.css';

/** Time between two reads of the video: fast enough for a carousel, light on a tablet. */
const SCAN_INTERVAL_MS = 80;

/**
 * The camera's picture with a QR reader running over it. Every text read is handed to
 * `onText` once per appearance (the same code held in front of the camera is not repeated).
 * The camera is released when the component goes away.
 */
export function QrScanner({ onText, label }: { onText: (text: string) => void; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState('');
  const [ready, setReady] = useState(false);
  const handler = useRef(onText);
  handler.current = onText;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const scan = async (detector: QrDetector) => {
      const element = video.current;
      if (stopped || !element) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA) {
        const texts = await detector.detect(element).catch(() => []);
        for (const text of texts) if (text !== last) handler.current(text);
        if (texts.length > 0) last = texts[texts.length - 1] ?? '';
      }
      timer = setTimeout(() => void scan(detector), SCAN_INTERVAL_MS);
    };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia)
        return setError(deviceProblems['camera.none'].message);
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
      } catch (e) {
        const missing = e instanceof DOMException && e.name === 'NotFoundError';
        return setError(
          missing
            ? deviceProblems['camera.none'].message
            : deviceProblems['camera.refused'].message,
        );
      }
      const element = video.current;
      if (stopped || !element) return;
      element.srcObject = stream;
      await element.play().catch(() => {});
      let detector: QrDetector;
      try {
        detector = await createQrDetector();
      } catch {
        return setError(deviceProblems['camera.detector'].message);
      }
      setReady(true);
      void scan(detector);
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div class="qr-scanner">
      <video ref={video} muted playsInline aria-label={label} />
      {!ready && !error && <p role="status">Đang mở camera…</p>}
      <AlertText text={error} />
    </div>
  );
}
