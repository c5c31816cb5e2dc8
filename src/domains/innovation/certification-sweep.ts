// Listing follows certification validity: a listed product whose required certification ran
// out is unlisted (certification_expired), and relisted once every requirement is valid again.
// Runs three ways: a daily job on the kernel queue, once at startup, and for one UMKM whenever
// its certifications change.
import { inTransaction, type Db, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { productFactsByIds, productsInCategories, setListing } from '../catalog/index.js';
import { certificationCategories, missingCertifications } from './checklist.js';
import { transition } from './review-machine.js';
import { validKindsOf } from './innovation.queries.js';
import { todayIn } from './dates.js';

export const SWEEP_JOB = 'innovation.certification_sweep';

export interface SweepResult {
  unlisted: string[];
  relisted: string[];
}

/**
 * Re-decides listing for certification-dependent products (all, or one UMKM's). `now` sets the
 * clock; each product's day is read in its own province's zone.
 */
export async function sweepCertifications(
  db: Tx,
  o: { umkmId?: string; now?: Date } = {},
): Promise<SweepResult> {
  const products = await productsInCategories(
    db,
    certificationCategories(),
    ['listed', 'certification_expired'],
    o.umkmId,
  );
  const villages = await villagesOf(
    db,
    products.map((p) => p.id),
  );
  const validCache = new Map<string, Set<string>>();
  const out: SweepResult = { unlisted: [], relisted: [] };
  for (const p of products) {
    const on = todayIn(villages.get(p.id), o.now);
    const cacheKey = `${p.umkm_id}|${on}`;
    if (!validCache.has(cacheKey)) validCache.set(cacheKey, await validKindsOf(db, p.umkm_id, on));
    const missing = missingCertifications(p.category, validCache.get(cacheKey)!);
    const event =
      p.listing_state === 'listed' && missing.length
        ? 'certification_expired'
        : p.listing_state === 'certification_expired' && !missing.length
          ? 'certification_renewed'
          : null;
    if (!event) continue;
    const next = transition(p.listing_state, event);
    if (!next.ok) continue;
    const changed = await inTransaction(db, async (tx) => {
      // Moved only from the state read above: a seller may have withdrawn the product meanwhile.
      if (!(await setListing(tx, p.id, next.value, null, { from: p.listing_state }))) return false;
      await audit(tx, {
        actorId: null,
        action: `innovation.${event}`,
        entityType: 'product',
        entityId: p.id,
        data: { on, missing: missing.map((m) => m.code) },
      });
      return true;
    });
    if (changed) (event === 'certification_expired' ? out.unlisted : out.relisted).push(p.id);
  }
  return out;
}

async function villagesOf(db: Tx, productIds: string[]): Promise<Map<string, string>> {
  const facts = await productFactsByIds(db, productIds);
  return new Map([...facts.values()].map((p) => [p.id, p.village_code]));
}

/** The next daily run: 17:05 UTC, when the date has turned in WIT, WITA and WIB alike. */
export function nextSweepAt(now = new Date()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 17, 5));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Makes sure exactly one future sweep is queued. */
export async function scheduleSweep(db: Db, now = new Date()): Promise<void> {
  await enqueueOnce(db, SWEEP_JOB, {}, { runAt: nextSweepAt(now), maxAttempts: 3 });
}

/** The daily sweep (and the per-UMKM sweep a certificate change queues); it queues its next day. */
export const runSweepJob: JobHandler = async (ctx) => {
  const now = ctx.payload?.now ? new Date(ctx.payload.now) : new Date();
  const r = await sweepCertifications(ctx.db, { umkmId: ctx.payload?.umkmId, now });
  if (!ctx.payload?.umkmId) await scheduleSweep(ctx.db, now);
  return { unlisted: r.unlisted.length, relisted: r.relisted.length };
};

/** Startup: catch up on days the server was off, then keep the daily run queued. */
export async function sweepAtStartup(db: Db): Promise<void> {
  await sweepCertifications(db);
  await scheduleSweep(db);
}

/** A certification of one UMKM changed: re-decide its products now. */
export async function onUmkmCertificationsChanged(db: Tx, umkmId: string): Promise<SweepResult> {
  return sweepCertifications(db, { umkmId });
}
