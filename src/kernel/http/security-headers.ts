// The headers every response carries. Hono's secureHeaders set them after each handler on the
// response's web `Headers`, and the request id went there too, which made the Node adapter
// build every response's headers the slow way (undici Headers, validated and sorted): ≈ 14 % of
// what the main thread allocated for a checkout. Over a socket they are now set on Node's own
// response before the handler runs (app-factory.ts); Hono's `app.request` (tests, no socket)
// still gets them on the web response, so both answer with the same headers.
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/** The security headers, as Hono's secureHeaders made them with our options (pinned by tests). */
export function securityHeaders(secure: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "form-action 'self'",
      // No framing at all; x-frame-options says the same to older browsers.
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
}

/** The Node response behind a request that came over a socket (none under `app.request`). */
export function nodeResponse(c: Context): ServerResponse | undefined {
  const out = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return out && typeof out.setHeader === 'function' ? out : undefined;
}
