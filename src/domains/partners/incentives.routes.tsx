// Officer pages for partner incentives: rules per month and scope, a preview per partner,
// issuing (frozen) statements and corrections, the printable statement with every line
// traced to its order, and the ranking of partners by village GMV and reach into poor villages.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import {
  page,
  readForm,
  requireActor,
  requireRole,
  Csrf,
  Field,
  SelectField,
  ErrorSummary,
  translateFields,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { regionScope, canInRegion, hasRole, type Actor } from '../../kernel/auth/index.js';
import {
  defineRule,
  issueStatement,
  previewStatement,
  statementWithLines,
  canManageIncentives,
} from './incentives/statements.js';
import { statementSheet } from './incentives/statement-csv.js';
import { sendSheet } from '../../kernel/xlsx/index.js';
import { noteText, ruleAmount } from './incentives/notes.js';
import { issueSchema, ruleSchema } from './partners.schema.js';
import { partnerRanking } from './partners.queries.js';
import { partnerIdsOf } from './partners.service.js';
import { placeChoices, regionNames } from '../regions/index.js';

type C = Context<AppEnv>;
const OFFICERS = ['national_admin', 'regional_officer'] as const;

const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** The officer's default scope: national for admins, else its first region grant. */
function defaultScope(actor: Actor): string {
  const s = regionScope(actor, [...OFFICERS]);
  return s === 'all' ? '' : (s[0] ?? '');
}

