// The collective figures on the impact page of an area (the last 90 days): cycles run,
// producers taking part, the share of orders placed through cycles and group buys, and what
// buyers saved against list prices. Impact renders it under its own figures.
import { t, type Locale } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { collectiveKpis, type CollectiveKpis } from './kpis.js';

export const KPI_DAYS = 90;

export function CollectiveKpiSection(p: { locale: Locale; k: CollectiveKpis }) {
  const tr = (k: string, params?: Record<string, unknown>) => t(p.locale, k, params);
  const share =
    p.k.collectiveShare === null ? '—' : `${Math.round(p.k.collectiveShare * 1000) / 10}%`;
  return (
    <section class="card" aria-labelledby="collective-kpis">
      <h2 id="collective-kpis">{tr('collective.kpi.title', { days: KPI_DAYS })}</h2>
      <dl>
        <dt>{tr('collective.kpi.cycles')}</dt>
        <dd>{p.k.cyclesRun}</dd>
        <dt>{tr('collective.kpi.producers')}</dt>
        <dd>{p.k.participatingProducers}</dd>
        <dt>{tr('collective.kpi.share')}</dt>
        <dd>
          {share}{' '}
          {tr('collective.kpi.share_detail', {
            cycles: p.k.cycleOrders,
            groups: p.k.groupBuyOrders,
            all: p.k.orders,
          })}
        </dd>
        <dt>{tr('collective.kpi.savings')}</dt>
        <dd>{formatRupiah(p.k.savings)}</dd>
      </dl>
    </section>
  );
}

/** The section for an impact focus ('all' or a region prefix), over the last 90 days. */
export async function collectiveKpiSection(
  db: Tx,
  focus: string,
  locale: Locale,
  now = new Date(),
) {
  const from = new Date(now.getTime() - KPI_DAYS * 86400_000).toISOString();
  const k = await collectiveKpis(db, focus === 'all' ? '' : focus, from, now.toISOString());
  return <CollectiveKpiSection locale={locale} k={k} />;
}
