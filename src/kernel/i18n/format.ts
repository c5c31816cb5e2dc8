// Numbers, dates and time zones as Indonesians read them. Times are stored in UTC and shown
// in the zone of the record's province: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
import type { Locale } from './i18n.js';

export type IndonesianZone = 'WIB' | 'WITA' | 'WIT';
const IANA: Record<IndonesianZone, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

// Province codes (Kemendagri) by zone. WITA: Bali, NTB, NTT, the five Kalimantan provinces
// east/south/north/central... (Kalbar and Kalteng are WIB), all Sulawesi. WIT: Maluku, Maluku
// Utara and the six Papua provinces.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The zone of a province, from the first two digits of any region code. */
export function zoneForRegion(code: string | null | undefined): IndonesianZone {
  const p = (code ?? '').slice(0, 2);
  if (WIT.has(p)) return 'WIT';
  if (WITA.has(p)) return 'WITA';
  return 'WIB';
}

/**
 * The one region whose zone a page shows its times in: the records' own when they all share a
 * zone, otherwise the viewer's (their grant's region; WIB for national staff). A list never
 * shows WIB beside WITA: each time is converted and the zone is named once per time.
 */
export function pageZoneRegion(
  recordRegions: (string | null | undefined)[],
  viewerRegion: string | null | undefined,
): string | null {
  const zones = new Set(recordRegions.map((r) => zoneForRegion(r)));
  if (zones.size === 1) return recordRegions[0] ?? null;
  return viewerRegion ?? null;
}

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

// Building an Intl formatter costs tens of microseconds (ICU data lookups); formatting with one
// costs about one. A national dashboard formats thousands of figures per page, and making a
// formatter per figure was ≈ 9 % of the main thread while analysts loaded it. The option sets
// are few (locale × style × digits × zone), so the formatters are kept by them.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(locale: Locale, style: 'decimal' | 'percent', digits: number) {
  const k = `${locale}|${style}|${digits}`;
  let f = numberFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), {
      style,
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    numberFormats.set(k, f);
  }
  return f;
}
function dateFormat(locale: Locale, zone: IndonesianZone, withTime: boolean) {
  const k = `${locale}|${zone}|${withTime}`;
  let f = dateFormats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(
      tag(locale),
      withTime
        ? { dateStyle: 'medium', timeStyle: 'short', timeZone: IANA[zone], hourCycle: 'h23' }
        : { dateStyle: 'medium', timeZone: IANA[zone] },
    );
    dateFormats.set(k, f);
  }
  return f;
}

export function formatNumber(locale: Locale, n: number, digits = 0): string {
  return numberFormat(locale, 'decimal', digits).format(n);
}

export function formatPercent(locale: Locale, fraction: number, digits = 1): string {
  return numberFormat(locale, 'percent', digits).format(fraction);
}

/** Date and time in the region's zone, with the zone's Indonesian abbreviation. */
export function formatDateTime(
  locale: Locale,
  iso: string | Date,
  regionCode?: string | null,
): string {
  const zone = zoneForRegion(regionCode);
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const s = dateFormat(locale, zone, true).format(d);
  return `${s} ${zone}`;
}

export function formatDate(locale: Locale, iso: string | Date, regionCode?: string | null): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return dateFormat(locale, zoneForRegion(regionCode), false).format(d);
}
