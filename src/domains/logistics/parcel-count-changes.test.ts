// Impact's parcel summary adds up logistics' change log (migration 0706) instead of recounting
// months of parcels. After every kind of write to `parcels` (a parcel made and walked to its
// buyer through scans with a failed attempt on the way, a bulk insert, a hand edit of many rows,
// an edit that moves no parcel between cells, a delete) the changes taken so far, added up,
// equal a recount; a take empties the log; and writers racing the takes on PostgreSQL's pool
// lose or double no change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { anyVillage } from '../../../test/support/community.js';
import { inTransaction } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { createParcel } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import { insertSyntheticParcels } from './national-seed.js';
import { parcelCounts, takeParcelCountChanges, type ParcelCount } from './parcel-stats.queries.js';

let w: World;
let net: TestNetwork;
let v53: string;
let v35: string;
/** Every change taken so far, added up by cell. */
const taken = new Map<string, number>();

before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 2 });
  v53 = await anyVillage(w.h.db, '53.09', 2);
  v35 = await anyVillage(w.h.db, '35.10', 2);
});
after(() => w.close());

/** Adds counts to `into` by cell (creation month, provinces, status, lead); empty cells go. */
function addCells(counts: ParcelCount[], into: Map<string, number>): Map<string, number> {
  for (const c of counts) {
    const k = `${c.month}|${c.origin}|${c.destination}|${c.status}|${c.tenths}`;
    const n = (into.get(k) ?? 0) + c.n;
    if (n === 0) into.delete(k);
    else into.set(k, n);
  }
  return into;
}

const take = () => inTransaction(w.h.db, (tx) => takeParcelCountChanges(tx));
const logged = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('parcel_count_changes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Takes the log and checks that everything taken adds up to a recount of the parcels. */
async function assertFollows(at: string): Promise<void> {
  addCells(await take(), taken);
  const recount = addCells(await parcelCounts(w.h.db), new Map());
  assert.deepEqual(new Map([...taken].sort()), new Map([...recount].sort()), at);
  assert.equal(await logged(), 0, `${at}: the take emptied the log`);
}

const hour = (h: number) => new Date(Date.UTC(2026, 10, 30, 20) + h * 3600_000).toISOString();

/** Delivered parcels from the national generator's bulk write, created `days` ago. */
async function bulk(n: number, tag: string): Promise<string[]> {
  const createdAt = new Date(Date.UTC(2026, 9, 15));
  await insertSyntheticParcels(
    w.h.db,
    Array.from({ length: n }, (_, i) => ({
      orderId: `ord_${tag}_${i}`,
      originVillageCode: i % 2 ? v53 : v35,
      destinationVillageCode: v53,
      weightGrams: 500,
      createdAt,
      deliveredAt: new Date(createdAt.getTime() + (1 + i) * 86400_000),
    })),
    Math.random,
  );
  const rows = await w.h.db
    .selectFrom('parcels')
    .select('id')
    .where('order_id', 'like', `ord_${tag}_%`)
    .execute();
  return rows.map((r) => r.id);
}

test('the log follows every write to parcels', async () => {
  await assertFollows('no parcels');
  // Made on the last evening of November, delivered in December: one cell, then another.
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[1],
      weightGrams: 1000,
      at: hour(0),
    }),
  );
  await assertFollows('made');
  let n = 0;
  const scan = async (kind: string, loc: string, at: number, pickupCode?: string) => {
    unwrap(
      await recordScan(w.h.db, null, {
        tracking: p.trackingNumber,
        kind: kind as never,
        locationId: loc,
        clientScanId: `pcc-${++n}`,
        at: hour(at),
        pickupCode,
      }),
    );
    await assertFollows(`after ${kind} at hour ${at}`);
  };
  await scan('received_at_point', net.points[0], 1);
  await scan('arrived_hub', net.kecHub, 5);
  await scan('out_for_delivery', net.kecHub, 6);
  await scan('failed_delivery', net.kecHub, 8);
  await scan('out_for_delivery', net.kecHub, 30);
  await scan('ready_for_pickup', net.points[1], 32);
  await scan('delivered', net.points[1], 50, p.pickupCode);
  const recount = await parcelCounts(w.h.db);
  assert.ok(
    recount.some((c) => c.status === 'delivered' && c.tenths === 21 && c.month === '2026-11'),
    'delivered 50 hours after it was made: 2.1 days, in its creation month',
  );

  const ids = await bulk(3, 'bulk');
  await assertFollows('a bulk insert');
  await w.h.db
    .updateTable('parcels')
    .set({ status: 'returned', delivered_at: null })
    .where('id', 'in', ids.slice(0, 2))
    .execute();
  await assertFollows('a hand edit of two rows');
  await w.h.db.updateTable('parcels').set({ weight_grams: 700 }).execute();
  assert.equal(await logged(), 0, 'an edit that moves no parcel between cells logs nothing');
  // The generator's parcels come with their trips' scans, which go first.
  await w.h.db.deleteFrom('parcel_scans').where('parcel_id', '=', ids[2]!).execute();
  await w.h.db.deleteFrom('parcels').where('id', '=', ids[2]!).execute();
  await assertFollows('a delete');
  assert.deepEqual(await take(), [], 'nothing new: nothing to take');
});

test('writers racing the takes: each change is taken exactly once', async () => {
  const ids = await bulk(8, 'race');
  await assertFollows('eight more');
  let writing = true;
  const taker = (async () => {
    while (writing) {
      addCells(await take(), taken);
      await new Promise((r) => setImmediate(r));
    }
  })();
  // Eight writers, one parcel each, moving it between four cells twelve times.
  const statuses = ['delivered', 'at_hub', 'failed_delivery', 'out_for_delivery'] as const;
  await Promise.all(
    ids.map(async (id, i) => {
      for (let k = 0; k < 12; k++) {
        const status = statuses[(i + k) % statuses.length]!;
        await w.h.db
          .updateTable('parcels')
          .set({ status, delivered_at: status === 'delivered' ? hour(24 + i) : null })
          .where('id', '=', id)
          .execute();
      }
    }),
  );
  writing = false;
  await taker;
  await assertFollows('after the race');
});
