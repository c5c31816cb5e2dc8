// One POST over a real socket to a server on 127.0.0.1, answered as raw bytes: for tests of what
// the Node server does before Hono (direct routes), where `app.request` would not go.
import { request } from 'node:http';

export interface SocketAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends `body` with `headers` (a declared length unless chunked); a header may repeat. */
export function postOverSocket(
  port: number,
  path: string,
  headers: Record<string, string | string[]>,
  body: string,
): Promise<SocketAnswer> {
  const chunked = headers['transfer-encoding'] === 'chunked';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path,
        headers: chunked ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
