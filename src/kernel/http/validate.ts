// Input validation with zod, with messages in the user's language. Schemas for the API are
// strict (unknown fields are an error); refinements put an i18n key in `message`.
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors/errors.js';
import { hasMessage, t, type Locale } from '../i18n/i18n.js';
import type { AppEnv } from './env.js';

/** Zod issues → field errors keyed by dotted path, each an i18n key with params. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const anyIssue = issue as any;
    if (issue.code === 'unrecognized_keys') {
      for (const k of anyIssue.keys as string[]) fields[[...issue.path, k].join('.')] = { key: 'validation.unknown_field' };
      continue;
    }
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    let key = 'validation.invalid';
    let params: Record<string, unknown> = {};
    if (hasMessage(issue.message)) key = issue.message;
    else if (issue.code === 'invalid_type') key = /received undefined/.test(issue.message) ? 'validation.required' : 'validation.wrong_type';
    else if (issue.code === 'too_small') {
      key = anyIssue.origin === 'string' ? (anyIssue.minimum === 1 ? 'validation.required' : 'validation.too_short') : 'validation.too_small';
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
  if (!r.success) throw new AppError('VALIDATION_FAILED', {}, zodFieldErrors(r.error));
  return r.data;
}

/** Reads a JSON body (400 on malformed JSON) and validates it (422 with field messages). */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  return parseOrThrow(schema, body);
}

export type FormResult<T> = { ok: true; data: T; raw: Record<string, string> } | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/**
 * Reads an urlencoded/multipart form and validates it. Failure is a value: the route renders
 * the form again with the raw input and a message beside each field.
 */
export async function readForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
  const body = await c.req.parseBody({ all: true });
  const raw: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    input[k] = v;
    if (typeof v === 'string') raw[k] = v;
  }
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data, raw };
  return { ok: false, errors: translateFields(c.get('locale'), zodFieldErrors(r.error)), raw };
}
