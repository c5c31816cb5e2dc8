// The fields of a village profile and how each is read from text (a CSV cell or a form field).
// One parser serves the CSV import and the edit form, so both accept and refuse the same
// values with the same messages. An empty value means "not known" (null).
import type { VillageProfilesTable } from './regions.tables.js';

export type ProfileValues = Pick<
  VillageProfilesTable,
  | 'population'
  | 'households'
  | 'poverty_share'
  | 'electricity_share'
  | 'signal'
  | 'office_internet'
  | 'road_access'
  | 'distance_km'
  | 'has_bumdes'
  | 'has_koperasi'
  | 'lat'
  | 'lng'
>;
export type ProfileField = keyof ProfileValues;

export const PROFILE_FIELDS: ProfileField[] = [
  'population',
  'households',
  'poverty_share',
  'electricity_share',
  'signal',
  'office_internet',
  'road_access',
  'distance_km',
  'has_bumdes',
  'has_koperasi',
  'lat',
  'lng',
];

export const SIGNALS = ['none', '2g', '4g'] as const;
export const ROADS = ['all_season', 'dry_season', 'none'] as const;

/** Indonesia's extent with a margin: Sabang to Merauke, Miangas to Rote. */
export const INDONESIA_BOUNDS = { latMin: -11.2, latMax: 6.2, lngMin: 94.7, lngMax: 141.1 };

export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}
type Parsed<T> = { ok: true; value: T | null } | { ok: false; error: FieldError };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (key: string, params?: Record<string, unknown>): Parsed<never> => ({
  ok: false,
  error: { key, params },
});

function integer(raw: string, max: number): Parsed<number> {
  if (!/^\d+$/.test(raw)) return bad('regions.field.integer');
  const n = Number(raw);
  return n > max ? bad('validation.too_big', { max }) : ok(n);
}

function decimal(raw: string, min: number, max: number): Parsed<number> {
  if (!/^-?\d+(\.\d+)?$/.test(raw))
    return bad(/^-?\d+,\d+$/.test(raw) ? 'regions.field.decimal_point' : 'regions.field.decimal');
  const n = Number(raw);
  if (n < min) return bad('validation.too_small', { min });
  if (n > max) return bad('validation.too_big', { max });
  return ok(n);
}

function yesNo(raw: string): Parsed<number> {
  const v = raw.toLowerCase();
  if (['1', 'ya', 'yes', 'true', 'ada'].includes(v)) return ok(1);
  if (['0', 'tidak', 'no', 'false', 'tidak ada'].includes(v)) return ok(0);
  return bad('regions.field.yes_no');
}

function choice<T extends string>(raw: string, options: readonly T[]): Parsed<T> {
  const v = raw.toLowerCase().replace(/[\s-]+/g, '_') as T;
  return options.includes(v) ? ok(v) : bad('regions.field.choice', { options: options.join(', ') });
}

/** Reads one field's text. Shares are 0..1 (23.5 % is 0.235). */
export function parseProfileField(field: ProfileField, text: string | undefined): Parsed<unknown> {
  const raw = (text ?? '').trim();
  if (raw === '') return ok(null);
  switch (field) {
    case 'population':
      return integer(raw, 2_000_000);
    case 'households':
      return integer(raw, 1_000_000);
    case 'poverty_share':
    case 'electricity_share':
      return decimal(raw, 0, 1);
    case 'signal':
      return choice(raw, SIGNALS);
    case 'road_access':
      return choice(raw, ROADS);
    case 'distance_km':
      return decimal(raw, 0, 500);
    case 'office_internet':
    case 'has_bumdes':
    case 'has_koperasi':
      return yesNo(raw);
    case 'lat':
      return decimal(raw, -90, 90);
    case 'lng':
      return decimal(raw, -180, 180);
  }
}

/**
 * Reads all fields; returns the values, or the errors by field. Cross-field rules: households
 * cannot exceed population; latitude and longitude come together and lie inside Indonesia.
 */
export function parseProfile(
  input: Partial<Record<ProfileField, string>>,
):
  | { ok: true; values: ProfileValues }
  | { ok: false; errors: Partial<Record<ProfileField, FieldError>> } {
  const values: Record<string, unknown> = {};
  const errors: Partial<Record<ProfileField, FieldError>> = {};
  for (const f of PROFILE_FIELDS) {
    const r = parseProfileField(f, input[f]);
    if (r.ok) values[f] = r.value;
    else errors[f] = r.error;
  }
  const v = values as ProfileValues;
  if (
    !errors.households &&
    !errors.population &&
    v.households !== null &&
    v.population !== null &&
    v.households > v.population
  ) {
    errors.households = { key: 'regions.field.households_over_population' };
  }
  if (!errors.lat && !errors.lng) {
    if ((v.lat === null) !== (v.lng === null))
      errors[v.lat === null ? 'lat' : 'lng'] = { key: 'regions.field.lat_lng_pair' };
    else if (v.lat !== null && v.lng !== null) {
      const b = INDONESIA_BOUNDS;
      if (v.lat < b.latMin || v.lat > b.latMax)
        errors.lat = { key: 'regions.field.outside_indonesia' };
      if (v.lng < b.lngMin || v.lng > b.lngMax)
        errors.lng = { key: 'regions.field.outside_indonesia' };
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: v };
}

/** A stored profile as the text the edit form shows. */
export function profileAsText(
  p: Partial<ProfileValues> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of PROFILE_FIELDS) {
    const v = p?.[f];
    out[f] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}
