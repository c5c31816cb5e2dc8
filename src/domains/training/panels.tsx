// Home panels and navigation: mentors and community managers see the UMKM that need attention
// (overdue actions, no contact for 30 days); trainers see their next sessions.
import type { Context } from 'hono';
import { t, formatDateTime, pageZoneRegion } from '../../kernel/i18n/index.js';
import {
  requireActor,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../kernel/http/index.js';
import { buildCases, mentorCases } from './mentoring-cases.js';
import { assignmentsInScope } from './mentoring.queries.js';
import { listSessions } from './sessions.service.js';
import { FlagList } from './mentoring.views.js';

export const trainingNav: NavItem[] = [
  {
    href: '/pelatihan',
    label: 'nav.training',
    roles: ['trainer', 'regional_officer', 'national_admin'],
    order: 60,
  },
  {
    href: '/pendampingan',
    label: 'nav.mentoring',
    roles: ['mentor', 'community_manager', 'regional_officer', 'national_admin'],
    order: 61,
  },
];

const mentorPanel: HomePanel = {
  roles: ['mentor'],
  order: 40,
  async render(c: Context<AppEnv>) {
    const actor = requireActor(c);
    if (!actor.grants.some((g) => g.role === 'mentor')) return null;
    const cases = await mentorCases(c.get('deps').h.db, actor.userId);
    return (
      <FlagList
        c={c}
        rows={cases.filter((x) => x.flagged)}
        title={t(c.get('locale'), 'mentoring.panel.title')}
      />
    );
  },
};

const managerPanel: HomePanel = {
  roles: ['community_manager'],
  order: 41,
  async render(c: Context<AppEnv>) {
    const actor = requireActor(c);
    const db = c.get('deps').h.db;
    const cases = await buildCases(db, await assignmentsInScope(db, actor), false);
    return (
      <FlagList
        c={c}
        rows={cases.filter((x) => x.flagged)}
        title={t(c.get('locale'), 'mentoring.panel.title')}
      />
    );
  },
};

const trainerPanel: HomePanel = {
  roles: ['trainer'],
  order: 42,
  async render(c: Context<AppEnv>) {
    const actor = requireActor(c);
    const now = new Date().toISOString();
    const upcoming = (await listSessions(c.get('deps').h.db, actor, 200))
      .filter((s) => s.starts_at >= now || s.status === 'scheduled')
      .reverse()
      .slice(0, 5);
    const zoneRegion = pageZoneRegion(
      upcoming.map((s) => s.region_code),
      actor.grants.find((g) => g.regionCode)?.regionCode,
    );
    return (
      <section class="card">
        <h2>
          <a href="/pelatihan">{t(c.get('locale'), 'training.sessions')}</a>
        </h2>
        {upcoming.length === 0 ? (
          <p>
            {t(c.get('locale'), 'training.no_sessions')}{' '}
            <a href="/pelatihan/sesi/baru">{t(c.get('locale'), 'training.new_session')}</a>
          </p>
        ) : (
          <ul class="list">
            {upcoming.map((s) => (
              <li>
                <a href={`/pelatihan/sesi/${s.id}`}>{s.course_title}</a>{' '}
                <small>
                  · {formatDateTime(c.get('locale'), s.starts_at, zoneRegion)} · {s.place}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
};

export const trainingHomePanels: HomePanel[] = [mentorPanel, managerPanel, trainerPanel];
