// The ways a buyer pays, written once: the orders table, the checkout use case, the storefront
// form, the checkout API and the partner API all take the list and the type from here.
export const PAYMENT_METHODS = ['cod', 'transfer', 'qris'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const isPaymentMethod = (v: unknown): v is PaymentMethod =>
  (PAYMENT_METHODS as readonly unknown[]).includes(v);
