// Every role's home lists that role's work: each demo login's /me shows at least one panel
// with links to its work beyond the list of roles; the buyer's home lists their orders; the
// partner's home lists its partnerships and orders and links its feed and API tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { makeOrder } from '../support/orders.js';
import { formatRupiah } from '../../src/kernel/money/index.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../src/seed/index.js';

let w: World;
before(async () => {
  w = await createWorld();
  await seedDemo(w.h);
});
after(() => w.close());

// The panels after the first card (the roles), each with the links it offers.
function panels(html: string): { text: string; links: string[] }[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const cards = main.split(/<section class="card"/).slice(2);
  return cards.map((x) => ({
    text: x.replace(/<[^>]+>/g, ' '),
    links: [...x.matchAll(/<a\b[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  }));
}

test("every demo login's home lists that role's work", async () => {
  const empty: string[] = [];
  for (const l of await demoLogins(w.h)) {
    const c = w.client();
    await c.form('/login', { login: l.login, password: DEMO_PASSWORD });
    const html = await (await c.get('/me')).text();
    const ps = panels(html);
    if (ps.length === 0 || ps.every((p) => p.links.length === 0))
      empty.push(`${l.role} ${l.login}`);
  }
  assert.deepEqual(empty, [], 'homes with no panel of work');
});

test('the buyer home lists their orders with status and total, linked to the full list', async () => {
  const buyer = await w.as('buyer');
  const none = await (await buyer.get('/me')).text();
  assert.match(none, /Anda belum punya pesanan\./);
  const o = await makeOrder(w.h, { price: 90000 });
  await w.h.db
    .updateTable('orders')
    .set({ buyer_user_id: buyer.userId })
    .where('id', '=', o.orderId)
    .execute();
  const html = await (await buyer.get('/me')).text();
  const panel = panels(html).find((p) => p.links.includes('/pesanan-saya'));
  assert.ok(panel, 'a panel links the buyer to their orders');
  assert.match(panel.text, new RegExp(o.number));
  assert.match(panel.text, /Menunggu penjual/);
  assert.ok(panel.text.includes(formatRupiah(o.total)), `the total ${formatRupiah(o.total)}`);
  // Another buyer's home does not show it.
  const other = await (await (await w.as('buyer')).get('/me')).text();
  assert.doesNotMatch(other, new RegExp(o.number));
});

test('the partner home lists its partnerships and links its dashboard, feed and API tokens', async () => {
  const partner = (await demoLogins(w.h)).find((l) => l.role === 'partner');
  assert.ok(partner);
  const c = w.client();
  await c.form('/login', { login: partner.login, password: DEMO_PASSWORD });
  const html = await (await c.get('/me')).text();
  const panel = panels(html).find((p) => p.links.includes('/account/tokens'));
  assert.ok(panel, 'the API tokens page is linked from the partner home');
  for (const href of ['/mitra', '/api/v1/partner/feed.csv', '/api/docs'])
    assert.ok(panel.links.includes(href), `links ${href}`);
  assert.match(panel.text, /Kemitraan/);
  assert.match(panel.text, /Aktif|Ditawarkan|Diterima/);
  assert.doesNotMatch(panel.text, /\b(ptn|ord|umk)_[0-9A-Z]/, 'no internal ids');
  assert.equal((await c.get('/account/tokens')).status, 200);
});
