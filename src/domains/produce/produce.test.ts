// The produce journey on the real database (SQLite, or PostgreSQL with
// LUMBUNG_TEST_DATABASE_URL): intake with receipt, bad inputs refused in Bahasa with nothing
// written, a lot pooled, lost in drying, sold, settled and paid exactly; paying twice or
// paying an unsettled lot refused; corrections are new entries; money events land in the
// outbox in the same transaction. (Split, merge and scope: lots.test.ts.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { RUPIAH_FORMAT } from '../../kernel/xlsx/index.js';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import {
  correctIntake,
  correctPayout,
  createLot,
  recordLoss,
  recordSale,
  settleLot,
  statementDetail,
} from './index.js';

let w: World;
let k: Koperasi;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w);
  await setCoffeePrices(w, k);
});
after(() => w.close());

const count = async (
  table: 'produce_intakes' | 'produce_statements' | 'produce_outbox' | 'produce_producers',
) =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('clerk registers a farmer without a phone, records an intake; the receipt prints and reads as WhatsApp text', async () => {
  const clerk = await w.as([['village_agent', k.pointId]]);
  const reg = await clerk.form('/produksi/petani', {
    consent: '1',
    organisation_id: k.orgId,
    full_name: 'Daniel Wea',
    phone: '',
    village_code: k.village,
    commodity: 'kopi_arabika',
    area_m2: '',
  });
  assert.equal(reg.status, 303, await reg.text());
  const producerId = (reg.headers.get('location') ?? '').split('/').pop() as string;
  const res = await clerk.form('/produksi/setoran', {
    producer_id: producerId,
    grade: 'kopi_arabika:g1',
    gross_kg: '62,5',
    tare_kg: '0,5',
    moisture_pct: '45',
    measure: '8',
    received_on: '2026-05-04',
    advance: '100000',
  });
  assert.equal(res.status, 303, await res.text());
  const receipt = await clerk.get(res.headers.get('location') as string);
  const html = await receipt.text();
  assert.equal(receipt.status, 200);
  assert.match(html, /TANDA TERIMA SETORAN/);
  assert.match(html, /Daniel Wea/);
  assert.match(html, /bersih 62 kg \(kotor 62,5 kg, tara 0,5 kg\)/);
  assert.match(html, /Panjar: Rp 100\.000/);
  assert.match(html, /class="slip printable"/);
  const events = await w.h.db
    .selectFrom('produce_outbox')
    .selectAll()
    .where('topic', '=', 'produce.advance_paid')
    .execute();
  assert.equal(events.length, 1);
  assert.equal(JSON.parse(events[0].payload).amount, 100_000);
});

test('bad intakes get a clear Bahasa error and write nothing', async () => {
  const clerk = await w.as([['village_agent', k.pointId]]);
  const producerId = await makeProducer(w, k, 'Maria Dhiu');
  const base = {
    producer_id: producerId,
    grade: 'kopi_arabika:g1',
    gross_kg: '40',
    tare_kg: '1',
    moisture_pct: '40',
    measure: '',
    received_on: '2026-05-05',
    advance: '0',
  };
  const cases: [Record<string, string>, RegExp][] = [
    [{ gross_kg: '-5' }, /Tidak boleh negatif/],
    [{ tare_kg: '41' }, /Tara \(berat karung\/wadah\) harus lebih kecil dari berat kotor/],
    [{ grade: 'kopi_arabika:g9' }, /Mutu ini tidak ada di tabel mutu/],
    [{ grade: 'kopi_arabika:g1', measure: '30' }, /Jumlah cacat tidak sesuai/],
    [{ moisture_pct: '75' }, /Kadar air di atas batas terima/],
    [{ advance: '9000000' }, /Panjar melebihi nilai setoran/],
    [{ received_on: '2099-01-01' }, /tidak boleh di masa depan/],
  ];
  const before = await count('produce_intakes');
  const events = await count('produce_outbox');
  for (const [change, message] of cases) {
    const res = await clerk.form('/produksi/setoran', { ...base, ...change });
    assert.equal(res.status, 422, JSON.stringify(change));
    assert.match(await res.text(), message, JSON.stringify(change));
  }
  assert.equal(await count('produce_intakes'), before);
  assert.equal(await count('produce_outbox'), events);
  // The API answers the same rules as problem+json in the caller's language.
  const api = await clerk.json('POST', '/api/v1/produce/intakes', {
    producerId,
    commodity: 'kopi_arabika',
    grade: 'g1',
    grossGrams: 1000,
    tareGrams: 2000,
    moisturePermille: 400,
    receivedOn: '2026-05-05',
  });
  assert.equal(api.status, 422);
  const body = (await api.json()) as { errors: Record<string, string> };
  assert.match(body.errors.tare_kg, /Tara/);
  assert.equal(await count('produce_intakes'), before);
});

