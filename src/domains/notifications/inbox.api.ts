// The inbox as JSON for the signed-in person (a phone app, a partner's own screen):
// `GET /api/v1/inbox` pages their notifications newest first, each with its sentence in the
// caller's language and its one link; `POST /api/v1/inbox/read` marks some or all read. Every
// query is filtered by the caller's own user id: another person's ids match nothing.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, requireActor, SIGNED_IN } from '../../kernel/http/index.js';
import { inboxPage, markRead, markReadMany, unreadCount } from './inbox.js';
import { noticeText } from './compose.js';

const time = (description: string) => z.string().openapi({ format: 'date-time', description });

const InboxQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional()
    .openapi({ description: 'Page from 1' }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Items per page, 1–100 (default 20)' }),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true`: only unread notifications' }),
});

const InboxItem = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'What it is about (order_placed, payout_issued, …)' }),
    text: z.string().openapi({ description: "The sentence, in the caller's language" }),
    link: z.string().openapi({ description: 'Path of this site the notice points to' }),
    createdAt: time('When it was written'),
    readAt: time('When it was marked read').nullable(),
  })
  .openapi('InboxItem');

const InboxPage = z
  .object({
    items: z.array(InboxItem),
    unread: z.number().int().openapi({ description: 'Unread notifications in all' }),
    page: z.number().int(),
    hasMore: z.boolean(),
    nextPage: z.number().int().nullable(),
  })
  .openapi('InboxPage');

const MarkReadIn = z
  .object({
    ids: z
      .array(z.string().min(1).max(40))
      .max(100)
      .optional()
      .openapi({ description: 'Notifications to mark read; omitted: all of them' }),
  })
  .strict()
  .openapi('InboxMarkRead');

const MarkReadOut = z
  .object({
    updated: z.number().int().openapi({ description: 'Notifications newly marked read' }),
    unread: z.number().int().openapi({ description: 'Unread notifications left' }),
  })
  .openapi('InboxMarkReadResult');

export function inboxApi() {
  const app = createApiApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/inbox',
      tags: ['notifications'],
      operationId: 'listInbox',
      summary: 'The caller’s notifications, newest first, paged',
      security: SIGNED_IN,
      request: { query: InboxQuery },
      responses: {
        200: { content: { 'application/json': { schema: InboxPage } }, description: 'One page' },
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const db = c.get('deps').h.db;
      const page = q.page ?? 1;
      const locale = c.get('locale');
      const [{ rows, hasMore }, unread] = await Promise.all([
        inboxPage(db, actor.userId, {
          page,
          perPage: q.perPage ?? 20,
          unreadOnly: q.unread === 'true',
        }),
        unreadCount(db, actor.userId),
      ]);
      return c.json(
        {
          items: rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            text: noticeText(locale, n.kind, JSON.parse(n.params)),
            link: n.link,
            createdAt: n.created_at,
            readAt: n.read_at,
          })),
          unread,
          page,
          hasMore,
          nextPage: hasMore ? page + 1 : null,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/inbox/read',
      tags: ['notifications'],
      operationId: 'markInboxRead',
      summary: 'Marks the given notifications of the caller read (all when `ids` is omitted)',
      security: SIGNED_IN,
      request: {
        body: { content: { 'application/json': { schema: MarkReadIn } }, required: true },
      },
      responses: {
        200: {
          content: { 'application/json': { schema: MarkReadOut } },
          description: 'Marked; ids that are not the caller’s or already read count nothing',
        },
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { ids } = c.req.valid('json');
      const db = c.get('deps').h.db;
      const updated = ids
        ? await markReadMany(db, actor.userId, ids)
        : await markRead(db, actor.userId, null);
      return c.json({ updated, unread: await unreadCount(db, actor.userId) }, 200);
    },
  );
  return app;
}
