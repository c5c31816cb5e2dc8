// One catalogue of error codes. Each code has an HTTP status and an i18n message key; the
// HTTP layer maps an AppError to problem+json (API) or the form again (pages) in one place.
// Expected outcomes (insufficient stock, illegal transition) are returned as values by
// services (`Result`); `AppError` is thrown only to leave a request.

export interface ErrorSpec {
  status: number;
  /** i18n key of the human message; params come from the error's `params`. */
  message: string;
  /**
   * Params that hold a state or kind (an enum value) which people read by its name: param →
   * message-key prefixes tried in turn (`from` → ['orders.fulfilment.', 'orders.status.']).
   * Programs still get the raw value as the problem's extension member.
   */
  named?: Record<string, readonly string[]>;
}

const catalogue = new Map<string, ErrorSpec>();

/** Adds codes to the catalogue; a code may be declared only once. */
export function defineErrors(specs: Record<string, ErrorSpec>): void {
  for (const [code, spec] of Object.entries(specs)) {
    if (catalogue.has(code)) throw new Error(`error code ${code} declared twice`);
    catalogue.set(code, spec);
  }
}

export function errorSpec(code: string): ErrorSpec {
  return catalogue.get(code) ?? { status: 500, message: 'errors.internal' };
}

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldErrors = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return errorSpec(this.code).status;
  }
}

export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; code: E; params?: Record<string, unknown>; fields?: FieldErrors };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(
  code: E,
  params?: Record<string, unknown>,
  fields?: FieldErrors,
) => ({ ok: false, code, params, fields }) as const;

/** Unwraps a Result, turning a failure into an AppError for the HTTP layer. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new AppError(r.code, r.params, r.fields);
}

/** snake_case → camelCase: how a form's field is named in the JSON API. */
export const camelField = (field: string) =>
  field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `unwrap` for the JSON API: services name a failing field as their forms do (snake_case); the
 * problem's `errors` name it as the JSON body does (camelCase, or as `name` says).
 */
export function unwrapJson<T>(r: Result<T>, name: (field: string) => string = camelField): T {
  if (r.ok) return r.value;
  const fields: FieldErrors = {};
  for (const [k, v] of Object.entries(r.fields ?? {})) fields[name(k)] = v;
  throw new AppError(r.code, r.params, fields);
}

defineErrors({
  VALIDATION_FAILED: { status: 422, message: 'errors.validation' },
  MALFORMED_JSON: { status: 400, message: 'errors.malformed_json' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'errors.too_large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'errors.media_type' },
  NOT_FOUND: { status: 404, message: 'errors.not_found' },
  UNAUTHENTICATED: { status: 401, message: 'errors.unauthenticated' },
  FORBIDDEN: { status: 403, message: 'errors.forbidden' },
  CSRF_FAILED: { status: 403, message: 'errors.csrf' },
  RATE_LIMITED: { status: 429, message: 'errors.rate_limited' },
  CONFLICT: { status: 409, message: 'errors.conflict' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: 'errors.idempotency_required' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'errors.idempotency_reused' },
  IDEMPOTENCY_IN_FLIGHT: { status: 409, message: 'errors.idempotency_in_flight' },
  INTERNAL: { status: 500, message: 'errors.internal' },
});
