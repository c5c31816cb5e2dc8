// Printed paper: run sheets, manifests, receipts and lists print on A4 and on 58 mm thermal
// paper from the same page (web/app.css switches the narrow layout on by the paper's width).
// Each page is rendered to PDF by Chromium at both sizes and its pages counted, and laid out
// under print media at each paper's printable width to prove no text is cut off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, serveWorld, signIn, type Served } from './support.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { createParcel, recordScan } from '../../src/domains/logistics/index.js';
import { makeNetwork, type TestNetwork } from '../support/logistics.js';
import { makeIntake, makeKoperasi, makeProducer, setCoffeePrices } from '../support/produce.js';
import { createLot, payOutLot, recordSale, settleLot } from '../../src/domains/produce/index.js';
import { placeAssisted } from '../support/orders.js';
import { anyVillage } from '../support/community.js';
import { makeCourse, makeSession } from '../support/training.js';
import { partnersWorld } from '../support/partners.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../support/collective.js';

type Role = Parameters<typeof signIn>[2];

const PX_PER_MM = 96 / 25.4;
// Printable widths: A4 less the stylesheet's 12 mm margins; 58 mm paper less 2 mm margins
// (the thermal head prints about 48 mm, the rest is the stylesheet's own inset).
const A4_CSS_WIDTH = Math.floor((210 - 24) * PX_PER_MM);
const THERMAL_CSS_WIDTH = Math.floor((58 - 4) * PX_PER_MM);

let browser: Browser;
let served: Served;
let net: TestNetwork;
let cw: CycleWorld;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  net = await makeNetwork(served.world.h.db, { points: 8 });
  for (let i = 0; i < 8; i++) {
    const p = unwrap(
      await createParcel(served.world.h.db, null, {
        originPointId: net.points[i],
        destinationPointId: null,
        destinationVillageCode: '35.78.01.1001',
        weightGrams: (60 + 5 * i) * 1000,
      }),
    );
    unwrap(
      await recordScan(served.world.h.db, null, {
        tracking: p.trackingNumber,
        kind: 'received_at_point',
        locationId: net.points[i],
        clientScanId: `print-scan-${i}`,
      }),
    );
  }
  cw = await makeCycleWorld(served.world.h, { producers: 2, points: 2 });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

