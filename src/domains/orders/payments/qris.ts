// QRIS (Bank Indonesia's EMVCo merchant-presented QR) payloads: TLV fields "ID LEN VALUE",
// point of initiation 12 (dynamic: this amount, this payment) and a CRC16-CCITT checksum over
// the whole string including the "6304" tag of the CRC itself.
import { qrCodeSvg } from '../../../kernel/qr/index.js';
import type { Payee } from '../../../kernel/config.js';

export interface QrisMerchant {
  /** Merchant PAN/ID at the acquirer and the national merchant id (NMID). */
  merchantPan: string;
  nmid: string;
  name: string;
  city: string;
  postalCode: string;
  mcc: string;
}

export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`bad tag ${id}`);
  if (value.length > 99) throw new RangeError(`tag ${id} too long`);
  return id + String(value.length).padStart(2, '0') + value;
}

/** CRC16-CCITT (poly 0x1021, init 0xFFFF, no reflection, no final xor), four hex digits. */
export function crc16ccitt(s: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const ascii = (s: string, max: number) =>
  s
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, max);

/** A dynamic QRIS payload for one payment (amount in whole rupiah, reference = the payment's short reference). */
export function qrisPayload(m: QrisMerchant, amount: number, reference: string): string {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new RangeError('amount must be a positive integer');
  // Never cut a reference: a provider echoes what the code carries, and a cut one names nothing.
  if (!/^[\x20-\x7e]{1,25}$/.test(reference))
    throw new RangeError('reference must be 1-25 ASCII characters');
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv(
      '26',
      tlv('00', 'ID.CO.QRIS.WWW') + tlv('01', m.merchantPan) + tlv('02', m.nmid) + tlv('03', 'UMI'),
    ) +
    tlv('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', m.nmid) + tlv('03', 'UMI')) +
    tlv('52', m.mcc) +
    tlv('53', '360') +
    tlv('54', String(amount)) +
    tlv('58', 'ID') +
    tlv('59', ascii(m.name, 25)) +
    tlv('60', ascii(m.city, 15)) +
    tlv('61', m.postalCode) +
    tlv('62', tlv('05', reference));
  const withTag = body + '6304';
  return withTag + crc16ccitt(withTag);
}

/** Parses TLV fields (tests, and to show what a code contains). */
export function parseTlv(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const id = s.slice(i, i + 2);
    const len = Number(s.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len)) throw new Error(`bad TLV at ${i}`);
    out.set(id, s.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export function verifyCrc(payload: string): boolean {
  return payload.length > 8 && crc16ccitt(payload.slice(0, -4)) === payload.slice(-4);
}

/** The QR code as inline SVG (server-rendered; no script, prints well). */
export async function qrisSvg(payload: string): Promise<string> {
  return qrCodeSvg(payload, { errorCorrectionLevel: 'M', margin: 2 });
}

/** The platform's QRIS merchant, from the payee settings (kernel config: required in production). */
export function qrisMerchant(payee: Payee): QrisMerchant {
  return { ...payee.qris };
}
