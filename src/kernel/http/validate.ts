// Input validation with zod, with messages in the user's language. Schemas for the API are
// strict (unknown fields are an error); refinements put an i18n key in `message`. Control
// characters are refused here for every route, whatever its schema says (issue 13, hole 7).
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors/errors.js';
import { hasMessage, t, type Locale } from '../i18n/i18n.js';
import type { AppEnv } from './env.js';

// C0 controls but TAB, LF and CR; DEL; C1 controls. PostgreSQL refuses NUL in text (a 500 before
// this check) while SQLite stores it; none of them is anything a person types.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Path segments, query params and headers are one line: TAB, LF and CR are refused there too.
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// Half of a surrogate pair: not text; drivers would store a replacement character instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` holds a control character or a lone surrogate (text no database stores as sent). */
export function hasControlChars(s: string, multiline: boolean): boolean {
  return (multiline ? CONTROL : CONTROL_ONE_LINE).test(s) || LONE_SURROGATE.test(s);
}

/** Where a value sits in the walked input: its key under its parent's place (null at the top). */
type Place = { up: Place; key: string } | null;

function dotted(at: Place, key?: string): string {
  const parts = key === undefined ? [] : [key];
  for (let a = at; a; a = a.up) parts.push(a.key);
  return parts.reverse().join('.') || '_';
}

/**
 * A field error for every string in `value` (object keys included) holding control characters,
 * keyed by dotted path like zod's. Body fields may be multi-line (a textarea, an address), so
 * there TAB/LF/CR pass; everything else is one line. Walks with its own stack: a deeply nested
 * JSON body must not overflow the call stack. Strings are checked where they are found and
 * only objects and arrays wait on the stack, each with its place; a dotted path is spelled out
 * only for a value that fails (a path string and a pair per value were ≈ 3 % of what a
 * checkout request allocated).
 */
export function controlCharFields(value: unknown, multiline: boolean): FieldErrors {
  const fields: FieldErrors = {};
  const pending: object[] = [];
  const places: Place[] = [];
  const visit = (v: unknown, at: Place, key?: string) => {
    if (typeof v === 'string') {
      if (hasControlChars(v, multiline))
        fields[dotted(at, key)] = { key: 'validation.control_chars' };
    } else if (v !== null && typeof v === 'object' && !(v instanceof Blob)) {
      pending.push(v);
      places.push(key === undefined ? at : { up: at, key });
    }
  };
  visit(value, null);
  while (pending.length) {
    const v = pending.pop()!;
    const at = places.pop()!;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], at, String(i));
    else
      for (const k of Object.keys(v)) {
        if (hasControlChars(k, false)) fields[dotted(at, k)] = { key: 'validation.control_chars' };
        else visit((v as Record<string, unknown>)[k], at, k);
      }
  }
  return fields;
}

const failWith = (fields: FieldErrors) => new AppError('VALIDATION_FAILED', {}, fields);
const anyField = (fields: FieldErrors) => Object.keys(fields).length > 0;

/**
 * The validation hook of every OpenAPI route: zod's failures and control characters in any
 * validated part (params, query, headers, JSON, form) become one 422 with field messages.
 * On failure `data` is the raw input, on success the parsed value; both are checked.
 */
export function openApiHook(result: {
  success: boolean;
  data?: unknown;
  error?: unknown;
  target: string;
}): void {
  const control = controlCharFields(
    result.data,
    result.target === 'json' || result.target === 'form',
  );
  if (!result.success)
    throw failWith({ ...zodFieldErrors(result.error as z.ZodError), ...control });
  if (anyField(control)) throw failWith(control);
}

/** The request's path segments and query params, decoded, each with the name a message goes under. */
function urlParts(url: string, pattern: string): [string, string][] {
  const u = new URL(url);
  // The matched route names its params (`/parcels/:tracking`); other segments are `_path`.
  const names = pattern.split('/');
  const parts: [string, string][] = [];
  u.pathname.split('/').forEach((seg, i) => {
    let decoded = seg;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      /* a malformed escape stays as typed: it is no control character */
    }
    const name = names[i]?.match(/^:(\w+)/)?.[1] ?? '_path';
    parts.push([name, decoded]);
  });
  for (const [k, v] of u.searchParams) parts.push([k, v], ['_query', k]);
  return parts;
}

