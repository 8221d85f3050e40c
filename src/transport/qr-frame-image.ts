import QRCode from 'qrcode';

/** How a frame becomes a QR code: alphanumeric mode, version ≤ 25, ECC M unless configured. */
export interface FrameQrOptions {
  errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H';
  /** The largest QR version to use; a phone camera reads version 25 off a tablet screen. */
  maxVersion: number;
}

export const defaultFrameQrOptions: FrameQrOptions = { errorCorrectionLevel: 'M', maxVersion: 25 };

/** The QR segments and options for one frame (shared by the SVG renderer and tests). */
export function frameQrInput(frame: string, options: FrameQrOptions = defaultFrameQrOptions) {
  const qr = QRCode.create([{ data: frame, mode: 'alphanumeric' }], {
    errorCorrectionLevel: options.errorCorrectionLevel,
  });
  if (qr.version > options.maxVersion) {
    throw new RangeError(`Frame needs QR version ${qr.version}, more than ${options.maxVersion}`);
  }
  return {
    segments: [{ data: frame, mode: 'alphanumeric' as const }],
    errorCorrectionLevel: options.errorCorrectionLevel,
    version: qr.version,
  };
}

/** A frame as an SVG QR code with a 4-module quiet zone, sized by its container. */
export async function frameToSvg(frame: string, options?: FrameQrOptions): Promise<string> {
  const { segments, errorCorrectionLevel, version } = frameQrInput(frame, options);
  return QRCode.toString(segments, { type: 'svg', errorCorrectionLevel, version, margin: 4 });
}

/** The longest frame header: `KS1/<8 hex>/<4 digits>/<4 digits>/`. */
const WORST_HEADER = 'KS1/FFFFFFFF/9999/9999/';

/**
 * The most base45 characters a frame can carry at these options (a multiple of 3), found
 * by asking the QR encoder itself, so the cut always matches what will be drawn.
 */
export function frameCharsFor(options: FrameQrOptions): number {
  const fits = (chars: number) => {
    try {
      frameQrInput(WORST_HEADER + 'A'.repeat(chars), options);
      return true;
    } catch {
      return false;
    }
  };
  let low = 3; // fits at version 1 already
  let high = 4296; // the alphanumeric capacity of version 40-L: never fits a smaller code
  while (high - low > 3) {
    const middle = low + Math.floor((high - low) / 6) * 3;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** A link (byte mode) as an SVG QR code at ECC M: the kiosk's phone QR. */
export function linkToSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
