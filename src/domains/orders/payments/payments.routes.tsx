// Payment endpoints: the provider webhook (signature-verified, idempotent per event), and the
// staff reconciliation pages: bank-statement import and explicit, audited "received" records.
import { Hono, type Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Csrf, Field, controlCharFields, idempotent, fingerprint, page, requireRole, type AppEnv } from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { inTransaction } from '../../../kernel/db/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import type { MessageTable } from '../../../kernel/domain/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { dispatchOrderEvents } from '../events.js';
import { paymentProvider, webhookSecret } from './provider.js';
import { settlePayment } from './settle-payment.js';
import { importStatement, type ImportReport } from './transfer.js';

export const paymentsMessages: MessageTable = {
  id: {
    'orders.pay.title': 'Rekonsiliasi pembayaran', 'orders.pay.pending': 'Transfer yang ditunggu', 'orders.pay.import': 'Impor mutasi rekening (CSV: tanggal,keterangan,jumlah)',
    'orders.pay.import_submit': 'Impor dan cocokkan', 'orders.pay.report': '{m} cocok, {u} tidak cocok, {d} sudah pernah diimpor.', 'orders.pay.unmatched': 'Baris tidak cocok',
    'orders.pay.manual': 'Catat pembayaran diterima (dengan bukti)', 'orders.pay.note': 'Bukti / catatan', 'orders.pay.record': 'Catat diterima', 'orders.pay.recorded': 'Pembayaran dicatat.',
    'orders.nav.payments': 'Rekonsiliasi pembayaran',
  },
  en: {
    'orders.pay.title': 'Payment reconciliation', 'orders.pay.pending': 'Awaited transfers', 'orders.pay.import': 'Import bank statement (CSV: date,description,amount)',
    'orders.pay.import_submit': 'Import and match', 'orders.pay.report': '{m} matched, {u} unmatched, {d} already imported.', 'orders.pay.unmatched': 'Unmatched lines',
    'orders.pay.manual': 'Record a payment received (with evidence)', 'orders.pay.note': 'Evidence / note', 'orders.pay.record': 'Record received', 'orders.pay.recorded': 'Payment recorded.',
    'orders.nav.payments': 'Payment reconciliation',
  },
};

const problem = (description: string) => ({ content: { 'application/problem+json': { schema: z.object({ title: z.string(), code: z.string() }).passthrough() } }, description });

export function paymentsApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoute({
    method: 'post', path: '/api/v1/webhooks/payments/{provider}', tags: ['payments'],
    summary: 'Payment provider callback (QRIS): HMAC-signed; the provider event id makes retries idempotent',
    request: { params: z.object({ provider: z.string().max(20).openapi({ param: { name: 'provider', in: 'path' }, example: 'qris' }) }) },
    responses: { 200: { content: { 'application/json': { schema: z.object({ paymentId: z.string(), status: z.string() }) } }, description: 'Settled (or already settled)' }, 401: problem('Bad signature'), 404: problem('Unknown provider or payment'), 422: problem('Amount does not match') },
  }), async (c) => {
    const provider = paymentProvider(c.req.valid('param').provider);
    if (!provider) throw new AppError('NOT_FOUND');
    const raw = await c.req.text();
    if (!provider.verify(raw, (n) => c.req.header(n), webhookSecret(c.get('deps').config.secret, provider.name))) throw new AppError('ORDERS_BAD_SIGNATURE');
    const ev = provider.parse(raw);
    if (!ev) throw new AppError('VALIDATION_FAILED');
    // The body is read raw (for the signature), so the kernel's validation never saw it.
    const control = controlCharFields(ev, false);
    if (Object.keys(control).length) throw new AppError('VALIDATION_FAILED', {}, control);
    const db = c.get('deps').h.db;
    let events: Awaited<ReturnType<typeof settlePayment>> | null = null;
    const res = await idempotent(db, `payment-webhook:${provider.name}`, ev.eventId, fingerprint(raw), async (tx) => {
      const p = await tx.selectFrom('payments').selectAll().where('id', '=', ev.paymentId).where('provider', '=', provider.name).executeTakeFirst();
      if (!p) throw new AppError('ORDERS_PAYMENT_NOT_FOUND');
      if (ev.status !== 'paid' || p.status !== 'pending') return { status: 200, body: { paymentId: p.id, status: p.status } };
      if (ev.amount !== p.amount) throw new AppError('ORDERS_PAYMENT_MISMATCH');
      events = await settlePayment(tx, p.id, { matchedBy: 'webhook', actorId: null, providerRef: ev.eventId });
      if (!events.ok) throw new AppError(events.code);
      return { status: 200, body: { paymentId: p.id, status: 'paid' } };
    });
    if (events && (events as any).ok) dispatchOrderEvents((events as any).value);
    return c.json(res.body as { paymentId: string; status: string }, 200);
  });
}

