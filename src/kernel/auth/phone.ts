// Indonesian mobile numbers, validated and normalised to E.164 (+62…) with libphonenumber-js,
// so "0812-3456-7890", "+62 812 3456 7890" and "62812…" are one login.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The +62 E.164 form of an Indonesian mobile number, or null when it is not one. */
export function normaliseMobile(input: string): string | null {
  const p = parsePhoneNumberFromString(input.trim(), 'ID');
  if (!p || p.country !== 'ID' || !p.isValid()) return null;
  const type = p.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return p.number;
}

/** Digits for a wa.me link (no plus sign). */
export function waDigits(e164: string): string {
  return e164.replace(/^\+/, '');
}
