// Home panels: certification alerts for sellers (their UMKM) and community managers (their
// organisation's UMKM), and quick links for staff. Alerts are computed on each view of /me
// from expiry dates (60- and 14-day windows, expired) — there is no notification job.
import type { HomePanel, NavItem } from '../../kernel/http/index.js';
import { hasRole } from '../../kernel/auth/index.js';
import { certificationAlerts } from './certifications.js';
import { StateBadge, trOf, type C } from './form-parts.js';

async function alertsPanel(c: C) {
  const actor = c.get('actor');
  if (!actor) return null;
  const tr = trOf(c);
  // Sellers and managers get alerts; officers and agents use the UMKM list.
  const mine = {
    ...actor,
    grants: actor.grants.filter((g) => g.role === 'seller' || g.role === 'community_manager'),
  };
  const alerts = await certificationAlerts(c.get('deps').h.db, mine);
  return (
    <section class="card" id="cert-alerts">
      <h2>{tr('community.alerts.title')}</h2>
      {alerts.length === 0 ? (
        <p>{tr('community.alerts.none')}</p>
      ) : (
        <ul class="list">
          {alerts.map((a) => (
            <li data-state={a.state}>
              <a href={`/community/umkm/${a.umkm_id}#certifications`}>{a.umkm_name}</a>:{' '}
              {tr(`community.cert.${a.kind}`)}{' '}
              <StateBadge c={c} state={a.state} days={a.days_left} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function staffPanel(c: C) {
  const actor = c.get('actor');
  const tr = trOf(c);
  return (
    <section class="card">
      <h2>{tr('community.panel.title')}</h2>
      <p>
        <a class="button" href="/community/umkm/new">
          {tr('community.umkm.register')}
        </a>
      </p>
      <ul class="list">
        <li>
          <a href="/community/umkm">{tr('community.umkm.title')}</a>
        </li>
        <li>
          <a href="/community/organisations">{tr('community.org.title')}</a>
        </li>
        <li>
          <a href="/community/points">{tr('community.point.title')}</a>
        </li>
        {hasRole(actor, 'community_manager', 'regional_officer', 'national_admin') ? (
          <li>
            <a href="/community/points/new">{tr('community.point.new')}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

export const communityHomePanels: HomePanel[] = [
  { roles: ['seller', 'community_manager'], order: 20, render: alertsPanel },
  {
    roles: ['community_manager', 'village_agent', 'regional_officer', 'national_admin'],
    order: 21,
    render: staffPanel,
  },
];

export const communityNav: NavItem[] = [
  {
    href: '/community/umkm',
    label: 'community.nav.umkm',
    roles: ['national_admin', 'regional_officer', 'community_manager', 'village_agent', 'seller'],
    order: 20,
  },
  {
    href: '/community/organisations',
    label: 'community.nav.organisations',
    roles: ['national_admin', 'regional_officer', 'community_manager', 'village_agent'],
    order: 21,
  },
  {
    href: '/community/points',
    label: 'community.nav.points',
    roles: ['national_admin', 'regional_officer', 'community_manager', 'village_agent'],
    order: 22,
  },
];