async function incentivesPage(
  c: C,
  o: { errors?: Record<string, string>; raw?: Record<string, string>; notice?: string } = {},
  status: 200 | 201 | 409 | 422 = 200,
) {
  const actor = requireRole(c, ...OFFICERS);
  const s = (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
  const db = c.get('deps').h.db;
  const period = /^\d{4}-\d{2}$/.test(c.req.query('period') ?? '')
    ? c.req.query('period')!
    : (o.raw?.period ?? lastMonth());
  const asked = c.req.query('scope') ?? o.raw?.scope_code;
  const scope =
    asked !== undefined && canManageIncentives(actor, asked) ? asked : defaultScope(actor);
  const [rules, partners, statements, ranking] = await Promise.all([
    db
      .selectFrom('incentive_rules')
      .selectAll()
      .where('period', '=', period)
      .where('scope_code', '=', scope)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('partners').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('incentive_statements')
      .innerJoin('partners', 'partners.id', 'incentive_statements.partner_id')
      .select([
        'incentive_statements.id',
        'incentive_statements.number',
        'incentive_statements.total',
        'incentive_statements.corrects_id',
        'partners.name',
      ])
      .where('period', '=', period)
      .where('scope_code', '=', scope)
      .orderBy('issued_at')
      .execute(),
    partnerRanking(db, scope || null),
  ]);
  // The area is chosen by name: the provinces and regencies the officer may manage (the
  // nation too, for national staff), never typed as a code.
  const officerScope = regionScope(actor, [...OFFICERS]);
  const areas = await placeChoices(db, officerScope, { levels: [1, 2], groupBy: 1, keep: scope });
  const areaOptions = [
    ...(canManageIncentives(actor, '') ? [{ value: '', label: s('partners.scope_national') }] : []),
    ...areas.groups.flatMap((g) => g.options.map((o) => ({ value: o.code, label: o.name }))),
  ];
  const scopeName = areaOptions.find((o) => o.value === scope)?.label ?? '';
  const previews = await Promise.all(
    partners.map(async (p) => ({
      p,
      total: (await previewStatement(db, p.id, period, scope)).reduce((a, l) => a + l.amount, 0),
    })),
  );
  return page(
    c,
    { title: s('partners.incentives'), status },
    <>
      <h1>{s('partners.incentives')}</h1>
      <p>
        {period} · {scopeName}
      </p>
      {o.notice ? (
        <p class="notice" role="status">
          {o.notice}
        </p>
      ) : null}
      <form method="get" action="/insentif" class="card">
        <Field name="period" label={s('partners.period')} value={period} />
        <SelectField name="scope" label={s('partners.scope')} value={scope} options={areaOptions} />
        <button type="submit">{s('partners.preview')}</button>
      </form>
      <section class="card">
        <h2>{s('partners.rules')}</h2>
        {rules.length === 0 ? (
          <p>{s('partners.none')}</p>
        ) : (
          <ul>
            {rules.map((r) => (
              <li>
                {s(`partners.rule.${r.kind}`)}: {ruleAmount(c.get('locale'), r.kind, r.amount)}
                {r.count ? ` · ${s('partners.rule.first_n', { n: r.count })}` : ''}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/insentif/aturan">
          <Csrf c={c} />
          <ErrorSummary c={c} errors={o.errors} />
          <input type="hidden" name="period" value={period} />
          <input type="hidden" name="scope_code" value={scope} />
          <SelectField
            name="kind"
            label={s('partners.rule_kind')}
            value={o.raw?.kind}
            options={['gmv_percent', 'first_sales_bonus', 'poverty_multiplier', 'monthly_cap'].map(
              (k) => ({ value: k, label: s(`partners.rule.${k}`) }),
            )}
          />
          <Field
            name="amount"
            label={s('partners.amount')}
            hint={s('partners.amount_help')}
            type="number"
            min={0}
            value={o.raw?.amount}
            error={o.errors?.amount}
            required
          />
          <Field
            name="count"
            label={s('partners.count')}
            type="number"
            min={1}
            value={o.raw?.count}
            error={o.errors?.count}
          />
          <button type="submit">{s('partners.add_rule')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{s('partners.statements')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{s('partners.name')}</th>
                <th scope="col">{s('partners.preview')}</th>
                <th scope="col">{s('partners.issue')}</th>
              </tr>
            </thead>
            <tbody>
              {previews.map(({ p, total }) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{formatRupiah(total)}</td>
                  <td>
                    <form method="post" action="/insentif/terbitkan">
                      <Csrf c={c} />
                      <input type="hidden" name="partner_id" value={p.id} />
                      <input type="hidden" name="period" value={period} />
                      <input type="hidden" name="scope_code" value={scope} />
                      <button type="submit" aria-label={`${s('partners.issue')} ${p.name}`}>
                        {s('partners.issue')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul>
          {statements.map((x) => (
            <li>
              <a href={`/insentif/laporan/${x.id}`}>{x.number}</a> · {x.name} ·{' '}
              {formatRupiah(Number(x.total))}
              {x.corrects_id ? ` · ${s('partners.correction_of')}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{s('partners.ranking')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{s('partners.name')}</th>
                <th scope="col">{s('partners.gmv')}</th>
                <th scope="col">{s('partners.orders')}</th>
                <th scope="col">{s('partners.partnered_umkm')}</th>
                <th scope="col">{s('partners.poor_reach')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.map((r) => (
                <tr>
                  <td>{r.name}</td>
                  <td>{formatRupiah(r.gmv)}</td>
                  <td>{r.orders}</td>
                  <td>{r.umkm}</td>
                  <td>{r.poorUmkm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>,
  );
}

/** May the actor read this statement: its partner, or an officer over its scope. */
function mayRead(actor: Actor, st: { partner_id: string; scope_code: string }): boolean {
  if (partnerIdsOf(actor).includes(st.partner_id)) return true;
  if (hasRole(actor, 'national_admin')) return true;
  return st.scope_code !== '' && canInRegion(actor, ['regional_officer'], st.scope_code);
}

export function incentivePages(app: Hono<AppEnv>) {
  app.get('/insentif', (c) => incentivesPage(c));

  app.post('/insentif/aturan', async (c) => {
    const actor = requireRole(c, ...OFFICERS);
    const form = await readForm(c, ruleSchema);
    if (!form.ok) return incentivesPage(c, { errors: form.errors, raw: form.raw }, 422);
    const r = await defineRule(c.get('deps').h.db, actor, {
      period: form.data.period,
      scopeCode: form.data.scope_code,
      kind: form.data.kind,
      amount: form.data.amount,
      count: form.data.count === '' || form.data.count === undefined ? null : form.data.count,
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      return incentivesPage(
        c,
        { errors: translateFields(c.get('locale'), r.fields ?? {}), raw: form.raw },
        422,
      );
    }
    return c.redirect(
      `/insentif?period=${form.data.period}&scope=${encodeURIComponent(form.data.scope_code)}`,
      303,
    );
  });

  app.post('/insentif/terbitkan', async (c) => {
    const actor = requireRole(c, ...OFFICERS);
    const form = await readForm(c, issueSchema);
    if (!form.ok) return incentivesPage(c, { errors: form.errors, raw: form.raw }, 422);
    const r = await issueStatement(
      c.get('deps').h.db,
      actor,
      form.data.partner_id,
      form.data.period,
      form.data.scope_code,
    );
    if (!r.ok) {
      if (r.code === 'FORBIDDEN' || r.code === 'NOT_FOUND') throw new AppError(r.code);
      const key =
        r.code === 'PARTNERS_PERIOD_OPEN' ? 'partners.period_open' : 'partners.statement_unchanged';
      return incentivesPage(
        c,
        { notice: t(c.get('locale'), key), raw: form.raw },
        r.code === 'PARTNERS_PERIOD_OPEN' ? 422 : 409,
      );
    }
    return c.redirect(`/insentif/laporan/${r.value.id}`, 303);
  });

  app.get('/insentif/laporan/:id', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const file = /\.(csv|xlsx)$/.exec(id);
    const st = await statementWithLines(c.get('deps').h.db, file ? id.slice(0, file.index) : id);
    if (!st || !mayRead(actor, st)) throw new AppError('NOT_FOUND');
    if (file) return sendSheet(c, st.number, statementSheet(st, c.get('locale')));
    const s = (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
    // The statement's area by name ("Kabupaten Ngada"), never its bare code.
    const scopeName = st.scope_code
      ? ((await regionNames(c.get('deps').h.db, [st.scope_code])).get(st.scope_code) ??
        st.scope_code)
      : s('partners.scope_national');
    return page(
      c,
      { title: s('partners.statement', { number: st.number }) },
      <section class="card statement">
        <h1>{s('partners.statement', { number: st.number })}</h1>
        <p>
          {s('partners.statement_of', {
            partner: st.partner_name,
            period: st.period,
            scope: scopeName,
          })}
        </p>
        {st.corrects_id ? (
          <p>
            <strong>{s('partners.correction_of')}</strong>
          </p>
        ) : null}
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{s('partners.line.order')}</th>
                <th scope="col">{s('partners.line.kind')}</th>
                <th scope="col">{s('partners.line.base')}</th>
                <th scope="col">{s('partners.line.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {st.lines.map((l) => (
                <tr>
                  <td>{l.order_number ?? '—'}</td>
                  <td>
                    {s(`partners.rule.${l.kind}`)}
                    <br />
                    <small>{noteText(c.get('locale'), l.note)}</small>
                  </td>
                  <td>
                    {l.kind === 'first_sales_bonus' ? `#${l.base}` : formatRupiah(Number(l.base))}
                  </td>
                  <td>{formatRupiah(Number(l.amount))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={3}>
                  {s('partners.total')}
                </th>
                <td>{formatRupiah(Number(st.total))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p>
          <a href={`/insentif/laporan/${st.id}.csv`}>{s('partners.csv')}</a> ·{' '}
          <a href={`/insentif/laporan/${st.id}.xlsx`}>{s('partners.xlsx')}</a>
        </p>
      </section>,
    );
  });
}
