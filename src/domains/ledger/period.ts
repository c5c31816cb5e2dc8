// A reporting period from two form or query dates: both valid YYYY-MM-DD, start not after end,
// at most 92 days. Without dates: the last 31 days up to today in the bank's calendar (WIB,
// bank-day.ts), so a statement imported just after midnight WIB is inside the default period.
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { bankDay } from './bank-day.js';

const DAY = 86_400_000;
const valid = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00.000Z`).toISOString().startsWith(s);

export function periodOf(
  from?: string | null,
  to?: string | null,
  now = new Date(),
): Result<{ from: string; to: string }> {
  if (!from && !to) {
    return ok({ from: bankDay(new Date(now.getTime() - 30 * DAY)), to: bankDay(now) });
  }
  if (!from || !to || !valid(from) || !valid(to)) return fail('LEDGER_BAD_PERIOD');
  const days = (Date.parse(to) - Date.parse(from)) / DAY;
  if (days < 0 || days > 92) return fail('LEDGER_BAD_PERIOD');
  return ok({ from, to });
}
