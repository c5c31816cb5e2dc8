// The API contract's shared parts: one Problem schema, the two ways to authenticate, the
// Idempotency-Key header, and `contract()`, which every route declared through createApiApp
// passes through. It makes the document say what the server does for every route alike:
// an operationId, the problem responses the kernel can answer with (401/403 for signed-in
// routes, 403 for cookie writes without the CSRF token, 422 on every route for control
// characters in the path or query, 413 for every write, 400/415 for bodies, 404 for path
// ids), and it puts the sign-in check BEFORE validation, so a stranger gets 401 and never
// learns the body's rules.
import { z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors/errors.js';
import type { AppEnv } from './env.js';

/** Security requirement of routes that need a signed-in caller: an API token or the session cookie. */
export const SIGNED_IN: { [scheme: string]: string[] }[] = [
  { bearerToken: [] },
  { sessionCookie: [] },
];

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`lmb_…`) made at /account/tokens, sent as `Authorization: Bearer lmb_…`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'lumbung_sid',
    description:
      "The session cookie set by signing in at /login (browsers and the site's own scripts; writes also need the `X-CSRF-Token` header).",
  },
} as const;

export const PROBLEM_MIME = 'application/problem+json';

/** RFC 9457 problem details; `title` is stable per `type`, specifics are in `detail` and the extension members. */
export const Problem = z
  .object({
    type: z.string().openapi({
      description: 'A URI naming the kind of problem; one per `code`',
      example: 'https://lumbung.dev/problems/partners-not-in-feed',
    }),
    title: z.string().openapi({
      description:
        "Short summary of the kind of problem, the same for every occurrence (in the caller's language)",
    }),
    status: z.number().int().openapi({ description: 'The HTTP status code' }),
    detail: z
      .string()
      .optional()
      .openapi({ description: "What went wrong this time, in the caller's language" }),
    instance: z.string().openapi({ description: 'The request path' }),
    code: z
      .string()
      .openapi({ description: 'Machine-readable error code, e.g. ORDERS_INSUFFICIENT_STOCK' }),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Validation failures: a message per field, keyed by dotted path' }),
    variants: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Variant ids the problem is about (e.g. not in your feed)' }),
    variant: z.string().optional().openapi({ description: 'The variant id the problem is about' }),
    available: z.number().int().optional().openapi({ description: 'Stock left' }),
    max: z.number().optional().openapi({ description: 'The limit that was exceeded' }),
    sheet: z.string().nullable().optional().openapi({
      description: 'A refused table: the worksheet read (null when the table was CSV)',
    }),
    cells: z
      .array(
        z.object({
          sheet: z.string().nullable(),
          row: z.number().int().openapi({ description: 'Sheet row or CSV line; 0: the file' }),
          column: z.string().nullable().openapi({ description: 'Column; null: the whole row' }),
          reason: z.string().openapi({ description: "Why, in the caller's language" }),
          code: z.string().openapi({ description: 'Machine-readable reason' }),
        }),
      )
      .optional()
      .openapi({ description: 'A refused table: every bad cell (sheet, row, column, reason)' }),
  })
  .catchall(z.unknown())
  .openapi('Problem', {
    description: 'RFC 9457 problem details. Further members carry the specifics of some codes.',
  });

const KEY_PATTERN = '^[A-Za-z0-9_\\-:.]{8,128}$';

/** The Idempotency-Key request header of retried writes; a missing or malformed key is a 400. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().regex(new RegExp(KEY_PATTERN)).openapi({
    description:
      'A key you make per logical write (8–128 of A–Z a–z 0–9 _ - : .); a retry with the same key and body returns the first response',
    example: 'ptn-order-8842-a',
  }),
});

/** Response header set when the response is the stored answer to an earlier request with the same key. */
export const REPLAYED_HEADER: Record<
  string,
  { description: string; schema: { type: 'string'; enum: string[] } }
