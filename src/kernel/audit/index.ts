export { audit, verifyAudit, auditTrail, type AuditEntry, type VerifyResult } from './audit.js';
