// Pieces of a mentoring case that the mentor's dashboard, the officer's lists and the UMKM file
// all show: its status line, milestones and recommendations.
import type { Context } from 'hono';
import { t, formatDate } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import type { CaseRow } from './mentoring-cases.js';
import type { Recommendation } from './recommendations.js';
import type { MilestoneRow } from './milestones.js';

export type C = Context<AppEnv>;
export const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
export const day = (c: C, iso: string | null, region?: string) =>
  iso
    ? formatDate(c.get('locale'), iso.length === 10 ? `${iso}T12:00:00Z` : iso, region)
    : tr(c, 'mentoring.never');

export function Milestones(p: { c: C; list: MilestoneRow[]; region: string }) {
  return (
    <ul class="chips milestones">
      {p.list.map((m) => (
        <li
          class={m.achieved_at ? 'reached' : undefined}
          data-milestone={m.kind}
          data-reached={m.achieved_at ? '1' : '0'}
        >
          {m.achieved_at ? '✓ ' : '○ '}
          {tr(p.c, `mentoring.milestone.${m.kind}`)}
          {m.achieved_at
            ? ` · ${tr(p.c, 'mentoring.milestone.reached', { date: day(p.c, m.achieved_at, p.region) })}`
            : ''}
        </li>
      ))}
    </ul>
  );
}

export function Recommendations(p: {
  c: C;
  list: Recommendation[];
  suggestHref?: (courseId: string) => string;
}) {
  const { c } = p;
  if (p.list.length === 0) return <p>{tr(c, 'training.rec.none')}</p>;
  return (
    <ul class="list recs">
      {p.list.map((r) => (
        <li data-topic={r.topic}>
          <strong>
            {r.course ? (
              <a href={`/pelatihan/kursus/${r.course.id}`}>{r.course.title}</a>
            ) : (
              tr(c, `training.topic.${r.topic}`)
            )}
          </strong>
          {r.course ? null : <small> · {tr(c, 'training.rec.no_course')}</small>}
          {r.course && p.suggestHref ? (
            <>
              {' '}
              · <a href={p.suggestHref(r.course.id)}>{tr(c, 'mentoring.suggest')}</a>
            </>
          ) : null}
          <ul>
            {r.reasons.map((x) => (
              <li>
                {tr(c, x.key, {
                  ...x.params,
                  pillar: x.params.pillar ? tr(c, `training.pillar.${x.params.pillar}`) : '',
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function StatusLine(p: { c: C; row: CaseRow }) {
  const { c, row } = p;
  return (
    <p>
      {tr(c, 'mentoring.last_contact')}: {day(c, row.status.lastContact, row.village_code)} ·{' '}
      {tr(c, 'mentoring.open_actions')}: {row.status.openActions}
      {row.status.overdueActions ? (
        <strong class="flag">
          {' '}
          · {tr(c, 'mentoring.overdue', { count: row.status.overdueActions })}
        </strong>
      ) : null}
      {row.status.notContacted ? (
        <strong class="flag"> · {tr(c, 'mentoring.flag.no_contact')}</strong>
      ) : null}
    </p>
  );
}
