// Tables of the orders domain. Money columns are integer rupiah, frozen at placement: later
// changes to prices, fees or shipping rates never rewrite what a buyer agreed to pay.
import type { PaymentMethod } from './payment-methods.js';

export type OrderStatus = 'placed' | 'cancelled' | 'completed';
export type PaymentStatus = 'unpaid' | 'paid' | 'refunded';
export type FulfilmentStatus =
  | 'unfulfilled'
  | 'packed'
  | 'handed_over'
  | 'in_transit'
  | 'ready_for_pickup'
  | 'delivered'
  | 'returned';
export type Channel = 'storefront' | 'assisted' | 'partner' | 'api';
export type { PaymentMethod };
export type DeliveryKind = 'pickup' | 'address';

export interface OrdersTable {
  id: string;
  /** Friendly number people read aloud: LMB-2026-000123. */
  number: string;
  /** Allocation order of `number` (unique and increasing; PostgreSQL may leave gaps). */
  seq: number;
  /** One checkout = one group; one order per UMKM in it. */
  group_id: string;
  umkm_id: string;
  /** Seller's village (scope filters and Citus sharding key). */
  village_code: string;
  buyer_name: string;
  /** E.164; null only for assisted orders of villagers without a phone. */
  buyer_phone: string | null;
  buyer_user_id: string | null;
  delivery_kind: DeliveryKind;
  delivery_village_code: string;
  delivery_address: string | null;
  service_point_id: string | null;
  channel: Channel;
  partner_id: string | null;
  agent_user_id: string | null;
  agent_service_point_id: string | null;
  /** When the villager agreed to the agent recording their name/phone (assisted orders). */
  consent_at: string | null;
  status: OrderStatus;
  payment_status: PaymentStatus;
  fulfilment_status: FulfilmentStatus;
  payment_method: PaymentMethod;
  items_total: number;
  shipping: number;
  platform_fee: number;
  agent_commission: number;
  total: number;
  seller_share: number;
  /** Unpaid non-COD orders release their reservation at this time; null once not applicable. */
  reserved_until: string | null;
  placed_at: string;
  delivered_at: string | null;
  updated_at: string;
  is_demo: number;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  variant_id: string;
  product_id: string;
  title: string;
  variant_label: string;
  qty: number;
  unit_price: number;
  weight_grams: number;
  line_total: number;
}

export interface CartsTable {
  /** Random bearer id held in the buyer's cookie (or an app's storage). */
  id: string;
  created_at: string;
  updated_at: string;
}

export interface CartLinesTable {
  cart_id: string;
  variant_id: string;
  qty: number;
  added_at: string;
}

export type PaymentState = 'pending' | 'paid' | 'expired';

export interface PaymentsTable {
  id: string;
  group_id: string;
  method: PaymentMethod;
  /** What the buyer must pay: group total plus the unique code for transfers. */
  amount: number;
  unique_code: number;
  status: PaymentState;
  /** statement | webhook | staff | agent_cash */
  matched_by: string | null;
  provider: string | null;
  provider_ref: string | null;
  collected_by: string | null;
  service_point_id: string | null;
  paid_at: string | null;
  created_at: string;
  /** Short unique reference (transfer/QRIS): what the QR code and the transfer remark carry. */
  reference: string | null;
}

export type PaymentExceptionStatus = 'open' | 'reserved_again' | 'refund_due';

/** Money that arrived after its reservation expired: staff re-reserve the goods or refund it. */
export interface PaymentExceptionsTable {
  id: string;
  payment_id: string;
  kind: 'late_payment';
  amount: number;
  /** webhook | statement */
  source: string;
  /** The provider event id or the statement line id (one exception per arrival). */
  source_ref: string;
  /** Delivery village of the group: scopes who may see and resolve it. */
  village_code: string;
  status: PaymentExceptionStatus;
  /** The new order group when the goods were reserved again. */
  resolution_group_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export interface BankStatementLinesTable {
  id: string;
  /** Hash of the line's content: importing the same statement twice matches nothing twice. */
  fingerprint: string;
  booked_on: string;
  description: string;
  amount: number;
  payment_id: string | null;
  imported_by: string;
  imported_at: string;
}

export interface CashHandoversTable {
  id: string;
  service_point_id: string;
  agent_user_id: string;
  /** Local day (YYYY-MM-DD in the point's zone). */
  day: string;
  declared_amount: number;
  recorded_by: string;
  recorded_at: string;
}

export interface AgentCommissionsTable {
  id: string;
  service_point_id: string;
  agent_user_id: string;
  order_id: string;
  amount: number;
  kind: 'earning' | 'reversal';
  at: string;
}

/** A checkout group, claimed by the checkout that made it: nobody else joins it. */
export interface OrderGroupsTable {
  id: string;
  created_at: string;
}

/**
 * The orders outbox: one row per transition (placement included), written by the transition
 * itself in the same transaction. Partner webhooks, logistics and any other subscriber read
 * these events; nothing changes an order's status without one.
 */
export interface OrderOutboxTable {
  id: string;
  order_id: string;
  /** placed | status | payment | fulfilment */
  kind: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    orders: OrdersTable;
    order_lines: OrderLinesTable;
    carts: CartsTable;
    cart_lines: CartLinesTable;
    payments: PaymentsTable;
    bank_statement_lines: BankStatementLinesTable;
    payment_exceptions: PaymentExceptionsTable;
    cash_handovers: CashHandoversTable;
    agent_commissions: AgentCommissionsTable;
    order_groups: OrderGroupsTable;
    order_outbox: OrderOutboxTable;
  }
}
