// Domains that own scoped entities (regions, organisations, service points, UMKM, hubs,
// partners) register how to find an entity's region code. Accounts uses this to validate a
// grant and store its region, without importing those domains.
import type { Tx } from '../db/types.js';
import type { ScopeType } from './access.js';

/** Returns the entity's region code, null when it has none, or undefined when it does not exist. */
export type ScopeResolver = (db: Tx, id: string) => Promise<string | null | undefined>;
const resolvers = new Map<ScopeType, ScopeResolver>();

export function registerScopeResolver(type: ScopeType, resolver: ScopeResolver): void {
  resolvers.set(type, resolver);
}

export async function resolveScopeRegion(db: Tx, type: ScopeType, id: string | null): Promise<string | null | undefined> {
  if (type === 'national' || type === 'self') return null;
  if (!id) return undefined;
  const r = resolvers.get(type);
  return r ? r(db, id) : undefined;
}
