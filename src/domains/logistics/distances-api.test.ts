// Road distances through the JSON API (issue 21): the workbook LibreOffice wrote, sent as the
// raw XLSX body, stores what its CSV (JSON `{csv}`) stores; both go through the web form's
// checks, so bad cells are a 422 naming sheet, row, column and reason, writing nothing; a body
// that is no workbook is a 400. Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  FIXTURE_HUBS,
  makeFixtureHubs,
  makeNetwork,
  type TestNetwork,
} from '../../../test/support/logistics.js';
import type { TestClient } from '../../../test/support/kernel/index.js';
import {
  NOT_WORKBOOKS,
  postTable,
  refusedCells,
  workbookOf,
} from '../../../test/support/sheet-uploads.js';
import { pairKey } from './geo.js';

const PATH = '/api/v1/logistics/distances';

let w: World;
let net: TestNetwork;
let officer: TestClient;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 2 });
  await makeFixtureHubs(w.h.db, net.kabHub);
  officer = await w.as('regional_officer', '53.09');
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const stored = async () =>
  (
    await w.h.db
      .selectFrom('distance_overrides')
      .select(['from_id', 'to_id', 'km', 'imported_at'])
      .orderBy('from_id')
      .orderBy('to_id')
      .execute()
  ).map((r) => ({ ...r, km: Number(r.km) }));
const kms = async () => (await stored()).map((r) => `${r.from_id}|${r.to_id}|${r.km}`);

test('the LibreOffice workbook imports through the API and stores what its CSV stores', async () => {
  const res = await postTable(officer, PATH, new Uint8Array(fixture('distances.xlsx')));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { rows: 3, sheet: 'distances' });
  const [golewa, riung, bajawa] = FIXTURE_HUBS;
  const fromXlsx = await kms();
  assert.deepEqual(
    fromXlsx,
    [
      `${pairKey(golewa, riung).join('|')}|23.5`,
      `${pairKey(golewa, bajawa).join('|')}|12`,
      `${pairKey(riung, bajawa).join('|')}|41.25`,
    ].sort(),
  );
  const csv = await officer.json('POST', PATH, { csv: fixture('distances.csv').toString('utf8') });
  assert.equal(csv.status, 200);
  assert.deepEqual(await csv.json(), { rows: 3, sheet: null });
  assert.deepEqual(await kms(), fromXlsx);
});

test('bad cells, in a workbook or a CSV: a 422 naming each by sheet, row and column; nothing written', async () => {
  const before = await stored();
  const book = await workbookOf(
    [
      ['from', 'to', 'km'],
      [net.kabHub, net.kabHub, 4],
      [net.kecHub, 'spt_tidak_ada', 9],
      [net.kecHub, net.points[0], 'jauh'],
      ['', net.points[1], 3],
      // A good row: refused with the rest.
      [net.kecHub2, net.otherPoint, 5],
    ],
    'Jarak Ngada',
  );
  const res = await postTable(officer, PATH, book, { locale: 'en' });
  assert.equal(res.status, 422);
  const r = await refusedCells(res);
  assert.equal(r.code, 'TABLE_REJECTED');
  assert.deepEqual(r.cells, [
    ['Jarak Ngada', 2, 'B', 'logistics.distances.err.same'],
    ['Jarak Ngada', 3, 'B', 'logistics.distances.err.unknown'],
    ['Jarak Ngada', 4, 'C', 'logistics.distances.err.km'],
    ['Jarak Ngada', 5, 'A', 'logistics.distances.err.required'],
  ]);
  assert.deepEqual(
    r.body.cells.map((c: { reason: string }) => c.reason),
    [
      'Start and end are the same.',
      'Not a known hub or service point code.',
      'The distance must be a number above 0, up to 2000 km.',
      'Required.',
    ],
  );
  assert.match(r.body.detail, /nothing was stored/);
  // The CSV body gets the same report, its sheet null; in Bahasa Indonesia by default.
  const csv = await officer.json('POST', PATH, {
    csv: `from,to,km\n${net.kecHub},${net.points[0]},"12,5"\n${net.kecHub},${net.kecHub},3\n`,
  });
  assert.equal(csv.status, 422);
  const c = await refusedCells(csv);
  assert.deepEqual(c.cells, [[null, 3, 'B', 'logistics.distances.err.same']]);
  assert.equal(c.body.cells[0].reason, 'Asal dan tujuan sama.');
  // Another regency's officer: every id outside their region, by cell.
  const other = await w.as('regional_officer', '35.10');
  const theirs = await refusedCells(
    await postTable(
      other,
      PATH,
      await workbookOf([
        ['from', 'to', 'km'],
        [net.kabHub, net.kecHub, 12],
      ]),
    ),
  );
  assert.deepEqual(
    theirs.cells.map((x) => [x[1], x[2], x[3]]),
    [
      [2, 'A', 'logistics.distances.err.scope'],
      [2, 'B', 'logistics.distances.err.scope'],
    ],
  );
  assert.deepEqual(await stored(), before);
});

test('a body sent as XLSX that is no readable workbook is a 400; an unknown body type a 415', async () => {
  const before = await stored();
  for (const [what, body] of NOT_WORKBOOKS) {
    const res = await postTable(officer, PATH, body, { locale: 'en' });
    assert.equal(res.status, 400, what);
    const p = (await res.json()) as { code: string; detail: string };
    assert.equal(p.code, 'TABLE_NOT_XLSX', what);
    assert.match(p.detail, /not an Excel \(XLSX\) workbook/, what);
  }
  const text = await postTable(officer, PATH, 'from,to,km\n', { type: 'text/csv' });
  assert.equal(text.status, 415);
  // The JSON form is still validated as declared: exactly `{csv}`.
  const extra = await officer.json('POST', PATH, { csv: 'from,to,km\n', xlsx: 'UEsDBA==' });
  assert.equal(extra.status, 422);
  assert.ok('xlsx' in ((await extra.json()) as { errors: object }).errors);
  assert.deepEqual(await stored(), before);
  const buyer = await w.as('buyer');
  const book = await workbookOf([['from', 'to', 'km']]);
  assert.equal((await postTable(buyer, PATH, book)).status, 403);
});
