// Tables of the notifications domain, merged into the kernel's Database interface.

/** What a notification is about; each kind has its texts and its WhatsApp template. */
export type NoticeKind =
  | 'order_placed'
  | 'order_cancelled'
  | 'payment_received'
  | 'ready_for_pickup'
  | 'parcel_at_point'
  | 'incentive_issued'
  | 'certificate_expiring'
  | 'review_passed'
  | 'review_changes'
  | 'tasks_assigned'
  | 'group_buy_succeeded'
  | 'group_buy_failed'
  | 'cycle_pickup'
  | 'payout_issued'
  | 'farmer_statement'
  | 'training_session';

export type Channel = 'whatsapp' | 'sms';

/** queued → sent → delivered/read (provider callbacks); failed after the last attempt; skipped when opted out. */
export const DELIVERY_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One row per person per event: the in-app inbox (always written, whatever the channels). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NoticeKind;
  /** The event that caused it (`order:oev_…`): a replayed event finds the row and adds nothing. */
  event_key: string;
  /** JSON parameters of the message (an order number …), never a phone number. */
  params: string;
  /** The one link of the message, a path of this site. */
  link: string;
  /** The person's village for this notice (its time zone decides quiet hours). */
  region_code: string | null;
  /** The organisation whose staff may read the delivery log of it. */
  organisation_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** Each person's channels and quiet hours; no row = inbox only, the default quiet hours. */
export interface NotificationPrefsTable {
  user_id: string;
  whatsapp: number;
  sms: number;
  /** Local hour (0-23) quiet hours start, in the village's zone. */
  quiet_from: number;
  /** Local hour (0-23) quiet hours end (messages wait until then). */
  quiet_to: number;
  updated_at: string;
}

/** The delivery outbox: one row per notification and outside channel, written with the event. */
export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  user_id: string;
  channel: Channel;
  /** event_key + user + channel: a duplicate event never sends twice. */
  dedupe_key: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  /** The provider's message id (callbacks name it). */
  provider_ref: string | null;
  /** Why the last attempt failed (provider status code, never the message or phone). */
  last_error: string | null;
  region_code: string | null;
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Provider status callbacks already applied (a provider retrying a callback changes nothing twice). */
export interface NotificationCallbacksTable {
  id: string;
  provider: Channel;
  provider_ref: string;
  status: string;
  received_at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    notifications: NotificationsTable;
    notification_prefs: NotificationPrefsTable;
    notification_deliveries: NotificationDeliveriesTable;
    notification_callbacks: NotificationCallbacksTable;
  }
}
