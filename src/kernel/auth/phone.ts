// Indonesian mobile numbers, validated and normalised to E.164 (+62…) with libphonenumber-js,
// so "0812-3456-7890", "+62 812 3456 7890" and "62812…" are one login.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The +62 E.164 form of an Indonesian mobile number, or null when it is not one. */
export function normaliseMobile(input: string): string | null {
  const key = input.trim();
  const known = normalised.get(key);
  if (known !== undefined) return known;
  const result = parseMobile(key);
  // A full cache starts over: cheaper than tracking recency, and the hot numbers come back at once.
  if (normalised.size >= CACHE_SIZE) normalised.clear();
  normalised.set(key, result);
  return result;
}

// libphonenumber's parse and type lookup cost ≈ 0.1–0.2 ms, paid on every checkout, sign-in and
// form with a phone; the same numbers come back (buyers, agents), so answers are remembered.
const CACHE_SIZE = 10_000;
const normalised = new Map<string, string | null>();

function parseMobile(input: string): string | null {
  const p = parsePhoneNumberFromString(input, 'ID');
  if (!p || p.country !== 'ID' || !p.isValid()) return null;
  const type = p.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return p.number;
}

/** Digits for a wa.me link (no plus sign). */
export function waDigits(e164: string): string {
  return e164.replace(/^\+/, '');
}
