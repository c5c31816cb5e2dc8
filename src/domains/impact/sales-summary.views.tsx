// How fresh the KPI page's figures are: when the precomputed sales and areas were last
// refreshed (the national and province views), and how far behind the primary the replica they were read
// from is (LUMBUNG_REPLICA_URL).
import type { Locale } from '../../kernel/i18n/index.js';
import { formatDateTime, formatNumber, t } from '../../kernel/i18n/index.js';
import type { ReadSource } from '../../kernel/offloop/index.js';

export function Freshness(p: {
  l: Locale;
  salesAsOf?: string | null;
  /** When the other precomputed blocks (villages, UMKM, parcels, surveys) were refreshed. */
  areasAsOf?: string | null;
  source: ReadSource | null;
}) {
  const replica = p.source?.replica ? p.source : null;
  if (!p.salesAsOf && !p.areasAsOf && !replica) return null;
  return (
    <>
      {p.salesAsOf ? (
        <p class="muted" data-testid="sales-as-of">
          {t(p.l, 'impact.summary.salesAsOf', { at: formatDateTime(p.l, p.salesAsOf) })}
        </p>
      ) : null}
      {p.areasAsOf ? (
        <p class="muted" data-testid="areas-as-of">
          {t(p.l, 'impact.summary.areasAsOf', { at: formatDateTime(p.l, p.areasAsOf) })}
        </p>
      ) : null}
      {replica ? (
        <p class="muted" data-testid="replica-lag">
          {replica.lagSeconds === null
            ? t(p.l, 'impact.summary.replicaUnknown')
            : t(p.l, 'impact.summary.replica', {
                seconds: formatNumber(p.l, replica.lagSeconds, 1),
              })}
        </p>
      ) : null}
    </>
  );
}
