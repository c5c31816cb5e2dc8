// How fresh the KPI page's figures are: when the precomputed sales were last refreshed (the
// national and province views), and how far behind the replica they were read from is.
import type { Locale } from '../../kernel/i18n/index.js';
import { formatDateTime, t } from '../../kernel/i18n/index.js';

export function Freshness(p: { l: Locale; salesAsOf: string | null }) {
  if (p.salesAsOf === null) return null;
  return (
    <p class="muted" data-testid="sales-as-of">
      {t(p.l, 'impact.summary.salesAsOf', { at: formatDateTime(p.l, p.salesAsOf) })}
    </p>
  );
}
