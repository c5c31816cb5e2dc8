// Each person's channels and quiet hours. The inbox is always on; WhatsApp and SMS only when
// the person asked for them (off by default: an outside message needs their choice).
import type { Tx } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { ok, fail, type Result } from '../../kernel/errors/index.js';
import { DEFAULT_QUIET } from './quiet-hours.js';
import './notifications.tables.js';

export interface Prefs {
  whatsapp: boolean;
  sms: boolean;
  quietFrom: number;
  quietTo: number;
}

export const DEFAULT_PREFS: Prefs = {
  whatsapp: false,
  sms: false,
  quietFrom: DEFAULT_QUIET.from,
  quietTo: DEFAULT_QUIET.to,
};

/** Preferences of these people (the default for anyone who never chose). */
export async function prefsOf(db: Tx, userIds: string[]): Promise<Map<string, Prefs>> {
  const out = new Map<string, Prefs>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('notification_prefs')
      .selectAll()
      .where('user_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.user_id, {
        whatsapp: r.whatsapp === 1,
        sms: r.sms === 1,
        quietFrom: r.quiet_from,
        quietTo: r.quiet_to,
      });
  }
  for (const id of unique) if (!out.has(id)) out.set(id, { ...DEFAULT_PREFS });
  return out;
}

const hour = (x: number) => Number.isInteger(x) && x >= 0 && x <= 23;

/**
 * Saves the person's own choices (audited). Turning a channel off also skips that channel's
 * queued sends at once: an opt-out holds for messages already waiting.
 */
export async function savePrefs(
  db: Tx,
  userId: string,
  p: Prefs,
  hasPhone: boolean,
): Promise<Result<Prefs>> {
  const fields: Record<string, { key: string }> = {};
  if (!hour(p.quietFrom)) fields.quiet_from = { key: 'notifications.err.hour' };
  if (!hour(p.quietTo)) fields.quiet_to = { key: 'notifications.err.hour' };
  if ((p.whatsapp || p.sms) && !hasPhone) fields.whatsapp = { key: 'notifications.err.no_phone' };
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', {}, fields);
  return inTransaction(db, async (tx) => {
    const now = nowIso();
    const row = {
      whatsapp: p.whatsapp ? 1 : 0,
      sms: p.sms ? 1 : 0,
      quiet_from: p.quietFrom,
      quiet_to: p.quietTo,
      updated_at: now,
    };
    await tx
      .insertInto('notification_prefs')
      .values({ user_id: userId, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    const off = [...(p.whatsapp ? [] : ['whatsapp']), ...(p.sms ? [] : ['sms'])] as (
      | 'whatsapp'
      | 'sms'
    )[];
    if (off.length)
      await tx
        .updateTable('notification_deliveries')
        .set({ status: 'skipped', last_error: 'opted_out', updated_at: now })
        .where('user_id', '=', userId)
        .where('status', '=', 'queued')
        .where('channel', 'in', off)
        .execute();
    await audit(tx, {
      actorId: userId,
      action: 'notifications.prefs',
      entityType: 'notification_prefs',
      entityId: userId,
      data: { whatsapp: p.whatsapp, sms: p.sms, quietFrom: p.quietFrom, quietTo: p.quietTo },
    });
    return ok(p);
  });
}
