// The audit-trail page: a filter form (plain GET), the rows newest first in a table that
// scrolls by keyboard, keyset paging, and the hash-chain check (a POST) with its result.
import type { Context } from 'hono';
import { t, hasMessage, formatDateTime, zoneForRegion } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import type { VerifyResult } from '../../kernel/audit/index.js';
import type { AuditPage } from './audit.service.js';
import type { FilterInput } from './filter.js';

type C = Context<AppEnv>;

const REASON_KEY: Record<string, string> = {
  'missing row': 'missing',
  'previous hash does not match': 'link',
  'row content changed': 'content',
};

export interface AuditView {
  page: AuditPage | null;
  raw: FilterInput;
  types: string[];
  scopedTypes: string[];
  zoneRegion: string | null;
  actorName: string | null;
  errors?: Record<string, string>;
  verify?: VerifyResult;
}

const query = (raw: FilterInput, extra: Record<string, string>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...raw, ...extra })) if (v) q.set(k, v);
  return q.toString();
};

export function AuditPageView(p: { c: C; v: AuditView }) {
  const { c, v } = p;
  const l = c.get('locale');
  const tr = (k: string, x?: Record<string, unknown>) => t(l, k, x);
  // A kind of record by its name; a kind no domain named yet keeps its key (never a blank).
  const entityLabel = (type: string) =>
    hasMessage(`audit.entity.${type}`) ? tr(`audit.entity.${type}`) : type;
  const national = v.page?.national ?? false;
  const zone = zoneForRegion(v.zoneRegion);
  return (
    <>
      <section class="card">
        <h1>{tr('audit.title')}</h1>
        <p>{tr(national ? 'audit.intro.national' : 'audit.intro.regional')}</p>
        {national ? null : (
          <p class="muted" data-testid="limit">
            {tr('audit.limit', { types: v.scopedTypes.map(entityLabel).join(', ') })}
          </p>
        )}
        <form method="post" action={`/audit/verifikasi?${query(v.raw, {})}`}>
          <Csrf c={c} />
          <button type="submit">{tr('audit.verify')}</button>
        </form>
        {v.verify ? (
          <p class={v.verify.ok ? 'notice' : 'alert'} role="status" data-testid="verify">
            {v.verify.ok
              ? tr('audit.verify.ok', { rows: v.verify.rows })
              : tr('audit.verify.broken', {
                  seq: v.verify.brokenAt,
                  rows: v.verify.rows,
                  reason: tr(
                    `audit.verify.reason.${REASON_KEY[v.verify.reason ?? ''] ?? 'content'}`,
                  ),
                })}
          </p>
        ) : null}
      </section>
      <section class="card">
        <h2>{tr('audit.filter')}</h2>
        <ErrorSummary c={c} errors={v.errors} />
        <form method="get" action="/audit">
          <div class="row">
            <SelectField
              name="entityType"
              label={tr('audit.f.type')}
              value={v.raw.entityType}
              error={v.errors?.entityType}
              options={[
                { value: '', label: tr('audit.f.any_type') },
                ...v.types.map((x) => ({ value: x, label: entityLabel(x) })),
              ]}
            />
            <Field
              name="entityId"
              label={tr('audit.f.id')}
              value={v.raw.entityId}
              autocomplete="off"
            />
            <Field
              name="from"
              type="date"
              label={tr('audit.f.from')}
              value={v.raw.from}
              error={v.errors?.from}
            />
            <Field
              name="to"
              type="date"
              label={tr('audit.f.to')}
              value={v.raw.to}
              error={v.errors?.to}
            />
          </div>
          {v.raw.actorId ? (
            <p>
              <input type="hidden" name="actorId" value={v.raw.actorId} />
              {tr('audit.f.actor', { name: v.actorName ?? tr('audit.unknown_actor') })} ·{' '}
              <a href={`/audit?${query({ ...v.raw, actorId: '', before: '' }, {})}`}>
                {tr('audit.f.actor_clear')}
              </a>
            </p>
          ) : null}
          <button type="submit" class="primary">
            {tr('audit.f.apply')}
          </button>
        </form>
      </section>
      {v.page ? (
        <section class="card">
          <p class="muted">{tr('audit.zone', { zone })}</p>
          {v.page.rows.length === 0 ? (
            <p>{tr('audit.none')}</p>
          ) : (
            <div class="scroll" tabindex={0} role="region" aria-label={tr('audit.title')}>
              <table data-testid="audit">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{tr('audit.col.when')}</th>
                    <th scope="col">{tr('audit.col.who')}</th>
                    <th scope="col">{tr('audit.col.what')}</th>
                    <th scope="col">{tr('audit.col.about')}</th>
                    <th scope="col">{tr('audit.col.facts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.page.rows.map((r) => (
                    <tr data-seq={r.seq}>
                      <td class="num">{r.seq}</td>
                      <td>{formatDateTime(l, r.at, v.zoneRegion)}</td>
                      <td>
                        {r.actorId ? (
                          <a
                            href={`/audit?${query({ ...v.raw, before: '' }, { actorId: r.actorId })}`}
                          >
                            {r.actorName ?? tr('audit.unknown_actor')}
                          </a>
                        ) : (
                          tr('audit.system')
                        )}
                      </td>
                      <td>
                        <code>{r.action}</code>
                      </td>
                      <td>
                        <a
                          href={`/audit?${query({}, { entityType: r.entityType, entityId: r.entityId })}`}
                        >
                          {entityLabel(r.entityType)} · <code>{r.entityId}</code>
                        </a>
                      </td>
                      <td>
                        <small>
                          <code>{JSON.stringify(r.data)}</code>
                        </small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p class="row">
            {v.raw.before ? (
              <a href={`/audit?${query({ ...v.raw, before: '' }, {})}`}>{tr('audit.first')}</a>
            ) : null}
            {v.page.next !== null ? (
              <a rel="next" href={`/audit?${query(v.raw, { before: String(v.page.next) })}`}>
                {tr('audit.next')}
              </a>
            ) : null}
          </p>
        </section>
      ) : null}
    </>
  );
}
