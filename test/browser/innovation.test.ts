// The innovation centre in a real browser with JavaScript off on a 360 px phone: a reviewer
// works through the queue and completes a review with failed items; the seller then sees the
// improvement tasks in Bahasa Indonesia and marks one done; a seller who renames a listed
// product is told it went back to review, and the reviewer finds the new round in the queue.
// axe-clean at every step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { completeReview, submitForReview } from '../../src/domains/innovation/index.js';
import { addCertification, inDays, results, reviewFixture } from '../support/innovation.js';

let browser: Browser;
let served: Served;

before(async () => {
  browser = await launch();
  served = await serveWorld();
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('reviewer completes a review at 360 px without JavaScript; the seller sees the tasks in Bahasa', async () => {
  const h = served.world.h;
  const f = await reviewFixture(h, { title: 'Gula Aren Cetak 500 g' });
  await addCertification(h.db, f.umkmId, 'halal_self_declare', '2025-01-01', null);
  const s = await submitForReview(h.db, f.seller, f.productId);
  assert.ok(s.ok);

  const reviewerCtx = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: false,
    locale: 'id-ID',
  });
  const page = await reviewerCtx.newPage();
  await signIn(page, served, 'reviewer', '53.09');
  await page.goto(`${served.url}/innovation/queue`);
  await assertFitsPhone(page, 'review queue');
  await assertAccessible(page, 'review queue');
  await page.click('[data-testid="review-queue"] a');
  await page.waitForURL(/\/innovation\/reviews\//);
  await assertFitsPhone(page, 'review form');
  await assertAccessible(page, 'review form');

  for (const k of ['photos', 'description', 'price_weight', 'label', 'shelf_life'])
    await page.check(`#f-${k}_result`);
  await page.check('#f-packaging_result-fail');
  await page.check('#f-certification_result-fail');
  await page.fill('#f-certification_comment', 'PIRT belum ada.');
  await page.fill('#f-due_on', inDays(14));
  // Forgetting the packaging comment: the form comes back with the message next to the field.
  await page.click('button.primary');
  await page.waitForSelector('#f-packaging_comment-err');
  assert.match((await page.textContent('#f-packaging_comment-err')) ?? '', /Tulis komentar/);
  await assertAccessible(page, 'review form with errors');
  assert.equal(await page.isChecked('#f-packaging_result-fail'), true, 'the choices are kept');
  await page.fill(
    '#f-packaging_comment',
    'Perlu kemasan tertutup rapat dan label dengan tanggal kedaluwarsa.',
  );
  if (!(await page.inputValue('#f-due_on'))) await page.fill('#f-due_on', inDays(14));
  await page.click('button.primary');
  await page.waitForURL(/\/innovation\/products\/.*done=changes/);
  assert.match((await page.textContent('main')) ?? '', /2 tugas perbaikan dibuat/);
  await assertFitsPhone(page, 'product review history');
  await assertAccessible(page, 'product review history');
  await reviewerCtx.close();

  const sellerCtx = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: false,
    locale: 'id-ID',
  });
  const sp = await sellerCtx.newPage();
  await signIn(sp, served, 'seller', f.umkmId);
  await sp.goto(`${served.url}/innovation/mine`);
  const text = (await sp.textContent('main')) ?? '';
  assert.match(text, /Kemasan standing pouch baru/);
  assert.match(text, /Ajukan PIRT/);
  assert.match(text, /Perlu perbaikan/);
  await assertFitsPhone(sp, 'seller tasks');
  await assertAccessible(sp, 'seller tasks');
  await sp.click('li[data-task="packaging"] form button');
  await sp.waitForURL(/\/innovation\/mine/);
  assert.equal(await sp.getAttribute('li[data-task="packaging"]', 'data-status'), 'done');
  await sellerCtx.close();
});

test('a seller renames a listed product without JavaScript: told it is back in review; the reviewer sees round 2', async () => {
  const h = served.world.h;
  const f = await reviewFixture(h, { category: 'tenun', title: 'Tenun Ikat Ngada', nth: 1 });
  const s = await submitForReview(h.db, f.seller, f.productId);
  assert.ok(
    s.ok &&
      (await completeReview(h.db, f.reviewer, s.value.reviewId, { items: results('tenun') })).ok,
  );

  const sellerCtx = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: false,
    locale: 'id-ID',
  });
  const sp = await sellerCtx.newPage();
  await signIn(sp, served, 'seller', f.umkmId);
  await sp.goto(`${served.url}/jual/produk/${f.productId}`);
  await sp.fill('#f-title', 'Tenun Ikat Ngada Motif Kuda');
  await sp.click('form[action$="' + f.productId + '"] button.primary');
  await sp.waitForSelector('p.notice[role="status"]');
  assert.match(
    (await sp.textContent('p.notice[role="status"]')) ?? '',
    /masuk penilaian ulang \(putaran baru\)/,
  );
  assert.equal(await sp.getAttribute('main .badge[data-state]', 'data-state'), 'in_review');
  await assertFitsPhone(sp, 'edit sent back to review');
  await assertAccessible(sp, 'edit sent back to review');
  await sellerCtx.close();

  const reviewerCtx = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: false,
    locale: 'id-ID',
  });
  const rp = await reviewerCtx.newPage();
  await signIn(rp, served, 'reviewer', '53.09');
  await rp.goto(`${served.url}/innovation/queue`);
  assert.match(
    (await rp.textContent('[data-testid="review-queue"]')) ?? '',
    /Tenun Ikat Ngada Motif Kuda/,
  );
  await reviewerCtx.close();
});
