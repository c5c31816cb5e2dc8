// `/audit` (page) and `GET /api/v1/audit` (JSON, in OpenAPI): the audit trail in the reader's
// scope, filtered and paged; `POST /audit/verifikasi` checks the whole hash chain and shows the
// first broken row.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  auditEntityTypes,
  auditScopedTypes,
  verifyAudit,
  type VerifyResult,
} from '../../kernel/audit/index.js';
import { AppError } from '../../kernel/errors/index.js';
import {
  createApiApp,
  page,
  problemResponse as problem,
  requireRole,
  SIGNED_IN,
  type AppEnv,
} from '../../kernel/http/index.js';
import { t, zoneForRegion } from '../../kernel/i18n/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { AUDIT_READERS, auditFeed, readerScope } from './audit.service.js';
import { FilterQuery, parseFilter, type FilterInput } from './filter.js';
import { AuditPageView } from './audit.views.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;

/** The region whose zone the reader's page uses: their region, or Jakarta's (WIB) nationally. */
const zoneRegionOf = (actor: Actor): string | null => {
  const s = readerScope(actor);
  return s === 'all' ? null : (s[0] ?? null);
};

const RowSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        'The facts the acting domain recorded with the change (which fields, from → to …); their names are as it wrote them',
    }),
    region: z.string().nullable(),
  })
  .openapi('AuditRow');

async function pageOf(c: C, verify?: VerifyResult) {
  const actor = requireRole(c, ...AUDIT_READERS);
  const raw: FilterInput = {};
  for (const k of ['entityType', 'entityId', 'actorId', 'from', 'to', 'before'] as const) {
    const v = c.req.query(k);
    if (typeof v === 'string') raw[k] = v.slice(0, 100);
  }
  const zoneRegion = zoneRegionOf(actor);
  const parsed = parseFilter(raw, zoneForRegion(zoneRegion));
  const national = readerScope(actor) === 'all';
  const types = national ? await auditEntityTypes(db(c)) : auditScopedTypes();
  const title = t(c.get('locale'), 'audit.title');
  if (!parsed.ok) {
    const errors = Object.fromEntries(
      Object.entries(parsed.fields).map(([k, v]) => [k, t(c.get('locale'), v)]),
    );
    return page(
      c,
      { title, status: 422 },
      <AuditPageView
        c={c}
        v={{
          page: null,
          raw,
          types,
          scopedTypes: auditScopedTypes(),
          zoneRegion,
          actorName: null,
          errors,
          verify,
        }}
      />,
    );
  }
  const r = await auditFeed(db(c), actor, parsed.filter);
  if (!r.ok) throw new AppError(r.code);
  const actorName = raw.actorId
    ? (r.value.rows.find((x) => x.actorId === raw.actorId)?.actorName ?? null)
    : null;
  return page(
    c,
    { title },
    <AuditPageView
      c={c}
      v={{
        page: r.value,
        raw,
        types,
        scopedTypes: auditScopedTypes(),
        zoneRegion,
        actorName,
        verify,
      }}
    />,
  );
}

export function auditRoutes() {
  const app = createApiApp();
  app.get('/audit', (c) => pageOf(c));
  // Verifying reads the whole chain: a POST, so no link prefetch or crawler starts it.
  app.post('/audit/verifikasi', async (c) => {
    requireRole(c, ...AUDIT_READERS);
    return pageOf(c, await verifyAudit(db(c)));
  });
  api(app);
  return app;
}

function api(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['audit'],
      security: SIGNED_IN,
      summary:
        "The audit trail in the caller's scope, newest first (national admins: all rows; regional officers: rows about entities in their region)",
      description:
        'Rows of entity types whose owning domain declares no region resolver are national-only. Page with `before` = the `next` of the previous page.',
      request: {
        query: FilterQuery.extend({
          limit: z
            .string()
            .regex(/^\d{1,3}$/)
            .optional(),
        }),
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({ items: z.array(RowSchema), next: z.number().int().nullable() }),
            },
          },
          description: 'One page of rows',
        },
        401: problem('Not signed in'),
        403: problem('Not national or regional staff'),
        422: problem('Invalid filter'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...AUDIT_READERS);
      const q = c.req.valid('query');
      const parsed = parseFilter(q, zoneForRegion(zoneRegionOf(actor)));
      if (!parsed.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          Object.fromEntries(Object.entries(parsed.fields).map(([k, key]) => [k, { key }])),
        );
      const limit = Math.min(Math.max(Number(q.limit ?? 50) || 50, 1), 200);
      const r = await auditFeed(c.get('deps').h.db, actor, parsed.filter, limit);
      if (!r.ok) throw new AppError(r.code);
      return c.json({ items: r.value.rows, next: r.value.next }, 200);
    },
  );
}
