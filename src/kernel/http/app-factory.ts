// Builds the Hono app every domain mounts on: request ids, structured access logs, secure
// headers with a CSP that allows no inline script, gzip, body limits, the actor, the locale, CSRF,
// static files, the language switch, health check, and one error mapping.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError } from '../errors/errors.js';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/i18n.js';
import type { Actor } from '../auth/access.js';
import type { AppEnv, Deps } from './env.js';
import '../i18n/kernel-messages.js';
import { csrf, CSRF_COOKIE } from './csrf.js';
import { gzip } from './gzip.js';
import { attachPageCache, PageCache } from './page-cache.js';
import { attachJsonCache, JsonCache } from './json-cache.js';
import { attachDirectRoutes, DirectRoutes } from './direct.js';
import { handleError, isApiPath, notFound } from './errors-http.js';
import { navBadges } from './nav.js';
import { openApiHook, refuseControlChars, zodFieldErrors } from './validate.js';
import { sameOriginPath } from './redirect.js';
import { contract } from './openapi.js';
import { oneLayer, sequence } from './sequence.js';
import { requestIdFrom, type Logger } from './log.js';
import { nodeResponse, securityHeaders } from './security-headers.js';
import { anyOf, mergeHttpPaths, startsWithAny, type HttpPaths } from './paths.js';

export interface AppHooks {
  /** Resolves the signed-in user (session cookie or bearer token), or null. */
  authenticate(c: Context<AppEnv>): Promise<Actor | null>;
  /** The actor of a bearer token alone, or null: what `authenticate` finds for one (direct.ts). */
  bearer?(token: string): Promise<Actor | null>;
  /** Cookies that identify a signed-in visitor (their pages are never served from a cache). */
  personalCookies?: string[];
  /** Persists a language choice for a signed-in user. */
  onLocaleChange?(c: Context<AppEnv>, locale: Locale): Promise<void>;
  /** The domains' paths the HTTP layer treats specially (see paths.ts). */
  paths?: HttpPaths;
}

export const LANG_COOKIE = 'lumbung_lang';

/** An anonymous visitor's language: the chosen one, else the browser's. The page cache keys on it too. */
const localeOf = (cookie: string | undefined, accept: string | undefined): Locale =>
  isLocale(cookie) ? cookie : localeFromAcceptLanguage(accept);

/** A sub-app for API routes whose zod validation failures become our 422 problem. */
export function createApiApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = (result.error as { issues: { path: PropertyKey[] }[] }).issues;
        // The Idempotency-Key is declared as a header schema but keeps its own 400 answer.
        if (result.target === 'header' && issues.some((i) => i.path[0] === 'idempotency-key'))
          throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
      }
      // Zod's verdict and control characters in any input, valid or not (422 with field messages).
      return openApiHook(result);
    },
  });
  // Every route is completed by the contract (operationId, problem responses, sign-in before validation).
  const register = app.openapi;
  app.openapi = ((route, handler, hook) =>
    register(contract(route), handler, hook)) as typeof app.openapi;
  // zod-openapi hands Hono a route as its middlewares, validators and handler: one layer (sequence.ts).
  const on = app.on;
  app.on = ((method: string, path: string, ...steps: MiddlewareHandler<AppEnv>[]) =>
    on(method, path, oneLayer(steps))) as typeof app.on;
  return app;
}

/**
 * Sets a header on the response a handler already made. `c.header()` would copy the response
 * through its body stream, which turns the Node adapter's light response into a full web
 * Response read chunk by chunk: ≈ 6 % of a signed-in API request's CPU (the checkout's
 * `no-store`). Headers of a response we built are mutable; only a fetched one's are not.
 */
