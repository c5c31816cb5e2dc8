export { createHttpApp, createApiApp, LANG_COOKIE, type AppHooks } from './app-factory.js';
export { createApiRoutes, dbOf } from './api-routes.js';
export type { AppEnv, Deps } from './env.js';
export { mergeHttpPaths, type HttpPaths } from './paths.js';
export { csrf, CSRF_COOKIE } from './csrf.js';
export { createLogger, redact, type Logger } from './log.js';
export { serveApp, type ServeOptions } from './server.js';
export { directRoute, answerWith, type DirectRoute, type DirectAnswer } from './direct.js';
export { hitRate, peekRate, rateResetAt, clearRate, type RateResult } from './rate-limit.js';
export {
  idempotent,
  fingerprint,
  requireIdempotencyKey,
  keyVerdict,
  type KeyVerdict,
  type StoredResponse,
} from './idempotency.js';
export { keyVerdicts, storeKeys, type IdemKey } from './idempotency-batch.js';
export {
  readJson,
  readForm,
  parseOrThrow,
  zodFieldErrors,
  translateFields,
  controlCharFields,
  parseBodyUnguarded,
  type FormResult,
} from './validate.js';
export {
  Layout,
  page,
  Csrf,
  Field,
  SelectField,
  ErrorSummary,
  type PageOptions,
  type FieldProps,
} from './layout.js';
export { registerNav, navFor, type NavItem } from './nav.js';
export { problem, isApiPath, errorText } from './errors-http.js';
export { requireActor, requireRole, clientIp, bearerToken } from './guard.js';
export { registerHomePanel, homePanelsFor, type HomePanel } from './home.js';
export { sameOriginPath } from './redirect.js';
export {
  Problem,
  SIGNED_IN,
  SECURITY_SCHEMES,
  IdempotencyKeyHeader,
  REPLAYED_HEADER,
  PROBLEM_MIME,
  problemResponse,
  contract,
  operationIdOf,
} from './openapi.js';
