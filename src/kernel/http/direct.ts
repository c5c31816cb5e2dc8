// Direct routes: a few hot JSON writes that programs send with a bearer token (the checkout of a
// partner platform or the agent app) are answered before Hono. Measured on the 2-core machine
// (bench/README.md, "checkout over HTTP"), Hono's layers for one checkout (its context and
// request, the router, the validators, the light response and its headers, the middlewares'
// frames) cost ≈ 0.15 ms of the main thread's ≈ 0.3 ms, and what a request in flight holds there
// is what the collector copies while its batch commits.
//
// A direct route is still declared as an OpenAPI route (the contract, the docs, `app.request` in
// tests) whose handler calls the same `run`, so the use case is written once. This file only
// takes the requests whose every middleware decision is known from the headers alone (a bearer
// token, no cookie, a declared JSON body within the limit, the route's exact path) and answers
// the ordinary case: the token names an actor, the headers and body validate, no control
// characters. Anything else is handed to the whole Hono stack with the body already read, so
// every refusal is the one answer the stack gives. Errors `run` throws are rendered by the same
// functions as the stack's error handler (errors-http.tsx). A test over a socket compares the
// two answers, header by header.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Actor } from '../auth/access.js';
import { localeFromAcceptLanguage } from '../i18n/i18n.js';
import type { Deps } from './env.js';
import { PROBLEM_TYPE, problemOf, toAppError } from './errors-http.js';
import { acceptsGzip, gzipIfWorth } from './gzip.js';
import { requestIdFrom, type Logger } from './log.js';
import { openApiHook } from './validate.js';
import { bearerToken } from './guard.js';

/** What a direct route's use case gets: the validated header and body, and the caller. */
export interface DirectInput<H, B> {
  header: H;
  body: B;
  actor: Actor | null;
  deps: Deps;
}

/** A direct route's answer: a JSON body, its status and the route's own headers. */
export interface DirectAnswer<T = unknown> {
  status: number;
  body: T;
  headers?: Record<string, string>;
}

export interface DirectRoute<H = unknown, B = unknown, T = unknown> {
  /** The POST path, exactly (no parameters, no query). */
  path: string;
  /** The schemas its OpenAPI route declares for the headers and the JSON body. */
  header: z.ZodType<H>;
  body: z.ZodType<B>;
  run(input: DirectInput<H, B>): Promise<DirectAnswer<T>>;
}

/** Declares a direct route (typed; the kernel sees it through HttpPaths.direct). */
export function directRoute<H, B, T>(r: DirectRoute<H, B, T>): DirectRoute<H, B, T> {
  return r;
}

/** The Hono side of a direct route: its answer as the route's web response. */
export function answerWith<T>(c: Context, a: DirectAnswer<T>) {
  for (const [name, value] of Object.entries(a.headers ?? {})) c.header(name, value);
  return c.json(a.body, a.status as 201);
}

