// QR codes as SVG text (receipts, QRIS, attendance, pickup codes). The qrcode package loads on
// the first code drawn, not at the server's start (≈ 65 ms and 10 MiB on the 2-core machine).
import type { QRCodeToStringOptions } from 'qrcode';

let loaded: Promise<typeof import('qrcode')> | null = null;

/** The QR code of `text` as an SVG document. */
export async function qrCodeSvg(
  text: string,
  options: Omit<QRCodeToStringOptions, 'type'> = {},
): Promise<string> {
  loaded ??= import('qrcode').then((m) => m.default ?? m);
  return (await loaded).toString(text, { ...options, type: 'svg' });
}
