// `lumbung demo national --scale N` (issue 19): a synthetic national-size world in the demo's
// shapes, for measuring dashboards, search and checkout at scale. At scale 1: every official
// village (83,762), 300,000 UMKM, 1,000,000 listed products, 10,000,000 completed orders over
// the last 3 years (each with its delivered parcel and the scans of its trip), survey waves for ~20,000 villages; a scale of 0.01 makes 1 % of each
// count (the villages stay all official ones unless `--regions` narrows them).
//
// This file is the composition root's: it names no table. Each domain writes its own rows
// through the bulk functions its index.ts exports (table ownership). Deterministic: a seeded
// generator, so two runs at one scale make the same shapes (ids differ).
import { sql } from 'kysely';
import type { DbHandle } from '../kernel/db/index.js';
import type { Command } from '../kernel/cli/index.js';
import { newId } from '../kernel/ids/index.js';
import { importRegions, villageCodesIn } from '../domains/regions/index.js';
import { insertSyntheticUmkm, type SyntheticUmkm } from '../domains/community/index.js';
import {
  CATEGORIES,
  insertSyntheticProducts,
  type SyntheticProduct,
} from '../domains/catalog/index.js';
import { insertSyntheticOrders, type SyntheticOrder } from '../domains/orders/index.js';
import {
  foldAllStageSummary,
  insertSyntheticParcels,
  type SyntheticParcel,
} from '../domains/logistics/index.js';
import { seedDemoSurveys } from '../domains/impact/index.js';

export const NATIONAL = {
  umkm: 300_000,
  products: 1_000_000,
  orders: 10_000_000,
  surveyedVillages: 20_000,
  years: 3,
};

export interface NationalOptions {
  /** Fraction of the national counts, 0 < scale ≤ 1. */
  scale: number;
  /** Region code prefixes to keep (e.g. a test's one regency); all official regions when absent. */
  regions?: string[];
  /** The time the 3 years of orders end at (default now). */
  until?: Date;
  onProgress?(step: string, done: number, total: number): void;
}

export interface NationalReport {
  villages: number;
  umkm: number;
  products: number;
  orders: number;
  orderLines: number;
  surveyedVillages: number;
  ms: Record<string, number>;
}

// Categories that need no certificate: the daily sweep would otherwise unlist products whose
// synthetic producers hold none.
const SELLABLE = CATEGORIES.filter((c) => c.certifications.length === 0);
const ADJ = ['Asli', 'Organik', 'Premium', 'Khas Desa', 'Pilihan', 'Segar', 'Tradisional'];
const WORDS =
  'dibuat tangan oleh kelompok ibu desa dengan bahan lokal tanpa pengawet dikemas rapi dipanen dari kebun sendiri'.split(
    ' ',
  );