/** Pages in a Chromium PDF: each page is one uncompressed `/Type /Page` dictionary. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Elements whose content is wider than their box, or that reach past the body's right edge. */
async function cutOff(role: Role, scope: string | null, url: string, width: number) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
  try {
    const page = await ctx.newPage();
    await signIn(page, served, role, scope);
    await page.emulateMedia({ media: 'print' });
    await page.goto(url);
    return await page.evaluate(() => {
      const right = document.body.getBoundingClientRect().right;
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not printed (display: none or empty)
        const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
          bad.push(`${name} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
        if (r.right > right + 1) bad.push(`${name} ends at ${Math.round(r.right)} > ${right}`);
      }
      return bad;
    });
  } finally {
    await ctx.close();
  }
}

/** The page as PDF on A4 and on a 58 mm roll cut at `rollMm`, page counts of both. */
async function pdfPages(role: Role, scope: string | null, url: string, rollMm: number) {
  const ctx = await browser.newContext({ locale: 'id-ID' });
  try {
    const page = await ctx.newPage();
    await signIn(page, served, role, scope);
    await page.emulateMedia({ media: 'print' });
    const res = await page.goto(url);
    assert.equal(res?.status(), 200, url);
    const a4 = pageCount(await page.pdf({ format: 'A4' }));
    const thermal = pageCount(await page.pdf({ width: '58mm', height: `${rollMm}mm` }));
    return { a4, thermal };
  } finally {
    await ctx.close();
  }
}

async function assertPrints(
  label: string,
  role: Role,
  scope: string | null,
  url: string,
  want: { a4: number | [number, number]; thermal: number | [number, number]; rollMm: number },
) {
  for (const [paper, width] of [
    ['A4', A4_CSS_WIDTH],
    ['58 mm', THERMAL_CSS_WIDTH],
  ] as const)
    assert.deepEqual(await cutOff(role, scope, url, width), [], `${label} cut off on ${paper}`);
  const got = await pdfPages(role, scope, url, want.rollMm);
  for (const paper of ['a4', 'thermal'] as const) {
    const w = want[paper];
    const [lo, hi] = typeof w === 'number' ? [w, w] : w;
    assert.ok(
      got[paper] >= lo && got[paper] <= hi,
      `${label} on ${paper}: ${got[paper]} pages, expected ${lo}–${hi}`,
    );
  }
}

test('produce intake receipt and farmer statement: one A4 page, one 58 mm slip each', async () => {
  const w = served.world;
  const k = await makeKoperasi(w, 0, '53.09');
  await setCoffeePrices(w, k);
  const farmer = await makeProducer(w, k, 'Yosef Bhara Wolo Nage Sebastianus');
  const other = await makeProducer(w, k, 'Maria Dhiu');
  const intake = await makeIntake(w, k, farmer, { advance: 100_000 });
  const second = await makeIntake(w, k, other, { grossGrams: 41_000 });
  await assertPrints(
    'intake receipt',
    [['village_agent', k.pointId]],
    null,
    `${served.url}/produksi/setoran/${intake.id}`,
    { a4: 1, thermal: 1, rollMm: 200 },
  );

  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Arabika Bajawa',
      intakeIds: [intake.id, second.id],
    }),
  );
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
      marginBp: 500,
      processingCost: 50_000,
      logisticsCost: 25_000,
      platformFee: 0,
    }),
  );
  unwrap(await payOutLot(w.h.db, k.manager, lot.id));
  const statement = await w.h.db
    .selectFrom('produce_statements')
    .select('id')
    .where('producer_id', '=', farmer)
    .executeTakeFirstOrThrow();
  await assertPrints(
    'farmer statement',
    [['community_manager', k.orgId]],
    null,
    `${served.url}/produksi/pernyataan/${statement.id}`,
    { a4: 1, thermal: 1, rollMm: 300 },
  );
});

test('agent receipt for an assisted order: one page on A4 and on 58 mm', async () => {
  const agent = await served.world.as('village_agent', cw.points[0]);
  const placed = await placeAssisted(
    agent,
    { [cw.variants[0].variantId]: 2, [cw.variants[1].variantId]: 1 },
    { name: 'Mama Yuliana Fransiska Dhey' },
  );
  assert.equal(placed.status, 303);
  const receipt = placed.headers.get('location')!;
  assert.match(receipt, /^\/agen\/struk\//);
  await assertPrints('agent receipt', 'village_agent', cw.points[0], `${served.url}${receipt}`, {
    a4: 1,
    thermal: 1,
    rollMm: 300,
  });
});

test('training certificate: one A4 page, and it still fits a 58 mm roll', async () => {
  const db = served.world.h.db;
  const village = await anyVillage(db, '53.09');
  const course = await makeCourse(db, {
    topic: 'selling_online',
    title: 'Jualan Online lewat WhatsApp dan Marketplace Desa',
  });
  const session = await makeSession(db, { courseId: course, regionCode: village, capacity: 5 });
  const trainer = await served.world.as('trainer', '53.09');
  const base = `/pelatihan/sesi/${session}`;
  await trainer.form(`${base}/peserta`, { full_name: 'Maria Goreti Wonga', kind: 'agent' });
  const people = await db
    .selectFrom('session_participants')
    .select('id')
    .where('session_id', '=', session)
    .execute();
  await trainer.form(`${base}/absensi`, { present: people.map((p) => p.id) });
  assert.equal((await trainer.form(`${base}/selesai`, {})).status, 303);
  const code = (await trainer.get(base).then((r) => r.text())).match(
    /\/sertifikat\/(SRT-[0-9A-Z-]+)/,
  )?.[1];
  assert.ok(code, 'the session page links the issued certificate');
  await assertPrints('certificate', 'trainer', '53.09', `${served.url}/sertifikat/${code}`, {
    a4: 1,
    thermal: [1, 2],
    rollMm: 300,
  });
});

test('run sheet and manifest: A4 and 58 mm, tables wrap instead of being cut', async () => {
  const ctx = await browser.newContext({ locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, served, 'hub_operator', net.kecHub);
  await page.goto(`${served.url}/hub`);
  await page.getByRole('button', { name: 'Buat manifest' }).click();
  await page.getByText('8 paket dimasukkan ke manifest.').waitFor();
  await page.getByRole('button', { name: 'Rencanakan rute' }).last().click();
  await page.getByText(/Rute direncanakan: 2 perjalanan/).waitFor();
  const run = await page.getByRole('link', { name: 'Lembar jalan' }).first().getAttribute('href');
  const manifest = await page.locator('a[href*="/manifests/"]').first().getAttribute('href');
  await ctx.close();
  assert.ok(run && manifest, 'the hub day links its run sheet and manifest');
  await assertPrints('run sheet', 'hub_operator', net.kecHub, `${served.url}${run}`, {
    a4: 1,
    thermal: [1, 3],
    rollMm: 300,
  });
  await assertPrints('manifest', 'hub_operator', net.kecHub, `${served.url}${manifest}`, {
    a4: 1,
    thermal: [1, 2],
    rollMm: 300,
  });
});

test('collective supplier and packing lists print at both widths', async () => {
  const cycleId = await makeCycle(served.world.h, cw);
  for (const kind of ['supplier', 'packing'])
    for (const ukuran of ['a4', '58mm'])
      await assertPrints(
        `${kind} list (${ukuran})`,
        'community_manager',
        cw.organisationId,
        `${served.url}/siklus/${cycleId}/daftar/${kind}?ukuran=${ukuran}`,
        { a4: 1, thermal: 1, rollMm: 300 },
      );
});

test('partner incentive statement: one A4 page, fits 58 mm', async () => {
  const pw = await partnersWorld();
  const own = await serveWorld(pw.w);
  const prev = served;
  served = own;
  try {
    const officer = await pw.w.as('regional_officer', '53.09');
    const rule = await officer.form('/insentif/aturan', {
      period: '2026-01',
      scope_code: '53.09',
      kind: 'gmv_percent',
      amount: '200',
      count: '',
    });
    assert.equal(rule.status, 303);
    const issued = await officer.form('/insentif/terbitkan', {
      partner_id: pw.partnerId,
      period: '2026-01',
      scope_code: '53.09',
    });
    assert.equal(issued.status, 303);
    await assertPrints(
      'incentive statement',
      'regional_officer',
      '53.09',
      `${own.url}${issued.headers.get('location')}`,
      { a4: 1, thermal: [1, 2], rollMm: 300 },
    );
  } finally {
    served = prev;
    await own.close();
    await pw.close(); // its webhook receiver too, or this file's process never exits
  }
});
