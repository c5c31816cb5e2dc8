// The one place errors become HTTP: API → RFC 9457 problem+json with field messages in the
// caller's language; pages → an error page in the shell. Users never see stack traces.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorSpec } from '../errors/errors.js';
import { registerMessages, t, type Locale } from '../i18n/i18n.js';
import type { AppEnv } from './env.js';
import { page } from './layout.js';
import { translateFields } from './validate.js';
import type { Logger } from './log.js';

export function isApiPath(path: string): boolean {
  return path.startsWith('/api/');
}

/**
 * The human message of an error code in `locale`: params the code's spec declares `named`
 * (enum values such as an order's state) are shown by their name in that language, never raw.
 */
export function errorText(locale: Locale, code: string, params: Record<string, unknown> = {}) {
  const spec = errorSpec(code);
  const shown = { ...params };
  for (const [param, prefixes] of Object.entries(spec.named ?? {})) {
    const v = params[param];
    if (typeof v !== 'string') continue;
    for (const prefix of prefixes) {
      const name = t(locale, prefix + v);
      if (name !== prefix + v) {
        shown[param] = name;
        break;
      }
    }
  }
  return t(locale, spec.message, shown);
}

/** Problem members the kernel writes itself; an error param with one of these names stays in `detail` only. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** The problem+json answer to `err` (see problemOf). */
export function problem(c: Context<AppEnv>, err: AppError) {
  const p = problemOf(c.get('locale') ?? 'id', c.req.path, err);
  return c.body(p.body, p.status as 400, { 'content-type': PROBLEM_TYPE });
}

/**
 * `title` is the same for every occurrence of a code: the code's message when it has no
 * placeholders, else the title of its status. The occurrence (stock left, names, ids) goes
 * into `detail`, and the error's params become extension members a program can act on.
 *
 * No Hono context is needed: the direct routes (direct.ts) answer with it too.
 */
export function problemOf(locale: Locale, path: string, err: AppError) {
  const spec = errorSpec(err.code);
  const template = t(locale, spec.message);
  const body: Record<string, unknown> = {
    type: `https://lumbung.dev/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: /\{\w+\}/.test(template)
      ? t(
          locale,
          STATUS_TITLES[spec.status] ? `problem.title.${spec.status}` : 'problem.title.other',
        )
      : template,
    status: spec.status,
    detail: errorText(locale, err.code, err.params),
    instance: path,
    code: err.code,
  };
  for (const [k, v] of Object.entries(err.params))
    if (!RESERVED.has(k) && v !== undefined) body[k] = v;
  if (Object.keys(err.fields).length > 0) body.errors = translateFields(locale, err.fields);
  return { status: spec.status, body: JSON.stringify(body) };
}

const STATUS_TITLES: Record<number, [string, string]> = {
  400: ['Permintaan tidak dapat dibaca', 'Bad request'],
  401: ['Belum masuk', 'Not signed in'],
  403: ['Tidak diizinkan', 'Forbidden'],
  404: ['Tidak ditemukan', 'Not found'],
  409: ['Bertentangan dengan keadaan saat ini', 'Conflict with the current state'],
  413: ['Kiriman terlalu besar', 'Payload too large'],
  415: ['Jenis isi tidak didukung', 'Unsupported media type'],
  422: ['Data tidak dapat diproses', 'Unprocessable content'],
  429: ['Terlalu banyak permintaan', 'Too many requests'],
  500: ['Kesalahan server', 'Server error'],
};
registerMessages({
  id: {
    ...Object.fromEntries(
      Object.entries(STATUS_TITLES).map(([s, [id]]) => [`problem.title.${s}`, id]),
    ),
    'problem.title.other': 'Permintaan gagal',
  },
  en: {
    ...Object.fromEntries(
      Object.entries(STATUS_TITLES).map(([s, [, en]]) => [`problem.title.${s}`, en]),
    ),
    'problem.title.other': 'Request failed',
  },
});

function errorPage(c: Context<AppEnv>, status: number, message: string) {
  const locale = c.get('locale') ?? 'id';
  const title = t(locale, status === 404 ? 'page.not_found.title' : 'page.error.title');
  return page(
    c,
    { title, status: status as 404 },
    <section class="card">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t(locale, 'page.back_home')}</a>
      </p>
    </section>,
  );
}

/** Maps any thrown value to a response; unexpected errors are logged with the request id only. */
export function handleError(err: unknown, c: Context<AppEnv>, log: Logger) {
  const appErr = toAppError(err, log, c.get('requestId'), c.req.path);
  if (appErr.code === 'UNAUTHENTICATED' && !isApiPath(c.req.path) && c.req.method === 'GET') {
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  }
  if (isApiPath(c.req.path)) return problem(c, appErr);
  let message = errorText(c.get('locale') ?? 'id', appErr.code, appErr.params);
  const fields = translateFields(c.get('locale') ?? 'id', appErr.fields);
  if (Object.keys(fields).length) message += ' ' + Object.values(fields).join(' ');
  return errorPage(c, appErr.status, message);
}

/** Any thrown value as the AppError it answers with; an unexpected one is logged (request id only). */
export function toAppError(
  err: unknown,
  log: Logger,
  requestId: string | undefined,
  path: string,
): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    // Hono and the OpenAPI validator throw these for bodies they cannot read (415 when the
    // Content-Type is not the one the route declares): the caller's mistake, never a 500.
    const byStatus: Record<number, string> = {
      400: 'MALFORMED_JSON',
      404: 'NOT_FOUND',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
    };
    return new AppError(byStatus[err.status] ?? 'INTERNAL');
  }
  log.error('unhandled error', {
    requestId,
    path,
    error: err instanceof Error ? err.message : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  return new AppError('INTERNAL');
}

export function notFound(c: Context<AppEnv>) {
  if (isApiPath(c.req.path)) return problem(c, new AppError('NOT_FOUND'));
  return errorPage(c, 404, t(c.get('locale') ?? 'id', 'errors.not_found'));
}
