// The three status columns and their legal transitions, declared as data (Spree/Saleor style).
// Every change goes through `transition` (lifecycle.ts), which checks this table and the row's
// current value in the same conditional UPDATE, so two racing changes cannot both win.
import type { FulfilmentStatus, OrderStatus, PaymentStatus } from './orders.tables.js';

export type StatusColumn = 'status' | 'payment' | 'fulfilment';

export const ORDER_STATUSES: readonly OrderStatus[] = ['placed', 'cancelled', 'completed'];
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['unpaid', 'paid', 'refunded'];
export const FULFILMENT_STATUSES: readonly FulfilmentStatus[] = [
  'unfulfilled',
  'packed',
  'handed_over',
  'in_transit',
  'ready_for_pickup',
  'delivered',
  'returned',
];

export const TRANSITIONS: {
  status: Record<OrderStatus, readonly OrderStatus[]>;
  payment: Record<PaymentStatus, readonly PaymentStatus[]>;
  fulfilment: Record<FulfilmentStatus, readonly FulfilmentStatus[]>;
} = {
  status: { placed: ['cancelled', 'completed'], cancelled: [], completed: [] },
  payment: { unpaid: ['paid'], paid: ['refunded'], refunded: [] },
  fulfilment: {
    unfulfilled: ['packed'],
    packed: ['handed_over'],
    handed_over: ['in_transit', 'ready_for_pickup', 'delivered', 'returned'],
    in_transit: ['ready_for_pickup', 'delivered', 'returned'],
    ready_for_pickup: ['delivered', 'returned'],
    // A COD parcel refused at the door after delivery was recorded, before it was paid.
    delivered: ['returned'],
    returned: [],
  },
};

/** Fulfilment states in which the order may still be cancelled (goods have not left the seller). */
export const CANCELLABLE_FULFILMENT: readonly FulfilmentStatus[] = ['unfulfilled', 'packed'];
/** Buyers may cancel only before the seller started packing. */
export const BUYER_CANCELLABLE_FULFILMENT: readonly FulfilmentStatus[] = ['unfulfilled'];

export function isLegal(column: StatusColumn, from: string, to: string): boolean {
  const table = TRANSITIONS[column] as Record<string, readonly string[]>;
  return (table[from] ?? []).includes(to);
}

export const COLUMN_OF: Record<StatusColumn, 'status' | 'payment_status' | 'fulfilment_status'> = {
  status: 'status',
  payment: 'payment_status',
  fulfilment: 'fulfilment_status',
};
