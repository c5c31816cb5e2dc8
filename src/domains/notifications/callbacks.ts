// Delivery-status callbacks from providers, proven by an HMAC-SHA256 of the raw body in
// `X-Hub-Signature-256: sha256=<hex>` (Meta's scheme; the SMS gateway signs the same way).
// A status only moves forward (sent → delivered → read; failed only from sent), and a provider
// repeating a callback changes nothing twice.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { Channel, DeliveryStatus } from './notifications.tables.js';

/** The signature header value of `body` under `secret`. */
export const signCallback = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** True when `header` is the signature of the raw `body` (constant-time compare). */
export function verifyCallback(secret: string, body: string, header: string | undefined): boolean {
  if (!secret || !header) return false;
  const want = Buffer.from(signCallback(secret, body));
  const got = Buffer.from(header.trim());
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * The secret a provider signs with: the configured one (Meta's app secret for WhatsApp), else
 * one derived from the app's secret (demo and tests), never empty.
 */
export function callbackSecret(env: NodeJS.ProcessEnv, appSecret: string, c: Channel): string {
  const configured =
    c === 'whatsapp' ? env.LUMBUNG_WHATSAPP_APP_SECRET : env.LUMBUNG_SMS_CALLBACK_SECRET;
  return configured || createHmac('sha256', appSecret).update(`notifications:${c}`).digest('hex');
}

export interface StatusUpdate {
  ref: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
}

const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** Status updates in a provider's callback body; null when the body is not one. */
export function parseCallback(c: Channel, raw: string): StatusUpdate[] | null {
  let body: any;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  const out: StatusUpdate[] = [];
  const add = (ref: unknown, status: unknown) => {
    if (
      typeof ref === 'string' &&
      ref.length <= 200 &&
      typeof status === 'string' &&
      STATUSES.has(status)
    )
      out.push({ ref, status: status as StatusUpdate['status'] });
  };
  if (c === 'whatsapp') {
    // entry[].changes[].value.statuses[] as the WhatsApp Cloud API posts them.
    if (!Array.isArray(body?.entry)) return null;
    for (const e of body.entry)
      for (const ch of Array.isArray(e?.changes) ? e.changes : [])
        for (const s of Array.isArray(ch?.value?.statuses) ? ch.value.statuses : [])
          add(s?.id, s?.status);
  } else {
    if (typeof body !== 'object' || body === null) return null;
    add(body.messageId ?? body.id, body.status);
  }
  return out;
}

const FROM: Record<StatusUpdate['status'], DeliveryStatus[]> = {
  sent: [],
  delivered: ['sent'],
  read: ['sent', 'delivered'],
  failed: ['sent'],
};

/** Applies the updates (each once); returns how many deliveries changed status. */
export async function applyCallback(db: Db, c: Channel, updates: StatusUpdate[]): Promise<number> {
  let changed = 0;
  await inTransaction(db, async (tx) => {
    for (const u of updates) {
      const first = await tx
        .insertInto('notification_callbacks')
        .values({
          id: newId('ncb'),
          provider: c,
          provider_ref: u.ref,
          status: u.status,
          received_at: nowIso(),
        })
        .onConflict((oc) => oc.columns(['provider', 'provider_ref', 'status']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!first || FROM[u.status].length === 0) continue;
      const r = await tx
        .updateTable('notification_deliveries')
        .set({
          status: u.status,
          last_error: u.status === 'failed' ? 'provider_failed' : null,
          updated_at: nowIso(),
        })
        .where('channel', '=', c)
        .where('provider_ref', '=', u.ref)
        .where('status', 'in', FROM[u.status])
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
  });
  return changed;
}
