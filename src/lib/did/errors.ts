// Errors raised by the DiD estimators. Each carries a stable `code` (the web layer translates
// codes into the user's language) plus structured `params`; `message` is plain English for
// logs and the CLI.

export type DidErrorCode =
  | 'BAD_INPUT' // columns of different lengths, empty data, bad option values
  | 'UNKNOWN_COLUMN' // CLI: a named column is not in the CSV header
  | 'NOT_NUMERIC' // a value that must be a number is not
  | 'MISSING_OUTCOME' // outcome missing / not finite in some rows
  | 'DUPLICATE_ROW' // the same (unit, time) appears twice
  | 'UNBALANCED' // some unit is not observed in every period
  | 'COHORT_NOT_CONSTANT' // a unit has two different cohorts
  | 'CLUSTER_NOT_CONSTANT' // a unit belongs to two clusters
  | 'NO_TREATED' // no unit is ever treated inside the panel
  | 'NO_NEVER_TREATED' // control 'never' requested but nobody is never treated
  | 'TOO_FEW_PERIODS' // fewer than two periods
  | 'SINGULAR' // a regression design is rank deficient
  | 'CSV_PARSE'; // malformed CSV (e.g. unterminated quote)

export class DidError extends Error {
  constructor(
    readonly code: DidErrorCode,
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DidError';
  }
}
