// The mentor's file of one UMKM: its case, actions, contact log and the forms to add to them.
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { CONTACT_MODES } from './training.tables.js';
import type { CaseRow } from './mentoring-cases.js';
import { day, Milestones, Recommendations, StatusLine, tr, type C } from './case-parts.views.js';

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
