// The partner-facing JSON API under /api/v1/partner, authenticated by a partner API token
// (`Authorization: Bearer lmb_…`, made at /account/tokens) or a partner's session: the product
// feed (JSON, CSV, RSS; ETag/Last-Modified for cheap scheduled pulls), the webhook delivery log
// and incentive statements. Orders in and out are in partner-orders.api.ts. Every read is
// filtered to the caller's own partner id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../kernel/errors/index.js';
import { SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { currentPartner } from './partner-caller.js';
import { feedItems } from './feed/feed.queries.js';
import { etagOf, feedCsv, feedJson, feedRss, lastModified } from './feed/feed-format.js';
import { deliveryLog } from './webhooks.js';
import { statementWithLines } from './incentives/statements.js';
import { statementCsv } from './incentives/statement-csv.js';
import {
  FeedPage,
  FeedQuery,
  PartnerQuery,
  Statement,
  WebhookDelivery,
} from './partners.api-schemas.js';
import { partnerOrdersApi } from './partner-orders.api.js';

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const ConditionalHeaders = z.object({
  'if-none-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The ETag of the copy you hold: 304 when it is still current' }),
  'if-modified-since': z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'HTTP date of your copy (used when If-None-Match is absent)' }),
});
const VALIDATORS = {
  ETag: {
    description: 'Strong validator of exactly this page; send it back as If-None-Match',
    schema: { type: 'string' },
  },
  'Last-Modified': {
    description: 'Latest change among the items (absent for an empty page)',
    schema: { type: 'string' },
  },
} as const;

export function partnersApi(app: OpenAPIHono<AppEnv>) {
  const feed = (
    format: 'json' | 'csv' | 'xml',
    path: string,
    operationId: string,
    summary: string,
    mime: string,
    schema: z.ZodType,
  ) =>
    app.openapi(
      createRoute({
        method: 'get',
        path,
        tags: ['partners'],
        operationId,
        summary,
        security: SIGNED_IN,
        request: { query: FeedQuery, headers: ConditionalHeaders },
        responses: {
          200: {
            content: { [mime]: { schema } },
            headers: {
              ...VALIDATORS,
              'Cache-Control': {
                description: '`private, no-cache`: revalidate every time',
                schema: { type: 'string' },
              },
            },
            description: 'The feed page',
          },
          304: {
            headers: VALIDATORS,
            description: 'Not modified since the given ETag / date: keep your copy',
          },
          404: { description: 'The `partner` asked for is not one of yours' },
        },
      }),
      async (c) => {
        const partnerId = currentPartner(c);
        const q = c.req.valid('query');
        const db = c.get('deps').h.db;
        const page = q.page ?? 1;
        const { items, hasMore } = await feedItems(db, partnerId, {
          updatedSince: q.updatedSince ? new Date(q.updatedSince).toISOString() : undefined,
          page,
          perPage: q.perPage ?? 100,
        });
        const origin = new URL(c.req.url).origin;
        const partner = await db
          .selectFrom('partners')
          .select('name')
          .where('id', '=', partnerId)
          .executeTakeFirstOrThrow();
        const body =
          format === 'json'
            ? JSON.stringify({
                items: feedJson(items, origin),
                page,
                hasMore,
                nextPage: hasMore ? page + 1 : null,
              })
            : format === 'csv'
              ? feedCsv(items, origin)
              : feedRss(items, origin, partner.name);
        const etag = etagOf(body);
        const modified = lastModified(items);
        const headers: Record<string, string> = {
          etag,
          'cache-control': 'private, no-cache',
          'content-type': `${mime}; charset=utf-8`,
        };
        if (modified) headers['last-modified'] = new Date(modified).toUTCString();
        const inm = c.req.header('if-none-match');
        const ims = c.req.header('if-modified-since');
        const unchanged = inm
          ? inm
              .split(',')
              .map((s) => s.trim())
              .includes(etag)
          : !!(
              ims &&
              modified &&
              Date.parse(ims) >= Math.floor(Date.parse(modified) / 1000) * 1000
            );
        if (unchanged)
          return c.body(null, 304, {
            etag,
            ...(headers['last-modified'] ? { 'last-modified': headers['last-modified'] } : {}),
          });
        return c.body(body, 200, headers);
      },
    );
  feed(
    'json',
    '/api/v1/partner/feed',
    'getPartnerFeed',
    "The partner's partnered, market-ready products with live price and stock (JSON, paginated, incremental with updatedSince)",
    'application/json',
    FeedPage,
  );
  feed(
    'csv',
    '/api/v1/partner/feed.csv',
    'getPartnerFeedCsv',
    'The same feed as CSV (spreadsheet column names)',
    'text/csv',
    z.string(),
  );
  feed(
    'xml',
    '/api/v1/partner/feed.xml',
    'getPartnerFeedRss',
    'The same feed as Google Merchant–style RSS 2.0',
    'application/rss+xml',
    z.string(),
  );

  partnerOrdersApi(app);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/webhook-deliveries',
      tags: ['partners'],
      operationId: 'listPartnerWebhookDeliveries',
      security: SIGNED_IN,
      summary: 'Your latest 50 webhook deliveries with attempts and last result',
      request: { query: PartnerQuery },
      responses: {
        200: json(z.object({ items: z.array(WebhookDelivery) }), 'Deliveries, newest first'),
        404: { description: 'The `partner` asked for is not one of yours' },
      },
    }),
    async (c) => {
      const rows = await deliveryLog(c.get('deps').h.db, currentPartner(c));
      return c.json(
        {
          items: rows.map((d) => ({
            id: d.id,
            orderId: d.order_id,
            event: d.event,
            status: d.status,
            attempts: d.attempts,
            lastStatus: d.last_status,
            lastError: d.last_error,
            createdAt: d.created_at,
            deliveredAt: d.delivered_at,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/statements',
      tags: ['partners'],
      operationId: 'listPartnerStatements',
      security: SIGNED_IN,
      summary: 'Your issued incentive statements',
      request: { query: PartnerQuery },
      responses: {
        200: json(z.object({ items: z.array(Statement) }), 'Statements, newest first'),
        404: { description: 'The `partner` asked for is not one of yours' },
      },
    }),
    async (c) => {
      const rows = await c
        .get('deps')
        .h.db.selectFrom('incentive_statements')
        .select(['id', 'number', 'period', 'scope_code', 'corrects_id', 'total', 'issued_at'])
        .where('partner_id', '=', currentPartner(c))
        .orderBy('issued_at', 'desc')
        .execute();
      return c.json(
        {
          items: rows.map((s) => ({
            id: s.id,
            number: s.number,
            period: s.period,
            scopeCode: s.scope_code,
            correctsId: s.corrects_id,
            total: Number(s.total),
            issuedAt: s.issued_at,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/statements/{id}/csv',
      tags: ['partners'],
      operationId: 'getPartnerStatementCsv',
      security: SIGNED_IN,
      summary: 'One statement as CSV, every line with its order number',
      request: { params: z.object({ id: z.string().max(40) }), query: PartnerQuery },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
        404: { description: 'Not your statement' },
      },
    }),
    async (c) => {
      const st = await statementWithLines(c.get('deps').h.db, c.req.valid('param').id);
      if (!st || st.partner_id !== currentPartner(c)) throw new AppError('NOT_FOUND');
      return c.body(statementCsv(st, c.get('locale')), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${st.number}.csv"`,
      });
    },
  );
}