type C = Context<AppEnv>;

export function paymentPages() {
  const app = new Hono<AppEnv>();
  const show = async (c: C, o: { report?: ImportReport; notice?: string; error?: string; status?: 200 | 201 | 422 } = {}) => {
    requireRole(c, 'national_admin');
    const db = c.get('deps').h.db;
    const l = c.get('locale');
    const pending = await db.selectFrom('payments').selectAll().where('status', '=', 'pending').orderBy('created_at', 'desc').limit(200).execute();
    return page(c, { title: t(l, 'orders.pay.title'), status: o.status }, (
      <>
        <h1>{t(l, 'orders.pay.title')}</h1>
        {o.error ? <div class="alert" role="alert"><p>{o.error}</p></div> : null}
        {o.notice ? <div class="notice" role="status"><p>{o.notice}</p></div> : null}
        {o.report ? (
          <section class="card" data-matched={String(o.report.matched.length)} data-unmatched={String(o.report.unmatched.length)}>
            <p>{t(l, 'orders.pay.report', { m: o.report.matched.length, u: o.report.unmatched.length, d: o.report.duplicates })}</p>
            {o.report.unmatched.length ? <><h2>{t(l, 'orders.pay.unmatched')}</h2><ul>{o.report.unmatched.map((u) => <li>#{u.line} {u.bookedOn} {u.description} {formatRupiah(u.amount)}</li>)}</ul></> : null}
          </section>
        ) : null}
        <section class="card">
          <form method="post" action="/keuangan/pembayaran/impor">
            <Csrf c={c} />
            <div class="field"><label for="f-csv">{t(l, 'orders.pay.import')}</label><textarea id="f-csv" name="csv" rows={6}></textarea></div>
            <button type="submit" class="primary">{t(l, 'orders.pay.import_submit')}</button>
          </form>
        </section>
        <section class="card scroll">
          <h2>{t(l, 'orders.pay.pending')}</h2>
          <table><tbody>{pending.map((p) => (
            <tr><td>{formatDateTime(l, p.created_at)}</td><td>{t(l, `orders.method.${p.method}`)}</td><td class="num">{formatRupiah(p.amount)}</td>
              <td><form method="post" action={`/keuangan/pembayaran/${p.id}/terima`}><Csrf c={c} />
                <Field name="note" label={t(l, 'orders.pay.note')} required /><button type="submit">{t(l, 'orders.pay.record')}</button></form></td></tr>
          ))}</tbody></table>
        </section>
      </>
    ));
  };
  app.get('/keuangan/pembayaran', (c) => show(c));
  app.post('/keuangan/pembayaran/impor', async (c) => {
    const actor = requireRole(c, 'national_admin');
    const csv = String((await c.req.parseBody()).csv ?? '');
    const r = await importStatement(c.get('deps').h.db, csv, actor.userId);
    if (!r.ok) return show(c, { error: t(c.get('locale'), errorSpec(r.code).message, r.params), status: 422 });
    return show(c, { report: r.value });
  });
  // The only manual "paid": staff with evidence, audited with the note's presence (not its text).
  app.post('/keuangan/pembayaran/:id/terima', async (c) => {
    const actor = requireRole(c, 'national_admin');
    const note = String((await c.req.parseBody()).note ?? '').trim();
    if (note.length < 3) return show(c, { error: t(c.get('locale'), 'validation.required'), status: 422 });
    const db = c.get('deps').h.db;
    const r = await inTransaction(db, async (tx) => {
      const x = await settlePayment(tx, c.req.param('id'), { matchedBy: 'staff', actorId: actor.userId, providerRef: `staff:${note.slice(0, 60)}` });
      if (!x.ok) throw new AppError(x.code);
      return x.value;
    });
    dispatchOrderEvents(r);
    return show(c, { notice: t(c.get('locale'), 'orders.pay.recorded'), status: 201 });
  });
  return app;
}
