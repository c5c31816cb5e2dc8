// The i-th order both checkout load generators send (checkout-load.mjs, checkout-paced.mjs):
// two lines of two UMKM's variants, rotating through the bench's variants, and its headers
// with an Idempotency-Key of its own.
export function checkoutOrder(o, i) {
  const a = o.variants[i % o.variants.length];
  const b = o.variants[(i * 7 + 3) % o.variants.length];
  return {
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${o.token}`,
      'idempotency-key': `${o.run}-${i}`,
    },
    body: JSON.stringify({
      lines: [
        { variantId: a, qty: 1 },
        { variantId: b === a ? o.variants[(i + 1) % o.variants.length] : b, qty: 1 },
      ],
      buyer: { name: 'Bench', phone: '081234567890' },
      delivery: { kind: 'pickup', servicePointId: o.servicePoint },
      paymentMethod: 'cod',
    }),
  };
}
