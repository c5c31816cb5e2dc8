// A BUMDes/koperasi treasurer reconciles their own organisation's bank account against its cash
// account in the ledger; another organisation's manager, a seller or a clerk cannot; national
// staff can open any organisation. A bad statement is a clear error and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { makeUmkm } from '../../../test/support/community.js';
import { bankDay } from './bank-day.js';

let w: World;
let k: Koperasi;
let other: Koperasi;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w, 1);
  other = await makeKoperasi(w, 2);
  await setCoffeePrices(w, k);
  const farmer = await makeProducer(w, k, 'Yosef Bhara');
  await makeIntake(w, k, farmer, { advance: 50_000 });
  await makeIntake(w, k, farmer, { advance: 20_000 });
});
after(() => w.close());

const PATH = '/keuangan/rekonsiliasi/organisasi';
const lines = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('ledger_bank_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('the treasurer imports the bank statement and sees only what disagrees', async () => {
  const today = bankDay(new Date()); // the bank prints its own (WIB) calendar day
  const manager = await w.as([['community_manager', k.orgId]]);
  const csv = `tanggal,keterangan,debet,kredit\n${today},TARIK TUNAI PANJAR,50000,\n${today},SETORAN TIDAK DIKENAL,,777\n`;
  const res = await manager.form(`${PATH}/impor`, { organisation_id: k.orgId, csv });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /2 baris mutasi ditambahkan, 0 sudah pernah diimpor/);
  // One advance matched by date and amount; the unknown credit and the 20.000 advance remain.
  assert.match(html, /data-differences="2" data-matched="1"/);
  assert.match(html, /Ada di bank, tidak ada di buku besar/);
  assert.match(html, /Panjar ke petani/);
  // The same file again adds nothing.
  const again = await manager.form(`${PATH}/impor`, { organisation_id: k.orgId, csv });
  assert.match(await again.text(), /0 baris mutasi ditambahkan, 2 sudah pernah diimpor/);
  assert.equal(await lines(), 2);
  const page = await manager.get(`${PATH}?dari=${today}&sampai=${today}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /data-differences="2" data-matched="1"/);
});

test('a bad statement is a clear error in the user language and writes nothing', async () => {
  const manager = await w.as([['community_manager', k.orgId]]);
  const before = await lines();
  const bad = await manager.form(`${PATH}/impor`, { organisation_id: k.orgId, csv: 'halo' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Mutasi rekening tidak terbaca/);
  const en = await manager.form(
    `${PATH}/impor`,
    { organisation_id: k.orgId, csv: '' },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(en.status, 422);
  assert.match(await en.text(), /could not be read/);
  assert.equal(await lines(), before);
});

test('only the organisation and national staff reconcile its account', async () => {
  const csv = `tanggal,keterangan,jumlah\n2026-05-04,X,1000\n`;
  const before = await lines();
  const otherManager = await w.as([['community_manager', other.orgId]]);
  assert.equal((await otherManager.get(`${PATH}?org=${k.orgId}`)).status, 403);
  assert.equal(
    (await otherManager.form(`${PATH}/impor`, { organisation_id: k.orgId, csv })).status,
    403,
  );
  // Their own page shows their organisation, never another's.
  const own = await (await otherManager.get(PATH)).text();
  assert.match(own, new RegExp(`value="${other.orgId}"`));
  assert.doesNotMatch(own, new RegExp(k.orgId));
  const seller = await w.as('seller', await makeUmkm(w.h.db, { villageCode: k.village }));
  assert.equal((await seller.get(PATH)).status, 403);
  const clerk = await w.as([['village_agent', k.pointId]]);
  assert.equal((await clerk.get(PATH)).status, 403);
  assert.equal(await lines(), before);
  const admin = await w.as('national_admin');
  const all = await admin.get(`${PATH}?org=${k.orgId}`);
  assert.equal(all.status, 200);
  assert.match(await all.text(), /data-matched="1"/);
  assert.equal((await admin.get(`${PATH}?org=org_tidak_ada`)).status, 404);
  // The JSON API answers the same scope.
  const api = `/api/v1/ledger/organisations/${k.orgId}/reconciliation`;
  assert.equal((await otherManager.json('GET', api, undefined)).status, 403);
  assert.equal((await seller.json('GET', api, undefined)).status, 403);
  const mine = await (await w.as([['community_manager', k.orgId]])).json('GET', api, undefined);
  assert.equal(mine.status, 200);
  const body = (await mine.json()) as { matched: number; rows: { kind: string }[] };
  assert.equal(body.matched, 1);
  assert.ok(body.rows.some((r) => r.kind === 'in_ledger_only'));
  assert.equal(
    (await admin.json('GET', `${api}?from=2026-02-30&to=2026-03-01`, undefined)).status,
    422,
  );
  // The manager reads the organisation's cash account, not another's.
  const bal = await (await w.as([['community_manager', k.orgId]])).json(
    'GET',
    `/api/v1/ledger/balances?account=organisation_cash:${k.orgId}`,
    undefined,
  );
  assert.equal(bal.status, 200);
  const foreign = await otherManager.json(
    'GET',
    `/api/v1/ledger/balances?account=organisation_cash:${k.orgId}`,
    undefined,
  );
  assert.equal(foreign.status, 404, 'another organisation’s account is not there for them');
});
