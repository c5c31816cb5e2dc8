// Display forms of the produce domain: kilos from grams ("62,5"), percent from per mille,
// commodity and grade names from the catalogue (never a key shown to a person).
import type { Context } from 'hono';
import type { AppEnv } from '../../kernel/http/index.js';
import { formatNumber, t, type Locale } from '../../kernel/i18n/index.js';

type C = Context<AppEnv>;
export const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

/** Grams as kilos in the reader's language: up to three decimals, none when whole. */
export function kg(locale: Locale, grams: number): string {
  const digits = grams % 1000 === 0 ? 0 : grams % 100 === 0 ? 1 : grams % 10 === 0 ? 2 : 3;
  return formatNumber(locale, grams / 1000, digits);
}

/** Per mille as a percent ("12,5"). */
export const pct = (locale: Locale, permille: number) =>
  formatNumber(locale, permille / 10, permille % 10 === 0 ? 0 : 1);

/** Grams as the kilos a form field shows back ("62.5" in the form's own notation). */
export const kgField = (grams: number | null | undefined) =>
  grams === null || grams === undefined ? '' : String(grams / 1000);

export const commodityName = (c: C, key: string) => tr(c, `produce.commodity.${key}`);
export const gradeName = (c: C, commodity: string, grade: string) =>
  tr(c, `produce.grade.${commodity}.${grade}`);
/** A short grade name for receipts ("Mutu 1"), the part before the bracket. */
export const gradeShort = (c: C, commodity: string, grade: string) =>
  gradeName(c, commodity, grade).replace(/\s*\(.*$/, '');
