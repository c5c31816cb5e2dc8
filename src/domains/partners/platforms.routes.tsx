// Pages of partner platforms: the dashboard, webhook settings and offers. The national admin's
// registration of a platform is in registration.routes.tsx, the community manager's decisions on
// offers in decisions.routes.tsx.
import type { Context, Hono } from 'hono';
import { t, formatPercent } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import {
  page,
  readForm,
  requireRole,
  Csrf,
  Field,
  SelectField,
  ErrorSummary,
  type AppEnv,
} from '../../kernel/http/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { translateFields } from '../../kernel/http/index.js';
import { offerPartnership, updateWebhook } from './partners.service.js';
import { offerSchema, webhookSchema } from './partners.schema.js';
import { offerTargets, partnerStats, partnershipsOfPartner } from './partners.queries.js';
import { deliveryLog } from './webhooks.js';
import { currentPartner } from './partner-caller.js';

type C = Context<AppEnv>;
const tr = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

async function dashboard(
  c: C,
  extra: {
    offerErrors?: Record<string, string>;
    raw?: Record<string, string>;
    notice?: string;
  } = {},
  status: 200 | 201 | 422 = 200,
) {
  const partnerId = currentPartner(c);
  const db = c.get('deps').h.db;
  const s = tr(c);
  const [p, stats, ships, log, targets, statements] = await Promise.all([
    db.selectFrom('partners').selectAll().where('id', '=', partnerId).executeTakeFirstOrThrow(),
    partnerStats(db, partnerId),
    partnershipsOfPartner(db, partnerId),
    deliveryLog(db, partnerId, 20),
    offerTargets(db),
    db
      .selectFrom('incentive_statements')
      .select(['id', 'number', 'period', 'total', 'corrects_id'])
      .where('partner_id', '=', partnerId)
      .orderBy('issued_at', 'desc')
      .limit(24)
      .execute(),
  ]);
  return page(
    c,
    { title: s('partners.dashboard'), status },
    <>
      <h1>
        {s('partners.dashboard')}: {p.name}
      </h1>
      {extra.notice ? (
        <p class="notice" role="status">
          {extra.notice}
        </p>
      ) : null}
      <section class="card">
        <dl class="stats">
          <div>
            <dt>{s('partners.partnered_umkm')}</dt>
            <dd>{stats.umkm}</dd>
          </div>
          <div>
            <dt>{s('partners.gmv')}</dt>
            <dd>{formatRupiah(stats.gmv)}</dd>
          </div>
          <div>
            <dt>{s('partners.orders')}</dt>
            <dd>{stats.orders}</dd>
          </div>
          <div>
            <dt>{s('partners.returns')}</dt>
            <dd>{stats.returns}</dd>
          </div>
          <div>
            <dt>{s('partners.incentive_earned')}</dt>
            <dd>{formatRupiah(stats.incentives)}</dd>
          </div>
        </dl>
      </section>
      <section class="card">
        <h2>{s('partners.feeds')}</h2>
        <ul>
          <li>
            <a href="/api/v1/partner/feed">JSON</a> · <a href="/api/v1/partner/feed.csv">CSV</a> ·{' '}
            <a href="/api/v1/partner/feed.xml">RSS/XML</a>
          </li>
        </ul>
      </section>
      <section class="card">
        <h2>{s('partners.partnerships')}</h2>
        {ships.length === 0 ? (
          <p>{s('partners.none')}</p>
        ) : (
          <ul>
            {ships.map((x) => (
              <li>
                {x.umkm_name ?? x.org_name} · {s(`partners.status.${x.status}`)} ·{' '}
                {formatPercent(c.get('locale'), x.commission_bps / 10000)} · {x.starts_on}
                {x.ends_on ? `–${x.ends_on}` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3>{s('partners.offer')}</h3>
        <form method="post" action="/mitra/tawar">
          <Csrf c={c} />
          <ErrorSummary c={c} errors={extra.offerErrors} />
          <SelectField
            name="target"
            label={s('partners.target')}
            value={extra.raw?.target}
            error={extra.offerErrors?.target}
            required
            options={[
              ...targets.orgs.map((o) => ({
                value: `organisation:${o.id}`,
                label: `${o.name} (${o.village})`,
              })),
              ...targets.umkm.map((u) => ({
                value: `umkm:${u.id}`,
                label: `UMKM ${u.name} (${u.village})`,
              })),
            ]}
          />
          <Field
            name="commission_pct"
            label={s('partners.commission')}
            type="number"
            step="0.1"
            min={0}
            max={50}
            value={extra.raw?.commission_pct ?? '5'}
            error={extra.offerErrors?.commission_pct}
            required
          />
          <SelectField
            name="ships_by"
            label={s('partners.ships_by')}
            value={extra.raw?.ships_by}
            options={['lumbung', 'partner'].map((v) => ({
              value: v,
              label: s(`partners.ships_by.${v}`),
            }))}
          />
          <Field
            name="terms"
            label={s('partners.terms')}
            value={extra.raw?.terms}
            error={extra.offerErrors?.terms}
            required
          />
          <Field
            name="starts_on"
            label={s('partners.starts_on')}
            type="date"
            value={extra.raw?.starts_on ?? new Date().toISOString().slice(0, 10)}
            error={extra.offerErrors?.starts_on}
            required
          />
          <Field
            name="ends_on"
            label={s('partners.ends_on')}
            type="date"
            value={extra.raw?.ends_on}
            error={extra.offerErrors?.ends_on}
          />
          <button type="submit">{s('partners.offer')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{s('partners.webhook_url')}</h2>
        <form method="post" action="/mitra/webhook">
          <Csrf c={c} />
          <Field
            name="webhook_url"
            label={s('partners.webhook_url')}
            type="url"
            value={p.webhook_url}
          />
          <p>
            <label>
              <input type="checkbox" name="rotate" value="1" /> {s('partners.rotate')}
            </label>
          </p>
          <button type="submit">{s('partners.save')}</button>
        </form>
        <p>
          <strong>{s('partners.secret')}:</strong> <code>{p.webhook_secret}</code>
        </p>
        <p>
          <small>{s('partners.secret_help')}</small>
        </p>
        <h3>{s('partners.deliveries')}</h3>
        {log.length === 0 ? (
          <p>{s('partners.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <tbody>
                {log.map((d) => (
                  <tr>
                    <td>{d.created_at.slice(0, 16).replace('T', ' ')}</td>
                    <td>{d.event}</td>
                    <td>{d.status}</td>
                    <td>{d.attempts}×</td>
                    <td>{d.last_status ?? d.last_error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{s('partners.statements')}</h2>
        {statements.length === 0 ? (
          <p>{s('partners.none')}</p>
        ) : (
          <ul>
            {statements.map((x) => (
              <li>
                <a href={`/insentif/laporan/${x.id}`}>{x.number}</a> · {x.period} ·{' '}
                {formatRupiah(Number(x.total))}
                {x.corrects_id ? ` · ${s('partners.correction_of')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>,
  );
}

export function partnerPages(app: Hono<AppEnv>) {
  app.get('/mitra', (c) => dashboard(c));

  app.post('/mitra/tawar', async (c) => {
    const partnerId = currentPartner(c);
    const actor = requireRole(c, 'partner');
    const form = await readForm(c, offerSchema);
    if (!form.ok) return dashboard(c, { offerErrors: form.errors, raw: form.raw }, 422);
    const [kind, id] = form.data.target.split(':') as ['umkm' | 'organisation', string];
    const r = await offerPartnership(c.get('deps').h.db, actor, partnerId, {
      target: { kind, id },
      commissionBps: Math.round(form.data.commission_pct * 100),
      shipsBy: form.data.ships_by,
      terms: form.data.terms,
      startsOn: form.data.starts_on,
      endsOn: form.data.ends_on || null,
    });
    if (!r.ok) {
      const errors = r.fields
        ? translateFields(c.get('locale'), r.fields)
        : {
            target: t(
              c.get('locale'),
              r.code === 'PARTNERS_ALREADY_PARTNERED'
                ? 'partners.already_partnered'
                : 'errors.forbidden',
            ),
          };
      return dashboard(c, { offerErrors: errors, raw: form.raw }, 422);
    }
    return dashboard(c, { notice: t(c.get('locale'), 'partners.offered') }, 201);
  });

  app.post('/mitra/webhook', async (c) => {
    const partnerId = currentPartner(c);
    const actor = requireRole(c, 'partner');
    const form = await readForm(c, webhookSchema);
    if (!form.ok) return dashboard(c, { notice: Object.values(form.errors).join(' ') }, 422);
    unwrap(
      await updateWebhook(
        c.get('deps').h.db,
        actor,
        partnerId,
        form.data.webhook_url || null,
        form.data.rotate === '1',
      ),
    );
    return c.redirect('/mitra', 303);
  });
}
