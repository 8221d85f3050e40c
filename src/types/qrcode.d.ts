/**
 * The part of qrcode's browser build the kiosk uses. @types/qrcode pulls in Node's types
 * (`/// <reference types="node" />`), so tsconfig.app.json maps `qrcode` here instead.
 */
type Level = 'L' | 'M' | 'Q' | 'H';
type Segment = { data: string; mode: 'alphanumeric' | 'byte' | 'numeric' };

interface QrCodeApi {
  create(data: string | Segment[], options: { errorCorrectionLevel: Level }): { version: number };
  toString(
    data: string | Segment[],
    options: { type: 'svg'; errorCorrectionLevel: Level; version?: number; margin: number },
  ): Promise<string>;
}

declare const QRCode: QrCodeApi;
export default QRCode;