function setOnResponse(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

export function createHttpApp(deps: Deps, hooks: AppHooks, log: Logger) {
  const app = createApiApp();
  const secure = deps.config.mode === 'production';
  const paths = mergeHttpPaths([hooks.paths]);
  // Public, cacheable files (our /static plus the domains' photos): never personal, no cookie.
  const publicFiles = startsWithAny(['/static/', ...paths.publicFiles]);

  const onError = (err: Error, c: Context<AppEnv>) => handleError(err, c, log);
  // Every response's security headers and request id. Over a socket they go on the Node
  // response before the handler runs (see security-headers.ts); a handler's own header of the
  // same name would win, and none sets one. Without a socket (`app.request`) they are set on the
  // web response afterwards.
  const always = securityHeaders(secure);
  // The middlewares that finish a response chain `next()` instead of awaiting it: a suspended
  // async function is what a request in flight would hold for each (see sequence.ts).
  const requestLog: MiddlewareHandler<AppEnv> = (c, next) => {
    const started = performance.now();
    const id = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.set('deps', deps);
    // The visitor's language before the actor is known: a body refused as too large (or any
    // error before authentication) still answers in it.
    c.set('locale', localeOf(getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
    c.set('actor', null);
    const out = nodeResponse(c);
    if (out) {
      for (const name in always) out.setHeader(name, always[name]);
      out.setHeader('x-request-id', id);
    }
    return next().then(() => {
      if (!out) {
        for (const name in always) setOnResponse(c, name, always[name]);
        setOnResponse(c, 'x-request-id', id);
      }
      log.info('request', {
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  };
  const pages = new PageCache({
    paths: anyOf(paths.cachedPages),
    personalCookies: hooks.personalCookies ?? [],
    csrfCookie: CSRF_COOKIE,
    secureCookies: secure,
    langCookie: LANG_COOKIE,
    locale: localeOf,
    generation: () => deps.h.writeCount(),
    always,
  });
  const json = new JsonCache({
    paths: anyOf(paths.cachedJson),
    personalCookies: hooks.personalCookies ?? [],
    generation: () => deps.h.writeCount(),
    always,
  });
  const BODIES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
  const bodySize: MiddlewareHandler<AppEnv> = async (c, next) => {
    // Only requests that carry a body are limited: touching the body of a GET makes the Node
    // adapter build a full web Request, which halved the throughput of every page.
    if (!BODIES.has(c.req.method)) return next();
    // Uploads the domains declared (photos) get more room than every other body.
    const max =
      paths.largeBodies.find((b) => b.path.test(c.req.path))?.maxBytes ?? deps.config.maxBodyBytes;
    // The rest of an oversized body is never read, so the connection cannot carry another
    // request: say so (`Connection: close`) instead of promising keep-alive and then closing.
    const tooLarge = () => {
      c.header('connection', 'close');
      throw new AppError('PAYLOAD_TOO_LARGE');
    };
    // A declared length is enforced by Node's parser (it reads exactly that many bytes), so the
    // header alone decides. Hono's bodyLimit reads `req.raw.body`, which makes the Node adapter
    // build a full web Request with a stream for every POST (≈ 7 % of a checkout's CPU); only a
    // chunked body, whose size is unknown until read, needs it.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(declared) > max ? tooLarge() : next();
    return bodyLimit({ maxSize: max, onError: tooLarge })(c, next);
  };
  const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = await hooks.authenticate(c);
    c.set('actor', actor);
    const cookie = getCookie(c, LANG_COOKIE);
    c.set('locale', actor?.locale ?? localeOf(cookie, c.req.header('accept-language')));
    // Menu badges (unread notifications) only for a signed-in person's pages: anonymous and
    // cached pages, the API and files never pay the count.
    if (actor && c.req.method === 'GET' && !publicFiles.test(c.req.path) && !isApiPath(c.req.path))
      c.set(
        'navBadges',
        await navBadges([...new Set(actor.grants.map((g) => g.role))], deps.h.db, actor.userId),
      );
    // A signed-in page may be personal and is often opened on a shared computer at a service
    // point: no browser or proxy may keep it. Static files and photos stay cacheable.
    if (!actor || publicFiles.test(c.req.path)) return next();
    return next().then(() => setOnResponse(c, 'cache-control', 'no-store'));
  };
  // One layer for the kernel's eight middlewares, outermost first (see sequence.ts for why).
  app.use(
    '*',
    sequence(
      [
        requestLog,
        gzip(),
        pages.middleware(),
        json.middleware(),
        bodySize,
        signedIn,
        csrf({ secure, noCookie: publicFiles, exempt: paths.csrfExempt }),
        refuseControlChars(),
      ],
      onError,
    ),
  );
  // serveStatic builds its own response, so the caching header is added once it exists.
  app.use(
    '/static/*',
    async (c, next) => {
      await next();
      if (c.res.status === 200) setOnResponse(c, 'cache-control', 'public, max-age=86400');
    },
    serveStatic({ root: './web', rewriteRequestPath: (p) => p.replace(/^\/static/, '') }),
  );

  app.post('/lang', async (c) => {
    const body = await c.req.parseBody();
    const to = isLocale(body.to) ? body.to : 'id';
    setCookie(c, LANG_COOKIE, to, {
      path: '/',
      sameSite: 'Lax',
      httpOnly: true,
      secure,
      maxAge: 365 * 86400,
    });
    if (c.get('actor') && hooks.onLocaleChange) await hooks.onLocaleChange(c, to);
    return c.redirect(sameOriginPath(body.back, '/'), 303);
  });
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.h.db);
      return c.json({ status: 'ok', database: deps.h.dialect });
    } catch {
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });
  app.onError(onError);
  attachPageCache(app, pages);
  attachJsonCache(app, json);
  if (hooks.bearer && paths.direct.length)
    attachDirectRoutes(
      app,
      new DirectRoutes({
        routes: paths.direct,
        deps,
        always,
        maxBodyBytes: deps.config.maxBodyBytes,
        bearer: hooks.bearer,
        log,
        fetch: (req, env) => app.fetch(req, env),
      }),
    );
  app.notFound((c) => notFound(c));
  return app;
}