test('a lot is pooled, dried, sold, settled and paid exactly; paying twice and paying unsettled are refused', async () => {
  const farmers: { id: string; intake: { id: string } }[] = [];
  for (const [name, grams, grade, advance] of [
    ['Yosef Bela', 62_500, 'g1', 200_000],
    ['Agnes Lowa', 40_500, 'g2', 0],
    ['Petrus Ngai', 33_833, 'g1', 50_000],
  ] as const) {
    const id = await makeProducer(w, k, name);
    farmers.push({ id, intake: await makeIntake(w, k, id, { grossGrams: grams, grade, advance }) });
  }
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Arabika Bajawa',
      intakeIds: farmers.map((f) => f.intake.id),
    }),
  );
  unwrap(
    await recordLoss(w.h.db, k.manager, lot.id, {
      stage: 'drying',
      weightAfterGrams: 60_000,
      reason: 'Jemur 10 hari',
    }),
  );
  // Not sold yet: settling and paying are refused.
  assert.equal(
    (
      await settleLot(w.h.db, k.manager, lot.id, {
        proceeds: 1,
        marginBp: 0,
        processingCost: 0,
        logisticsCost: 0,
        platformFee: 0,
      })
    ).ok,
    false,
  );
  const manager = await w.as([['community_manager', k.orgId]]);
  const statementsBefore = await count('produce_statements');
  const early = await manager.form(`/produksi/lot/${lot.id}/bayar`, {});
  assert.equal(early.status, 409);
  assert.match(await early.text(), /belum diselesaikan penjualannya/);
  assert.equal(await count('produce_statements'), statementsBefore);

  unwrap(
    await recordSale(w.h.db, k.manager, lot.id, {
      buyerName: 'CV Flores Kopi',
      priceTotal: 4_000_001,
      soldOn: '2026-06-01',
      documents: 'Nota 17/VI',
    }),
  );
  const settled = unwrap(
    await settleLot(w.h.db, k.manager, lot.id, {
      proceeds: 4_000_001,
      marginBp: 500,
      processingCost: 150_000,
      logisticsCost: 75_000,
      platformFee: 40_000,
    }),
  );
  assert.equal(settled.distributable, 4_000_001 - 200_000 - 150_000 - 75_000 - 40_000);
  const paid = await manager.form(`/produksi/lot/${lot.id}/bayar`, {});
  assert.equal(paid.status, 303);

  const statements = await w.h.db
    .selectFrom('produce_statements')
    .selectAll()
    .where('lot_id', '=', lot.id)
    .execute();
  assert.equal(statements.length, 3);
  let shares = 0;
  for (const s of statements) {
    const d = (await statementDetail(w.h.db, s.id))!;
    shares += d.lines.filter((l) => l.kind === 'share').reduce((a, l) => a + l.amount, 0);
    assert.equal(
      d.total,
      d.lines.reduce((a, l) => a + l.amount, 0),
    );
  }
  assert.equal(shares, settled.distributable, 'shares sum exactly to the distributable amount');
  const yosef = statements.find((s) => s.producer_id === farmers[0].id)!;
  const yosefLines = (await statementDetail(w.h.db, yosef.id))!.lines;
  assert.deepEqual(yosefLines.find((l) => l.kind === 'advance')?.amount, -200_000);
  assert.equal(yosefLines[0].price_per_kg, 12_000);

  // Twice: refused with the Bahasa message, nothing written (page and API).
  const s0 = await count('produce_statements');
  const o0 = await count('produce_outbox');
  const again = await manager.form(`/produksi/lot/${lot.id}/bayar`, {});
  assert.equal(again.status, 409);
  assert.match(await again.text(), /sudah dibayar\. Pembayaran kedua ditolak/);
  const api = await manager.json('POST', `/api/v1/produce/lots/${lot.id}/payout`, {});
  assert.equal(api.status, 409);
  assert.equal(await count('produce_statements'), s0);
  assert.equal(await count('produce_outbox'), o0);
  assert.equal(
    (
      await w.h.db
        .selectFrom('produce_outbox')
        .select('id')
        .where('topic', '=', 'produce.farmer_paid')
        .where(
          'entity_id',
          'in',
          statements.map((s) => s.id),
        )
        .execute()
    ).length,
    3,
  );

  // The statement page, CSV and WhatsApp text.
  const page = await manager.get(`/produksi/pernyataan/${yosef.id}`);
  const html = await page.text();
  assert.match(
    html,
    /Potongan panjar: -Rp 200\.000|Potongan panjar: Rp -200\.000|Potongan panjar: -Rp\s?200\.000/,
  );
  const csv = await manager.get(`/produksi/pernyataan/${yosef.id}/csv`);
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /advance/);
  const xlsx = await sameRowsInBoth(manager, `/produksi/pernyataan/${yosef.id}`, { sep: '/' });
  assert.equal(xlsx.getCell('J2').numFmt, RUPIAH_FORMAT, 'amounts in rupiah');
  assert.equal(typeof xlsx.getCell('J2').value, 'number');

  // A late cost after payout: correction statements with only the differences.
  const before = statements.map((s) => ({ ...s }));
  const corr = unwrap(
    await correctPayout(w.h.db, k.manager, lot.id, { delta: -10_001, reason: 'Biaya karung' }),
  );
  assert.ok(corr.statements >= 1);
  const all = await w.h.db
    .selectFrom('produce_statements')
    .selectAll()
    .where('lot_id', '=', lot.id)
    .execute();
  for (const s of before)
    assert.deepEqual(
      all.find((x) => x.id === s.id),
      s,
      'issued statements unchanged',
    );
  const corrections = all.filter((s) => s.kind === 'correction');
  assert.equal(
    corrections.reduce((a, s) => a + s.total, 0),
    -10_001,
  );
});

test('a correction is a new intake; the original stays; a pooled intake cannot be corrected', async () => {
  const p = await makeProducer(w, k, 'Fransiska');
  const first = await makeIntake(w, k, p, { grossGrams: 20_000 });
  const weighing = {
    commodity: 'kopi_arabika',
    grade: 'g2',
    grossGrams: 21_000,
    tareGrams: 500,
    moisturePermille: 400,
    measure: null,
    receivedOn: '2026-05-04',
    reason: 'Timbangan salah',
  };
  const fixed = unwrap(await correctIntake(w.h.db, k.clerk, first.id, weighing));
  const orig = await w.h.db
    .selectFrom('produce_intakes')
    .selectAll()
    .where('id', '=', first.id)
    .executeTakeFirstOrThrow();
  assert.equal(orig.gross_g, 20_000);
  assert.equal((await correctIntake(w.h.db, k.clerk, first.id, weighing)).ok, false, 'superseded');
  unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Lot G2',
      intakeIds: [fixed.id],
    }),
  );
  const r = await correctIntake(w.h.db, k.clerk, fixed.id, weighing);
  assert.equal(r.ok ? '' : r.code, 'PRODUCE_INTAKE_POOLED');
});
