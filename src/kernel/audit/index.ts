export {
  audit,
  auditMany,
  verifyAudit,
  auditTrail,
  type AuditEntry,
  type VerifyResult,
} from './audit.js';
export {
  registerAuditScope,
  auditScopedTypes,
  auditScopeResolver,
  readAudit,
  auditEntityTypes,
  type AuditScopeResolver,
  type AuditFilter,
} from './read.js';
