// Defects the hostile-input suite found, each pinned by its own request: a 500 or an error that
// was not problem+json in the caller's language. Real database, row counts checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../support/community.js';
import { changedTables, rowCounts, tableNames } from './support/row-counts.js';

let w: World;
let tables: string[];
let org: string;
let umkm: string;
before(async () => {
  w = await createWorld();
  const v = await anyVillage(w.h.db);
  org = await makeOrganisation(w.h.db, { villageCode: v });
  umkm = await makeUmkm(w.h.db, { villageCode: v, organisationId: org });
  tables = await tableNames(w.h);
});
after(() => w.close());

test('a 413 answers in the language the caller asked for, before anything reads the body', async () => {
  const r = await w.client().fetch('/api/v1/checkout', {
    method: 'POST',
    body: `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`,
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
  });
  assert.equal(r.status, 413);
  assert.equal(((await r.json()) as { title: string }).title, 'The request is too large.');
});

test('adding a person with an UMKM and an unknown organisation id → 422, not a foreign-key 500', async () => {
  const admin = await w.as([['national_admin', null]]);
  const before = await rowCounts(w.h, tables);
  const r = await admin.json(
    'POST',
    '/api/v1/community/people',
    {
      consent: true,
      fullName: 'Ibu Sari',
      householdSize: 3,
      umkmId: umkm,
      organisationId: 'org_not_there',
    },
    { 'accept-language': 'en' },
  );
  assert.equal(r.status, 422, await r.clone().text());
  assert.match(r.headers.get('content-type')!, /problem\+json/);
  assert.ok(((await r.json()) as { errors: Record<string, string> }).errors.organisationId);
  assert.deepEqual(changedTables(before, await rowCounts(w.h, tables)), []);
  const ok = await admin.json('POST', '/api/v1/community/people', {
    consent: true,
    fullName: 'Ibu Sari',
    householdSize: 3,
    umkmId: umkm,
    organisationId: org,
  });
  assert.equal(ok.status, 201);
});

test('a correctly signed payment callback whose reference holds NUL → 422, not a 500 on PostgreSQL', async () => {
  const { signQris, webhookSecret } = await import('../../src/domains/orders/payments/provider.js');
  const raw = JSON.stringify({
    event_id: 'evt-hostile-0001',
    reference: 'pay_\u0000x',
    amount: 1000,
    status: 'paid',
  });
  const before = await rowCounts(w.h, tables);
  const r = await w.client().fetch('/api/v1/webhooks/payments/qris', {
    method: 'POST',
    body: raw,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...signQris(webhookSecret('test-secret', 'qris'), raw),
    },
  });
  assert.equal(r.status, 422, await r.clone().text());
  assert.match(r.headers.get('content-type')!, /problem\+json/);
  assert.deepEqual(changedTables(before, await rowCounts(w.h, tables)), []);
});
