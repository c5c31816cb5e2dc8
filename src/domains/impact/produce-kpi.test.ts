// The impact page shows the produce KPIs of its area: farmers paid, kg pooled, the farmers'
// share of the sale price and the premium over the local trader's price.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import { createLot, payOutLot, recordSale, settleLot } from '../produce/index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const tile = (html: string, id: string) =>
  new RegExp(`data-testid="${id}"><p class="muted">[^<]*</p><p class="kpi">([^<]*)</p>`).exec(
    html,
  )?.[1];

test('a paid lot shows on the impact page of its regency, not of another', async () => {
  const k = await makeKoperasi(w, 0, '53.09');
  await setCoffeePrices(w, k);
  const intakes = [];
  for (const name of ['Yosef Bhara', 'Maria Dhiu'])
    intakes.push(await makeIntake(w, k, await makeProducer(w, k, name), { grossGrams: 50_500 }));
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Arabika Bajawa',
      intakeIds: intakes.map((i) => i.id),
    }),
  );
  // 100 kg of grade 1 (trader pays 9.000/kg) sold for 1.500.000; farmers get 1.200.000.
  unwrap(
    await recordSale(w.h.db, k.manager, lot.id, {
      buyerName: 'CV Flores Kopi',
      priceTotal: 1_500_000,
      soldOn: '2026-06-01',
      documents: null,
    }),
  );
  unwrap(
    await settleLot(w.h.db, k.manager, lot.id, {
      proceeds: 1_500_000,
      marginBp: 2000,
      processingCost: 0,
      logisticsCost: 0,
      platformFee: 0,
    }),
  );
  unwrap(await payOutLot(w.h.db, k.manager, lot.id));
  const admin = await w.as('national_admin');
  const html = await (await admin.get('/impact?region=53.09')).text();
  assert.equal(tile(html, 'kpi-farmers-paid'), '2');
  assert.equal(tile(html, 'kpi-kg-pooled'), '100,0');
  assert.match(tile(html, 'kpi-farmer-share') ?? '', /^80(,0)?\s?%$/);
  // 12.000 per kg against the trader's 9.000: a third more.
  assert.match(tile(html, 'kpi-premium') ?? '', /^33(,3)?\s?%$/);
  const elsewhere = await (await admin.get('/impact?region=51')).text();
  assert.equal(tile(elsewhere, 'kpi-farmers-paid'), '0');
});
