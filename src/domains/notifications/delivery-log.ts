// The delivery log for staff, in scope: national admins see every delivery; a community
// manager those of their organisations' people; a regional officer those in their region.
// It names the person and the message kind, never the phone number or the text.
import type { Tx } from '../../kernel/db/index.js';
import { regionScope, scopeIds, hasRole, type Actor } from '../../kernel/auth/index.js';
import { displayNames } from '../accounts/index.js';
import type { Channel, DeliveryStatus, NoticeKind } from './notifications.tables.js';

export const LOG_READERS = ['national_admin', 'regional_officer', 'community_manager'] as const;
const LOG_PAGE = 200;

export interface LogRow {
  id: string;
  at: string;
  recipient: string;
  kind: NoticeKind;
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  regionCode: string | null;
}

/** The latest deliveries the actor may see, newest first; none outside their scope. */
export async function deliveryLog(
  db: Tx,
  actor: Actor,
  status?: DeliveryStatus,
): Promise<LogRow[]> {
  if (!hasRole(actor, ...LOG_READERS)) return [];
  const regions = regionScope(actor, ['national_admin', 'regional_officer']);
  const orgs = scopeIds(actor, 'organisation', ['community_manager']);
  if (regions !== 'all' && regions.length === 0 && orgs.length === 0) return [];
  let q = db
    .selectFrom('notification_deliveries')
    .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
    .select([
      'notification_deliveries.id',
      'notification_deliveries.created_at',
      'notification_deliveries.user_id',
      'notification_deliveries.channel',
      'notification_deliveries.status',
      'notification_deliveries.attempts',
      'notification_deliveries.last_error',
      'notification_deliveries.region_code',
      'notifications.kind',
    ]);
  if (regions !== 'all')
    q = q.where((eb) =>
      eb.or([
        ...regions.flatMap((r) => [
          eb('notification_deliveries.region_code', '=', r),
          eb('notification_deliveries.region_code', 'like', `${r}.%`),
        ]),
        ...(orgs.length ? [eb('notification_deliveries.organisation_id', 'in', orgs)] : []),
      ]),
    );
  if (status) q = q.where('notification_deliveries.status', '=', status);
  const rows = await q
    .orderBy('notification_deliveries.created_at', 'desc')
    .orderBy('notification_deliveries.id', 'desc')
    .limit(LOG_PAGE)
    .execute();
  const names = await displayNames(
    db,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    recipient: names.get(r.user_id) ?? '—',
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    regionCode: r.region_code,
  }));
}
