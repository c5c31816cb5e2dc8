// Pages of the innovation centre. Plain forms that work without JavaScript on a 360 px phone;
// every control has a label, errors sit next to their field and in a summary.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatDate, t, type Locale } from '../../kernel/i18n/index.js';
import type { ChecklistKey, CertRequirement } from './checklist.js';
import type { Round, TaskRow } from './pages.queries.js';
import type { MentorOption } from './innovation.queries.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export const stateLabel = (locale: Locale, s: string) => t(locale, `innovation.state.${s}`);
export const taskTitle = (
  locale: Locale,
  task: { title: string | null; title_key: string | null },
) => task.title ?? t(locale, task.title_key ?? '');
const daysSince = (iso: string) =>
  Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86400_000));

export interface QueueRow {
  id: string;
  product_id: string;
  round: number;
  submitted_at: string;
  village_code: string;
  title: string;
  umkm_name: string;
  reopened_items: string | null;
}

/** "Reopened after the seller's edit: check photos, description again" — or nothing for an ordinary round. */
export function Reopened(p: { c: C; items: string | null }) {
  if (!p.items) return null;
  const keys = p.items.split(',');
  const what = keys.includes('all')
    ? tr(p.c, 'innovation.reopened.all')
    : keys.map((k) => tr(p.c, `innovation.item.${k}`)).join('; ');
  return (
    <p class="warn" data-reopened={p.items}>
      {tr(p.c, 'innovation.reopened', { what })}
    </p>
  );
}

