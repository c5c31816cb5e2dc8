// Inputs of the survey forms and the CSV columns they share. Amounts are whole rupiah per
// month; the phone form sends strings, so numbers are coerced and refined with i18n keys.
import { z } from 'zod';

/** The version of the consent text enumerators read out (shown on the form). */
export const CONSENT_TEXT_VERSION = 'survei-2025-1';
export const CONSENT_PURPOSE = 'impact_survey';

const consent = z.literal('yes', { message: 'impact.err.consent_required' });

/** '1500000', '1.500.000' (Indonesian thousands dots) → 1500000; '' → undefined; other text → NaN. */
export function parseWhole(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim().replace(/^Rp\s?/i, '');
  if (s === '') return undefined;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^-?\d+$/.test(s)) return Number(s);
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN;
}
const whole = () =>
  z.preprocess(
    parseWhole,
    z
      .number({
        error: (iss) => (iss.input === undefined ? 'validation.required' : 'impact.err.not_number'),
      })
      .int('impact.err.whole_number'),
  );

const villageCode = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'impact.err.village_format');
const code = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(40, 'validation.too_long')
  .regex(/^[\w.\-/]+$/, 'impact.err.code_format');
const year = whole().pipe(
  z.number().min(2000, 'impact.err.year_range').max(2100, 'impact.err.year_range'),
);

export const householdFormSchema = z.object({
  village_code: villageCode,
  wave_year: year,
  household_code: code,
  household_size: whole().pipe(
    z.number().min(1, 'impact.err.household_size').max(50, 'validation.too_big'),
  ),
  income_monthly: whole().pipe(
    z.number().min(0, 'impact.err.negative').max(2_000_000_000, 'validation.too_big'),
  ),
  consent,
});
export type HouseholdInput = z.infer<typeof householdFormSchema>;

export const salesFormSchema = z.object({
  village_code: villageCode,
  year,
  month: whole().pipe(z.number().min(1, 'impact.err.month').max(12, 'impact.err.month')),
  umkm_code: code,
  sales_monthly: whole().pipe(
    z.number().min(0, 'impact.err.negative').max(2_000_000_000, 'validation.too_big'),
  ),
  consent,
});
export type SalesInput = z.infer<typeof salesFormSchema>;

export type SurveyKind = 'household' | 'umkm';

/** CSV columns per survey kind, in the order of the template. */
export const CSV_COLUMNS: Record<SurveyKind, string[]> = {
  household: [
    'village_code',
    'wave_year',
    'household_code',
    'household_size',
    'income_monthly',
    'consent',
  ],
  umkm: ['village_code', 'year', 'month', 'umkm_code', 'sales_monthly', 'consent'],
};
