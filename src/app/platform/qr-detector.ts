import type { BarcodeDetector as PonyfillDetector } from 'barcode-detector/ponyfill';

/** Reads QR codes from a video frame; the texts found, in no particular order. */
export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<string[]>;
}

interface NativeDetectorClass {
  new (options: {
    formats: string[];
  }): { detect(source: unknown): Promise<{ rawValue: string }[]> };
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The browser's own BarcodeDetector where it reads QR codes (Android, ChromeOS, macOS),
 * otherwise the barcode-detector ponyfill over zxing-wasm. The .wasm file is bundled by
 * Vite and precached by the service worker: it is never fetched from a CDN.
 */
export async function createQrDetector(): Promise<QrDetector> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  const formats: string[] = native ? await native.getSupportedFormats().catch(() => []) : [];
  if (native && formats.includes('qr_code')) {
    return wrap(new native({ formats: ['qr_code'] }));
  }
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path,
    },
  });
  return wrap(new BarcodeDetector({ formats: ['qr_code'] }));
}

function wrap(detector: Pick<PonyfillDetector, 'detect'> | InstanceType<NativeDetectorClass>) {
  return {
    async detect(source: HTMLVideoElement) {
      const codes = await detector.detect(source);
      return codes.map((code) => code.rawValue);
    },
  };
}
