// The HTTP server: Hono on Node's http module, with the page cache answered before Hono. A hit
// on a popular storefront page (home, search, category, village, product) is written straight
// to the socket, so it costs what a static file would instead of a trip through the middleware.
// Misses, and every other request, take the ordinary path (which fills the cache). The domains'
// direct routes (direct.ts) take the bearer-token writes they answer themselves.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { pageCacheOf } from './page-cache.js';
import { jsonCacheOf } from './json-cache.js';
import { directRoutesOf } from './direct.js';
import type { Logger } from './log.js';

export interface ServeOptions {
  port: number;
  hostname: string;
  log?: Logger;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);

export function serveApp(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  opts: ServeOptions,
  onListen?: (info: AddressInfo) => void,
): Server {
  const listener = getRequestListener(app.fetch, { hostname: opts.hostname });
  const cache = pageCacheOf(app);
  const json = jsonCacheOf(app);
  const direct = directRoutesOf(app);
  const server = createServer((req: IncomingMessage, res) => {
    if (cache && req.method === 'GET' && req.url) {
      const started = performance.now();
      const q = req.url.indexOf('?');
      const r = {
        method: 'GET',
        target: req.url,
        path: q === -1 ? req.url : req.url.slice(0, q),
        cookie: one(req.headers.cookie),
        acceptLanguage: one(req.headers['accept-language']),
        acceptEncoding: one(req.headers['accept-encoding']),
        authorization: one(req.headers.authorization),
        ifNoneMatch: one(req.headers['if-none-match']),
      };
      const hit = cache.lookup(r) ?? json?.lookup(r) ?? null;
      if (hit) {
        const id = randomUUID();
        res.writeHead(hit.status, { ...hit.headers, 'x-request-id': id });
        res.end(hit.body);
        opts.log?.info('request', {
          requestId: id,
          method: 'GET',
          path: req.url.slice(0, q === -1 ? undefined : q),
          status: hit.status,
          ms: Math.round(performance.now() - started),
          cache: 'hit',
        });
        return;
      }
    }
    if (direct?.take(req, res)) return;
    void listener(req, res);
  });
  server.listen(opts.port, opts.hostname, () => onListen?.(server.address() as AddressInfo));
  return server;
}
