// What the domains tell the HTTP layer about their paths. The kernel knows no path of its own
// beyond /static: each manifest declares its cacheable public pages, its signed server-to-server
// callbacks, its public files, its large uploads and its direct routes (`http` field), and app.ts
// hands the union to createHttpApp.
import type { DirectRoute } from './direct.js';

export interface HttpPaths {
  /** Anonymous public pages a shared cache may serve (the storefront: home, search, products). */
  cachedPages?: RegExp[];
  /** Public JSON reads whose anonymous answers are the same for everyone (product search, detail). */
  cachedJson?: RegExp[];
  /**
   * Path prefixes of server-to-server callbacks (payment providers) that prove themselves by a
   * signature instead of the CSRF token.
   */
  csrfExempt?: string[];
  /** Path prefixes of public files (photos): never personal, never set a cookie, cacheable. */
  publicFiles?: string[];
  /** Paths whose request bodies may exceed the default limit (photo uploads), in bytes. */
  largeBodies?: { path: RegExp; maxBytes: number }[];
  /** Bearer-token JSON writes answered before Hono when nothing in the request needs it (direct.ts). */
  direct?: DirectRoute[];
}

/** The union of every domain's declarations. */
export function mergeHttpPaths(all: (HttpPaths | undefined)[]): Required<HttpPaths> {
  const out: Required<HttpPaths> = {
    cachedPages: [],
    cachedJson: [],
    csrfExempt: [],
    publicFiles: [],
    largeBodies: [],
    direct: [],
  };
  for (const p of all) {
    out.cachedPages.push(...(p?.cachedPages ?? []));
    out.cachedJson.push(...(p?.cachedJson ?? []));
    out.csrfExempt.push(...(p?.csrfExempt ?? []));
    out.publicFiles.push(...(p?.publicFiles ?? []));
    out.largeBodies.push(...(p?.largeBodies ?? []));
    out.direct.push(...(p?.direct ?? []));
  }
  return out;
}

/** One RegExp matching any of `res` (none: matches nothing). */
export const anyOf = (res: RegExp[]): RegExp =>
  res.length ? new RegExp(res.map((r) => `(?:${r.source})`).join('|')) : /(?!)/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp matching paths that start with any of `prefixes`. */
export const startsWithAny = (prefixes: string[]): RegExp =>
  anyOf(prefixes.map((p) => new RegExp(`^${escapeRegExp(p)}`)));
