// `/kotak-masuk` (the signed-in person's inbox, mark read), `/kotak-masuk/pengaturan` (channels
// and quiet hours), `/notifikasi/pengiriman` (the staff delivery log, in scope) and the signed
// provider callbacks `POST /api/v1/webhooks/notifications/{channel}`.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createApiApp,
  page,
  problemResponse as problem,
  requireActor,
  requireRole,
  translateFields,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { isId } from '../../kernel/ids/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { contactsOf } from '../accounts/index.js';
import { inboxOf, isMine, markRead, unreadCount } from './inbox.js';
import { prefsOf, savePrefs, type Prefs } from './prefs.js';
import { deliveryLog, LOG_READERS } from './delivery-log.js';
import { applyCallback, callbackSecret, parseCallback, verifyCallback } from './callbacks.js';
import { InboxPage, PrefsPage } from './inbox.views.js';
import { DeliveryLogPage } from './log.views.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './notifications.tables.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;

/** The zone the person's quiet hours are read in: their grant's region, else their latest notice's. */
async function homeRegion(c: C, actor: Actor): Promise<string | null> {
  const granted = actor.grants.find((g) => g.regionCode)?.regionCode;
  if (granted) return granted;
  return (await inboxOf(db(c), actor.userId)).find((n) => n.region_code)?.region_code ?? null;
}

async function prefsPage(
  c: C,
  actor: Actor,
  o: { prefs?: Prefs; errors?: Record<string, string>; saved?: boolean } = {},
) {
  const phone = (await contactsOf(db(c), [actor.userId])).get(actor.userId)?.phone ?? null;
  const prefs = o.prefs ?? (await prefsOf(db(c), [actor.userId])).get(actor.userId);
  return page(
    c,
    { title: t(c.get('locale'), 'notifications.prefs.title'), status: o.errors ? 422 : 200 },
    <PrefsPage
      c={c}
      prefs={prefs as Prefs}
      phoneTail={phone ? phone.slice(-3) : null}
      regionCode={await homeRegion(c, actor)}
      saved={o.saved}
      errors={o.errors}
    />,
  );
}

const hourOf = (v: unknown) => (typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : -1);

export function notificationsRoutes() {
  const app = createApiApp();

  app.get('/kotak-masuk', async (c) => {
    const actor = requireActor(c);
    const [rows, unread] = await Promise.all([
      inboxOf(db(c), actor.userId),
      unreadCount(db(c), actor.userId),
    ]);
    return page(
      c,
      { title: t(c.get('locale'), 'notifications.title') },
      <InboxPage c={c} rows={rows} unread={unread} />,
    );
  });

  app.post('/kotak-masuk/baca', async (c) => {
    const actor = requireActor(c);
    await markRead(db(c), actor.userId, null);
    return c.redirect('/kotak-masuk', 303);
  });

  app.post('/kotak-masuk/:id/baca', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    // Only the reader's own row can match (both reads filter by user): another's id is not found.
    if (!isId(id, 'ntf') || !(await isMine(db(c), actor.userId, id)))
      throw new AppError('NOT_FOUND');
    await markRead(db(c), actor.userId, id);
    return c.redirect('/kotak-masuk', 303);
  });

  app.get('/kotak-masuk/pengaturan', async (c) => {
    const actor = requireActor(c);
    return prefsPage(c, actor, { saved: c.req.query('ok') === '1' });
  });

  app.post('/kotak-masuk/pengaturan', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const prefs: Prefs = {
      whatsapp: body.whatsapp === '1',
      sms: body.sms === '1',
      quietFrom: hourOf(body.quiet_from),
      quietTo: hourOf(body.quiet_to),
    };
    const phone = (await contactsOf(db(c), [actor.userId])).get(actor.userId)?.phone ?? null;
    const r = await savePrefs(db(c), actor.userId, prefs, !!phone);
    if (r.ok) return c.redirect('/kotak-masuk/pengaturan?ok=1', 303);
    return prefsPage(c, actor, {
      prefs: {
        ...prefs,
        quietFrom: Math.max(0, prefs.quietFrom),
        quietTo: Math.max(0, prefs.quietTo),
      },
      errors: translateFields(c.get('locale'), r.fields ?? {}),
    });
  });

  app.get('/notifikasi/pengiriman', async (c) => {
    const actor = requireRole(c, ...LOG_READERS);
    const raw = c.req.query('status') ?? '';
    const status = (DELIVERY_STATUSES as readonly string[]).includes(raw)
      ? (raw as DeliveryStatus)
      : undefined;
    const rows = await deliveryLog(db(c), actor, status);
    return page(
      c,
      { title: t(c.get('locale'), 'notifications.log.title') },
      <DeliveryLogPage c={c} rows={rows} status={status ?? ''} />,
    );
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/notifications/{channel}',
      'x-signed-callback': true,
      tags: ['notifications'],
      summary:
        'Delivery-status callback of a message provider, signed as `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. WhatsApp: the Cloud API body (entry[].changes[].value.statuses[] with id and status); SMS: {"messageId", "status"}. Statuses: sent, delivered, read, failed; a repeated callback changes nothing',
      request: {
        params: z.object({
          channel: z
            .enum(['whatsapp', 'sms'])
            .openapi({ param: { name: 'channel', in: 'path' }, example: 'whatsapp' }),
        }),
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z
                .object({
                  updated: z
                    .number()
                    .int()
                    .openapi({ description: 'Deliveries whose status moved' }),
                })
                .openapi('NotificationCallbackResult'),
            },
          },
          description: 'Applied (or already applied)',
        },
        401: problem('Missing or bad signature'),
      },
    }),
    async (c) => {
      const channel = c.req.valid('param').channel;
      const raw = await c.req.text();
      const secret = callbackSecret(process.env, c.get('deps').config.secret, channel);
      if (!verifyCallback(secret, raw, c.req.header('x-hub-signature-256')))
        throw new AppError('NOTIFICATIONS_BAD_SIGNATURE');
      const updates = parseCallback(channel, raw);
      if (!updates) throw new AppError('VALIDATION_FAILED');
      return c.json({ updated: await applyCallback(db(c), channel, updates) }, 200);
    },
  );
  return app;
}
