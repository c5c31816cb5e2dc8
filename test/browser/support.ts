// Real browser, real server: the app served over HTTP on a free localhost port, driven by
// Debian's Chromium through playwright-core. No browser is ever downloaded; a missing
// /usr/bin/chromium is a failure, never a skip.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serveApp } from '../../src/kernel/http/index.js';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is required for browser tests and was not found at ${CHROMIUM} (apt-get install -y chromium)`,
  );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface Served {
  url: string;
  world: World;
  close(): Promise<void>;
}

/** Serves a fresh world's app on 127.0.0.1 at a free port. */
export async function serveWorld(world?: World): Promise<Served> {
  const w = world ?? (await createWorld());
  // The production server (page cache answered before Hono), as `npm start` runs it.
  const server = await new Promise<ReturnType<typeof serveApp>>((resolve) => {
    const s = serveApp(w.app, { port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    world: w,
    close: async () => {
      await new Promise((r) => server.close(r));
      await w.close();
    },
  };
}

/** Signs a browser page in as a fixture user (cookie set on the server's origin). */
export async function signIn(
  page: Page,
  served: Served,
  role: Parameters<World['as']>[0],
  scope: string | null = null,
): Promise<string> {
  const client = await served.world.as(role, scope);
  await page
    .context()
    .addCookies([
      { name: 'lumbung_sid', value: client.cookies.get('lumbung_sid')!, url: served.url },
    ]);
  return client.userId;
}

/**
 * The page axe runs in, one per browser, kept between checks: a fresh context and page a check
 * cost ≈ 0.4 s, and axe's own blank page for merging frame results ≈ 1 s more (bench/README.md,
 * "test suite"). Checks of one browser take turns on it.
 */
const axePages = new WeakMap<Browser, { page: Promise<Page>; turn: Promise<unknown> }>();

function axePageOf(browser: Browser) {
  let p = axePages.get(browser);
  if (!p) {
    // No service worker may answer instead of the route that serves the copied HTML.
    const page = browser.newContext({ serviceWorkers: 'block' }).then((ctx) => ctx.newPage());
    p = { page, turn: Promise.resolve() };
    axePages.set(browser, p);
  }
  return p;
}

/**
 * axe-core on what the page shows now: no serious or critical violations. axe runs as script,
 * which hangs in a context with JavaScript disabled, so the page's current HTML is checked in
 * a script-enabled page on the same origin (same CSS, same DOM, same size, cookies copied).
 * Our pages have no frames, so axe runs in the page itself ("legacy mode"), without the blank
 * page it otherwise opens to merge the results of each frame.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const slot = axePageOf(page.context().browser()!);
  const mine = slot.turn.then(() => checkAccessible(page, label, slot.page));
  slot.turn = mine.catch(() => {});
  return mine;
}

async function checkAccessible(page: Page, label: string, axePage: Promise<Page>) {
  const copy = await axePage;
  const url = page.url();
  const html = await page.content();
  const ctx = copy.context();
  await ctx.clearCookies();
  await ctx.addCookies(await page.context().cookies());
  await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
  const serve = (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await copy.route(url, serve);
  let r: Awaited<ReturnType<AxeBuilder['analyze']>>;
  try {
    await copy.goto(url);
    r = await new AxeBuilder({ page: copy }).setLegacyMode().analyze();
  } finally {
    await copy.unroute(url, serve);
  }
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
    [],
    `accessibility violations on ${label}`,
  );
}

/** Fails when the page is wider than a 360 px phone screen (horizontal scrolling). */
export async function assertFitsPhone(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  assert.ok(overflow <= 1, `${label} overflows a 360 px screen by ${overflow}px`);
}

export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