/**
 * The guard every request passes before its handler: control characters in the path or the
 * query are a 422 (problem in the API, the error page on pages) under the param's name. Form
 * bodies read with `c.req.parseBody()` are refused the same way; `readForm` reads the body
 * unguarded and answers with the form again and a message beside the field instead.
 */
export function refuseControlChars(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    // Without a percent escape the decoded parts are pieces of the URL as sent, so a URL with
    // no escape and no control character needs no parsing (new URL() per request cost ≈ 1 %).
    if (url.includes('%') || hasControlChars(url, false)) {
      const bad: FieldErrors = {};
      for (const [name, v] of urlParts(url, routePath(c, -1)))
        if (hasControlChars(v, false)) bad[name] = { key: 'validation.control_chars' };
      if (anyField(bad)) throw failWith(bad);
    }
    const type = c.req.header('content-type') ?? '';
    if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      const unguarded = c.req.parseBody.bind(c.req);
      UNGUARDED.set(c.req, unguarded);
      c.req.parseBody = (async (options?: Parameters<typeof unguarded>[0]) => {
        const body = await unguarded(options);
        const control = controlCharFields(body, true);
        if (anyField(control)) throw failWith(control);
        return body;
      }) as typeof unguarded;
    }
    return next();
  };
}

const UNGUARDED = new WeakMap<object, Context['req']['parseBody']>();

/** Zod issues → field errors keyed by dotted path, each an i18n key with params. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const anyIssue = issue as any;
    if (issue.code === 'unrecognized_keys') {
      for (const k of anyIssue.keys as string[])
        fields[[...issue.path, k].join('.')] = { key: 'validation.unknown_field' };
      continue;
    }
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    let key = 'validation.invalid';
    let params: Record<string, unknown> = {};
    if (hasMessage(issue.message)) key = issue.message;
    else if (issue.code === 'invalid_type')
      key = /received undefined/.test(issue.message)
        ? 'validation.required'
        : 'validation.wrong_type';
    else if (issue.code === 'too_small') {
      key =
        anyIssue.origin === 'string'
          ? anyIssue.minimum === 1
            ? 'validation.required'
            : 'validation.too_short'
          : 'validation.too_small';
      params = { min: anyIssue.minimum };
    } else if (issue.code === 'too_big') {
      key = anyIssue.origin === 'string' ? 'validation.too_long' : 'validation.too_big';
      params = { max: anyIssue.maximum };
    } else if (issue.code === 'invalid_value') key = 'validation.not_allowed';
    else if (issue.code === 'invalid_format') key = 'validation.bad_format';
    fields[path] = { key, params };
  }
  return fields;
}

export function translateFields(locale: Locale, fields: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = t(locale, v.key, v.params);
  return out;
}

/** Parses with `schema` or throws a 422 AppError carrying field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  const control = controlCharFields(input, true);
  if (!r.success) throw failWith({ ...zodFieldErrors(r.error), ...control });
  if (anyField(control)) throw failWith(control);
  return r.data;
}

/** Reads a JSON body (400 on malformed JSON) and validates it (422 with field messages). */
export async function readJson<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  return parseOrThrow(schema, body);
}

export type FormResult<T> =
  | { ok: true; data: T; raw: Record<string, string> }
  | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/**
 * Reads an urlencoded/multipart form and validates it. Failure is a value: the route renders
 * the form again with the raw input and a message beside each field.
 */
/**
 * The form body without the control-character guard, for a page that shows the form again:
 * it must check `controlCharFields` itself before using any value.
 */
export function parseBodyUnguarded(c: Context<AppEnv>): Context['req']['parseBody'] {
  return UNGUARDED.get(c.req) ?? c.req.parseBody.bind(c.req);
}

export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const body = await parseBodyUnguarded(c)({ all: true });
  const raw: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    input[k] = v;
    if (typeof v === 'string') raw[k] = v;
  }
  const r = schema.safeParse(input);
  const control = controlCharFields(input, true);
  if (r.success && !anyField(control)) return { ok: true, data: r.data, raw };
  return {
    ok: false,
    errors: translateFields(c.get('locale'), {
      ...(r.success ? {} : zodFieldErrors(r.error)),
      ...control,
    }),
    raw,
  };
}