export function QueuePage(p: { c: C; rows: QueueRow[]; places: Map<string, string> }) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'innovation.queue.title')}</h1>
      {p.rows.length === 0 ? (
        <p>{tr(c, 'innovation.queue.empty')}</p>
      ) : (
        <ol class="list" data-testid="review-queue">
          {p.rows.map((r) => (
            <li>
              <a href={`/innovation/reviews/${r.id}`}>
                <strong>{r.title}</strong>
              </a>
              <br />
              <span class="muted">
                {r.umkm_name} · {p.places.get(r.village_code) ?? ''} ·{' '}
                {tr(c, 'innovation.queue.round', { round: r.round })} ·{' '}
                {tr(c, 'innovation.queue.waiting', { days: daysSince(r.submitted_at) })}
              </span>
              <Reopened c={c} items={r.reopened_items} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TextArea(p: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
}) {
  const id = `f-${p.name}`;
  const described =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <small id={`${id}-hint`}>{p.hint}</small> : null}
      <textarea
        id={id}
        name={p.name}
        rows={2}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described}
      >
        {p.value ?? ''}
      </textarea>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export interface ReviewFormProps {
  c: C;
  reviewId: string;
  product: { id: string; title: string; umkm_name: string; village_code: string; category: string };
  /** The product's village, by name. */
  place: string;
  round: number;
  keys: readonly ChecklistKey[];
  missingCerts: readonly CertRequirement[];
  mentors: MentorOption[];
  today: string;
  /** Checklist items a seller's edit touched, when the edit opened this round. */
  reopened?: string | null;
  /** The catalog's rendering of the product: what the checklist is judged on. */
  dossier: Child;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
}

export function ReviewForm(p: ReviewFormProps) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'innovation.review.title', { title: p.product.title })}</h1>
      <p class="muted">
        {p.product.umkm_name} · {p.place} · {tr(c, 'innovation.queue.round', { round: p.round })} ·{' '}
        <a href={`/innovation/products/${p.product.id}`}>{tr(c, 'innovation.product.rounds')}</a>
      </p>
      <Reopened c={c} items={p.reopened ?? null} />
      {p.dossier}
      <p>{tr(c, 'innovation.review.intro')}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={`/innovation/reviews/${p.reviewId}`} class="review-form">
        <Csrf c={c} />
        {p.keys.map((k) => (
          <fieldset class={errors[`${k}_result`] ? 'check invalid' : 'check'} data-item={k}>
            <legend>{tr(c, `innovation.item.${k}`)}</legend>
            {k === 'certification' ? (
              <p class={p.missingCerts.length ? 'warn' : 'notice'}>
                {p.missingCerts.length
                  ? tr(c, 'innovation.review.certs_missing', {
                      missing: p.missingCerts.map((m) => m.name[c.get('locale')]).join(', '),
                    })
                  : tr(c, 'innovation.review.certs_ok')}
              </p>
            ) : null}
            <div class="choices">
              <label>
                <input
                  type="radio"
                  id={`f-${k}_result`}
                  name={`${k}_result`}
                  value="pass"
                  checked={raw[`${k}_result`] === 'pass'}
                  required
                />{' '}
                {tr(c, 'innovation.review.pass')}
              </label>
              <label>
                <input
                  type="radio"
                  id={`f-${k}_result-fail`}
                  name={`${k}_result`}
                  value="fail"
                  checked={raw[`${k}_result`] === 'fail'}
                />{' '}
                {tr(c, 'innovation.review.fail')}
              </label>
            </div>
            {errors[`${k}_result`] ? <p class="error">{errors[`${k}_result`]}</p> : null}
            <TextArea
              name={`${k}_comment`}
              label={tr(c, 'innovation.review.comment')}
              value={raw[`${k}_comment`]}
              error={errors[`${k}_comment`]}
            />
            <Field
              name={`${k}_task`}
              label={tr(c, 'innovation.review.task_title')}
              value={raw[`${k}_task`]}
              error={errors[`${k}_task`]}
              hint={tr(c, 'innovation.review.task_hint', {
                suggestion: tr(c, `innovation.task.${k}`),
              })}
            />
          </fieldset>
        ))}
        <Field
          name="due_on"
          type="date"
          label={tr(c, 'innovation.review.due')}
          value={raw.due_on}
          error={errors.due_on}
          min={p.today}
        />
        <SelectField
          name="mentor_user_id"
          label={tr(c, 'innovation.review.mentor')}
          value={raw.mentor_user_id}
          error={errors.mentor_user_id}
          options={[
            { value: '', label: tr(c, 'innovation.review.no_mentor') },
            ...p.mentors.map((m) => ({ value: m.id, label: m.display_name })),
          ]}
        />
        <button type="submit" class="primary">
          {tr(c, 'innovation.review.submit')}
        </button>
      </form>
    </section>
  );
}

