// Test fixtures of the ledger: real orders moved along the real payment and fulfilment paths,
// so what the ledger holds comes only from orders' events.
import type { DbHandle } from '../../src/kernel/db/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import {
  collectAtPointForSeed,
  flushOrderEvents,
  payGroupForSeed,
  recordFulfilment,
} from '../../src/domains/orders/index.js';
import { ensurePayment } from '../../src/domains/orders/payments/intent.js';
import { importStatement } from '../../src/domains/orders/payments/transfer.js';
import { makeOrder, type FixtureOrder } from './orders.js';

export const LEDGER_ADMIN: Actor = {
  userId: 'usr_fixture_admin',
  displayName: 'Fixture admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

/** Pays a transfer/QRIS order's group as its provider or bank would confirm it. */
export async function payOnline(h: DbHandle, groupId: string): Promise<void> {
  unwrap(await ensurePayment(h.db, groupId));
  unwrap(await payGroupForSeed(h.db, groupId));
  await flushOrderEvents();
}

/**
 * An order taken to `stage`: `placed` (nothing moved), `paid` (online payment, goods not yet
 * delivered), `completed` (paid and delivered: COD cash collected at the point, or paid online
 * and delivered), `delivered_unpaid` (a COD parcel delivered whose cash is not in).
 */
export async function ledgerOrder(
  h: DbHandle,
  o: {
    umkmId?: string;
    servicePointId?: string;
    villageCode?: string;
    method: 'cod' | 'transfer' | 'qris';
    stage: 'placed' | 'paid' | 'completed' | 'delivered_unpaid';
    price?: number;
    qty?: number;
    agentId?: string;
  },
): Promise<FixtureOrder> {
  const f = await makeOrder(h, {
    umkmId: o.umkmId,
    servicePointId: o.servicePointId,
    villageCode: o.villageCode,
    paymentMethod: o.method,
    price: o.price,
    qty: o.qty,
    advanceTo: o.stage === 'delivered_unpaid' ? 'delivered' : undefined,
  });
  if (o.stage === 'placed' || o.stage === 'delivered_unpaid') return f;
  if (o.method !== 'cod') await payOnline(h, f.groupId);
  if (o.stage === 'paid') return f;
  if (o.method === 'cod') {
    for (const s of ['packed', 'handed_over', 'ready_for_pickup'] as const)
      unwrap(await recordFulfilment(h.db, f.orderId, s, LEDGER_ADMIN));
    unwrap(
      await collectAtPointForSeed(h.db, f.orderId, f.servicePointId, o.agentId ?? 'usr_agent'),
    );
  } else {
    for (const s of ['packed', 'handed_over', 'in_transit', 'delivered'] as const)
      unwrap(await recordFulfilment(h.db, f.orderId, s, LEDGER_ADMIN));
  }
  await flushOrderEvents();
  return f;
}

/** The group's transfer payment (created as the buyer's payment page does): reference and amount. */
export async function transferPayment(h: DbHandle, groupId: string) {
  const p = unwrap(await ensurePayment(h.db, groupId));
  if (!p) throw new Error('no transfer payment for the group');
  return p;
}

/** Imports a bank statement as staff do at /keuangan/pembayaran/impor. */
export async function importBankStatement(h: DbHandle, csv: string, actorId: string) {
  const r = unwrap(await importStatement(h.db, csv, actorId));
  await flushOrderEvents();
  return r;
}
