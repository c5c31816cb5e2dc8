// Response cache for the public, anonymous JSON reads (product search and product detail):
// the same answer for everyone who sends neither a session nor a bearer token, so a popular
// query is built once (queries, zod, JSON.stringify, gzip) per database write generation
// instead of once per request. Profiled before it (issue 19): a listing spent ~0.5 ms CPU per
// request in the middleware stack, the search and the serialisation, a hit costs a map lookup.
//
// Every entry keeps its body raw and gzipped and a strong ETag over the body, so a client that
// revalidates (`If-None-Match`) gets a 304 without a body. Freshness is the page cache's:
// any write in this process makes every entry stale, and an entry lives at most `ttlMs` (the
// bound for writes made by another app node behind the same load balancer).
//
// Refill (issue 19): when an entry is missing, the first request for its key builds it and the
// others of the same write generation wait for that one answer instead of each running the
// listing (a stampede of 50 connections used to run 50 searches). When an entry has only aged
// past `ttlMs` (no write here since), the first request refills it while the others get the
// aged answer for at most `staleMs` more (stale-while-revalidate). A write in this process is
// never answered with an older generation's body, aged or in flight.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { replaceResponse } from './gzip.js';
import { storedHeaders, type CacheRequest, type CachedResponse } from './page-cache.js';

export interface JsonCacheOptions {
  /** Paths whose anonymous GET answers may be shared. */
  paths: RegExp;
  /** Cookies that make a request personal (session): never answered from the cache. */
  personalCookies: string[];
  /** Write generation of the database: a change means every entry is stale. */
  generation(): number;
  /** Headers every answer carries (security headers): a hit bypasses the middleware that sets them. */
  always?: Readonly<Record<string, string>>;
  ttlMs?: number;
  /** How long past `ttlMs` an aged entry may be served while one request refills it. */
  staleMs?: number;
  maxEntries?: number;
}

interface Entry {
  at: number;
  gen: number;
  etag: string;
  headers: Record<string, string>;
  raw: Buffer;
  gzipped: Buffer | null;
}

const MAX_BYTES = 512 * 1024;
const GZIP_FROM = 1024;

const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

function hasCookie(header: string | undefined, name: string): boolean {
  if (!header) return false;
  for (let at = header.indexOf(`${name}=`); at !== -1; at = header.indexOf(`${name}=`, at + 1))
    if (at === 0 || header[at - 1] === ' ' || header[at - 1] === ';') return true;
  return false;
}

/** Whether an If-None-Match header names `etag` (a list, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A refill in flight: the generation it was started in, settled when its handler answered. */
interface Refill {
  gen: number;
  done: Promise<void>;
}

export class JsonCache {
  private readonly entries = new Map<string, Entry>();
  private readonly refills = new Map<string, Refill>();
  private readonly ttl: number;
  private readonly stale: number;
  private readonly max: number;
  constructor(private readonly o: JsonCacheOptions) {
    this.ttl = o.ttlMs ?? 3000;
    this.stale = o.staleMs ?? 2000;
    this.max = o.maxEntries ?? 1000;
  }

  /** The entry key of a request the cache may answer, or null when it is personal. */
  private keyOf(r: CacheRequest): string | null {
    if (r.method !== 'GET' || r.authorization || !this.o.paths.test(r.path)) return null;
    for (const name of this.o.personalCookies) if (hasCookie(r.cookie, name)) return null;
    return r.target;
  }

  /** A fresh cached answer (a 304 when the client already holds it), or null. */
  lookup(
    r: CacheRequest & { ifNoneMatch?: string },
    key = this.keyOf(r),
    /** Entries built at or before this time are too old. */
    tooOld = Date.now() - this.ttl,
  ): CachedResponse | null {
    const e = key === null ? undefined : this.entries.get(key);
    if (!e || e.gen !== this.o.generation() || e.at <= tooOld) return null;
    if (matches(r.ifNoneMatch, e.etag))
      return {
        status: 304,
        headers: { etag: e.etag, vary: 'accept-encoding' },
        body: Buffer.alloc(0),
      };
    const gz = e.gzipped !== null && /\bgzip\b/i.test(r.acceptEncoding ?? '');
    const body = gz ? e.gzipped! : e.raw;
    const headers: Record<string, string> = { ...e.headers, 'content-length': String(body.length) };
    if (gz) headers['content-encoding'] = 'gzip';
    return { status: 200, headers, body };
  }

