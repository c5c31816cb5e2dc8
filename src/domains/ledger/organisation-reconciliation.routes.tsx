// The BUMDes/koperasi treasurer's bank reconciliation (JS-off): import the organisation's CSV
// bank statement, then see where it and the organisation's cash account in the ledger disagree.
// A manager reconciles only the organisations of their grants; national staff any organisation
// (chosen from those with a cash account or an imported statement). The organisation id of a
// query or form is checked against the grants before anything is read or written.
import type { Context, Hono } from 'hono';
import { Csrf, page, requireRole, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { hasRole, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { t } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { uploadedTable } from '../../kernel/xlsx/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { organisationPlaces } from '../community/index.js';
import {
  importOrganisationStatement,
  reconcileOrganisation,
  type OrganisationImport,
} from './organisation-reconciliation.js';
import { periodOf } from './period.js';
import { mayReconcile } from './access.js';

type C = Context<AppEnv>;
const PATH = '/keuangan/rekonsiliasi/organisasi';

/** Organisations the actor may reconcile (national staff: those the ledger knows a bank side of). */
async function reconcilable(db: Tx, actor: Actor): Promise<string[]> {
  if (!hasRole(actor, 'national_admin'))
    return scopeIds(actor, 'organisation', ['community_manager']);
  const [cash, imported] = await Promise.all([
    db
      .selectFrom('ledger_accounts')
      .select('owner_id')
      .where('kind', '=', 'organisation_cash')
      .execute(),
    db.selectFrom('ledger_bank_lines').select('organisation_id').distinct().execute(),
  ]);
  return [
    ...new Set([
      ...cash.map((r) => r.owner_id!).filter(Boolean),
      ...imported.map((r) => r.organisation_id),
    ]),
  ];
}

async function chosen(c: C, asked: string | undefined) {
  const actor = requireRole(c, 'community_manager', 'national_admin');
  const db = c.get('deps').h.db;
  const orgs = await reconcilable(db, actor);
  // National staff may open any organisation by id; a manager only their own.
  if (asked && !orgs.includes(asked) && !mayReconcile(actor, asked))
    throw new AppError('FORBIDDEN');
  const org = asked || orgs[0] || null;
  const places = await organisationPlaces(db, [...new Set([...orgs, ...(org ? [org] : [])])]);
  if (asked && !places.has(asked)) throw new AppError('NOT_FOUND');
  return { actor, db, org, places };
}

async function show(
  c: C,
  q: { org?: string; from?: string; to?: string },
  notice?: { text: string; status: 200 | 422 },
) {
  const l = c.get('locale');
  const { db, org, places } = await chosen(c, q.org);
  const period = periodOf(q.from, q.to);
  if (!period.ok) throw new AppError(period.code);
  const rec = org ? await reconcileOrganisation(db, org, period.value.from, period.value.to) : null;
  const options = [...places.values()].map((p) => ({ value: p.id, label: p.name }));
  return page(
    c,
    { title: t(l, 'ledger.orec.title'), status: notice?.status ?? 200 },
    <>
      <h1>{t(l, 'ledger.orec.title')}</h1>
      <p class="muted">{t(l, 'ledger.orec.explain')}</p>
      {notice ? (
        <div class={notice.status === 422 ? 'alert' : 'notice'} role="status">
          <p>{notice.text}</p>
        </div>
      ) : null}
      {org ? null : <p>{t(l, 'ledger.orec.no_org')}</p>}
      <form method="get" action={PATH} class="card">
        <SelectField
          name="org"
          label={t(l, 'ledger.orec.organisation')}
          value={org ?? ''}
          options={options}
        />
        <div class="row">
          <label>
            {t(l, 'ledger.rec.from')}
            <input type="date" name="dari" value={period.value.from} required />
          </label>
          <label>
            {t(l, 'ledger.rec.to')}
            <input type="date" name="sampai" value={period.value.to} required />
          </label>
        </div>
        <button type="submit">{t(l, 'ledger.rec.show')}</button>
      </form>
      {org && rec ? (
        <>
          <p data-differences={String(rec.rows.length)} data-matched={String(rec.matched)}>
            {t(l, 'ledger.rec.summary', {
              bank: formatRupiah(rec.bankTotal),
              ledger: formatRupiah(rec.ledgerTotal),
              matched: rec.matched,
              n: rec.rows.length,
            })}
          </p>
          <section class="card scroll" tabindex={0} aria-label={t(l, 'ledger.orec.title')}>
            {rec.rows.length === 0 ? (
              <p>{t(l, 'ledger.rec.none')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t(l, 'ledger.rec.date')}</th>
                    <th scope="col">{t(l, 'ledger.rec.kind')}</th>
                    <th scope="col">{t(l, 'ledger.rec.description')}</th>
                    <th scope="col">{t(l, 'ledger.rec.bank')}</th>
                    <th scope="col">{t(l, 'ledger.rec.ledger')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rec.rows.map((r) => (
                    <tr data-kind={r.kind}>
                      <td>{r.bookedOn ?? ''}</td>
                      <td>{t(l, `ledger.rec.kind.${r.kind}`)}</td>
                      <td>
                        {r.description ?? (r.reference ? t(l, `ledger.tx.${r.reference}`) : '')}
                      </td>
                      <td class="num">{formatRupiah(r.bank)}</td>
                      <td class="num">{formatRupiah(r.ledger)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <form method="post" action={`${PATH}/impor`} class="card" enctype="multipart/form-data">
            <Csrf c={c} />
            <h2>{t(l, 'ledger.orec.import')}</h2>
            <input type="hidden" name="organisation_id" value={org} />
            <label for="f-file">{t(l, 'ledger.orec.file')}</label>
            <input
              id="f-file"
              name="file"
              type="file"
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
            <label for="f-csv">{t(l, 'ledger.orec.csv')}</label>
            <textarea id="f-csv" name="csv" rows={6}></textarea>
            <button type="submit" class="primary">
              {t(l, 'ledger.orec.import_button')}
            </button>
          </form>
        </>
      ) : null}
    </>,
  );
}

/** Mounts the organisation's reconciliation pages on the ledger's routes. */
export function organisationReconciliationRoutes(app: Hono<AppEnv>) {
  app.get(PATH, (c) =>
    show(c, { org: c.req.query('org'), from: c.req.query('dari'), to: c.req.query('sampai') }),
  );
  app.post(`${PATH}/impor`, async (c) => {
    const body = await c.req.parseBody();
    const org = String(body.organisation_id ?? '');
    const { actor, db } = await chosen(c, org || '-');
    const l = c.get('locale');
    // An uploaded file (CSV or XLSX) wins over the pasted text.
    const input = await uploadedTable(body.file, body.csv);
    const r = await importOrganisationStatement(db, org, input, actor.userId);
    if (!r.ok)
      return show(c, { org }, { text: t(l, errorSpec(r.code).message, r.params), status: 422 });
    const done: OrganisationImport = r.value;
    return show(c, { org }, { text: t(l, 'ledger.orec.imported', { ...done }), status: 200 });
  });
}
