// The UMKM page shows and edits the bank account only for the UMKM's seller and the managers
// who pay it out (issue 15), as the JSON API already does (registration.test.ts): other staff
// see the UMKM without it, their edit form has no bank fields, and their edit keeps it as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../test/support/community.js';

let w: World;
let org: string;
let umkm: string;
let point: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09', 0);
  org = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Uji' });
  point = await makeServicePoint(w.h.db, { villageCode: village, organisationId: org });
  umkm = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Tenun Regina',
  });
  await w.h.db
    .updateTable('umkm')
    .set({ bank_name: 'BRI', bank_account_number: '1234567890', bank_account_name: 'Regina' })
    .where('id', '=', umkm)
    .execute();
});
after(() => w.close());

const bank = () =>
  w.h.db
    .selectFrom('umkm')
    .select(['bank_name', 'bank_account_number', 'bank_account_name', 'whatsapp'])
    .where('id', '=', umkm)
    .executeTakeFirstOrThrow();

test('only the seller and the paying manager read the bank account on the page', async () => {
  const pageOf = async (client: Awaited<ReturnType<World['as']>>) => {
    const res = await client.get(`/community/umkm/${umkm}`);
    assert.equal(res.status, 200);
    return res.text();
  };
  for (const [who, client] of [
    ['the seller', await w.as('seller', umkm)],
    ['the paying manager', await w.as('community_manager', org)],
  ] as const) {
    const html = await pageOf(client);
    assert.match(html, /1234567890/, who);
    assert.match(html, /name="bank_account_number"/, `${who} may correct it`);
  }
  for (const [who, client] of [
    ['a regional officer', await w.as('regional_officer', '53.09')],
    ['a national admin', await w.as('national_admin', null)],
    ['an agent', await w.as('village_agent', point)],
  ] as const) {
    const html = await pageOf(client);
    assert.match(html, /Tenun Regina/, who);
    assert.doesNotMatch(html, /1234567890|\bBRI\b/, `${who} reads no bank account`);
    assert.doesNotMatch(html, /name="bank_/, `${who} gets no bank fields`);
  }
});

test('staff who may not read the account cannot overwrite it when they edit the UMKM', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const res = await officer.form(`/community/umkm/${umkm}/edit`, {
    whatsapp: '081234500099',
    bank_name: 'Bank Lain',
    bank_account_number: '999999999',
    bank_account_name: 'Orang Lain',
  });
  assert.equal(res.status, 303);
  assert.deepEqual(await bank(), {
    bank_name: 'BRI',
    bank_account_number: '1234567890',
    bank_account_name: 'Regina',
    whatsapp: '+6281234500099',
  });
  // The seller changes it.
  const seller = await w.as('seller', umkm);
  const own = await seller.form(`/community/umkm/${umkm}/edit`, {
    whatsapp: '081234500099',
    bank_name: 'BNI',
    bank_account_number: '5550001112',
    bank_account_name: 'Regina',
  });
  assert.equal(own.status, 303);
  assert.equal((await bank()).bank_account_number, '5550001112');
});
