// Pages of mentoring: the mentor's caseload, assignment by community managers/officers, the
// officer's overview. One UMKM's file (contact log and forms) is in umkm-file.views.tsx.
import { Csrf, ErrorSummary, SelectField } from '../../kernel/http/index.js';
import type { CaseRow, MentorSummary } from './mentoring-cases.js';
import { Milestones, Recommendations, StatusLine, tr, type C } from './case-parts.views.js';

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
