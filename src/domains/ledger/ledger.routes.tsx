// Ledger pages (server-rendered, work with JavaScript off): the seller's earnings with the fee
// breakdown per order (and its CSV), the treasurer's payouts to UMKM, and the bank
// reconciliation with the trial balance for national staff. Every query is scoped by the
// actor's grants; an organisation id from a form is checked against them before anything runs.
import { Hono, type Context } from 'hono';
import { Csrf, page, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { formatDateTime, t } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { scopeIds } from '../../kernel/auth/index.js';
import { bothFormats, sendSheet } from '../../kernel/xlsx/index.js';
import { earningsOf, earningsSheet, sellerTotals } from './earnings.js';
import { owedInOrganisations, payOrganisation, payoutSheet, payoutsOf } from './payouts.js';
import { reconcile } from './reconciliation.js';
import { trialBalance } from './reports.js';
import { periodOf } from './period.js';
import { organisationReconciliationRoutes } from './organisation-reconciliation.routes.js';

type C = Context<AppEnv>;
const sellerUmkm = (c: C) => scopeIds(requireRole(c, 'seller'), 'umkm', ['seller']);
const managerOrgs = (c: C) =>
  scopeIds(requireRole(c, 'community_manager'), 'organisation', ['community_manager']);

export function ledgerRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/penjual/pendapatan', async (c) => {
    const ids = sellerUmkm(c);
    const db = c.get('deps').h.db;
    const [totals, rows] = await Promise.all([sellerTotals(db, ids), earningsOf(db, ids)]);
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'ledger.earn.title') },
      <>
        <h1>{t(l, 'ledger.earn.title')}</h1>
        <section class="card row">
          <div>
            <p class="muted">{t(l, 'ledger.earn.owed')}</p>
            <p class="kpi" data-owed={String(totals.owed)}>
              {formatRupiah(totals.owed)}
            </p>
          </div>
          <div>
            <p class="muted">{t(l, 'ledger.earn.paid_out')}</p>
            <p class="kpi" data-paid-out={String(totals.paidOut)}>
              {formatRupiah(totals.paidOut)}
            </p>
          </div>
        </section>
        <p class="muted">{t(l, 'ledger.earn.explain')}</p>
        {rows.length === 0 ? (
          <p>{t(l, 'ledger.earn.none')}</p>
        ) : (
          <>
            <p>
              <a href="/penjual/pendapatan.csv">{t(l, 'ledger.earn.csv')}</a> ·{' '}
              <a href="/penjual/pendapatan.xlsx">{t(l, 'ledger.earn.xlsx')}</a>
            </p>
            <ul class="list">
              {rows.map((r) => (
                <li class="card" data-order={r.number}>
                  <h2>
                    {t(l, 'ledger.earn.order')} {r.number}
                  </h2>
                  <dl class="facts">
                    <dt>{t(l, 'ledger.earn.items')}</dt>
                    <dd data-k="items">{formatRupiah(r.itemsTotal)}</dd>
                    <dt>{t(l, 'ledger.earn.platform_fee')}</dt>
                    <dd data-k="fee">{formatRupiah(-r.platformFee)}</dd>
                    <dt>{t(l, 'ledger.earn.commission')}</dt>
                    <dd data-k="commission">{formatRupiah(-r.commission)}</dd>
                    <dt>{t(l, 'ledger.earn.net')}</dt>
                    <dd data-k="net">
                      <strong>{formatRupiah(r.net)}</strong>
                    </dd>
                    <dt>{t(l, 'ledger.earn.shipping')}</dt>
                    <dd data-k="shipping">{formatRupiah(r.shipping)}</dd>
                    <dt>{t(l, 'ledger.earn.settled_at')}</dt>
                    <dd data-k="settled">{formatDateTime(l, r.settledAt)}</dd>
                    <dt>{t(l, 'ledger.earn.paid_out_at')}</dt>
                    <dd data-k="paid-out">
                      {r.paidOutAt ? formatDateTime(l, r.paidOutAt) : t(l, 'ledger.earn.not_yet')}
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </>,
    );
  });

  app.on('GET', bothFormats('/penjual/pendapatan'), async (c) => {
    const rows = await earningsOf(c.get('deps').h.db, sellerUmkm(c), 5000);
    return sendSheet(c, 'pendapatan', earningsSheet(rows));
  });

  const payouts = async (c: C, notice?: string, status: 200 | 422 = 200) => {
    const orgs = managerOrgs(c);
    const db = c.get('deps').h.db;
    const [owed, history] = await Promise.all([owedInOrganisations(db, orgs), payoutsOf(db, orgs)]);
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'ledger.pay.title'), status },
      <>
        <h1>{t(l, 'ledger.pay.title')}</h1>
        {notice ? (
          <div class={status === 422 ? 'alert' : 'notice'} role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        <p class="muted">{t(l, 'ledger.pay.explain')}</p>
        <section class="card scroll">
          {owed.length === 0 ? (
            <p>{t(l, 'ledger.pay.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'ledger.pay.umkm')}</th>
                  <th scope="col">{t(l, 'ledger.pay.account')}</th>
                  <th scope="col">{t(l, 'ledger.pay.orders')}</th>
                  <th scope="col">{t(l, 'ledger.pay.owed')}</th>
                </tr>
              </thead>
              <tbody>
                {owed.map((u) => (
                  <tr>
                    <td>{u.payee.name}</td>
                    <td>
                      {[u.payee.bankName, u.payee.bankAccountNumber].filter(Boolean).join(' ')}
                    </td>
                    <td class="num">{u.orders.filter((o) => o.owed > 0).length}</td>
                    <td class="num" data-owed={String(u.owed)}>
                      {formatRupiah(u.owed)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {orgs.map((org) => (
            <form method="post" action="/bumdes/pembayaran">
              <Csrf c={c} />
              <input type="hidden" name="organisation_id" value={org} />
              <button type="submit" class="primary">
                {t(l, 'ledger.pay.create')}
              </button>
            </form>
          ))}
        </section>
        <section class="card">
          <h2>{t(l, 'ledger.pay.history')}</h2>
          <ul class="list">
            {history.map((p) => (
              <li>
                {t(l, 'ledger.pay.history_line', {
                  at: formatDateTime(l, p.created_at),
                  total: formatRupiah(p.total),
                  payees: p.payees,
                })}{' '}
                · <a href={`/bumdes/pembayaran/${p.id}.csv`}>{t(l, 'ledger.pay.csv')}</a> ·{' '}
                <a href={`/bumdes/pembayaran/${p.id}.xlsx`}>{t(l, 'ledger.pay.xlsx')}</a>
              </li>
            ))}
          </ul>
        </section>
      </>,
    );
  };
  app.get('/bumdes/pembayaran', async (c) => {
    const done = c.req.query('dibayar');
    if (!done) return payouts(c);
    // After a payout (post/redirect/get): name it from the history, never from the query alone.
    const p = (await payoutsOf(c.get('deps').h.db, managerOrgs(c))).find((x) => x.id === done);
    if (!p) return payouts(c);
    return payouts(
      c,
      t(c.get('locale'), 'ledger.pay.done', { total: formatRupiah(p.total), payees: p.payees }),
    );
  });
  app.post('/bumdes/pembayaran', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const org = String((await c.req.parseBody()).organisation_id ?? '');
    if (!managerOrgs(c).includes(org)) throw new AppError('FORBIDDEN');
    const r = await payOrganisation(c.get('deps').h.db, org, actor.userId);
    if (!r.ok) return payouts(c, t(c.get('locale'), errorSpec(r.code).message, r.params), 422);
    return c.redirect(`/bumdes/pembayaran?dibayar=${r.value.id}`, 303);
  });
  app.get('/bumdes/pembayaran/:file{lpo_[0-9A-Za-z]+\\.(csv|xlsx)}', async (c) => {
    const id = c.req.param('file').replace(/\.(csv|xlsx)$/, '');
    const sheet = await payoutSheet(c.get('deps').h.db, id, managerOrgs(c));
    if (!sheet) throw new AppError('NOT_FOUND');
    return sendSheet(c, id, sheet);
  });

  app.get('/keuangan/rekonsiliasi', async (c) => {
    requireRole(c, 'national_admin');
    const l = c.get('locale');
    const period = periodOf(c.req.query('dari'), c.req.query('sampai'));
    if (!period.ok) throw new AppError(period.code);
    const db = c.get('deps').h.db;
    const [rec, trial] = await Promise.all([
      reconcile(db, period.value.from, period.value.to),
      trialBalance(db),
    ]);
    return page(
      c,
      { title: t(l, 'ledger.rec.title') },
      <>
        <h1>{t(l, 'ledger.rec.title')}</h1>
        <p class="muted">{t(l, 'ledger.rec.explain')}</p>
        <form method="get" action="/keuangan/rekonsiliasi" class="card row">
          <label>
            {t(l, 'ledger.rec.from')}
            <input type="date" name="dari" value={rec.from} required />
          </label>
          <label>
            {t(l, 'ledger.rec.to')}
            <input type="date" name="sampai" value={rec.to} required />
          </label>
          <button type="submit">{t(l, 'ledger.rec.show')}</button>
        </form>
        <p data-differences={String(rec.rows.length)}>
          {t(l, 'ledger.rec.summary', {
            bank: formatRupiah(rec.bankTotal),
            ledger: formatRupiah(rec.ledgerTotal),
            matched: rec.matched,
            n: rec.rows.length,
          })}
        </p>
        <section class="card scroll">
          {rec.rows.length === 0 ? (
            <p>{t(l, 'ledger.rec.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'ledger.rec.date')}</th>
                  <th scope="col">{t(l, 'ledger.rec.kind')}</th>
                  <th scope="col">{t(l, 'ledger.rec.reference')}</th>
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
                    <td>{r.reference ?? ''}</td>
                    <td>{r.description ?? ''}</td>
                    <td class="num">{formatRupiah(r.bank)}</td>
                    <td class="num">{formatRupiah(r.ledger)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card scroll">
          <h2>{t(l, 'ledger.rec.trial')}</h2>
          <p data-trial-total={String(trial.total)}>
            {t(l, 'ledger.rec.trial_total', {
              total: formatRupiah(trial.total),
              n: trial.transactions,
            })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'ledger.rec.account')}</th>
                <th scope="col">{t(l, 'ledger.rec.debits')}</th>
                <th scope="col">{t(l, 'ledger.rec.credits')}</th>
              </tr>
            </thead>
            <tbody>
              {trial.rows.map((r) => (
                <tr>
                  <td>{t(l, `ledger.kind.${r.kind}`)}</td>
                  <td class="num">{formatRupiah(r.debits)}</td>
                  <td class="num">{formatRupiah(r.credits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>,
    );
  });
  organisationReconciliationRoutes(app);
  return app;
}
