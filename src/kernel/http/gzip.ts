// gzip for text responses, for phones on EDGE (~100 kbit/s: a 30 KB page is 2.4 s raw, well
// under a second compressed). Hono's `compress` pipes every response through a web
// CompressionStream, tiny ones included (a JSON reply has no Content-Length to skip on); on
// this server that cost a third of the throughput. Our bodies are whole strings or small
// files, so this reads the body once and compresses it in one native call, only when it is
// worth it.
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|javascript|xml|rss\+xml|atom\+xml)|image\/svg\+xml)/i;

/** Whether a client that sent this Accept-Encoding takes gzip. */
export const acceptsGzip = (acceptEncoding: string | undefined) =>
  /\bgzip\b/i.test(acceptEncoding ?? '');

/** `raw` gzipped when it is at least `minBytes` long (smaller bodies grow or gain nothing), else null. */
export function gzipIfWorth(raw: Uint8Array, minBytes = 1024, level = 6) {
  return raw.byteLength >= minBytes ? gzipSync(raw, { level }) : null;
}

export function gzip(opts: { minBytes?: number; level?: number } = {}): MiddlewareHandler {
  // After `next()` settles, not awaiting it: a suspended frame per request in flight (sequence.ts).
  return (c, next) => next().then(() => compress(c));
  async function compress(c: Context) {
    const res = c.res;
    // Headers and status first: reading `body` makes the Node adapter build a full Response.
    if (
      c.req.method === 'HEAD' ||
      res.status === 204 ||
      res.status === 304 ||
      res.headers.has('content-encoding')
    )
      return;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    if (/no-transform/i.test(res.headers.get('cache-control') ?? '')) return;
    const vary = res.headers.get('vary');
    if (!vary) res.headers.set('vary', 'accept-encoding');
    else if (!/accept-encoding|\*/i.test(vary)) res.headers.set('vary', `${vary}, accept-encoding`);
    if (!acceptsGzip(c.req.header('accept-encoding')) || !res.body) return;
    const raw = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const zipped = gzipIfWorth(raw, opts.minBytes, opts.level);
    const body: Uint8Array<ArrayBuffer> = zipped ?? raw;
    if (zipped) headers.set('content-encoding', 'gzip');
    headers.set('content-length', String(body.byteLength));
    replaceResponse(
      c,
      new Response(body, { status: res.status, statusText: res.statusText, headers }),
    );
  }
}

/**
 * Puts `res` in place of the context's response as it is. Assigning over a response makes Hono
 * merge the old one's headers back in (a stale content-length among them), so it is cleared first.
 */
export function replaceResponse(c: Context, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}
