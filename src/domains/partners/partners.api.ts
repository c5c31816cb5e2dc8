// The partner-facing JSON API under /api/v1/partner, authenticated by a partner API token
// (`Authorization: Bearer lmb_…`, made at /account/tokens) or a partner's session: the product
// feed (JSON, CSV, RSS; ETag/Last-Modified for cheap scheduled pulls), orders in with an
// Idempotency-Key, the webhook delivery log and incentive statements. Every read is filtered
// to the caller's own partner id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { fingerprint, idempotent, requireIdempotencyKey, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { placeOrder } from '../orders/index.js';
import { partnerIdsOf } from './partners.service.js';
import { feedItems, variantsInFeed } from './feed/feed.queries.js';
import { etagOf, feedCsv, feedJson, feedRss, lastModified } from './feed/feed.format.js';
import { deliveryLog } from './webhooks.js';
import { statementWithLines } from './incentives/statements.js';
import { statementCsv } from './incentives/statement-csv.js';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const problem = (description: string) => ({ content: { 'application/problem+json': { schema: z.object({ title: z.string(), code: z.string() }).passthrough() } }, description });

/** The partner the caller acts for: its only partner grant, or `?partner=` among several. */
export function currentPartner(c: Context<AppEnv>): string {
  const actor = requireRole(c, 'partner');
  const ids = partnerIdsOf(actor);
  const asked = c.req.query('partner');
  const id = asked ? ids.find((x) => x === asked) : ids[0];
  if (!id) throw new AppError(asked ? 'NOT_FOUND' : 'PARTNERS_NO_PARTNER');
  return id;
}

const FeedQuery = z.object({
  updated_since: z.string().datetime({ offset: true }).optional().openapi({ description: 'ISO time; also lists items that dropped out (available=false)' }),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  per_page: z.coerce.number().int().min(1).max(500).optional(),
  partner: z.string().max(40).optional(),
});

const OrderIn = z.object({
  external_id: z.string().min(1).max(100),
  lines: z.array(z.object({ variant_id: z.string().min(1).max(40), qty: z.number().int().min(1).max(999) }).strict()).min(1).max(50),
  buyer: z.object({ name: z.string().trim().min(1).max(120), phone: z.string().max(20) }).strict(),
  delivery: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pickup'), service_point_id: z.string().max(40) }).strict(),
    z.object({ kind: z.literal('address'), village_code: z.string().max(20), address: z.string().min(5).max(300) }).strict(),
  ]),
  payment_method: z.enum(['cod', 'transfer', 'qris']),
}).strict().openapi('PartnerOrderIn');

