// Whole-page cache for anonymous visitors of the public storefront (home, search, category,
// village and product pages): a popular page is rendered once, not once per visitor.
//
// The only per-visitor part of such a page is the CSRF token in its forms (the language switch,
// add to cart). The cached page is kept split around the token, each part deflated once and
// ended with a sync flush; a hit splices the visitor's own token in as a stored (uncompressed)
// deflate block and writes the gzip trailer (CRC-32 over the parts and tokens). So a hit costs
// a CRC and a concatenation instead of a render and a compression, and every visitor still gets
// their own token.
//
// A first-time visitor (no CSRF cookie yet) is answered from the cache too: a token is minted
// for them, spliced in, and set as their cookie, so the first visit costs what a return does.
//
// Freshness: every entry is tied to the database's write generation (any write makes all
// entries stale) and lives at most `ttlMs`. Visitors with a session or a cart, and any response
// that sets a cookie other than the CSRF token, bypass the cache.
import { randomHex } from '../ids/index.js';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { replaceResponse } from './gzip.js';

/** What the cache needs to know of a request; the Hono middleware and the Node server both fill it. */
export interface CacheRequest {
  method: string;
  /** path and query, as sent */
  target: string;
  path: string;
  cookie?: string;
  acceptLanguage?: string;
  acceptEncoding?: string;
  authorization?: string;
}

export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PageCacheOptions {
  /** Paths whose anonymous GET pages may be cached. */
  paths: RegExp;
  /** Cookies that make a request personal (session, cart): never answered from the cache. */
  personalCookies: string[];
  /** The cookie holding the visitor's CSRF token (32 hex). */
  csrfCookie: string;
  /** Whether cookies are set with `Secure` (HTTPS deployments). */
  secureCookies?: boolean;
  /** The cookie holding a chosen language. */
  langCookie: string;
  /** The language the page will be rendered in, from the language cookie and Accept-Language. */
  locale(cookie: string | undefined, acceptLanguage: string | undefined): string;
  /** Write generation of the database: a change means every entry is stale. */
  generation(): number;
  /** Headers every answer carries (security headers): a hit bypasses the middleware that sets them. */
  always?: Readonly<Record<string, string>>;
  ttlMs?: number;
  maxEntries?: number;
}

