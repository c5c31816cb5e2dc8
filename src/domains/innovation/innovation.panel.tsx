// What the innovation centre adds to the menu and to /me: the reviewer's open reviews and the
// seller's open improvement tasks.
import { requireActor, type HomePanel, type NavItem } from '../../kernel/http/index.js';
import { scopeIds } from '../../kernel/auth/index.js';
import { t } from './i18n-fields.js';
import { countOpenReviews, countOpenTasks } from './pages.queries.js';
import { DASHBOARD, REVIEWERS, reviewerRegions } from './scope.js';

export const innovationNav: NavItem[] = [
  { href: '/innovation/queue', label: 'innovation.nav.queue', roles: [...REVIEWERS], order: 40 },
  { href: '/innovation/mine', label: 'innovation.nav.mine', roles: ['seller'], order: 41 },
  {
    href: '/innovation/community',
    label: 'innovation.nav.community',
    roles: ['community_manager'],
    order: 42,
  },
  {
    href: '/innovation/dashboard',
    label: 'innovation.nav.dashboard',
    roles: [...DASHBOARD],
    order: 43,
  },
];

export const innovationHomePanels: HomePanel[] = [
  {
    roles: ['reviewer'],
    order: 40,
    render: async (c) => {
      const n = await countOpenReviews(c.get('deps').h.db, reviewerRegions(requireActor(c)));
      return (
        <section class="card">
          <h2>{t(c, 'innovation.queue.title')}</h2>
          <p>{t(c, 'innovation.panel.reviewer', { n })}</p>
          <p>
            <a href="/innovation/queue">{t(c, 'innovation.queue.open')}</a>
          </p>
        </section>
      );
    },
  },
  {
    roles: ['seller'],
    order: 40,
    render: async (c) => {
      const n = await countOpenTasks(
        c.get('deps').h.db,
        scopeIds(requireActor(c), 'umkm', ['seller']),
      );
      return (
        <section class="card">
          <h2>{t(c, 'innovation.tasks.title')}</h2>
          <p>{t(c, 'innovation.panel.seller', { n })}</p>
          <p>
            <a href="/innovation/mine">{t(c, 'innovation.nav.mine')}</a>
          </p>
        </section>
      );
    },
  },
];
