// Why a statement line is owed, stored as a small JSON fact (not a sentence) so each reader
// sees it in their own language and a program can read it from the CSV. Rule amounts are
// basis points for GMV shares, rupiah for bonuses and caps, per mille for multipliers.
import { formatNumber, formatRupiah, t, type Locale } from '../../../kernel/i18n/index.js';
import type { IncentiveRuleKind } from '../partners.tables.js';

export type LineNote =
  | { k: 'gmv_percent'; bp: number; gmv: number }
  | { k: 'first_sales_bonus'; rank: number; of: number }
  | { k: 'poverty_multiplier'; permille: number }
  | { k: 'monthly_cap'; cap: number }
  | { k: 'correction'; of: LineNote }
  | { k: 'no_longer_owed'; of: LineNote };

export const noteJson = (n: LineNote): string => JSON.stringify(n);

/** A rule's amount as people read it: 3 %, ×1,5, Rp 1.500. */
export function ruleAmount(locale: Locale, kind: IncentiveRuleKind, amount: number): string {
  if (kind === 'gmv_percent')
    return `${formatNumber(locale, amount / 100, amount % 100 === 0 ? 0 : 2)} %`;
  if (kind === 'poverty_multiplier')
    return `×${formatNumber(locale, amount / 1000, amount % 1000 === 0 ? 0 : amount % 100 === 0 ? 1 : 3)}`;
  return formatRupiah(amount);
}

function sentence(locale: Locale, n: LineNote): string {
  switch (n.k) {
    case 'gmv_percent':
      return t(locale, 'partners.note.gmv_percent', {
        pct: ruleAmount(locale, 'gmv_percent', n.bp),
        gmv: formatRupiah(n.gmv),
      });
    case 'first_sales_bonus':
      return t(locale, 'partners.note.first_sales_bonus', { rank: n.rank, of: n.of });
    case 'poverty_multiplier':
      return t(locale, 'partners.note.poverty_multiplier', {
        x: ruleAmount(locale, 'poverty_multiplier', n.permille),
      });
    case 'monthly_cap':
      return t(locale, 'partners.note.monthly_cap', { cap: formatRupiah(n.cap) });
    case 'correction':
      return t(locale, 'partners.note.correction', { why: sentence(locale, n.of) });
    case 'no_longer_owed':
      return t(locale, 'partners.note.no_longer_owed', { why: sentence(locale, n.of) });
  }
}

/** The stored note in the reader's language (a note that is not our JSON is shown as stored). */
export function noteText(locale: Locale, stored: string): string {
  try {
    return sentence(locale, JSON.parse(stored) as LineNote);
  } catch {
    return stored;
  }
}