export function partnersApi(app: OpenAPIHono<AppEnv>) {
  const feed = (format: 'json' | 'csv' | 'xml', path: string, summary: string, mime: string) => app.openapi(createRoute({
    method: 'get', path, tags: ['partners'], summary, request: { query: FeedQuery },
    responses: { 200: { content: { [mime]: { schema: z.any() } }, description: 'The feed page' }, 304: { description: 'Not modified since the given ETag / date' }, 401: problem('No or revoked token'), 403: problem('Not a partner') },
  }), async (c) => {
    const partnerId = currentPartner(c);
    const q = c.req.valid('query');
    const db = c.get('deps').h.db;
    const page = q.page ?? 1;
    const { items, hasMore } = await feedItems(db, partnerId, { updatedSince: q.updated_since ? new Date(q.updated_since).toISOString() : undefined, page, perPage: q.per_page ?? 100 });
    const origin = new URL(c.req.url).origin;
    const partner = await db.selectFrom('partners').select('name').where('id', '=', partnerId).executeTakeFirstOrThrow();
    const body = format === 'json'
      ? JSON.stringify({ items: feedJson(items, origin), page, has_more: hasMore, next_page: hasMore ? page + 1 : null })
      : format === 'csv' ? feedCsv(items, origin) : feedRss(items, origin, partner.name);
    const etag = etagOf(body);
    const modified = lastModified(items);
    const headers: Record<string, string> = { etag, 'cache-control': 'private, no-cache', 'content-type': `${mime}; charset=utf-8` };
    if (modified) headers['last-modified'] = new Date(modified).toUTCString();
    const inm = c.req.header('if-none-match');
    const ims = c.req.header('if-modified-since');
    const unchanged = inm ? inm.split(',').map((s) => s.trim()).includes(etag) : !!(ims && modified && Date.parse(ims) >= Math.floor(Date.parse(modified) / 1000) * 1000);
    if (unchanged) return c.body(null, 304, { etag, ...(headers['last-modified'] ? { 'last-modified': headers['last-modified'] } : {}) });
    return c.body(body, 200, headers);
  });
  feed('json', '/api/v1/partner/feed', "The partner's partnered, market-ready products with live price and stock (JSON, paginated, incremental with updated_since)", 'application/json');
  feed('csv', '/api/v1/partner/feed.csv', 'The same feed as CSV', 'text/csv');
  feed('xml', '/api/v1/partner/feed.xml', 'The same feed as Google Merchant–style RSS 2.0', 'application/rss+xml');

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/partner/orders', tags: ['partners'],
    summary: 'Push an order for products in your feed; retried safely with the same Idempotency-Key',
    request: { headers: z.object({ 'idempotency-key': z.string().optional().openapi({ example: 'ptn-order-8842-a', description: 'Required; 8–128 characters' }) }), body: { content: { 'application/json': { schema: OrderIn } }, required: true } },
    responses: {
      201: json(z.object({ group_id: z.string(), orders: z.array(z.object({ id: z.string(), number: z.string(), umkm_id: z.string(), total: z.number() })), total: z.number() }), 'Orders placed (one per UMKM); the same body is returned on replay'),
      400: problem('Missing Idempotency-Key or malformed JSON'), 401: problem('No or revoked token'), 409: problem('The same key is still being processed'),
      422: problem('Invalid order, a product not in your feed, or the key reused with another body'),
    },
  }), async (c) => {
    const partnerId = currentPartner(c);
    const key = requireIdempotencyKey(c.req.header('idempotency-key'));
    const body = c.req.valid('json');
    const db = c.get('deps').h.db;
    const actor = c.get('actor');
    const res = await idempotent(db, `partner-order:${partnerId}`, key, fingerprint(body), async (tx) => {
      const inFeed = await variantsInFeed(tx, partnerId, body.lines.map((l) => l.variant_id));
      const missing = body.lines.map((l) => l.variant_id).filter((v) => !inFeed.has(v));
      if (missing.length) throw new AppError('PARTNERS_NOT_IN_FEED', { variants: missing.join(', ') });
      const placed = unwrap(await placeOrder(tx, {
        lines: body.lines.map((l) => ({ variantId: l.variant_id, qty: l.qty })),
        buyer: { name: body.buyer.name, phone: body.buyer.phone },
        delivery: body.delivery.kind === 'pickup' ? { kind: 'pickup', servicePointId: body.delivery.service_point_id } : { kind: 'address', villageCode: body.delivery.village_code, address: body.delivery.address },
        paymentMethod: body.payment_method, channel: 'partner', partnerId,
      }, actor));
      return { status: 201, body: { group_id: placed.groupId, external_id: body.external_id, orders: placed.orders.map((o) => ({ id: o.id, number: o.number, umkm_id: o.umkmId, total: o.total })), total: placed.total } };
    });
    return c.json(res.body as any, res.status as 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/partner/webhook-deliveries', tags: ['partners'], summary: 'Your latest webhook deliveries with attempts and last result',
    responses: { 200: json(z.object({ items: z.array(z.any()) }), 'Deliveries, newest first'), 401: problem('No or revoked token') },
  }), async (c) => c.json({ items: await deliveryLog(c.get('deps').h.db, currentPartner(c)) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/partner/statements', tags: ['partners'], summary: 'Your issued incentive statements',
    responses: { 200: json(z.object({ items: z.array(z.any()) }), 'Statements, newest first'), 401: problem('No or revoked token') },
  }), async (c) => {
    const rows = await c.get('deps').h.db.selectFrom('incentive_statements').select(['id', 'number', 'period', 'scope_code', 'corrects_id', 'total', 'issued_at'])
      .where('partner_id', '=', currentPartner(c)).orderBy('issued_at', 'desc').execute();
    return c.json({ items: rows }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/partner/statements/{id}/csv', tags: ['partners'], summary: 'One statement as CSV, every line with its order number',
    request: { params: z.object({ id: z.string().max(40) }) },
    responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, 404: problem('Not your statement') },
  }), async (c) => {
    const st = await statementWithLines(c.get('deps').h.db, c.req.valid('param').id);
    if (!st || st.partner_id !== currentPartner(c)) throw new AppError('NOT_FOUND');
    return c.body(statementCsv(st, c.get('locale')), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${st.number}.csv"` });
  });
}
