// The home panel every signed-in person sees: how many notifications wait unread, one link.
import { t } from '../../kernel/i18n/index.js';
import type { HomePanel } from '../../kernel/http/index.js';
import { ROLES } from '../accounts/index.js';
import { unreadCount } from './inbox.js';

export const inboxPanel: HomePanel = {
  roles: [...ROLES],
  order: 1,
  async render(c) {
    const actor = c.get('actor');
    if (!actor) return null;
    const n = await unreadCount(c.get('deps').h.db, actor.userId);
    const l = c.get('locale');
    return (
      <section class="card" aria-labelledby="inbox-panel">
        <h2 id="inbox-panel">{t(l, 'notifications.panel.title')}</h2>
        <p>
          <a href="/kotak-masuk">
            {n > 0 ? t(l, 'notifications.panel.unread', { n }) : t(l, 'notifications.panel.none')}
          </a>
        </p>
      </section>
    );
  },
};
