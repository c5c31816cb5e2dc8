// CSRF and XSS in a real browser: a form posted from a second localhost origin is refused and
// changes nothing; user-supplied script/HTML is shown as text and never runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, serveWorld, signIn, type Served } from './support.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { createUser, grantRole } from '../../src/domains/accounts/index.js';

let browser: Browser;
let served: Served;
let evil: Server;
let evilUrl: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  // The attacker's page on a second localhost origin auto-submits a form to Lumbung.
  evil = createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><form id="f" method="post" action="${served.url}/account/tokens">
      <input name="name" value="stolen"><input name="grant_id" value="${req.url?.slice(1)}"></form>
      <script>document.getElementById('f').submit()</script>`);
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;
});
after(async () => {
  await browser?.close();
  evil?.close();
  await served?.close();
});

test('a form posted from another localhost origin is refused and creates nothing', async () => {
  const page = await browser.newPage();
  const userId = await signIn(page, served, 'buyer');
  await page.goto(`${served.url}/account/tokens`);
  const grant = await served.world.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const response = page.waitForResponse(
    (r) => r.url().startsWith(served.url) && r.request().method() === 'POST',
  );
  await page.goto(`${evilUrl}/${grant.id}`);
  const r = await response;
  assert.equal(r.status(), 403);
  const tokens = await served.world.h.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  assert.equal(tokens.length, 0);
  // The same form from Lumbung's own page works.
  await page.goto(`${served.url}/account/tokens`);
  await page.fill('#f-name', 'sah');
  await page.click('button.primary');
  await page.waitForSelector('[data-testid="new-token"]');
  assert.equal(
    (
      await served.world.h.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .execute()
    ).length,
    1,
  );
  await page.close();
});

test('script and HTML in user-supplied text are shown escaped and never run', async () => {
  const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>"'><svg onload=alert(3)>`;
  const id = unwrap(
    await createUser(served.world.h.db, {
      displayName: payload,
      phone: '+6281377770001',
      password: 'rahasia-desa-123',
    }),
  );
  unwrap(await grantRole(served.world.h.db, null, id, 'buyer', null));
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto(`${served.url}/login`);
  await page.fill('#f-login', '081377770001');
  await page.fill('#f-password', 'rahasia-desa-123');
  await page.click('button.primary');
  await page.waitForURL(/\/me$/);
  const h1 = await page.textContent('h1');
  assert.ok(h1?.includes('<script>alert(2)</script>'), 'the payload is visible as text');
  assert.equal(await page.locator('main img, main svg').count(), 0, 'no element was injected');
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  await page.close();
});

test('a hostile `next` after sign-in and a hostile `back` of the language switch keep the browser on the site', async () => {
  const id = unwrap(
    await createUser(served.world.h.db, {
      displayName: 'Ibu Arah',
      phone: '+6281377770002',
      password: 'rahasia-desa-123',
    }),
  );
  unwrap(await grantRole(served.world.h.db, null, id, 'buyer', null));
  const origin = new URL(served.url).origin;
  const hostile = [
    '/\\evil.example/',
    '//evil.example/',
    '/\t/evil.example/',
    '/.//evil.example/',
    '/%2F%2Fevil.example/',
    'https://evil.example/',
  ];
  for (const next of hostile) {
    const page = await browser.newPage();
    const opened = await page.goto(`${served.url}/login?next=${encodeURIComponent(next)}`);
    // The navigation the submit starts ends wherever the redirect leads (an error page if off-site).
    const landed = (click: () => Promise<void>) =>
      Promise.all([
        page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
        click(),
      ]).then(([f]) => f.url());
    if (opened?.status() === 422) {
      // A control character in the query is refused before any page: nothing to follow anywhere.
      assert.equal(new URL(page.url()).origin, origin);
    } else {
      await page.fill('#f-login', '081377770002');
      await page.fill('#f-password', 'rahasia-desa-123');
      const afterLogin = await landed(() => page.click('button.primary'));
      assert.equal(
        new URL(afterLogin).origin,
        origin,
        `next=${JSON.stringify(next)} → ${afterLogin}`,
      );
    }
    // The language switch on the same page, its `back` field replaced with the hostile value.
    await page.goto(`${served.url}/`);
    await page.locator('form.lang input[name="back"]').evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
    }, next);
    const afterLang = await landed(() => page.locator('form.lang button').first().click());
    assert.equal(new URL(afterLang).origin, origin, `back=${JSON.stringify(next)} → ${afterLang}`);
    await page.close();
  }
});