export interface DirectOptions {
  routes: DirectRoute[];
  deps: Deps;
  /** The headers every response carries (security-headers.ts). */
  always: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  /** The actor of a bearer token, or null (the same lookup as the stack's sign-in). */
  bearer(token: string): Promise<Actor | null>;
  log: Logger;
  /** The whole stack, for the requests a direct route does not answer itself. */
  fetch(req: Request, env: { incoming: IncomingMessage }): Response | Promise<Response>;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export class DirectRoutes {
  private readonly byPath: Map<string, DirectRoute>;
  constructor(private readonly o: DirectOptions) {
    this.byPath = new Map(o.routes.map((r) => [r.path, r]));
  }

  /** Takes `req` if a direct route answers it, deciding on its headers alone; else false. */
  take(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST' || this.byPath.size === 0) return false;
    const route = this.byPath.get(req.url ?? '');
    const h = req.headers;
    const length = Number(h['content-length']);
    if (
      !route ||
      bearerToken(h.authorization) === null ||
      h.cookie !== undefined ||
      h['transfer-encoding'] !== undefined ||
      !JSON_TYPE.test(h['content-type'] ?? '') ||
      !(length > 0 && length <= this.o.maxBodyBytes) ||
      repeats(req.rawHeaders)
    )
      return false;
    void this.serve(route, req, res).catch((err) => {
      // A client that hung up mid-body is not a server error.
      if (!req.destroyed)
        this.o.log.error('direct route failed', { path: route.path, error: String(err) });
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      else res.destroy();
    });
    return true;
  }

  private async serve(route: DirectRoute, req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const input = await this.accept(route, req, raw);
    if (!input) return this.throughStack(req, res, raw);
    const id = requestIdFrom(req.headers['x-request-id'] as string | undefined);
    const locale = input.actor?.locale ?? localeFromAcceptLanguage(req.headers['accept-language']);
    let status: number;
    let text: string;
    let headers: Record<string, string>;
    try {
      const a = await route.run(input);
      status = a.status;
      text = JSON.stringify(a.body);
      headers = { 'content-type': 'application/json', ...a.headers };
    } catch (err) {
      const p = problemOf(locale, route.path, toAppError(err, this.o.log, id, route.path));
      status = p.status;
      text = p.body;
      headers = { 'content-type': PROBLEM_TYPE };
    }
    let body: Uint8Array = Buffer.from(text);
    const zipped = acceptsGzip(req.headers['accept-encoding']) ? gzipIfWorth(body) : null;
    if (zipped) body = zipped;
    res.writeHead(status, {
      ...this.o.always,
      'x-request-id': id,
      ...headers,
      // What the stack's sign-in and gzip middlewares add to a signed-in JSON answer.
      'cache-control': 'no-store',
      vary: 'accept-encoding',
      ...(zipped ? { 'content-encoding': 'gzip' } : {}),
      'content-length': String(body.byteLength),
    });
    res.end(body);
    this.o.log.info('request', {
      requestId: id,
      method: 'POST',
      path: route.path,
      status,
      ms: Math.round(performance.now() - started),
      direct: true,
    });
  }

  /** The use case's input when the stack would hand the request to the handler; else null. */
  private async accept(
    route: DirectRoute,
    req: IncomingMessage,
    raw: Buffer,
  ): Promise<DirectInput<unknown, unknown> | null> {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return null;
    }
    const actor = await this.o.bearer(bearerToken(req.headers.authorization) ?? '');
    if (!actor) return null;
    const header = await route.header.safeParseAsync(req.headers);
    const body = await route.body.safeParseAsync(json);
    try {
      // The stack's verdict on each: zod's errors and control characters (validate.ts).
      openApiHook({ ...header, target: 'header' });
      openApiHook({ ...body, target: 'json' });
    } catch {
      return null;
    }
    return { header: header.data, body: body.data, actor, deps: this.o.deps };
  }

  /** The whole stack answers, given the body already read (a refusal, a guest's token gone…). */
  private async throughStack(req: IncomingMessage, res: ServerResponse, raw: Buffer) {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const web = await this.o.fetch(
      new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
        method: 'POST',
        headers,
        body: new Uint8Array(raw),
      }),
      { incoming: req },
    );
    const out: Record<string, string | string[]> = {};
    web.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out[name] = value;
    });
    const cookies = web.headers.getSetCookie();
    if (cookies.length) out['set-cookie'] = cookies;
    const body = Buffer.from(await web.arrayBuffer());
    out['content-length'] = String(body.byteLength);
    res.writeHead(web.status, out);
    res.end(body);
  }
}

/**
 * Whether Authorization or Content-Type is sent twice. Node keeps the first of each, the stack's
 * web headers join them (a token that names nobody, a type it refuses): the stack decides.
 */
function repeats(raw: string[]): boolean {
  let auth = 0;
  let type = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === 13 && name.toLowerCase() === 'authorization') auth++;
    else if (name.length === 12 && name.toLowerCase() === 'content-type') type++;
  }
  return auth > 1 || type > 1;
}

const directs = new WeakMap<object, DirectRoutes>();
export function attachDirectRoutes(app: object, d: DirectRoutes): void {
  directs.set(app, d);
}
export function directRoutesOf(app: object): DirectRoutes | undefined {
  return directs.get(app);
}
