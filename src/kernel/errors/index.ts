export {
  AppError,
  defineErrors,
  errorSpec,
  ok,
  fail,
  unwrap,
  unwrapJson,
  camelField,
  type Result,
  type ErrorSpec,
  type FieldErrors,
} from './errors.js';
