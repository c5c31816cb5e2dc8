// The paced load generator of bench/checkout-http.ts: checkouts arriving at a fixed average
// rate (Poisson arrivals, like independent buyers), carried over at most `connections`
// keep-alive connections, in its own process. It answers the question the closed loop cannot:
// with 256 clients always waiting, latency is 256 / throughput whatever the server does
// (Little's law), so "p99 ≤ 100 ms at N orders/s" is measured by offering N orders/s.
// Latency is counted from the moment a request was due, not from when a free connection
// sent it, so a server that falls behind is charged for the queue it causes (no coordinated
// omission). Raw sockets and a minimal HTTP/1.1 reader keep the generator's own CPU small on a
// 2-core machine. Prints JSON. Usage: node checkout-paced.mjs '<json options>'
//   options: base, token, variants, servicePoint, connections, rate (requests/s), seconds, run,
//   warmSeconds (arrivals at the same rate before the measured seconds, answered, not counted)
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { checkoutOrder } from './checkout-order.mjs';

const o = JSON.parse(process.argv[2]);
const { hostname, port } = new URL(o.base);

/** The i-th request's bytes (the order of checkout-order.mjs, as checkout-load.mjs sends it). */
function request(i) {
  const { headers, body } = checkoutOrder(o, i);
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return (
    `POST /api/v1/checkout HTTP/1.1\r\nhost: ${hostname}:${port}\r\n${lines.join('')}` +
    `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** Sends the next request on a free connection, due at `due`. */
function send(c, due) {
  c.due = due;
  c.sock.write(request(next++));
}

const latencies = [];
const worst = []; // the slowest answer among the requests due in each second of the run
const statusCodes = {};
const warmStatusCodes = {}; // the answers to the orders due in the warm-up
let errors = 0;
let lastAnswer = 0;
let closes = 0;
const pending = []; // due times of requests waiting for a free connection
const idle = [];
let next = 0;

/**
 * One keep-alive connection: sends a request, reads its response, takes the next one due.
 * A connection opened before the run first asks for /healthz (`warm` false until answered).
 */
function open(warm) {
  const c = { sock: connect({ host: hostname, port, noDelay: true }), due: 0, buf: '', warm };
  c.sock.setEncoding('latin1');
  c.sock.on('data', (chunk) => {
    c.buf += chunk;
    const end = c.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const m = /\r\ncontent-length: *(\d+)/i.exec(c.buf.slice(0, end));
    if (!m) throw new Error(`response without content-length: ${c.buf.slice(0, end)}`);
    if (c.buf.length < end + 4 + Number(m[1])) return;
    const status = c.buf.slice(9, 12);
    if (!c.warm) {
      if (status !== '200') throw new Error(`warm-up answered ${status}`);
      c.warm = true;
      c.buf = '';
      if (++warmed === o.connections) begin();
      return;
    }
    lastAnswer = performance.now();
    if (c.due < from) warmStatusCodes[status] = (warmStatusCodes[status] ?? 0) + 1;
    else {
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      latencies.push(lastAnswer - c.due);
      const second = Math.floor((c.due - from) / 1000);
      worst[second] = Math.max(worst[second] ?? 0, lastAnswer - c.due);
    }
    c.buf = '';
    c.due = 0;
    dispatch(c);
  });
  c.sock.on('error', () => {
    errors++;
  });
  c.sock.on('close', () => {
    if (!start) throw new Error('a connection closed before the run');
    // A closed connection is counted; what it carried is resent on a new one.
    closes++;
    if (c.due) pending.unshift(c.due);
    c.due = 0;
    if (!stopping || pending.length > 0) {
      const fresh = open(true);
      conns.push(fresh);
      dispatch(fresh);
    }
  });
  return c;
}

function dispatch(c) {
  if (stopping && pending.length === 0) return;
  const due = pending.shift();
  if (due === undefined) {
    idle.push(c);
    return;
  }
  send(c, due);
}

let stopping = false;
// Every connection is open and has been answered once before the first order is due: the
// server accepts new connections a few per turn of its event loop, and 256 opened at once
// while orders were already due charged the first second's orders for the handshakes, a
// storm a shop's steady traffic does not have (bench/README.md, "A 2 × Intel Xeon: …").
let warmed = 0;
const opened = performance.now();
const conns = Array.from({ length: o.connections }, () => open(false));
for (const c of conns) c.sock.write(`GET /healthz HTTP/1.1\r\nhost: ${hostname}:${port}\r\n\r\n`);

// Arrivals: exponential gaps with mean 1/rate, from a fixed seed so runs offer the same load.
let seed = 0x9e3779b9;
const uniform = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return (seed + 1) / 4294967297;
};
let start = 0;
/**
 * When the measured orders start: the first `warmSeconds` of arrivals (same rate, same
 * connections) are answered but not counted. A fresh generator process and a server that has
 * just left the closed loop both settle in that time; counted, the first second was among the
 * run's three slowest in about half of the runs (bench/README.md, "A 2 × Intel Xeon: …").
 */
let from = 0;
let startedAt = '';
let stopAt = 0;
let due = 0;
let offered = 0;
let warmOffered = 0;
let warmMs = 0;

/** The run: arrivals from 50 ms after every connection was answered once. */
function begin() {
  for (const c of conns) idle.push(c);
  warmMs = performance.now() - opened;
  start = performance.now() + 50;
  from = start + (o.warmSeconds ?? 0) * 1000;
  // for the server's log and jobs: when the measured orders start
  startedAt = new Date(Date.now() + 50 + (from - start)).toISOString();
  stopAt = from + o.seconds * 1000;
  due = start;
  const tick = setInterval(() => {
    const now = performance.now();
    while (due <= now && due < stopAt) {
      if (due >= from) offered++;
      else warmOffered++;
      // The longest idle first: every connection stays in use, none is closed by the server's
      // keep-alive timeout (5 s) while the generator still counts on it.
      const c = idle.shift();
      if (c) send(c, due);
      else pending.push(due);
      due += (-Math.log(uniform()) * 1000) / o.rate;
    }
    if (due >= stopAt) {
      clearInterval(tick);
      stopping = true;
      finish();
    }
  }, 1);
}

/** Waits for the requests in flight (at most 10 s), then prints the figures and exits. */
function finish() {
  const waitUntil = performance.now() + 10_000;
  const poll = setInterval(() => {
    const inFlight = conns.filter((c) => c.due).length + pending.length;
    if (inFlight > 0 && performance.now() < waitUntil) return;
    clearInterval(poll);
    const sorted = Float64Array.from(latencies).sort();
    const q = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
    process.stdout.write(
      JSON.stringify({
        offered,
        startedAt,
        warmMs: Math.round(warmMs),
        warmOffered,
        warmStatusCodes,
        answered: latencies.length,
        unanswered: inFlight,
        // from the first due time to the last answer: longer than `seconds` when a queue built
        seconds: (lastAnswer - from) / 1000,
        p50: q(0.5),
        p90: q(0.9),
        p99: q(0.99),
        max: Math.round(sorted[sorted.length - 1] ?? 0),
        errors,
        closes,
        statusCodes,
        // the 3 seconds (from the start) whose requests waited longest: when the tail happened
        worstSeconds: worst
          .map((ms, second) => [second, Math.round(ms)])
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3),
        cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      }),
    );
    process.exit(0);
  }, 5);
}
