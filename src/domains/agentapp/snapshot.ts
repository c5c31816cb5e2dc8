// What the agent's phone keeps for offline work: the catalogue of the point's regency (names,
// prices, stock as last seen, 160 px photo URLs) and the point's open parcels. Pickup codes
// never leave the server in clear: each waiting parcel carries a PBKDF2 hash of its code with
// a per-parcel salt, so the phone can check a code the buyer types but cannot list the codes
// (each guess costs a full PBKDF2 run, per parcel). The catalogue is incremental: a
// `changedSince` read returns only what changed (including what dropped out), with a few
// minutes of overlap so a slow transaction that committed late is not missed.
import { createHash, createHmac, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from '../../kernel/db/index.js';
import { deviceCatalogue, photoUrl } from '../catalog/index.js';
import { deviceParcels } from '../logistics/index.js';

const pbkdf2Async = promisify(pbkdf2);

/** PBKDF2-SHA256 rounds per code: ~10 ms on a phone for one check, a million guesses cost hours. */
export const CODE_ROUNDS = 20_000;
/** Overlap of incremental reads (a transaction may commit after a later one's stamp). */
const OVERLAP_MS = 5 * 60_000;

export interface CatalogueSnapshot {
  /** Send back as `changedSince` for the next incremental read. */
  stamp: string;
  full: boolean;
  /** [variantId, productId, title, label, price, stock, photo160 | '', buyable 1/0] — arrays keep 500 products small. */
  items: [string, string, string, string, number, number, string, number][];
}

export async function catalogueSnapshot(
  db: Db,
  villageCode: string,
  changedSince: string | undefined,
  now = new Date(),
): Promise<CatalogueSnapshot> {
  const since = changedSince
    ? new Date(Date.parse(changedSince) - OVERLAP_MS).toISOString()
    : undefined;
  // The regency's catalogue: what the point can order for a neighbour at village-near shipping.
  const rows = await deviceCatalogue(db, villageCode.slice(0, 5), since);
  return {
    stamp: now.toISOString(),
    full: !changedSince,
    items: rows.map((r) => [
      r.variantId,
      r.productId,
      r.title,
      r.label,
      r.price,
      r.stock,
      r.photo ? photoUrl(r.photo, 160) : '',
      r.buyable ? 1 : 0,
    ]),
  };
}

export interface ParcelSnapshotItem {
  tracking: string;
  stage: 'incoming' | 'waiting' | 'created';
  status: string;
  /** Waiting parcels: how the phone checks a typed code (PBKDF2-SHA256, hex). */
  codeCheck: { salt: string; rounds: number; hash: string } | null;
}

// Hashes are deterministic per (parcel, code), so they are kept between snapshots instead of
// being recomputed on every visit (bounded: the oldest entries go first).
const hashes = new Map<string, string>();
const MAX_KEPT = 5000;

async function codeHash(salt: string, code: string): Promise<string> {
  const key = `${salt}:${createHash('sha256').update(code).digest('hex')}`;
  const kept = hashes.get(key);
  if (kept) return kept;
  const h = (await pbkdf2Async(code, Buffer.from(salt, 'hex'), CODE_ROUNDS, 32, 'sha256')).toString(
    'hex',
  );
  if (hashes.size >= MAX_KEPT) hashes.delete(hashes.keys().next().value!);
  hashes.set(key, h);
  return h;
}

export async function parcelSnapshot(
  db: Db,
  pointId: string,
  secret: string,
): Promise<ParcelSnapshotItem[]> {
  const parcels = await deviceParcels(db, pointId);
  const out: ParcelSnapshotItem[] = [];
  for (const p of parcels) {
    let codeCheck: ParcelSnapshotItem['codeCheck'] = null;
    if (p.stage === 'waiting' && p.pickupCode) {
      // The salt is keyed by the server's secret: stable for caching, unguessable in advance.
      const salt = createHmac('sha256', secret)
        .update(`pickup-salt:${p.tracking}:${p.pickupCode}`)
        .digest('hex')
        .slice(0, 32);
      codeCheck = { salt, rounds: CODE_ROUNDS, hash: await codeHash(salt, p.pickupCode) };
    }
    out.push({ tracking: p.tracking, stage: p.stage, status: p.status, codeCheck });
  }
  return out;
}
