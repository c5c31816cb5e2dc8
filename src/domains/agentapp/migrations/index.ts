import type { Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// 16xx: the agent console's sync journal. One row per action an agent's device sent, keyed by
// the agent and the action's idempotency key, written in the same transaction as the effect
// (or alone, for a refusal), so a replay returns the first result and never applies twice.
export const agentappMigrations: Migrations = {
  '1601_agentapp_sync_journal': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('agent_sync_actions')
        .addColumn('agent_user_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('client_action_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('device_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('result', 'text')
        .addPrimaryKeyConstraint('agent_sync_actions_pk', ['agent_user_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('agent_sync_actions_point')
        .on('agent_sync_actions')
        .columns(['service_point_id', 'received_at'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('agent_sync_actions').execute();
    },
  },
};
