// Routes of surveys, KPIs and the impact evaluation, with their navigation entries and the
// home panel of officers, analysts and national admins.
import { createApiApp, type HomePanel, type NavItem } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { kpiPages } from './kpi.routes.js';
import { evaluationPages } from './evaluation.routes.js';
import { surveyPages } from './surveys.routes.js';
import { impactApi } from './impact.api.js';

export const impactNav: NavItem[] = [
  {
    href: '/impact',
    label: 'impact.nav.kpi',
    roles: ['national_admin', 'analyst', 'regional_officer'],
    order: 80,
  },
  {
    href: '/impact/evaluation',
    label: 'impact.nav.evaluation',
    roles: ['national_admin', 'analyst', 'regional_officer'],
    order: 81,
  },
  {
    href: '/impact/surveys',
    label: 'impact.nav.surveys',
    roles: ['national_admin', 'regional_officer', 'village_agent'],
    order: 82,
  },
];

export const impactHomePanel: HomePanel = {
  roles: ['national_admin', 'analyst', 'regional_officer'],
  order: 80,
  render: (c) => {
    const l = c.get('locale');
    return (
      <section class="card">
        <h2>{t(l, 'impact.home.title')}</h2>
        <p>{t(l, 'impact.home.text')}</p>
        <p>
          <a href="/impact">{t(l, 'impact.nav.kpi')}</a> ·{' '}
          <a href="/impact/evaluation">{t(l, 'impact.nav.evaluation')}</a> ·{' '}
          <a href="/impact/poverty-lines">{t(l, 'impact.lines.title')}</a>
        </p>
      </section>
    );
  },
};

export function impactRoutes() {
  const app = createApiApp();
  app.route('/', kpiPages());
  app.route('/', evaluationPages());
  app.route('/', surveyPages());
  app.route('/', impactApi());
  return app;
}
