// Market-day arithmetic. Villages in Java (and many beyond) hold markets on a day of the
// five-day Javanese week (pasaran: Legi, Pahing, Pon, Wage, Kliwon); a cycle repeats weekly
// (+7 days) or on its market day (+5 days). Local times are in the region's zone, stored in UTC.
import { zoneForRegion } from '../../kernel/i18n/index.js';

export const PASARAN = ['legi', 'pahing', 'pon', 'wage', 'kliwon'] as const;
export type Pasaran = (typeof PASARAN)[number];

// 17 August 1945 was Jumat Legi: the anchor every almanac agrees on.
const ANCHOR = Date.UTC(1945, 7, 17);
const DAY = 86_400_000;

/** The pasaran of a calendar date (YYYY-MM-DD). */
export function pasaranOf(date: string): Pasaran {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - ANCHOR) / DAY);
  return PASARAN[((days % 5) + 5) % 5];
}

/** Days between two occurrences of a cycle. */
export const REPEAT_DAYS = { weekly: 7, pasaran: 5 } as const;

/** A date (YYYY-MM-DD) plus n days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** An ISO instant plus n days. */
export function shiftIso(iso: string, n: number): string {
  return new Date(Date.parse(iso) + n * DAY).toISOString();
}

const OFFSET_H = { WIB: 7, WITA: 8, WIT: 9 } as const;

/** `YYYY-MM-DDTHH:MM` read in the region's zone → ISO UTC; null when malformed. */
export function localToUtc(local: string, regionCode: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi) - OFFSET_H[zoneForRegion(regionCode)] * 3600_000;
  const back = new Date(t + OFFSET_H[zoneForRegion(regionCode)] * 3600_000);
  if (back.getUTCDate() !== d) return null;
  return new Date(t).toISOString();
}

/** ISO UTC → `YYYY-MM-DDTHH:MM` in the region's zone (form values). */
export function utcToLocal(iso: string, regionCode: string): string {
  const t = Date.parse(iso) + OFFSET_H[zoneForRegion(regionCode)] * 3600_000;
  return new Date(t).toISOString().slice(0, 16);
}

export const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
export const isClock = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
