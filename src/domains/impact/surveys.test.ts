import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage } from '../../../test/support/community.js';
import { verifyAudit } from '../../kernel/audit/index.js';

let w: World;
let village: string;
let kelurahan: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  kelurahan = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'kelurahan')
      .where('code', 'like', '53.09.%')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
});
after(() => w.close());

const count = async (table: 'household_surveys' | 'umkm_sales_surveys' | 'survey_consents') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('phone form: consent first, per-capita income computed, errors in the user language change nothing', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const base = {
    village_code: village,
    wave_year: '2025',
    household_code: 'RT03-12',
    household_size: '4',
    income_monthly: '2.400.000',
  };
  const noConsent = await officer.form('/impact/surveys/household', base);
  assert.equal(noConsent.status, 422);
  assert.match(await noConsent.text(), /Persetujuan responden wajib dicatat/);
  assert.equal(await count('survey_consents'), 0, 'no consent row without consent');
  assert.equal(await count('household_surveys'), 0);

  const bad = await officer.form(
    '/impact/surveys/household',
    { ...base, household_size: '0', income_monthly: '-5', consent: 'yes' },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(bad.status, 422);
  const badText = await bad.text();
  assert.match(badText, /A household has at least 1 member/);
  assert.match(badText, /Must not be negative/);

  const ok = await officer.form('/impact/surveys/household', { ...base, consent: 'yes' });
  assert.equal(ok.status, 201);
  assert.match(await ok.text(), /Rp 600\.000/);
  const row = await w.h.db.selectFrom('household_surveys').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.per_capita_monthly, 600000);
  assert.equal(row.income_monthly, 2400000);
  const consent = await w.h.db
    .selectFrom('survey_consents')
    .selectAll()
    .where('id', '=', row.consent_id)
    .executeTakeFirstOrThrow();
  assert.equal(consent.subject_code, 'RT03-12');
  assert.equal(consent.recorded_by, officer.userId);

  const again = await officer.form('/impact/surveys/household', { ...base, consent: 'yes' });
  assert.equal(again.status, 409, 'the same household and wave twice is refused');
  // The next wave reuses the household's consent.
  assert.equal(
    (
      await officer.form('/impact/surveys/household', {
        ...base,
        wave_year: '2026',
        consent: 'yes',
      })
    ).status,
    201,
  );
  assert.equal(await count('survey_consents'), 1);

  // A withdrawn consent refuses further answers.
  await w.h.db
    .updateTable('survey_consents')
    .set({ withdrawn_at: new Date().toISOString() })
    .execute();
  const withdrawn = await officer.form('/impact/surveys/household', {
    ...base,
    wave_year: '2027',
    consent: 'yes',
  });
  assert.equal(withdrawn.status, 409);
  assert.match(await withdrawn.text(), /menarik persetujuannya/);
  await w.h.db.updateTable('survey_consents').set({ withdrawn_at: null }).execute();

  const unknown = await officer.form('/impact/surveys/household', {
    ...base,
    village_code: '53.09.99.2999',
    consent: 'yes',
  });
  assert.equal(unknown.status, 422);
  assert.match(await unknown.text(), /Kode desa tidak dikenal/);

  const sales = await officer.form('/impact/surveys/sales', {
    village_code: village,
    year: '2025',
    month: '3',
    umkm_code: 'U-7',
    sales_monthly: '3500000',
    consent: 'yes',
  });
  assert.equal(sales.status, 201);
  assert.equal(await count('umkm_sales_surveys'), 1);
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('action', 'like', 'impact.%')
    .execute();
  assert.ok(audit.length >= 3);
  for (const a of audit)
    assert.ok(!/2400000|3500000|RT03/.test(a.data), 'no incomes or subject codes in the audit log');
  assert.ok((await verifyAudit(w.h.db)).ok);
});

