// A small round-robin HTTP load balancer for scripts/cluster.sh (nginx/HAProxy are not installed
// on the CI machine). Usage: node scripts/cluster-lb.mjs <port> <backendPort>...
// Requests go to the backends in turn. A backend that refuses the connection is skipped for 5 s
// and the request (body buffered) goes to the next one: a refused connection never reached the
// app, so retrying it cannot double anything. Any other failure is answered 502 and not retried,
// because the app may have acted on it (the client retries with its Idempotency-Key).
import http from 'node:http';

const [port, ...backends] = process.argv.slice(2).map(Number);
const downUntil = new Map();
let next = 0;

function pick(tried) {
  for (let i = 0; i < backends.length; i++) {
    const b = backends[(next + i) % backends.length];
    if (tried.has(b) || (downUntil.get(b) ?? 0) > Date.now()) continue;
    next = (backends.indexOf(b) + 1) % backends.length;
    return b;
  }
  return undefined;
}

function forward(req, res, body, tried) {
  const backend = pick(tried);
  if (backend === undefined) {
    res.writeHead(502, { 'content-type': 'text/plain' }).end('no backend');
    return;
  }
  tried.add(backend);
  const up = http.request(
    { host: '127.0.0.1', port: backend, method: req.method, path: req.url, headers: req.headers },
    (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, 'x-cluster-backend': String(backend) });
      r.pipe(res);
    },
  );
  up.on('error', (e) => {
    if (e.code === 'ECONNREFUSED') {
      downUntil.set(backend, Date.now() + 5000);
      forward(req, res, body, tried);
    } else if (!res.headersSent)
      res.writeHead(502, { 'content-type': 'text/plain' }).end('backend failed');
    else res.destroy();
  });
  up.end(body);
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  })
  .listen(port, '127.0.0.1', () => console.log(`lb on ${port} -> ${backends.join(', ')}`));
