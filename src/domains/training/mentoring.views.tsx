// Pages of mentoring: the mentor's caseload, one UMKM's file (milestones, recommendations,
// contact log and form), assignment by community managers/officers, the officer's overview.
import type { Context } from 'hono';
import { t, formatDate } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { CONTACT_MODES } from './training.tables.js';
import type { CaseRow, MentorSummary } from './mentoring-cases.js';
import type { Recommendation } from './recommendations.js';
import type { MilestoneRow } from './milestones.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
const day = (c: C, iso: string | null, region?: string) =>
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

function StatusLine(p: { c: C; row: CaseRow }) {
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

export function MentorDashboard(p: { c: C; cases: CaseRow[] }) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'mentoring.title')}</h1>
      {p.cases.length === 0 ? (
        <p>{tr(c, 'mentoring.none')}</p>
      ) : (
        <ul class="list">
          {p.cases.map((row) => (
            <li data-umkm={row.id} data-flagged={row.flagged ? '1' : '0'}>
              <h2>
                <a href={`/pendampingan/umkm/${row.id}`}>{row.name}</a>
              </h2>
              <StatusLine c={c} row={row} />
              <Milestones c={c} list={row.milestones} region={row.village_code} />
              {row.recommendations.length ? (
                <details>
                  <summary>
                    {tr(c, 'training.rec.title')} ({row.recommendations.length})
                  </summary>
                  <Recommendations c={c} list={row.recommendations} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface LogEntry {
  id: string;
  contacted_on: string;
  mode: string;
  notes: string;
  mentor_name: string | null;
}
export interface ActionEntry {
  id: string;
  description: string;
  due_on: string;
  done_at: string | null;
  contact_id: string;
}

export function UmkmFile(p: {
  c: C;
  row: CaseRow;
  contacts: LogEntry[];
  actions: ActionEntry[];
  canLog: boolean;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  notice?: string;
  today: string;
}) {
  const { c, row } = p;
  return (
    <>
      <section class="card">
        <h1>{row.name}</h1>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <StatusLine c={c} row={row} />
        <h2>{tr(c, 'mentoring.milestones')}</h2>
        <Milestones c={c} list={row.milestones} region={row.village_code} />
        <h2>{tr(c, 'training.rec.title')}</h2>
        <Recommendations
          c={c}
          list={row.recommendations}
          suggestHref={
            p.canLog
              ? (id) => `/pendampingan/umkm/${row.id}?saran=${encodeURIComponent(id)}#f-action_1`
              : undefined
          }
        />
      </section>
      <section class="card">
        <h2>{tr(c, 'mentoring.open_actions')}</h2>
        <ul class="list">
          {p.actions
            .filter((a) => !a.done_at)
            .map((a) => (
              <li data-action={a.id} class={a.due_on < p.today ? 'overdue' : undefined}>
                {a.description}{' '}
                <small>
                  · {tr(c, 'mentoring.due', { date: day(c, a.due_on, row.village_code) })}
                </small>
                {p.canLog ? (
                  <form method="post" action={`/pendampingan/aksi/${a.id}/selesai`} class="inline">
                    <Csrf c={c} /> <button type="submit">{tr(c, 'mentoring.mark_done')}</button>
                  </form>
                ) : null}
              </li>
            ))}
        </ul>
      </section>
      {p.canLog ? (
        <section class="card">
          <h2>{tr(c, 'mentoring.log.title')}</h2>
          {p.message ? (
            <p class="alert" role="alert">
              {p.message}
            </p>
          ) : null}
          <ErrorSummary c={c} errors={p.errors} />
          <form method="post" action={`/pendampingan/umkm/${row.id}/kontak`}>
            <Csrf c={c} />
            <Field
              name="contacted_on"
              type="date"
              label={tr(c, 'mentoring.f.date')}
              value={p.raw?.contacted_on ?? p.today}
              error={p.errors?.contacted_on}
              required
            />
            <SelectField
              name="mode"
              label={tr(c, 'mentoring.f.mode')}
              value={p.raw?.mode}
              options={CONTACT_MODES.map((m) => ({
                value: m,
                label: tr(c, `mentoring.mode.${m}`),
              }))}
            />
            <div class={p.errors?.notes ? 'field invalid' : 'field'}>
              <label for="f-notes">{tr(c, 'mentoring.f.notes')}</label>
              <textarea id="f-notes" name="notes" rows={4} required>
                {p.raw?.notes ?? ''}
              </textarea>
              {p.errors?.notes ? <p class="error">{p.errors.notes}</p> : null}
            </div>
            {[1, 2, 3].map((n) => (
              <div class="row">
                <Field
                  name={`action_${n}`}
                  label={tr(c, 'mentoring.f.action', { n })}
                  value={p.raw?.[`action_${n}`]}
                  error={p.errors?.[`action_${n}`]}
                />
                <Field
                  name={`due_${n}`}
                  type="date"
                  label={tr(c, 'mentoring.f.due', { n })}
                  value={p.raw?.[`due_${n}`]}
                  error={p.errors?.[`due_${n}`]}
                />
              </div>
            ))}
            <button type="submit" class="primary">
              {tr(c, 'training.save')}
            </button>
          </form>
        </section>
      ) : null}
      <section class="card">
        <h2>{tr(c, 'mentoring.history')}</h2>
        <ul class="list">
          {p.contacts.map((x) => (
            <li>
              <strong>{day(c, x.contacted_on, row.village_code)}</strong> ·{' '}
              {tr(c, `mentoring.mode.${x.mode}`)} · {x.mentor_name}
              <br />
              {x.notes}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function AssignPage(p: {
  c: C;
  umkm: { id: string; name: string; mentor_name: string | null }[];
  mentors: { id: string; display_name: string }[];
  notice?: string;
  errors?: Record<string, string>;
}) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'mentoring.assign.title')}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary c={c} errors={p.errors} />
      {p.mentors.length === 0 ? (
        <p>{tr(c, 'mentoring.assign.no_mentors')}</p>
      ) : (
        <form method="post" action="/pendampingan/tugaskan">
          <Csrf c={c} />
          <SelectField
            name="umkm_id"
            label={tr(c, 'mentoring.umkm')}
            error={p.errors?.umkm_id}
            options={p.umkm.map((u) => ({
              value: u.id,
              label: `${u.name} — ${u.mentor_name ?? tr(c, 'mentoring.assign.nobody')}`,
            }))}
          />
          <SelectField
            name="mentor_user_id"
            label={tr(c, 'mentoring.assign.mentor')}
            error={p.errors?.mentor_user_id}
            options={p.mentors.map((m) => ({ value: m.id, label: m.display_name }))}
          />
          <button type="submit" class="primary">
            {tr(c, 'mentoring.assign.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

export function OfficerDashboard(p: { c: C; summaries: MentorSummary[]; flagged: CaseRow[] }) {
  const { c } = p;
  return (
    <>
      <section class="card">
        <h1>{tr(c, 'mentoring.officer.title')}</h1>
        <p>
          <a href="/pendampingan/tugaskan">{tr(c, 'mentoring.assign.title')}</a>
        </p>
        {p.summaries.length === 0 ? (
          <p>{tr(c, 'mentoring.officer.none')}</p>
        ) : (
          <div
            class="scroll"
            tabindex={0}
            role="region"
            aria-label={tr(c, 'mentoring.officer.title')}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(c, 'mentoring.officer.mentor')}</th>
                  <th scope="col" class="num">
                    {tr(c, 'mentoring.officer.caseload')}
                  </th>
                  <th scope="col" class="num">
                    {tr(c, 'mentoring.officer.no_contact')}
                  </th>
                  <th scope="col" class="num">
                    {tr(c, 'mentoring.officer.overdue')}
                  </th>
                  <th scope="col" class="num">
                    {tr(c, 'mentoring.officer.reached')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.summaries.map((s) => (
                  <tr data-mentor={s.mentorUserId}>
                    <td>{s.mentorName}</td>
                    <td class="num">{s.caseload}</td>
                    <td class="num">{s.notContacted}</td>
                    <td class="num">{s.overdueActions}</td>
                    <td class="num">
                      {s.milestonesReached} / {s.milestonesTotal}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <FlagList c={c} rows={p.flagged} />
    </>
  );
}

/** UMKM needing attention (home panels of mentors and community managers). */
export function FlagList(p: { c: C; rows: CaseRow[]; title?: string }) {
  const { c } = p;
  return (
    <section class="card" data-panel="mentoring-flags">
      <h2>{p.title ?? tr(c, 'mentoring.flags')}</h2>
      {p.rows.length === 0 ? (
        <p>{tr(c, 'mentoring.flags_none')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((row) => (
            <li data-umkm={row.id}>
              <a href={`/pendampingan/umkm/${row.id}`}>{row.name}</a>
              {row.mentor_name ? <small> · {row.mentor_name}</small> : null}
              <StatusLine c={c} row={row} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
