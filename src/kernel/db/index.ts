export { connect, type ConnectOptions } from './connect.js';
export { migrateToLatest, type Migrations } from './migrate.js';
export { inTransaction, inTransactionResult, nowIso } from './tx.js';
export { constraintViolation, isUniqueViolation, type ConstraintKind } from './db-errors.js';
export type { Database, Db, Tx, DbHandle, Dialect } from './types.js';
export { kernelMigrations } from './kernel-migrations.js';
import './kernel-tables.js';
export { isPostgres } from './dialect.js';
export { compiledOnce } from './compiled-once.js';
