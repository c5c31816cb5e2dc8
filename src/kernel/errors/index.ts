export {
  AppError,
  defineErrors,
  errorSpec,
  ok,
  fail,
  unwrap,
  type Result,
  type ErrorSpec,
  type FieldErrors,
} from './errors.js';
