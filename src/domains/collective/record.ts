// The one way a collective state change is recorded: its audit row and its outbox event, in
// the transaction of the change (callers pass their `tx`). Only ids and non-personal facts.
import type { Tx } from '../../kernel/db/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';

export interface CollectiveEvent {
  actorId: string | null;
  /** e.g. `collective.cycle_opened`. */
  kind: string;
  entityType: 'cycle' | 'group_buy' | 'commitment' | 'standing_order';
  entityId: string;
  data?: Record<string, unknown>;
}

export async function recordEvent(tx: Tx, e: CollectiveEvent): Promise<void> {
  const data = e.data ?? {};
  await audit(tx, {
    actorId: e.actorId,
    action: e.kind,
    entityType: e.entityType,
    entityId: e.entityId,
    data,
  });
  await tx
    .insertInto('collective_outbox')
    .values({
      id: newId('cev'),
      entity_type: e.entityType,
      entity_id: e.entityId,
      kind: e.kind,
      actor_id: e.actorId,
      data: JSON.stringify(data),
      at: nowIso(),
    })
    .execute();
}
