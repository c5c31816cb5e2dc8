// Order events for other domains (partner webhooks, logistics parcels). Listeners run after the
// change committed, outside the request's transaction, so a slow or failing listener can never
// undo or block an order change; their errors are swallowed here and are theirs to retry.
import type { Tx } from '../../kernel/db/index.js';

export interface OrderEvent {
  orderId: string;
  kind: 'status' | 'payment' | 'fulfilment';
  from: string;
  to: string;
  at: string;
}

export type OrderEventListener = (e: OrderEvent) => void | Promise<void>;

/** A listener inside the change's transaction: its writes commit or roll back with the order. */
export type OrderTxListener = (tx: Tx, e: OrderEvent) => Promise<void>;
const txListeners: OrderTxListener[] = [];

/**
 * Subscribes inside the transaction of every transition: a transactional outbox, so a partner
 * webhook or a parcel is recorded exactly when the order change is, even across a crash.
 */
export function onOrderChangeInTx(listener: OrderTxListener): void {
  txListeners.push(listener);
}

/** Runs the in-transaction listeners; called by every use case that changes an order, before commit. */
export async function runTxListeners(tx: Tx, events: OrderEvent[]): Promise<void> {
  for (const e of events) for (const l of txListeners) await l(tx, e);
}

const listeners: OrderEventListener[] = [];
let pending: Promise<unknown>[] = [];

/** Subscribes to every status, payment and fulfilment transition (called after commit). */
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