/** Orders a day is uneven: markets, harvests; a two-line order one time in four, as in the demo. */
const ORDER_CHUNK = 5000;

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export async function generateNational(h: DbHandle, o: NationalOptions): Promise<NationalReport> {
  if (!(o.scale > 0 && o.scale <= 1)) throw new Error('scale must be in (0, 1]');
  const rnd = lcg(19);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const ms: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    ms[name] = Math.round(performance.now() - t0);
    return r;
  };
  const progress = o.onProgress ?? (() => {});

  await step('regions', () => importRegions(h.db, { prefixes: o.regions }));
  const villages = (
    await Promise.all((o.regions ?? [null]).map((p) => villageCodesIn(h.db, p)))
  ).flat();
  if (villages.length === 0) throw new Error('no villages: import regions first');

  const nUmkm = Math.max(1, Math.round(NATIONAL.umkm * o.scale));
  const umkm: SyntheticUmkm[] = [];
  for (let i = 0; i < nUmkm; i++)
    umkm.push({
      id: newId('umk'),
      // Spread over every village in turn, then again: each village gets its share.
      villageCode: villages[(i * 7919) % villages.length],
      name: `UMKM ${pick(ADJ)} ${i + 1}`,
      businessType: 'makanan',
    });
  await step('umkm', () => insertSyntheticUmkm(h.db, umkm));
  progress('umkm', nUmkm, nUmkm);

  const nProducts = Math.max(1, Math.round(NATIONAL.products * o.scale));
  const until = o.until ?? new Date();
  const from = new Date(until.getTime() - NATIONAL.years * 365 * 86400_000);
  const products: SyntheticProduct[] = [];
  for (let i = 0; i < nProducts; i++) {
    const u = umkm[i % nUmkm];
    const cat = pick(SELLABLE);
    products.push({
      id: newId('prd'),
      variantId: newId('var'),
      umkmId: u.id,
      villageCode: u.villageCode,
      title: `${cat.name.id} ${pick(ADJ)} ${i + 1}`,
      description: Array.from({ length: 12 }, () => pick(WORDS)).join(' '),
      category: cat.slug,
      price: 5000 + Math.floor(rnd() * 100) * 2500,
      weightGrams: 250 * (1 + Math.floor(rnd() * 4)),
      available: Math.floor(rnd() * 50),
      createdAt: new Date(
        from.getTime() + rnd() * (until.getTime() - from.getTime()),
      ).toISOString(),
    });
  }
  await step('products', () => insertSyntheticProducts(h.db, products));
  progress('products', nProducts, nProducts);
  const ofUmkm = new Map<string, SyntheticProduct[]>();
  for (const p of products) {
    const list = ofUmkm.get(p.umkmId);
    if (list) list.push(p);
    else ofUmkm.set(p.umkmId, [p]);
  }

  // Orders in time order, written in chunks so memory stays flat at any scale.
  const nOrders = Math.round(NATIONAL.orders * o.scale);
  const span = until.getTime() - from.getTime();
  let lines = 0;
  await step('orders', async () => {
    for (let i = 0; i < nOrders; i += ORDER_CHUNK) {
      const chunk: SyntheticOrder[] = [];
      const parcels: SyntheticParcel[] = [];
      for (let k = i; k < Math.min(nOrders, i + ORDER_CHUNK); k++) {
        const u = umkm[Math.floor(rnd() * nUmkm)];
        const own = ofUmkm.get(u.id) ?? [products[k % nProducts]];
        const first = pick(own);
        const chosen =
          rnd() < 0.25 && own.length > 1 ? [first, own.find((p) => p !== first)!] : [first];
        lines += chosen.length;
        const placedAt = new Date(from.getTime() + (span * (k + rnd())) / Math.max(nOrders, 1));
        // Delivered in 1 to 6 days (never after `until`): the parcel block's lead times.
        const deliveredAt = new Date(
          Math.min(until.getTime(), placedAt.getTime() + (1 + rnd() * 5) * 86400_000),
        );
        const order: SyntheticOrder = {
          id: newId('ord', placedAt.getTime()),
          umkmId: first.umkmId,
          villageCode: first.villageCode,
          deliveryVillageCode: pick(villages),
          channel: rnd() < 0.3 ? 'assisted' : 'storefront',
          placedAt,
          deliveredAt,
          lines: chosen.map((p) => ({
            variantId: p.variantId,
            productId: p.id,
            title: p.title,
            label: `${p.weightGrams} g`,
            qty: 1 + Math.floor(rnd() * 3),
            unitPrice: p.price,
            weightGrams: p.weightGrams,
          })),
        };
        chunk.push(order);
        parcels.push({
          orderId: order.id,
          originVillageCode: order.villageCode,
          destinationVillageCode: order.deliveryVillageCode,
          weightGrams: order.lines.reduce((g, l) => g + l.qty * l.weightGrams, 0),
          createdAt: placedAt,
          deliveredAt,
        });
      }
      await insertSyntheticOrders(h.db, chunk);
      await insertSyntheticParcels(h.db, parcels, rnd);
      progress('orders', Math.min(nOrders, i + ORDER_CHUNK), nOrders);
    }
  });

  // Survey waves for whole regencies, taken in code order until enough villages are covered.
  const target = Math.max(1, Math.round(NATIONAL.surveyedVillages * o.scale));
  const perRegency = new Map<string, number>();
  for (const v of villages) {
    const r = v.split('.').slice(0, 2).join('.');
    perRegency.set(r, (perRegency.get(r) ?? 0) + 1);
  }
  const regencies: string[] = [];
  let covered = 0;
  for (const [r, n] of [...perRegency].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (covered >= target) break;
    regencies.push(r);
    covered += n;
  }
  await step('surveys', () => seedDemoSurveys(h.db, regencies));
  // Planner statistics for the bulk-loaded tables now, not whenever autovacuum gets to them: on
  // a fresh 1,000,000-product world a regency's browse took 27 s with none and 2.3 s with them.
  // On PostgreSQL a VACUUM too, which sets the visibility map that index-only scans need: with
  // statistics alone the national impact page read 10,000,000 orders' heap (p50 2.2 s; 0.7 s
  // after the vacuum, which takes 24 s at scale 1).
  await step('analyze', () =>
    sql.raw(h.dialect === 'postgres' ? 'vacuum (analyze)' : 'analyze').execute(h.db),
  );
  // The logistics KPIs' stage summary counts every parcel (after the statistics, which its
  // reads of parcels and scans need), 20,000 to a fold: 2,000 took 3.5 times as long at scale
  // 0.1 (the job's 100 longer still), each fold rewriting the touched months' rows of every area.
  await step('stage summary', async () => {
    await foldAllStageSummary(h.db, { perFold: 20_000 });
    for (const table of ['parcel_stage_months', 'parcel_stage_marks'])
      await sql.raw(`analyze ${table}`).execute(h.db);
  });

  return {
    villages: villages.length,
    umkm: nUmkm,
    products: nProducts,
    orders: nOrders,
    orderLines: lines,
    surveyedVillages: covered,
    ms,
  };
}

/** `demo national --scale N [--regions 53.09,35.10]`: the CLI face of generateNational. */
export const nationalCommand: Command = {
  usage:
    'demo national --scale N [--regions P,…]   synthetic national world (N = 0.01 … 1) into an empty database',
  async run(args, ctx) {
    const arg = (name: string) => {
      const i = args.indexOf(name);
      return i === -1 ? undefined : args[i + 1];
    };
    const scale = Number(arg('--scale'));
    if (!(scale > 0 && scale <= 1)) {
      ctx.stderr('demo national: --scale must be a number above 0 and at most 1, e.g. 0.01\n');
      return 2;
    }
    const regions = arg('--regions')?.split(',').filter(Boolean);
    const h = await ctx.open();
    try {
      const t0 = performance.now();
      const r = await generateNational(h, {
        scale,
        regions,
        onProgress: (s, done, total) => ctx.stdout(`${s}: ${done} / ${total}\n`),
      });
      ctx.stdout(
        `demo national at scale ${scale}: ${r.villages} villages, ${r.umkm} UMKM, ${r.products} products, ${r.orders} orders (${r.orderLines} lines), surveys in ${r.surveyedVillages} villages; ${((performance.now() - t0) / 1000).toFixed(1)} s (${Object.entries(
          r.ms,
        )
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ')})\n`,
      );
      return 0;
    } finally {
      await h.close();
    }
  },
};
