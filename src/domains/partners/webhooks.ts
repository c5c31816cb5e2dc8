// Status webhooks to partners: every transition of a partner's order becomes one delivery row
// and one job; the job POSTs the JSON body signed with HMAC-SHA256 over `timestamp.body`
// (header `Lumbung-Signature: t=<unix>,v1=<hex>`), so a partner can reject forged and replayed
// calls (old timestamp, or an event id it has seen). Failures and time-outs are retried with
// the job queue's back-off; every attempt is visible to the partner in its delivery log.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newId } from '../../kernel/ids/index.js';
import { nowIso, type Db, type Tx } from '../../kernel/db/index.js';
import { enqueue, type JobHandler } from '../../kernel/jobs/index.js';
import { orderStateForPartner } from '../orders/index.js';
import './partners.tables.js';

export const WEBHOOK_JOB = 'partners.webhook';
/** A partner endpoint that does not answer in time counts as a failed attempt (retried). */
export const webhookTimeoutMs = () => Number(process.env.LUMBUNG_WEBHOOK_TIMEOUT_MS ?? 5000);
export const WEBHOOK_ATTEMPTS = 8;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a partner runs on receipt (documented for them; used by our tests). */
export function verifyWebhook(
  secret: string,
  header: string,
  body: string,
  nowSec = Math.floor(Date.now() / 1000),
  toleranceSec = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSec - t) > toleranceSec) return false;
  // Computed here from the documented recipe, not through signWebhook: the vectors in
  // webhook-signature.test.ts then pin signer and verifier independently.
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

export interface OrderChange {
  orderId: string;
  kind: string;
  from: string | null;
  to: string;
  at: string;
}

/** The delivered JSON, camelCase like the API; partners parse it, so its shape is pinned by a test. */
export function webhookBody(
  id: string,
  e: OrderChange,
  o: {
    id: string;
    number: string;
    status: string;
    payment_status: string;
    fulfilment_status: string;
  },
): string {
  return JSON.stringify({
    id,
    type: `order.${e.kind}`,
    createdAt: e.at,
    data: {
      orderId: o.id,
      number: o.number,
      change: { kind: e.kind, from: e.from, to: e.to },
      status: o.status,
      paymentStatus: o.payment_status,
      fulfilmentStatus: o.fulfilment_status,
    },
  });
}

/** Queues a delivery when the order came from a partner with a webhook URL; returns its id. */
export async function queueWebhook(db: Tx, e: OrderChange): Promise<string | null> {
  // Most orders come from no partner: those cost the one read of the order's state.
  const row = await orderStateForPartner(db, e.orderId);
  if (!row || !row.partner_id) return null;
  const partner = await db
    .selectFrom('partners')
    .select('webhook_url')
    .where('id', '=', row.partner_id)
    .executeTakeFirst();
  if (!partner?.webhook_url) return null;
  const id = newId('whd');
  const body = webhookBody(id, e, row);
  await db
    .insertInto('webhook_deliveries')
    .values({
      id,
      partner_id: row.partner_id,
      order_id: row.id,
      event: `order.${e.kind}`,
      body,
      status: 'pending',
      attempts: 0,
      last_status: null,
      last_error: null,
      created_at: nowIso(),
      delivered_at: null,
    })
    .execute();
  await enqueue(db, WEBHOOK_JOB, { deliveryId: id }, { maxAttempts: WEBHOOK_ATTEMPTS });
  return id;
}

async function deliver(db: Db, deliveryId: string, finalAttempt: boolean): Promise<void> {
  const d = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('partners', 'partners.id', 'webhook_deliveries.partner_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.body',
      'webhook_deliveries.status',
      'webhook_deliveries.attempts',
      'partners.webhook_url',
      'partners.webhook_secret',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
  if (!d || d.status === 'delivered' || !d.webhook_url) return;
  const ts = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.webhook_url, {
      method: 'POST',
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookTimeoutMs()),
      headers: {
        'content-type': 'application/json',
        'lumbung-signature': signWebhook(d.webhook_secret, ts, d.body),
        'lumbung-event-id': d.id,
      },
    });
    status = res.status;
    await res.body?.cancel();
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error =
      err instanceof Error && err.name === 'TimeoutError'
        ? `timeout after ${webhookTimeoutMs()} ms`
        : `network error: ${(err as Error).message}`;
  }
  const ok = error === null;
  await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: d.attempts + 1,
      last_status: status,
      last_error: error,
      status: ok ? 'delivered' : finalAttempt ? 'failed' : 'pending',
      delivered_at: ok ? nowIso() : null,
    })
    .where('id', '=', d.id)
    .execute();
  if (!ok) throw new Error(error!);
}

/** Delivers one queued webhook; the last attempt marks the delivery failed. */
export const deliverWebhookJob: JobHandler = async (ctx) => {
  await deliver(ctx.db, ctx.payload.deliveryId, ctx.job.attempts >= ctx.job.max_attempts);
  return { delivered: ctx.payload.deliveryId };
};

export async function deliveryLog(db: Tx, partnerId: string, limit = 50) {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'order_id',
      'event',
      'status',
      'attempts',
      'last_status',
      'last_error',
      'created_at',
      'delivered_at',
    ])
    .where('partner_id', '=', partnerId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
