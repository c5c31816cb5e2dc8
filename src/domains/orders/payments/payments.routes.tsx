// Payment routes: the provider webhook (signature-verified, idempotent per event, found by the
// reference the QR code carried), and the staff reconciliation: bank-statement import (page
// and API, every line reported with its outcome) and explicit, audited "received" records.
import { Hono, type Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  Csrf,
  Field,
  controlCharFields,
  idempotent,
  fingerprint,
  page,
  requireRole,
  SIGNED_IN,
  type AppEnv,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec, unwrap } from '../../../kernel/errors/index.js';
import { inTransaction } from '../../../kernel/db/index.js';
import { formatDateTime, t, type Locale } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { groupSummary } from './intent.js';
import { recordLatePayment } from './late-payment.js';
import { paymentProvider, webhookSecret } from './provider.js';
import { settlePayment } from './settle-payment.js';
import { requestTable, tableBody, uploadedTable } from '../../../kernel/xlsx/index.js';
import { importStatement, OUTCOMES, type ImportReport } from './transfer.js';

/** What the statement upload accepts: the bank's CSV, or the same table saved as XLSX. */
const STATEMENT_ACCEPT =
  '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const problem = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), code: z.string() }).passthrough(),
    },
  },
  description,
});

/** The statement as JSON: the CSV text in `csv` (the workbook travels as its raw bytes). */
const StatementCsv = z.object({ csv: z.string().min(1).max(2_000_000) });

const LineResult = z.object({
  line: z.number().int(),
  outcome: z.enum(OUTCOMES),
  reason: z.string(),
  bookedOn: z.string().optional(),
  description: z.string().optional(),
  amount: z.number().int().optional(),
  paymentId: z.string().optional(),
  reference: z.string().optional(),
  exceptionId: z.string().optional(),
  text: z.string().optional(),
  column: z.string().optional().openapi({
    description: 'For a rejected line: the column (heading) whose cell was not understood',
  }),
});
const ImportReportSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Records in the file: the sum of the counts' }),
    counts: z.object(
      Object.fromEntries(OUTCOMES.map((o) => [o, z.number().int()])) as Record<
        (typeof OUTCOMES)[number],
        z.ZodNumber
      >,
    ),
    lines: z.array(LineResult).openapi({ description: 'Every record with its outcome and reason' }),
    sheet: z.string().nullable().openapi({
      description: 'The worksheet read when the file was XLSX (each line is then its row)',
    }),
  })
  .openapi('StatementImport');

