// The in-app inbox: a person reads and marks only their own notifications (every query is
// filtered by the reader's user id, never by an id from the request alone).
import type { Tx } from '../../kernel/db/index.js';
import { nowIso } from '../../kernel/db/index.js';
import type { NotificationsTable } from './notifications.tables.js';
import './notifications.tables.js';

export const INBOX_PAGE = 50;

/** The reader's latest notifications, newest first. */
export async function inboxOf(db: Tx, userId: string): Promise<NotificationsTable[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(INBOX_PAGE)
    .execute();
}

/** How many of the reader's notifications are unread. */
export async function unreadCount(db: Tx, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks one of the reader's notifications read (or all when `id` is null); returns rows changed. */
export async function markRead(db: Tx, userId: string, id: string | null): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** True when notification `id` is the reader's. */
export async function isMine(db: Tx, userId: string, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!r;
}

/** One page of the reader's notifications, newest first (`unreadOnly`: only unread). */
export async function inboxPage(
  db: Tx,
  userId: string,
  o: { page: number; perPage: number; unreadOnly: boolean },
): Promise<{ rows: NotificationsTable[]; hasMore: boolean }> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (o.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.perPage + 1)
    .offset((o.page - 1) * o.perPage)
    .execute();
  return { rows: rows.slice(0, o.perPage), hasMore: rows.length > o.perPage };
}

/** Marks these of the reader's notifications read (another person's ids match nothing). */
export async function markReadMany(db: Tx, userId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