> = {
  'Idempotent-Replayed': {
    description:
      'Present (`true`) when this is the stored response of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

type Responses = RouteConfig['responses'];

const STANDARD_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON or a missing/malformed Idempotency-Key',
  401: 'Not signed in: no, expired or revoked token or session',
  403: 'Signed in but not allowed (role or scope), or a cookie write without the CSRF token',
  404: 'Not found, or not yours',
  413: 'The body is too large',
  415: 'The Content-Type is not one this operation accepts',
  422: 'The input is not valid (control characters in the path or query included); `errors` has a message per field',
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const CSRF_DESCRIPTION =
  'A write that carries cookies but not the CSRF token (`X-CSRF-Token`), or comes from another site';

export const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MIME]: { schema: Problem } },
});

// Hands on without awaiting: no suspended frame per request in flight (see sequence.ts).
const requireSignedIn: MiddlewareHandler<AppEnv> = (c, next) => {
  if (!c.get('actor')) throw new AppError('UNAUTHENTICATED');
  return next();
};

const isSecured = (security: RouteConfig['security']) =>
  !!security?.length && security.every((r) => Object.keys(r).length > 0);

/** A stable operationId from method and path: GET /api/v1/regions/{code}/profile → getRegionsByCodeProfile. */
export function operationIdOf(method: string, path: string): string {
  const parts = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .flatMap((seg) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      const words = (param ? `by-${param[1]}` : seg)
        .split(/[^A-Za-z0-9]+|(?=[A-Z])/)
        .filter(Boolean);
      return words.map((w) => w[0].toUpperCase() + w.slice(1));
    });
  return method.toLowerCase() + parts.join('');
}

/** Completes a route's declaration with what the kernel does for every route (see the file comment). */
export function contract<R extends RouteConfig>(route: R): R {
  const security = route.security?.some((r) => 'bearer' in r) ? SIGNED_IN : route.security;
  const secured = isSecured(security);
  const req = route.request;
  const responses: Responses = {};
  const add = (status: number, when: boolean) => {
    if (when && !(status in route.responses))
      responses[status] = problemResponse(STANDARD_DESCRIPTIONS[status]);
  };
  add(
    400,
    !!req?.body ||
      !!(req?.headers as { shape?: object } | undefined)?.shape?.hasOwnProperty('idempotency-key'),
  );
  add(401, secured);
  add(403, secured);
  // A write that carries cookies must carry the CSRF token too, signed in or not (csrf.ts);
  // provider callbacks prove themselves by signature instead: their routes say so with
  // `x-signed-callback` (and their domain lists the path as CSRF-exempt in its manifest).
  const write = WRITES.has(route.method.toLowerCase());
  const signedCallback = (route as { 'x-signed-callback'?: boolean })['x-signed-callback'] === true;
  if (write && !secured && !signedCallback && !(403 in route.responses))
    responses[403] = problemResponse(CSRF_DESCRIPTION);
  add(404, /\{\w+\}/.test(route.path));
  // The body limit holds for every write, whether the operation reads a body or not.
  add(413, !!req?.body || write);
  add(415, !!req?.body);
  // Control characters in the path or the query are refused on every route (validate.ts).
  add(422, true);
  for (const [status, res] of Object.entries(route.responses)) {
    // Every error answer is the one Problem schema, whatever a domain wrote beside it.
    responses[status] =
      Number(status) >= 400
        ? problemResponse(
            (res as { description?: string }).description ??
              STANDARD_DESCRIPTIONS[Number(status)] ??
              'Problem',
          )
        : res;
  }
  const own = route.middleware
    ? Array.isArray(route.middleware)
      ? route.middleware
      : [route.middleware]
    : [];
  return {
    ...route,
    operationId: route.operationId ?? operationIdOf(route.method, route.path),
    security: security ?? [],
    responses,
    middleware: secured ? [requireSignedIn, ...own] : route.middleware,
  };
}