export function TaskList(p: {
  c: C;
  tasks: TaskRow[];
  canMark: boolean;
  back: string;
  regionCode?: string;
}) {
  const { c } = p;
  const locale = c.get('locale');
  if (p.tasks.length === 0) return <p>{tr(c, 'innovation.tasks.none')}</p>;
  return (
    <ul class="list tasks">
      {p.tasks.map((task) => (
        <li data-task={task.item_key} data-status={task.status}>
          <strong>{taskTitle(locale, task)}</strong>{' '}
          <span class={task.status === 'done' ? 'chip ok' : 'chip'}>
            {tr(c, `innovation.task_status.${task.status}`)}
          </span>
          <br />
          <span class="muted">
            {tr(c, `innovation.item.${task.item_key}`)} ·{' '}
            {tr(c, 'innovation.tasks.due', {
              date: formatDate(locale, `${task.due_on}T12:00:00Z`, task.village_code),
            })}
            {task.mentor_name
              ? ` · ${tr(c, 'innovation.tasks.mentor', { name: task.mentor_name })}`
              : ''}
          </span>
          <details>
            <summary>{tr(c, 'innovation.tasks.history')}</summary>
            <ul>
              {task.events.map((e) => (
                <li>
                  {formatDate(locale, e.at, task.village_code)} —{' '}
                  {tr(c, `innovation.event.${e.event}`)}
                </li>
              ))}
            </ul>
          </details>
          {p.canMark && task.status === 'open' ? (
            <form method="post" action={`/innovation/tasks/${task.id}/done`} class="inline">
              <Csrf c={c} />
              <input type="hidden" name="back" value={p.back} />
              <button type="submit">{tr(c, 'innovation.tasks.mark_done')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Rounds(p: { c: C; rounds: Round[] }) {
  const { c } = p;
  const locale = c.get('locale');
  if (p.rounds.length === 0) return <p>{tr(c, 'innovation.product.no_rounds')}</p>;
  return (
    <ol class="list rounds">
      {p.rounds.map((r) => (
        <li data-round={r.round} data-state={r.state}>
          <strong>
            {tr(c, 'innovation.queue.round', { round: r.round })}:{' '}
            {tr(c, `innovation.round_state.${r.state}`)}
          </strong>
          <span class="muted">
            {' '}
            · {formatDate(locale, r.submitted_at, r.village_code)}
            {r.score !== null ? ` · ${tr(c, 'innovation.product.score', { score: r.score })}` : ''}
          </span>
          {r.items.length ? (
            <ul>
              {r.items.map((i) => (
                <li data-item={i.item_key} data-passed={String(i.passed)}>
                  {i.passed ? '✓ ' : '✗ '}
                  {tr(c, `innovation.item.${i.item_key}`)}:{' '}
                  {tr(c, i.passed ? 'innovation.review.pass' : 'innovation.review.fail')}
                  {i.comment ? ` — ${i.comment}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function SubmitButton(p: { c: C; productId: string; state: string; back: string }) {
  const { c } = p;
  if (!['not_reviewed', 'changes_requested', 'withdrawn'].includes(p.state)) return null;
  return (
    <form method="post" action={`/innovation/products/${p.productId}/submit`} class="inline">
      <Csrf c={c} />
      <input type="hidden" name="back" value={p.back} />
      <button type="submit" class="primary">
        {tr(
          c,
          p.state === 'not_reviewed' ? 'innovation.product.submit' : 'innovation.product.resubmit',
        )}
      </button>
    </form>
  );
}

export interface ProductSummary {
  id: string;
  title: string;
  listing_state: string;
  umkm_name: string;
  tasks: TaskRow[];
  latest?: Round;
}

/** "My review results and tasks" (seller) and the community manager's overview. */
export function ProductsAndTasks(p: {
  c: C;
  title: string;
  products: ProductSummary[];
  notice?: string;
  back: string;
}) {
  const { c } = p;
  const locale = c.get('locale');
  return (
    <>
      <h1>{p.title}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.products.length === 0 ? <p class="card">{tr(c, 'innovation.mine.none')}</p> : null}
      {p.products.map((prod) => (
        <section class="card" data-product={prod.id}>
          <h2>
            <a href={`/innovation/products/${prod.id}`}>{prod.title}</a>
          </h2>
          <p>
            {prod.umkm_name} · {tr(c, 'innovation.product.state')}:{' '}
            <strong data-testid="state">{stateLabel(locale, prod.listing_state)}</strong>
            {prod.latest?.score != null
              ? ` · ${tr(c, 'innovation.product.score', { score: prod.latest.score })}`
              : ''}
          </p>
          {prod.latest && prod.latest.items.some((i) => !i.passed) ? (
            <ul class="failed">
              {prod.latest.items
                .filter((i) => !i.passed)
                .map((i) => (
                  <li>
                    ✗ {tr(c, `innovation.item.${i.item_key}`)}
                    {i.comment ? `: ${i.comment}` : ''}
                  </li>
                ))}
            </ul>
          ) : null}
          <h3>{tr(c, 'innovation.tasks.title')}</h3>
          <TaskList c={c} tasks={prod.tasks} canMark back={p.back} />
          <SubmitButton c={c} productId={prod.id} state={prod.listing_state} back={p.back} />
        </section>
      ))}
    </>
  );
}
