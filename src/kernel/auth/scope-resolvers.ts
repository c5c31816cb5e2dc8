// Domains that own scoped entities (regions, organisations, service points, UMKM, hubs,
// partners) register how to find an entity's region code, and (for entities an organisation
// runs) which organisation that is. Accounts uses this to validate a grant, store its region and
// decide whether the granter manages the scope, without importing those domains.
import type { Tx } from '../db/types.js';
import type { ScopeType } from './access.js';

/** Returns the entity's region code, null when it has none, or undefined when it does not exist. */
export type ScopeResolver = (db: Tx, id: string) => Promise<string | null | undefined>;
/** Returns the id of the organisation that runs the entity, or null when none does. */
export type ScopeOwnerResolver = (db: Tx, id: string) => Promise<string | null>;
const resolvers = new Map<ScopeType, ScopeResolver>();
const owners = new Map<ScopeType, ScopeOwnerResolver>();

export function registerScopeResolver(
  type: ScopeType,
  resolver: ScopeResolver,
  owner?: ScopeOwnerResolver,
): void {
  resolvers.set(type, resolver);
  if (owner) owners.set(type, owner);
}

export async function resolveScopeRegion(
  db: Tx,
  type: ScopeType,
  id: string | null,
): Promise<string | null | undefined> {
  if (type === 'national' || type === 'self') return null;
  if (!id) return undefined;
  const r = resolvers.get(type);
  return r ? r(db, id) : undefined;
}

/** Where a grant's scope sits: its region and the organisation that runs it (an organisation runs itself). */
export interface ScopeTarget {
  regionCode: string | null;
  organisationId: string | null;
}

/** The scope's region and running organisation, or undefined when the scope does not exist. */
export async function resolveScope(
  db: Tx,
  type: ScopeType,
  id: string | null,
): Promise<ScopeTarget | undefined> {
  const regionCode = await resolveScopeRegion(db, type, id);
  if (regionCode === undefined) return undefined;
  if (type === 'organisation') return { regionCode, organisationId: id };
  const owner = id ? owners.get(type) : undefined;
  return { regionCode, organisationId: owner ? await owner(db, id!) : null };
}

/** Names of scoped entities by id, for people's pages (never show an internal id). */
export type ScopeLabeller = (db: Tx, ids: string[]) => Promise<Map<string, string>>;
const labellers = new Map<ScopeType, ScopeLabeller>();

export function registerScopeLabeller(type: ScopeType, labeller: ScopeLabeller): void {
  labellers.set(type, labeller);
}

/** A name for each (type, id) the owning domains can name; ids without one are left out. */
export async function scopeLabels(
  db: Tx,
  scopes: { type: ScopeType; id: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<ScopeType, Set<string>>();
  for (const s of scopes) if (s.id) byType.set(s.type, (byType.get(s.type) ?? new Set()).add(s.id));
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const l = labellers.get(type);
    if (!l) continue;
    for (const [id, name] of await l(db, [...ids])) out.set(`${type}:${id}`, name);
  }
  return out;
}
