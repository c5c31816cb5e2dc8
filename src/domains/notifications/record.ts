// Writing notifications: the inbox row and one delivery row per outside channel the person
// chose, inside the transaction of the event that caused them (subscribers run in the
// publisher's transaction), so a notice exists exactly when its event does. Unique keys make a
// replayed event add nothing: (event, person) for the inbox, (event, person, channel) for sends.
import type { Tx } from '../../kernel/db/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { prefsOf } from './prefs.js';
import type { Channel, NoticeKind } from './notifications.tables.js';
import './notifications.tables.js';

export interface Notice {
  userId: string;
  kind: NoticeKind;
  /** The causing event (`order:oev_…`), unique per person. */
  eventKey: string;
  params: Record<string, string>;
  /** A path of this site: the message's one link. */
  link: string;
  regionCode: string | null;
  organisationId: string | null;
}

/** Records each notice in the inbox and queues its sends; returns how many inbox rows are new. */
export async function recordNotices(db: Tx, notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const prefs = await prefsOf(
    db,
    notices.map((n) => n.userId),
  );
  const now = nowIso();
  let added = 0;
  for (const n of notices) {
    const id = newId('ntf');
    const inserted = await db
      .insertInto('notifications')
      .values({
        id,
        user_id: n.userId,
        kind: n.kind,
        event_key: n.eventKey,
        params: JSON.stringify(n.params),
        link: n.link,
        region_code: n.regionCode,
        organisation_id: n.organisationId,
        created_at: now,
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['event_key', 'user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    added++;
    const p = prefs.get(n.userId);
    const channels: Channel[] = [];
    if (p?.whatsapp) channels.push('whatsapp');
    if (p?.sms) channels.push('sms');
    for (const channel of channels)
      await db
        .insertInto('notification_deliveries')
        .values({
          id: newId('ndl'),
          notification_id: id,
          user_id: n.userId,
          channel,
          dedupe_key: `${n.eventKey}|${n.userId}|${channel}`,
          status: 'queued',
          attempts: 0,
          next_attempt_at: now,
          sent_at: null,
          provider_ref: null,
          last_error: null,
          region_code: n.regionCode,
          organisation_id: n.organisationId,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
  }
  return added;
}
