export {
  hasRole,
  regionContains,
  regionScope,
  canInRegion,
  scopeIds,
  type GrantTarget,
  type Role,
  type ScopeType,
  type Grant,
  type Actor,
} from './access.js';
export { regionWhere, idWhere } from './region-filter.js';
export { hashPassword, verifyPassword, needsRehash, ARGON2_PARAMS } from './password.js';
export { normaliseMobile, waDigits } from './phone.js';
export {
  registerScopeResolver,
  resolveScopeRegion,
  resolveScope,
  registerScopeLabeller,
  scopeLabels,
  type ScopeResolver,
  type ScopeOwnerResolver,
  type ScopeTarget,
  type ScopeLabeller,
} from './scope-resolvers.js';
