// Late-payment exceptions in reconciliation: a page and an API for staff of the buyer's region
// (national admins everywhere, regional officers in their region) to list them and resolve
// each one by reserving the goods again or marking the money for refund.
import { Hono, type Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Csrf, page, requireRole, SIGNED_IN, type AppEnv } from '../../../kernel/http/index.js';
import { errorSpec, unwrap } from '../../../kernel/errors/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import {
  EXCEPTION_ROLES,
  listExceptions,
  resolveException,
  type ExceptionView,
  type Resolution,
} from './late-payment.js';

const problem = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), code: z.string() }).passthrough(),
    },
  },
  description,
});

const ExceptionSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    reference: z.string().nullable(),
    method: z.string(),
    kind: z.string(),
    amount: z.number().int(),
    source: z.string(),
    status: z.enum(['open', 'reserved_again', 'refund_due']),
    orderNumbers: z.array(z.string()),
    resolutionGroupId: z.string().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('PaymentException');

const toJson = (
  e:
    | ExceptionView
    | (Omit<ExceptionView, 'reference' | 'method' | 'order_numbers'> & Partial<ExceptionView>),
) => ({
  id: e.id,
  paymentId: e.payment_id,
  reference: e.reference ?? null,
  method: e.method ?? '',
  kind: e.kind,
  amount: e.amount,
  source: e.source,
  status: e.status,
  orderNumbers: e.order_numbers ?? [],
  resolutionGroupId: e.resolution_group_id,
  createdAt: e.created_at,
  resolvedAt: e.resolved_at,
});

export function exceptionsApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/payments/exceptions',
      tags: ['payments'],
      security: SIGNED_IN,
      summary:
        'Money that arrived after its reservation expired, in the caller’s region (national admin, regional officer)',
      request: { query: z.object({ status: z.enum(['open', 'all']).default('open') }) },
      responses: {
        200: {
          content: {
            'application/json': { schema: z.object({ items: z.array(ExceptionSchema) }) },
          },
          description: 'Exceptions, newest first',
        },
        403: problem('Not staff of a region'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...EXCEPTION_ROLES);
      const items = await listExceptions(c.get('deps').h.db, actor, c.req.valid('query').status);
      return c.json({ items: items.map(toJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/payments/exceptions/{id}/resolve',
      tags: ['payments'],
      security: SIGNED_IN,
      summary:
        'Resolve a late payment: `reserve` places the same lines again (stock and price permitting) paid by this money; `refund` marks it for refund. Audit-logged',
      request: {
        params: z.object({
          id: z
            .string()
            .max(40)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
        body: {
          content: {
            'application/json': { schema: z.object({ action: z.enum(['reserve', 'refund']) }) },
          },
          required: true,
        },
      },
      responses: {
        200: {
          content: { 'application/json': { schema: ExceptionSchema } },
          description: 'Resolved',
        },
        403: problem('Not staff of a region'),
        404: problem('No such exception in the caller’s region'),
        409: problem('Already resolved, not enough stock, or prices changed'),
        422: problem('Only a refund is possible'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...EXCEPTION_ROLES);
      const r = unwrap(
        await resolveException(
          c.get('deps').h.db,
          actor,
          c.req.valid('param').id,
          c.req.valid('json').action,
        ),
      );
      return c.json(toJson(r), 200);
    },
  );
}

type C = Context<AppEnv>;

export function exceptionPages() {
  const app = new Hono<AppEnv>();
  const show = async (
    c: C,
    o: { notice?: string; error?: string; status?: 200 | 404 | 409 | 422 } = {},
  ) => {
    const actor = requireRole(c, ...EXCEPTION_ROLES);
    const l = c.get('locale');
    const items = await listExceptions(c.get('deps').h.db, actor, 'all');
    return page(
      c,
      { title: t(l, 'orders.exc.title'), status: o.status },
      <>
        <h1>{t(l, 'orders.exc.title')}</h1>
        <p>{t(l, 'orders.exc.intro')}</p>
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
        {items.length === 0 ? (
          <p class="muted">{t(l, 'orders.exc.none')}</p>
        ) : (
          <section class="card scroll">
            <table>
              <thead>
                <tr>
                  <th>{t(l, 'orders.exc.orders')}</th>
                  <th>{t(l, 'orders.pay.reference')}</th>
                  <th>{t(l, 'orders.exc.source')}</th>
                  <th class="num">{t(l, 'orders.exc.amount')}</th>
                  <th>{t(l, 'orders.exc.status')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr data-exception={e.id} data-status={e.status}>
                    <td>
                      {e.order_numbers.join(', ')}
                      <br />
                      <small>{formatDateTime(l, e.created_at, e.village_code)}</small>
                    </td>
                    <td>{e.reference ?? ''}</td>
                    <td>{t(l, `orders.exc.src.${e.source}`)}</td>
                    <td class="num">{formatRupiah(e.amount)}</td>
                    <td>{t(l, `orders.exc.st.${e.status}`)}</td>
                    <td>
                      {e.status === 'open' ? (
                        <form method="post" action={`/keuangan/pembayaran/pengecualian/${e.id}`}>
                          <Csrf c={c} />
                          <button type="submit" name="action" value="reserve">
                            {t(l, 'orders.exc.reserve')}
                          </button>{' '}
                          <button type="submit" name="action" value="refund">
                            {t(l, 'orders.exc.refund')}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </>,
    );
  };
  app.get('/keuangan/pembayaran/pengecualian', (c) => show(c));
  app.post('/keuangan/pembayaran/pengecualian/:id', async (c) => {
    const actor = requireRole(c, ...EXCEPTION_ROLES);
    const action = String((await c.req.parseBody()).action ?? '');
    const l = c.get('locale');
    if (action !== 'reserve' && action !== 'refund')
      return show(c, { error: t(l, 'validation.required'), status: 422 });
    const r = await resolveException(
      c.get('deps').h.db,
      actor,
      c.req.param('id'),
      action as Resolution,
    );
    if (!r.ok) {
      const spec = errorSpec(r.code);
      return show(c, {
        error: t(l, spec.message, { ...r.params, ...formatted(r.params) }),
        status: spec.status as 404 | 409 | 422,
      });
    }
    return show(c, { notice: t(l, `orders.exc.done.${action}`) });
  });
  return app;
}

/** Amounts in error parameters shown as rupiah. */
function formatted(params: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['amount', 'total'] as const)
    if (typeof params?.[k] === 'number') out[k] = formatRupiah(params[k] as number);
  return out;
}
