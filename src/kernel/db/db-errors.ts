// Constraint violations named the same way on both dialects, so a use case can turn "someone
// else inserted this first" into its own error value without matching driver messages.
export type ConstraintKind = 'unique' | 'foreign_key' | 'check' | 'not_null';

// better-sqlite3 sets `code` to SQLITE_CONSTRAINT_<KIND>; pg sets the SQLSTATE of class 23.
const SQLITE: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
};
const POSTGRES: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
};

/** The kind of constraint a database error violated, or null for any other error. */
export function constraintViolation(err: unknown): ConstraintKind | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return SQLITE[code] ?? POSTGRES[code] ?? null;
}

/** True when `err` is a unique (or primary key) violation on either dialect. */
export const isUniqueViolation = (err: unknown): boolean => constraintViolation(err) === 'unique';
