// Routes of surveys, KPIs and the impact evaluation, with their navigation entries and the
// home panel of officers, analysts and national admins.
import { createApiApp, registerHomePanel, registerNav } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { kpiPages } from './kpi.routes.js';
import { evaluationPages } from './evaluation.routes.js';
import { surveyPages } from './surveys.routes.js';
import { impactApi } from './impact.api.js';

registerNav({ href: '/impact', label: 'impact.nav.kpi', roles: ['national_admin', 'analyst', 'regional_officer'], order: 80 });
registerNav({ href: '/impact/evaluation', label: 'impact.nav.evaluation', roles: ['national_admin', 'analyst', 'regional_officer'], order: 81 });
registerNav({ href: '/impact/surveys', label: 'impact.nav.surveys', roles: ['national_admin', 'regional_officer', 'village_agent'], order: 82 });
registerHomePanel({
  roles: ['national_admin', 'analyst', 'regional_officer'],
  order: 80,
  render: (c) => {
    const l = c.get('locale');
    return (
      <section class="card">
        <h2>{t(l, 'impact.home.title')}</h2>
        <p>{t(l, 'impact.home.text')}</p>
        <p><a href="/impact">{t(l, 'impact.nav.kpi')}</a> · <a href="/impact/evaluation">{t(l, 'impact.nav.evaluation')}</a> · <a href="/impact/poverty-lines">{t(l, 'impact.lines.title')}</a></p>
      </section>
    );
  },
});

export function impactRoutes() {
  const app = createApiApp();
  app.route('/', kpiPages());
  app.route('/', evaluationPages());
  app.route('/', surveyPages());
  app.route('/', impactApi());
  return app;
}
