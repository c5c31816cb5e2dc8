// The load generator of bench/checkout-http.ts, run as its own process so it never shares an
// event loop with the server: autocannon POSTing /api/v1/checkout with a distinct
// Idempotency-Key per request and a 2-line order (two UMKM's variants, rotating). Prints
// autocannon's JSON result. Usage: node checkout-load.mjs '<json options>'
import autocannon from 'autocannon';
import { checkoutOrder } from './checkout-order.mjs';

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
        return { ...req, ...checkoutOrder(o, n++) };
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
