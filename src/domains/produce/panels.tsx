// Home panels: the clerk and the koperasi get a way in; regional officers and national admins
// see the produce KPIs of their region (farmers paid, kg pooled, share, premium).
import type { HomePanel } from '../../kernel/http/index.js';
import { regionScope } from '../../kernel/auth/index.js';
import { formatNumber, formatPercent, t } from '../../kernel/i18n/index.js';
import { produceKpis } from './produce.queries.js';

export const produceHomePanels: HomePanel[] = [
  {
    roles: ['community_manager', 'village_agent'],
    order: 35,
    render: (c) => (
      <section class="card">
        <h2>{t(c.get('locale'), 'produce.panel.title')}</h2>
        <p>
          <a class="button" href="/produksi">
            {t(c.get('locale'), 'produce.home.title')}
          </a>
        </p>
      </section>
    ),
  },
  {
    roles: ['regional_officer', 'national_admin'],
    order: 36,
    render: async (c) => {
      const l = c.get('locale');
      const scope = regionScope(c.get('actor'), ['regional_officer', 'national_admin']);
      const k = await produceKpis(c.get('deps').h.db, scope === 'all' ? '' : (scope[0] ?? '-'));
      return (
        <section class="card">
          <h2>{t(l, 'produce.panel.title')}</h2>
          <dl>
            <dt>{t(l, 'produce.panel.farmers_paid')}</dt>
            <dd>{formatNumber(l, k.farmersPaid)}</dd>
            <dt>{t(l, 'produce.panel.kg_pooled')}</dt>
            <dd>{formatNumber(l, k.gramsPooled / 1000, 1)}</dd>
            <dt>{t(l, 'produce.panel.farmer_share')}</dt>
            <dd>{k.farmerShare === null ? '—' : formatPercent(l, k.farmerShare)}</dd>
            <dt>{t(l, 'produce.panel.premium')}</dt>
            <dd>{k.premiumOverTrader === null ? '—' : formatPercent(l, k.premiumOverTrader)}</dd>
          </dl>
          <p>
            <a href="/produksi">{t(l, 'produce.home.title')}</a>
          </p>
        </section>
      );
    },
  },
];
