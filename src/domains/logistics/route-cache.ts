// What a shipping quote needs to know about a pair of villages (legs, road km, whether the
// parcel leaves the network) depends only on the network, which changes a few times a year.
// Checkout asks for it once per seller; reading it costs 5–10 statements (points, path, hub
// coordinates, detour). Kept per database for a minute and dropped by every network write in
// this process; another process's network change shows within the minute.
import type { Tx } from '../../kernel/db/index.js';

export interface RouteFacts {
  legs: number;
  km: number;
  exits: boolean;
}

const TTL_MS = 60_000;
const MAX = 5_000;
// Keyed by the Kysely adapter: one object per database, shared by its transactions.
const byDb = new WeakMap<object, Map<string, { at: number; facts: RouteFacts | null }>>();

const dbKey = (db: Tx): object => db.getExecutor().adapter;

export async function cachedRoute(
  db: Tx,
  from: string,
  to: string,
  read: () => Promise<RouteFacts | null>,
  now = Date.now(),
): Promise<RouteFacts | null> {
  let m = byDb.get(dbKey(db));
  if (!m) byDb.set(dbKey(db), (m = new Map()));
  const key = `${from}>${to}`;
  const hit = m.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.facts;
  const facts = await read();
  if (m.size >= MAX) m.clear();
  m.set(key, { at: now, facts });
  return facts;
}

/** Called by every write that changes the network (hubs, assignments, detour factors). */
export function forgetRoutes(db: Tx): void {
  byDb.delete(dbKey(db));
}
