import type { Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 16xx so the whole app's migrations sort by domain.
export const notificationsMigrations: Migrations = {
  '1601_notifications': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event_key', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('organisation_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addUniqueConstraint('notifications_event_user', ['event_key', 'user_id'])
        .execute();
      await db.schema
        .createIndex('notifications_inbox')
        .on('notifications')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('notification_prefs')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('whatsapp', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('quiet_from', 'integer', (c) => c.notNull())
        .addColumn('quiet_to', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notification_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('last_error', 'text')
        .addColumn('region_code', 'text')
        .addColumn('organisation_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notification_deliveries_due')
        .on('notification_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('notification_deliveries_user')
        .on('notification_deliveries')
        .columns(['user_id', 'sent_at'])
        .execute();
      await db.schema
        .createIndex('notification_deliveries_ref')
        .on('notification_deliveries')
        .columns(['provider_ref'])
        .execute();
      await db.schema
        .createTable('notification_callbacks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('notification_callbacks_once', ['provider', 'provider_ref', 'status'])
        .execute();
    },
  },
  // The menu's unread count runs on every signed-in page: it reads this index alone.
  '1602_notifications_unread': {
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('notifications_unread')
        .on('notifications')
        .columns(['user_id', 'read_at'])
        .execute();
    },
  },
};