interface Entry {
  at: number;
  gen: number;
  status: number;
  headers: Record<string, string>;
  /** The page split around the token, raw and deflated (all but the last end in a sync flush). */
  parts: Buffer[];
  deflated: Buffer[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const MAX_BYTES = 256 * 1024;

function split(html: Buffer, token: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = html.indexOf(token); i !== -1; i = html.indexOf(token, from)) {
    parts.push(html.subarray(from, i));
    from = i + token.length;
  }
  parts.push(html.subarray(from));
  return parts;
}

/** A non-final stored deflate block: the stream is byte-aligned after a sync flush. */
function stored(data: Buffer): Buffer {
  const b = Buffer.alloc(5 + data.length);
  b[0] = 0;
  b.writeUInt16LE(data.length, 1);
  b.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(b, 5);
  return b;
}

function gzipWith(e: Entry, token: Buffer): Buffer {
  const chunks: Buffer[] = [GZIP_HEADER];
  const block = stored(token);
  let crc = 0;
  let size = 0;
  e.parts.forEach((p, i) => {
    chunks.push(e.deflated[i]);
    crc = crc32(p, crc);
    size += p.length;
    if (i < e.parts.length - 1) {
      chunks.push(block);
      crc = crc32(token, crc);
      size += token.length;
    }
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(trailer);
  return Buffer.concat(chunks);
}

/** A Buffer as the ArrayBuffer-backed bytes a Response takes (no copy). */
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

function rawWith(e: Entry, token: Buffer): Buffer {
  const chunks: Buffer[] = [];
  e.parts.forEach((p, i) => {
    chunks.push(p);
    if (i < e.parts.length - 1) chunks.push(token);
  });
  return Buffer.concat(chunks);
}

/** One cookie's value from a Cookie header, without parsing the rest. */
function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (let at = header.indexOf(`${name}=`); at !== -1; at = header.indexOf(`${name}=`, at + 1)) {
    if (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') continue;
    const end = header.indexOf(';', at);
    return header.slice(at + name.length + 1, end === -1 ? undefined : end).trim();
  }
  return undefined;
}

const TOKEN_RE = /^[a-f0-9]{32}$/;

/** What the cache needs of one request: its entry key, the visitor's token, and whether the
 * token was minted here (then it must be set as the visitor's cookie with the answer). */
interface Keyed {
  key: string;
  token: Buffer;
  setCookie: string | null;
}

/** The entry as this visitor's response: gzip when accepted, their token spliced in. */
function answer(e: Entry, k: Keyed, acceptEncoding: string | undefined): CachedResponse {
  const gz = /\bgzip\b/i.test(acceptEncoding ?? '');
  const body = gz ? gzipWith(e, k.token) : rawWith(e, k.token);
  const headers: Record<string, string> = {
    ...e.headers,
    'content-length': String(body.length),
    vary: 'accept-encoding',
  };
  if (gz) headers['content-encoding'] = 'gzip';
  if (k.setCookie) headers['set-cookie'] = k.setCookie;
  return { status: e.status, headers, body };
}

/** The CSRF token a response sets, when that is the only cookie it sets; else null. */
function onlyCsrfCookie(res: Response, name: string): string | null {
  const set = res.headers.getSetCookie();
  if (set.length !== 1 || !set[0].startsWith(`${name}=`)) return null;
  const value = set[0].slice(name.length + 1).split(';')[0];
  return TOKEN_RE.test(value) ? value : null;
}

/**
 * The headers a cache keeps of a response for other visitors: every header but this request's
 * id and length and its cookies (the CSRF cookie a first visitor was given is theirs alone),
 * over the headers every answer carries.
 */
export function storedHeaders(
  res: Response,
  always: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const headers: Record<string, string> = { ...always };
  res.headers.forEach((v, name) => {
    if (name !== 'content-length' && name !== 'x-request-id' && name !== 'set-cookie')
      headers[name] = v;
  });
  return headers;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttl: number;
  private readonly max: number;
  constructor(private readonly o: PageCacheOptions) {
    this.ttl = o.ttlMs ?? 3000;
    this.max = o.maxEntries ?? 500;
  }

  /** The cookie header that gives a first-time visitor `token` (as the CSRF middleware does). */
  private cookieFor(token: string): string {
    const secure = this.o.secureCookies ? '; Secure' : '';
    return `${this.o.csrfCookie}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  }

  /** The key and token of a request the cache may answer, or null when it is personal. */
  private keyOf(r: CacheRequest): Keyed | null {
    if (r.method !== 'GET' || r.authorization || !this.o.paths.test(r.path)) return null;
    for (const name of this.o.personalCookies) if (cookieOf(r.cookie, name)) return null;
    const key = `${this.o.locale(cookieOf(r.cookie, this.o.langCookie), r.acceptLanguage)} ${r.target}`;
    const token = cookieOf(r.cookie, this.o.csrfCookie);
    if (token && TOKEN_RE.test(token)) return { key, token: Buffer.from(token), setCookie: null };
    const minted = randomHex(16);
    return { key, token: Buffer.from(minted), setCookie: this.cookieFor(minted) };
  }

  /** A fresh cached page for this visitor (their token spliced in), or null. */
  lookup(r: CacheRequest, k = this.keyOf(r)): CachedResponse | null {
    const hit = k && this.entries.get(k.key);
    if (!k || !hit || hit.gen !== this.o.generation() || Date.now() - hit.at >= this.ttl)
      return null;
    return answer(hit, k, r.acceptEncoding);
  }

  /** Hono middleware: answers hits, and keeps anonymous HTML pages rendered on a miss. */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const url = c.req.url;
      const r: CacheRequest = {
        method: c.req.method,
        path: c.req.path,
        target: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
        cookie: c.req.header('cookie'),
        acceptLanguage: c.req.header('accept-language'),
        acceptEncoding: c.req.header('accept-encoding'),
        authorization: c.req.header('authorization'),
      };
      const k = this.keyOf(r);
      if (!k) return next();
      const hit = this.lookup(r, k);
      // Through the context, so headers set before (the request id) are kept.
      if (hit) return c.body(bytes(hit.body), hit.status as 200, hit.headers);
      const gen = this.o.generation();
      await next();
      const res = c.res;
      if (res.status !== 200 || !/^text\/html/i.test(res.headers.get('content-type') ?? '')) return;
      // A first-time visitor's page was rendered with the token the CSRF middleware set for them.
      const minted = k.setCookie ? onlyCsrfCookie(res, this.o.csrfCookie) : null;
      if (k.setCookie && !minted) return;
      if (minted)
        Object.assign(k, { token: Buffer.from(minted), setCookie: this.cookieFor(minted) });
      if (
        (res.headers.has('set-cookie') && !minted) ||
        res.headers.has('content-encoding') ||
        this.o.generation() !== gen
      )
        return;
      const html = Buffer.from(await res.arrayBuffer());
      if (html.length > MAX_BYTES) {
        // The body was read: hand Hono a fresh response with the same headers.
        replaceResponse(c, new Response(bytes(html), { status: res.status, headers: res.headers }));
        return;
      }
      const headers = storedHeaders(res, this.o.always);
      const parts = split(html, k.token);
      const deflated = parts.map((p, i) =>
        deflateRawSync(p, {
          finishFlush: i < parts.length - 1 ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
        }),
      );
      const entry: Entry = { at: Date.now(), gen, status: res.status, headers, parts, deflated };
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(k.key, entry);
      // This visitor is answered from the entry too: the page is compressed once, not twice.
      const out = answer(entry, k, r.acceptEncoding);
      const id = res.headers.get('x-request-id');
      replaceResponse(
        c,
        new Response(bytes(out.body), {
          status: out.status,
          headers: id ? { ...out.headers, 'x-request-id': id } : out.headers,
        }),
      );
    };
  }
}

// The cache of each app, for the Node server's fast path (src/kernel/http/server.ts).
const caches = new WeakMap<object, PageCache>();
export function attachPageCache(app: object, cache: PageCache): void {
  caches.set(app, cache);
}
export function pageCacheOf(app: object): PageCache | undefined {
  return caches.get(app);
}
