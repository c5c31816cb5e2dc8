// Calendar days as people in the record's region live them: a due date "today" or a
// certification valid "until 31 March" is read in the province's zone (WIB/WITA/WIT).
import { zoneForRegion, type IndonesianZone } from '../../kernel/i18n/index.js';

const IANA: Record<IndonesianZone, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** Today's date (YYYY-MM-DD) in the zone of the region code. */
export function todayIn(regionCode: string | null | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: IANA[zoneForRegion(regionCode)],
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in YYYY-MM-DD form. */
export function isDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whole days between two ISO timestamps (fractional, for medians). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (new Date(toIso).getTime() - new Date(fromIso).getTime()) / 86400_000;
}