export function paymentsApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/payments/{provider}',
      'x-signed-callback': true,
      tags: ['payments'],
      summary:
        'Payment provider callback (QRIS): HMAC-signed over "<x-timestamp>.<body>", refused outside ±600 s; `reference` is the QR code\'s tag 62.05; the event id makes retries idempotent. Money for an expired reservation is recorded as an exception for staff',
      request: {
        params: z.object({
          provider: z
            .string()
            .max(20)
            .openapi({ param: { name: 'provider', in: 'path' }, example: 'qris' }),
        }),
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                paymentId: z.string(),
                status: z.string(),
                exceptionId: z.string().optional(),
              }),
            },
          },
          description: 'Settled (or already settled), or recorded as a late-payment exception',
        },
        401: problem('Bad signature or timestamp outside the window'),
        404: problem('Unknown provider or reference'),
        422: problem('Amount does not match, or the event id was used with another body'),
      },
    }),
    async (c) => {
      const provider = paymentProvider(c.req.valid('param').provider);
      if (!provider) throw new AppError('NOT_FOUND');
      const raw = await c.req.text();
      if (
        !provider.verify(
          raw,
          (n) => c.req.header(n),
          webhookSecret(c.get('deps').config.secret, provider.name),
        )
      )
        throw new AppError('ORDERS_BAD_SIGNATURE');
      const ev = provider.parse(raw);
      if (!ev) throw new AppError('VALIDATION_FAILED');
      // The body is read raw (for the signature), so the kernel's validation never saw it.
      const control = controlCharFields(ev, false);
      if (Object.keys(control).length) throw new AppError('VALIDATION_FAILED', {}, control);
      const db = c.get('deps').h.db;
      let events: OrderEvent[] = [];
      const res = await idempotent(
        db,
        `payment-webhook:${provider.name}`,
        ev.eventId,
        fingerprint(raw),
        async (tx) => {
          const p = await tx
            .selectFrom('payments')
            .selectAll()
            .where('reference', '=', ev.reference)
            .where('provider', '=', provider.name)
            .executeTakeFirst();
          if (!p) throw new AppError('ORDERS_PAYMENT_NOT_FOUND');
          if (ev.status !== 'paid' || p.status === 'paid')
            return { status: 200, body: { paymentId: p.id, status: p.status } };
          if (ev.amount !== p.amount) throw new AppError('ORDERS_PAYMENT_MISMATCH');
          // Expired, or every order of the group was cancelled: the money is real, the goods are not held.
          if (p.status === 'expired' || !(await groupSummary(tx, p.group_id))?.open) {
            const ex = await recordLatePayment(tx, p, {
              source: 'webhook',
              sourceRef: ev.eventId,
              amount: ev.amount,
              actorId: null,
            });
            return {
              status: 200,
              body: { paymentId: p.id, status: 'exception', exceptionId: ex.id },
            };
          }
          events = unwrap(
            await settlePayment(tx, p.id, {
              matchedBy: 'webhook',
              actorId: null,
              providerRef: ev.eventId,
            }),
          );
          return { status: 200, body: { paymentId: p.id, status: 'paid' } };
        },
      );
      dispatchOrderEvents(events);
      return c.json(res.body as { paymentId: string; status: string }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/payments/statements',
      tags: ['payments'],
      security: SIGNED_IN,
      summary:
        'Import a bank statement (CSV as exported by BCA, Mandiri, BRI, BNI, or the same table as an XLSX workbook, first sheet): credit lines pay the open transfer they name; every record comes back with its outcome and reason (national admin)',
      request: { body: tableBody(StatementCsv) },
      responses: {
        200: {
          content: { 'application/json': { schema: ImportReportSchema } },
          description: 'Outcome of every line',
        },
        403: problem('Not a national admin'),
        422: problem('Nothing in the file could be read as a statement'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin');
      const table = await requestTable(c, StatementCsv);
      const r = unwrap(await importStatement(c.get('deps').h.db, table, actor.userId));
      return c.json(r, 200);
    },
  );
}

type C = Context<AppEnv>;

/** Summary line and the table of every record that did not pay something. */
export function ImportResult(p: { l: Locale; report: ImportReport }) {
  const { l, report } = p;
  const rest = report.lines.filter((x) => x.outcome !== 'matched');
  return (
    <section
      class="card"
      data-total={String(report.total)}
      {...Object.fromEntries(OUTCOMES.map((o) => [`data-${o}`, String(report.counts[o])]))}
    >
      <p>{t(l, 'orders.pay.report', { total: report.total, ...report.counts })}</p>
      {rest.length ? (
        <>
          <h2>{t(l, 'orders.pay.not_matched')}</h2>
          <div class="scroll">
            <table>
              {report.sheet !== null ? (
                <caption>{t(l, 'orders.pay.sheet', { sheet: report.sheet })}</caption>
              ) : null}
              <thead>
                <tr>
                  <th>{t(l, report.sheet !== null ? 'orders.pay.row' : 'orders.pay.line')}</th>
                  <th>{t(l, 'orders.pay.column')}</th>
                  <th>{t(l, 'orders.pay.reason')}</th>
                  <th></th>
                  <th class="num"></th>
                </tr>
              </thead>
              <tbody>
                {rest.map((x) => (
                  <tr data-line={String(x.line)} data-outcome={x.outcome} data-reason={x.reason}>
                    <td>{x.line}</td>
                    <td>{x.column ?? ''}</td>
                    <td>{t(l, `orders.stmt.${x.reason}`)}</td>
                    <td>{x.text ?? `${x.bookedOn ?? ''} ${x.description ?? ''}`}</td>
                    <td class="num">{x.amount !== undefined ? formatRupiah(x.amount) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

export function paymentPages() {
  const app = new Hono<AppEnv>();
  const show = async (
    c: C,
    o: { report?: ImportReport; notice?: string; error?: string; status?: 200 | 201 | 422 } = {},
  ) => {
    requireRole(c, 'national_admin');
    const db = c.get('deps').h.db;
    const l = c.get('locale');
    const pending = await db
      .selectFrom('payments')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return page(
      c,
      { title: t(l, 'orders.pay.title'), status: o.status },
      <>
        <h1>{t(l, 'orders.pay.title')}</h1>
        {o.error ? (
          <div class="alert" role="alert">
            <p>{o.error}</p>
          </div>
        ) : null}
        {o.notice ? (
          <div class="notice" role="status">
            <p>{o.notice}</p>
          </div>
        ) : null}
        {o.report ? <ImportResult l={l} report={o.report} /> : null}
        <p>
          <a href="/keuangan/pembayaran/pengecualian">{t(l, 'orders.exc.title')}</a>
        </p>
        <section class="card">
          <form method="post" action="/keuangan/pembayaran/impor" enctype="multipart/form-data">
            <Csrf c={c} />
            <div class="field">
              <label for="f-file">{t(l, 'orders.pay.file')}</label>
              <input id="f-file" name="file" type="file" accept={STATEMENT_ACCEPT} />
            </div>
            <div class="field">
              <label for="f-csv">{t(l, 'orders.pay.import')}</label>
              <textarea id="f-csv" name="csv" rows={6}></textarea>
            </div>
            <button type="submit" class="primary">
              {t(l, 'orders.pay.import_submit')}
            </button>
          </form>
        </section>
        <section class="card scroll">
          <h2>{t(l, 'orders.pay.pending')}</h2>
          <table>
            <tbody>
              {pending.map((p) => (
                <tr>
                  <td>{formatDateTime(l, p.created_at)}</td>
                  <td>{t(l, `orders.method.${p.method}`)}</td>
                  <td>{p.reference ?? ''}</td>
                  <td class="num">{formatRupiah(p.amount)}</td>
                  <td>
                    <form method="post" action={`/keuangan/pembayaran/${p.id}/terima`}>
                      <Csrf c={c} />
                      <Field name="note" label={t(l, 'orders.pay.note')} required />
                      <button type="submit">{t(l, 'orders.pay.record')}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>,
    );
  };
  app.get('/keuangan/pembayaran', (c) => show(c));
  app.post('/keuangan/pembayaran/impor', async (c) => {
    const actor = requireRole(c, 'national_admin');
    const body = await c.req.parseBody();
    // An uploaded file (CSV or XLSX) wins over the pasted text.
    const input = await uploadedTable(body.file, body.csv);
    const r = await importStatement(c.get('deps').h.db, input, actor.userId);
    if (!r.ok)
      return show(c, {
        error: t(c.get('locale'), errorSpec(r.code).message, r.params),
        status: 422,
      });
    return show(c, { report: r.value });
  });
  // The only manual "paid": staff with evidence, audited with the note's presence (not its text).
  app.post('/keuangan/pembayaran/:id/terima', async (c) => {
    const actor = requireRole(c, 'national_admin');
    const note = String((await c.req.parseBody()).note ?? '').trim();
    if (note.length < 3)
      return show(c, { error: t(c.get('locale'), 'validation.required'), status: 422 });
    const db = c.get('deps').h.db;
    const r = await inTransaction(db, async (tx) => {
      const x = await settlePayment(tx, c.req.param('id'), {
        matchedBy: 'staff',
        actorId: actor.userId,
        providerRef: `staff:${note.slice(0, 60)}`,
      });
      if (!x.ok) throw new AppError(x.code);
      return x.value;
    });
    dispatchOrderEvents(r);
    return show(c, { notice: t(c.get('locale'), 'orders.pay.recorded'), status: 201 });
  });
  return app;
}
