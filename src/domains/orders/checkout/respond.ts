// What a checkout answers once placed, built inside the order's transaction and stored under its
// idempotency key. Described as data, not as a closure, because the batch may run in the checkout
// writer thread (writer.ts), and only data crosses to a thread.
import type { Tx } from '../../../kernel/db/index.js';
import type { Payee } from '../../../kernel/config.js';
import { unwrap } from '../../../kernel/errors/index.js';
import type { StoredResponse } from '../../../kernel/http/index.js';
import { ensurePayment } from '../payments/intent.js';
import { qrisMerchant, qrisPayload } from '../payments/qris.js';
import { confirmationPath } from '../storefront/confirm-link.js';
import type { Placed } from './request.js';

export type CheckoutResponder =
  /** POST /api/v1/checkout: 201 with the confirmation link and the transfer/QRIS payment. */
  | { kind: 'api'; secret: string; payee: Payee }
  /** The storefront form: 303 to the confirmation page. */
  | { kind: 'redirect'; secret: string };

export async function checkoutResponse(
  tx: Tx,
  r: CheckoutResponder,
  placed: Placed,
  paymentMethod: string,
): Promise<StoredResponse> {
  if (r.kind === 'redirect')
    return { status: 303, body: { location: confirmationPath(r.secret, placed.groupId) } };
  const pay = paymentMethod === 'cod' ? null : unwrap(await ensurePayment(tx, placed.groupId));
  return {
    status: 201,
    body: {
      ...placed,
      confirmationUrl: confirmationPath(r.secret, placed.groupId),
      payment: pay
        ? {
            id: pay.id,
            method: pay.method,
            amount: pay.amount,
            uniqueCode: pay.unique_code,
            reference: pay.reference,
            qris:
              pay.method === 'qris' && pay.reference
                ? qrisPayload(qrisMerchant(r.payee), pay.amount, pay.reference)
                : null,
          }
        : null,
    },
  };
}
