// A real HTTP server standing in for a message provider (WhatsApp Cloud API or an SMS gateway)
// in notification tests: it records every request and answers from a script of responses.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Answers for the next requests, in order; when empty: 200 with a fresh message id. */
  script: { status: number; body?: unknown }[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const script: Receiver['script'] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const next = script.shift() ?? {
        status: 200,
        body: { messages: [{ id: `wamid.R${++n}` }], id: `sms-${n}` },
      };
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.body ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
