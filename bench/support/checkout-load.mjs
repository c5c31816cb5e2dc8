// The load generator of bench/checkout-http.ts, run as its own process so it never shares an
// event loop with the server: autocannon POSTing /api/v1/checkout with a distinct
// Idempotency-Key per request and a 2-line order (two UMKM's variants, rotating). Prints
// autocannon's JSON result. Usage: node checkout-load.mjs '<json options>'
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
let n = 0;
const result = await autocannon({
  url: `${o.base}/api/v1/checkout`,
  connections: o.connections,
  duration: o.seconds,
  requests: [
    {
      method: 'POST',
      setupRequest(req) {
        const i = n++;
        const a = o.variants[i % o.variants.length];
        const b = o.variants[(i * 7 + 3) % o.variants.length];
        return {
          ...req,
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
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p97_5: result.latency.p97_5,
    p90: result.latency.p90,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
  }),
);
