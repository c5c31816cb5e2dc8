// CSRF defence for cookie-authenticated writes, in two layers:
// 1. the browser's own word: Sec-Fetch-Site / Origin must be same-origin;
// 2. a double-submit token: forms carry `_csrf` (JSON calls the `x-csrf-token` header) equal
//    to the `lumbung_csrf` cookie, which another origin can neither read nor set.
// Requests authenticated by a bearer token carry no ambient authority and skip both.
import { timingSafeEqual } from 'node:crypto';
import { randomHex } from '../ids/index.js';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../errors/errors.js';
import type { AppEnv } from './env.js';
import { bearerToken } from './guard.js';

export const CSRF_COOKIE = 'lumbung_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrf(opts: {
  secure: boolean;
  /** Public files: no token cookie. */
  noCookie?: RegExp;
  /** Path prefixes of signed server-to-server callbacks (declared by their domains). */
  exempt?: string[];
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A bearer token carries no ambient authority, and its client keeps no cookie jar: no
    // checks and no token cookie (minting one cost every API call a random id and a Set-Cookie).
    if (bearerToken(c.req.header('authorization')) !== null) {
      c.set('csrfToken', '');
      return next();
    }
    let token = getCookie(c, CSRF_COOKIE);
    // Public files a cache may share between visitors must not carry anyone's token cookie.
    if (opts.noCookie?.test(c.req.path) && !UNSAFE.has(c.req.method)) {
      c.set('csrfToken', token && /^[a-f0-9]{32}$/.test(token) ? token : '');
      return next();
    }
    if (!token || !/^[a-f0-9]{32}$/.test(token)) {
      token = randomHex(16);
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: opts.secure,
      });
    }
    c.set('csrfToken', token);
    if (!UNSAFE.has(c.req.method)) return next();
    // Server-to-server callbacks (payment providers) prove themselves by signature instead.
    if (opts.exempt?.some((p) => c.req.path.startsWith(p))) return next();

    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF_FAILED');
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('host');
      if (!host || new URL(origin).host !== host) throw new AppError('CSRF_FAILED');
    } else if (origin === 'null' && site !== 'same-origin') {
      // Chromium sends `Origin: null` on same-origin posts under a strict referrer policy;
      // only then (Sec-Fetch-Site vouching for it) is a null origin accepted.
      throw new AppError('CSRF_FAILED');
    }

    const cookieSent = !!getCookie(c, CSRF_COOKIE);
    const type = c.req.header('content-type') ?? '';
    let sent: string | undefined;
    if (
      type.startsWith('application/x-www-form-urlencoded') ||
      type.startsWith('multipart/form-data')
    ) {
      const body = await c.req.parseBody();
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    } else {
      sent = c.req.header('x-csrf-token');
      // A JSON client with no cookies at all (an app, a partner) has no ambient authority.
      if (!sent && !cookieSent && !c.req.header('cookie')) return next();
    }
    if (!cookieSent || !sent || !same(sent, token)) throw new AppError('CSRF_FAILED');
    return next();
  };
}