  /** Hono middleware: answers hits, and keeps anonymous 200 JSON answers built on a miss. */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const url = c.req.url;
      const r = {
        method: c.req.method,
        path: c.req.path,
        target: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
        cookie: c.req.header('cookie'),
        acceptEncoding: c.req.header('accept-encoding'),
        authorization: c.req.header('authorization'),
        ifNoneMatch: c.req.header('if-none-match'),
      };
      const key = this.keyOf(r);
      if (key === null) return next();
      const answer = (hit: CachedResponse) =>
        hit.status === 304
          ? c.body(null, 304, hit.headers)
          : c.body(bytes(hit.body), 200, hit.headers);
      const hit = this.lookup(r, key);
      if (hit) return answer(hit);
      const gen = this.o.generation();
      const running = this.refills.get(key);
      if (running && running.gen === gen) {
        // Someone is building this answer: an aged one will do meanwhile, else wait for theirs.
        const aged = this.lookup(r, key, Date.now() - this.ttl - this.stale);
        if (aged) return answer(aged);
        const arrived = Date.now() - 1;
        await running.done;
        // Built after this request arrived, so fresh for it however long the wake-up took.
        const built = this.lookup(r, key, arrived);
        if (built) return answer(built);
        // Not kept (an error, too large, or a write meanwhile): build it as if alone.
        return this.build(c, next, r, key, this.o.generation());
      }
      let settle!: () => void;
      const refill: Refill = { gen, done: new Promise<void>((ok) => (settle = ok)) };
      this.refills.set(key, refill);
      try {
        await this.build(c, next, r, key, gen);
      } finally {
        if (this.refills.get(key) === refill) this.refills.delete(key);
        settle();
      }
    };
  }

  /** Runs the handler and keeps its answer when it may be shared. */
  private async build(
    c: Parameters<MiddlewareHandler<AppEnv>>[0],
    next: () => Promise<void>,
    r: CacheRequest & { ifNoneMatch?: string },
    key: string,
    gen: number,
  ): Promise<void> {
    await next();
    const res = c.res;
    if (
      res.status !== 200 ||
      !/^application\/json/i.test(res.headers.get('content-type') ?? '') ||
      res.headers.has('content-encoding') ||
      this.o.generation() !== gen
    )
      return;
    const raw = Buffer.from(await res.arrayBuffer());
    const headers = storedHeaders(res, this.o.always);
    const etag = `"${createHash('sha1').update(raw).digest('base64url')}"`;
    headers.etag = etag;
    headers.vary = 'accept-encoding';
    // Shared answers may be kept by the client, but only used after asking (a cheap 304).
    headers['cache-control'] = 'no-cache';
    if (raw.length <= MAX_BYTES) {
      const gzipped = raw.length >= GZIP_FROM ? gzipSync(raw) : null;
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { at: Date.now(), gen, etag, headers, raw, gzipped });
    }
    const out = this.lookup(r, key) ?? { status: 200, headers, body: raw };
    const id = res.headers.get('x-request-id');
    const set = res.headers.getSetCookie();
    const h = new Headers(out.headers);
    if (id) h.set('x-request-id', id);
    for (const s of set) h.append('set-cookie', s);
    replaceResponse(
      c,
      new Response(out.status === 304 ? null : bytes(out.body), {
        status: out.status,
        headers: h,
      }),
    );
  }
}

// The JSON cache of each app, for the Node server's fast path (src/kernel/http/server.ts).
const caches = new WeakMap<object, JsonCache>();
export function attachJsonCache(app: object, cache: JsonCache): void {
  caches.set(app, cache);
}
export function jsonCacheOf(app: object): JsonCache | undefined {
  return caches.get(app);
}
