// Order events. Every transition (and the placement) is published by the one function that
// makes it (lifecycle.ts `transition`, checkout's placement) through `publishOrderEvents`, which
// in the transaction of the change appends the event to the `order_outbox` table, publishes it on
// `orderChanged` to the in-transaction subscribers (partner webhooks, logistics parcels, declared
// in their manifests) and writes the audit row:
// no caller can change an order and forget its event, and a subscriber's
// writes commit or roll back with the change. After commit, the events also go to `onOrderEvent` listeners; those run
// outside the transaction, so a slow or failing one can never undo an order change.
import { insertRows, type Tx } from '../../kernel/db/index.js';
import { auditMany } from '../../kernel/audit/index.js';
import { Topic } from '../../kernel/domain/index.js';
import { newId } from '../../kernel/ids/index.js';

export interface OrderEvent {
  /** The event's row in `order_outbox` (subscribers may use it to deduplicate). */
  eventId: string;
  orderId: string;
  /** `placed` is the order's creation (from is null); the others name the status column. */
  kind: 'placed' | 'status' | 'payment' | 'fulfilment';
  from: string | null;
  to: string;
  at: string;
}

export type OrderEventListener = (e: OrderEvent) => void | Promise<void>;

/**
 * Every placement and transition, published inside the change's transaction as it is appended
 * to the outbox: a subscriber (declared in its domain's manifest) records a partner webhook or a
 * parcel exactly when the order change is, even across a crash.
 */
export const orderChanged = new Topic<OrderEvent>('orders.order_changed');

export type NewOrderEvent = Omit<OrderEvent, 'eventId'>;

/** Who made each event, what its audit row says, and who sees the event first. */
export interface Publication {
  /** One actor for a change, or one per event (a checkout batch places many buyers' orders). */
  actor: string | null | ((e: NewOrderEvent) => string | null);
  data?: (e: NewOrderEvent) => Record<string, unknown>;
  /** Sees each event before anything is written. */
  made?: (e: OrderEvent) => void;
}

/**
 * Publishes events of changes made in `tx`: one outbox row each, the in-transaction
 * subscribers, then one audit row each. Called only by the functions that change an order
 * (transition, placement), never by their callers.
 *
 * The audit chain comes last: extending it takes the chain's one lock (kernel/audit), held to
 * the commit, so every other change on every connection waits for it. Written first, the
 * outbox and the subscribers' reads and writes ran inside that lock (bench/README.md,
 * "The audit chain last").
 */
export async function publishOrderEvents(
  tx: Tx,
  news: NewOrderEvent[],
  o: Publication,
): Promise<OrderEvent[]> {
  // Nothing here refuses, so the answer is never null.
  return (await publishLocking(tx, news, o, async () => true)) as OrderEvent[];
}

/**
 * Like publishOrderEvents, with `locks` run after the subscribers, just before the audit chain:
 * the placement takes its stock rows' locks there, so they are held for the chain and the
 * commit only. When `locks` refuses, nothing is audited and the answer is null: the caller
 * rolls its transaction back.
 */
export async function publishLocking(
  tx: Tx,
  news: NewOrderEvent[],
  o: Publication,
  locks: () => Promise<boolean>,
): Promise<OrderEvent[] | null> {
  const actor = o.actor;
  const actorOf = typeof actor === 'function' ? actor : () => actor;
  const events = news.map((e) => ({ eventId: newId('oev', Date.parse(e.at)), ...e }));
  if (o.made) events.forEach(o.made);
  await insertRows(
    tx,
    'order_outbox',
    events.map((e) => ({
      id: e.eventId,
      order_id: e.orderId,
      kind: e.kind,
      from_status: e.from,
      to_status: e.to,
      actor_id: actorOf(e),
      at: e.at,
    })),
  );
  await orderChanged.publishMany(tx, events);
  if (!(await locks())) return null;
  const data = o.data ?? (() => ({}));
  await auditMany(
    tx,
    events.map((e) => ({
      actorId: actorOf(e),
      action: `orders.${e.kind}`,
      entityType: 'order',
      entityId: e.orderId,
      data: { from: e.from, to: e.to, ...data(e) },
    })),
  );
  return events;
}

const listeners: OrderEventListener[] = [];
let pending: Promise<unknown>[] = [];

/** Subscribes to every placement and transition (called after commit). */
export function onOrderEvent(listener: OrderEventListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Dispatches events of a committed change (on the next tick, never inside the transaction). */
export function dispatchOrderEvents(events: OrderEvent[]): void {
  if (events.length === 0 || listeners.length === 0) return;
  const p = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
    for (const e of events) {
      for (const l of [...listeners]) {
        try {
          await l(e);
        } catch {
          // a listener's failure is its own (it records and retries its work)
        }
      }
    }
  });
  pending.push(p);
}

/** Waits until every dispatched event reached every listener (tests, graceful shutdown). */
export async function flushOrderEvents(): Promise<void> {
  while (pending.length) {
    const now = pending;
    pending = [];
    await Promise.all(now);
  }
}