test('CSV import: every problem named by line and column, nothing half-imported, then all rows at once', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await count('household_surveys');
  const header = 'village_code,wave_year,household_code,household_size,income_monthly,consent';
  const badCsv = [
    header,
    `${village},2024,H1,4,1800000,ya`,
    `${village},2024,H2,abc,1800000,ya`,
    `${village},2024,H3,0,1800000,ya`,
    `${village},2024,H4,3,-100,ya`,
    `53.09.99.2999,2024,H5,3,900000,ya`,
    `${village},2024,H6,3,900000,tidak`,
    `${village},2024,H1,2,700000,ya`,
  ].join('\n');
  const res = await officer.form(
    '/impact/surveys/import',
    { kind: 'household', csv: badCsv },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(res.status, 422);
  const html = await res.text();
  const rows = [
    ...html.matchAll(/<tr><td>(\d+|–)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g),
  ].map((m) => `${m[1]}|${m[2]}|${m[3]}`);
  assert.ok(rows.includes('3|household_size|Must be a number.'), rows.join('\n'));
  assert.ok(rows.includes('4|household_size|A household has at least 1 member.'));
  assert.ok(rows.includes('5|income_monthly|Must not be negative.'));
  assert.ok(rows.includes('6|village_code|Unknown village code.'));
  assert.ok(rows.some((r) => r.startsWith('7|consent|')));
  assert.ok(
    rows.some((r) => r.startsWith('8|household_code|Duplicate row in the file (same as line 2)')),
  );
  assert.equal(await count('household_surveys'), before, 'nothing imported');

  const unknownCol = await officer.form('/impact/surveys/import', {
    kind: 'household',
    csv: `${header},nama\n${village},2024,H1,4,1800000,ya,Budi`,
  });
  assert.equal(unknownCol.status, 422);
  assert.match(await unknownCol.text(), /<td>1<\/td><td>nama<\/td><td>Kolom tidak dikenal/);

  const good = [
    header,
    `${village},2024,H1,4,"1.800.000",ya`,
    `${kelurahan},2024,H2,2,1500000,yes`,
    `${village},2024,H3,5,0,1`,
  ].join('\r\n');
  const okRes = await officer.form('/impact/surveys/import', { kind: 'household', csv: good });
  assert.equal(okRes.status, 201);
  assert.match(await okRes.text(), /3 baris diimpor/);
  assert.equal(await count('household_surveys'), before + 3);
  const reimport = await officer.form('/impact/surveys/import', { kind: 'household', csv: good });
  assert.equal(reimport.status, 422, 'importing the same file again changes nothing');
  assert.equal(await count('household_surveys'), before + 3);

  const foreign = await officer.form('/impact/surveys/import', {
    kind: 'household',
    csv: `${header}\n${await anyVillage(w.h.db, '35.10')},2024,H1,4,1800000,ya`,
  });
  assert.equal(foreign.status, 422);
  assert.match(await foreign.text(), /Di luar wilayah kerja Anda/);

  const salesCsv =
    'village_code,year,month,umkm_code,sales_monthly,consent\n' +
    `${village},2024,13,U1,100,ya\n${village},2024,3,U1,x,ya`;
  const salesRes = await officer.form('/impact/surveys/import', { kind: 'umkm', csv: salesCsv });
  assert.equal(salesRes.status, 422);
  const salesHtml = await salesRes.text();
  assert.match(salesHtml, /<td>2<\/td><td>month<\/td>/);
  assert.match(salesHtml, /<td>3<\/td><td>sales_monthly<\/td><td>Harus berupa angka/);
});

test('JSON API for offline phones: 201, then 409 for the same answer, 422 without consent', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const body = {
    villageCode: village,
    waveYear: 2023,
    householdCode: 'API-1',
    householdSize: 3,
    incomeMonthly: 1500000,
    consent: true,
  };
  assert.equal((await officer.json('POST', '/api/v1/impact/surveys/households', body)).status, 201);
  const dup = await officer.json('POST', '/api/v1/impact/surveys/households', body);
  assert.equal(dup.status, 409);
  assert.match(dup.headers.get('content-type') ?? '', /problem\+json/);
  // The problem names the field as the JSON body does.
  assert.deepEqual(Object.keys(((await dup.json()) as any).errors), ['householdCode']);
  assert.equal(
    (
      await officer.json('POST', '/api/v1/impact/surveys/households', {
        ...body,
        householdCode: 'API-2',
        consent: false,
      })
    ).status,
    422,
  );
});
