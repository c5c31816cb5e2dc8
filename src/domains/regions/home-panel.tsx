// The regional officer's home panel: links to the priority list of each region it holds.
import type { HomePanel } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { regionScope } from '../../kernel/auth/index.js';

export const regionsHomePanel: HomePanel = {
  roles: ['regional_officer'],
  order: 20,
  render(c) {
    const scope = regionScope(c.get('actor'), ['regional_officer']);
    const codes = scope === 'all' ? [] : scope.filter((s) => s.split('.').length <= 2);
    return (
      <section class="card">
        <h2>{t(c.get('locale'), 'regions.panel.title')}</h2>
        <p>{t(c.get('locale'), 'regions.panel.body')}</p>
        <ul>
          {codes.map((code) => (
            <li>
              <a href={`/wilayah/${code}/prioritas`}>
                {t(c.get('locale'), 'regions.target.link')} · {code}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href="/wilayah/impor">{t(c.get('locale'), 'regions.import.title')}</a>
        </p>
      </section>
    );
  },
};
