// "Kamis Pahing, 10 Des 2026 · 08.00–11.00": a pickup day as villagers say it, with the
// market day (pasaran) beside the weekday in Bahasa.
import type { Locale } from '../../kernel/i18n/index.js';
import { t } from '../../kernel/i18n/index.js';
import { pasaranOf } from './calendar.js';

export function pickupText(locale: Locale, date: string, from: string, to: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const day = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
  const market = t(locale, `collective.pasaran.${pasaranOf(date)}`);
  const clock = (s: string) => (locale === 'id' ? s.replace(':', '.') : s);
  return `${day} (${market}) · ${clock(from)}–${clock(to)}`;
}
