// The produce KPIs on the impact page (kept in their own file, impact only reads): farmers
// paid, kilos pooled, the share of the sale price that reached farmers, and the premium the
// farmers got over the local trader's price the koperasi recorded. Read through produce's
// exported query for the page's area; no area ('all') is the nation.
import type { Tx } from '../../kernel/db/index.js';
import { formatNumber, formatPercent, t, type Locale } from '../../kernel/i18n/index.js';
import { produceKpis, type ProduceKpis } from '../produce/index.js';

/** The produce KPIs of the impact page's area (`all` or a region code). */
export function produceKpisOf(db: Tx, focus: string): Promise<ProduceKpis> {
  return produceKpis(db, focus === 'all' ? '' : focus);
}

export function ProduceKpiSection(p: { l: Locale; k: ProduceKpis }) {
  const { l, k } = p;
  const none = t(l, 'impact.kpi.no_data');
  const tiles: [string, string, string][] = [
    ['kpi-farmers-paid', 'produce.panel.farmers_paid', formatNumber(l, k.farmersPaid)],
    ['kpi-kg-pooled', 'produce.panel.kg_pooled', formatNumber(l, k.gramsPooled / 1000, 1)],
    [
      'kpi-farmer-share',
      'produce.panel.farmer_share',
      k.farmerShare === null ? none : formatPercent(l, k.farmerShare),
    ],
    [
      'kpi-premium',
      'produce.panel.premium',
      k.premiumOverTrader === null ? none : formatPercent(l, k.premiumOverTrader),
    ],
  ];
  return (
    <section class="card">
      <h2>{t(l, 'produce.panel.title')}</h2>
      <div class="grid">
        {tiles.map(([id, label, value]) => (
          <div class="tile" data-testid={id}>
            <p class="muted">{t(l, label)}</p>
            <p class="kpi">{value}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
