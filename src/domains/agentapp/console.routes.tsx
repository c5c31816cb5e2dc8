// The agent's installable console: the page (`/agen/konsol`, an app shell whose script keeps
// the work on the phone), the web app manifest, the service worker (served under /agen/ but
// allowed the whole origin, so it can keep `/agen/…` and `/titik/…` pages for offline use)
// and its icons, rendered once from the site's SVG icon. With JavaScript off the page says so
// and links the ordinary agent pages, which keep working as before.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../kernel/http/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { agentappMessages } from './messages.js';
import { currentAgent } from './agent.js';

type C = Context<AppEnv>;

export const CONSOLE_PATH = '/agen/konsol';
const WEB = join(process.cwd(), 'web');

// Small, read-only files: read once per process.
const files = new Map<string, Promise<Buffer>>();
const fileOnce = (name: string, make: () => Promise<Buffer>) => {
  let f = files.get(name);
  if (!f) {
    f = make();
    files.set(name, f);
    f.catch(() => files.delete(name));
  }
  return f;
};

const icon = (size: number) =>
  fileOnce(`icon-${size}`, async () =>
    // sharp (libvips, ≈ 29 MiB and 0.2 s) loads on the first icon, not at the server's start.
    (await import('sharp'))
      .default(await readFile(join(WEB, 'icon.svg')), { density: 72 * (size / 32) })
      .resize(size, size)
      .png()
      .toBuffer(),
  );

/** The words the console's script shows, in the agent's language (it holds none itself). */
function words(l: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.keys(agentappMessages.id)
      .filter((k) => !k.startsWith('agentapp.err.'))
      .map((k) => [k.slice('agentapp.'.length), t(l, k)]),
  );
}

function ConsolePage(p: { c: C; pointName: string; pointId: string }) {
  const l = p.c.get('locale');
  const tr = (k: string) => t(l, `agentapp.${k}`);
  return (
    <html lang={l}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${tr('title')} · Lumbung`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="manifest" href="/agen/app.webmanifest" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <meta name="theme-color" content="#7a3e00" />
        <script src="/static/agent/console.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/agen/hari-ini">
            Lumbung
          </a>
          <span id="net" role="status"></span>
        </header>
        <main id="main">
          <h1>{tr('title')}</h1>
          <p>
            {p.pointName} · {tr('intro')}
          </p>
          <p class="js-off notice">
            {tr('nojs')} <a href="/agen/hari-ini">/agen/hari-ini</a> ·{' '}
            <a href="/agen/pesan">/agen/pesan</a> · <a href="/titik/paket">/titik/paket</a>
          </p>
          <div
            id="agentapp"
            hidden
            data-point={p.pointId}
            data-csrf={p.c.get('csrfToken')}
            data-words={JSON.stringify(words(l))}
          >
            <p id="snap" class="muted"></p>
            <section class="card" aria-labelledby="q-title">
              <h2 id="q-title">{tr('queue.title')}</h2>
              <ul id="queue"></ul>
              <button type="button" id="sync" class="primary">
                {tr('queue.sync')}
              </button>
            </section>
            <section class="card" id="report-box" hidden aria-labelledby="r-title">
              <h2 id="r-title">{tr('report.title')}</h2>
              <ul id="report"></ul>
            </section>
            <form class="card" id="relogin" hidden>
              <h2>{tr('relogin.title')}</h2>
              <p>{tr('relogin.intro')}</p>
              <label for="rl-login">{tr('relogin.login')}</label>
              <input id="rl-login" name="login" autocomplete="username" required />
              <label for="rl-pass">{tr('relogin.password')}</label>
              <input
                id="rl-pass"
                name="password"
                type="password"
                autocomplete="current-password"
                required
              />
              <p id="rl-error" class="error" role="alert"></p>
              <button type="submit" class="primary">
                {tr('relogin.submit')}
              </button>
            </form>
            <p id="msg" role="status" class="notice" hidden></p>
            <form class="card" id="order">
              <h2>{tr('order.title')}</h2>
              <label for="o-q">{tr('order.search')}</label>
              <input id="o-q" type="search" autocomplete="off" />
              <ul id="found"></ul>
              <h3>{tr('order.list')}</h3>
              <ul id="basket"></ul>
              <p>
                {tr('order.total')}: <strong id="o-total">Rp 0</strong>
              </p>
              <label for="o-name">{tr('order.name')}</label>
              <input id="o-name" name="name" maxlength={100} required />
              <label for="o-phone">{tr('order.phone')}</label>
              <input id="o-phone" name="phone" type="tel" maxlength={20} />
              <p>
                <input id="o-consent" type="checkbox" name="consent" value="1" />{' '}
                <label for="o-consent">{tr('order.consent')}</label>
              </p>
              <button type="submit" class="primary">
                {tr('order.place')}
              </button>
            </form>
            <form class="card" id="scan">
              <h2>{tr('scan.title')}</h2>
              <label for="s-tracking">{tr('scan.tracking')}</label>
              <input id="s-tracking" name="tracking" autocomplete="off" required maxlength={20} />
              <fieldset>
                <legend>{tr('scan.title')}</legend>
                <p>
                  <input type="radio" id="s-in" name="kind" value="ready_for_pickup" checked />{' '}
                  <label for="s-in">{tr('scan.in')}</label>
                </p>
                <p>
                  <input type="radio" id="s-drop" name="kind" value="received_at_point" />{' '}
                  <label for="s-drop">{tr('scan.dropoff')}</label>
                </p>
              </fieldset>
              <button type="submit">{tr('scan.save')}</button>
            </form>
            <form class="card" id="pickup">
              <h2>{tr('pickup.title')}</h2>
              <label for="p-tracking">{tr('scan.tracking')}</label>
              <input id="p-tracking" name="tracking" autocomplete="off" required maxlength={20} />
              <label for="p-code">{tr('pickup.code')}</label>
              <input
                id="p-code"
                name="code"
                inputmode="numeric"
                autocomplete="off"
                required
                maxlength={12}
              />
              <button type="submit">{tr('pickup.save')}</button>
            </form>
            <form class="card" id="cash">
              <h2>{tr('cash.title')}</h2>
              <label for="c-amount">{tr('cash.amount')}</label>
              <input id="c-amount" name="amount" inputmode="numeric" required maxlength={12} />
              <button type="submit">{tr('cash.save')}</button>
            </form>
          </div>
        </main>
      </body>
    </html>
  );
}

export function consoleRoutes() {
  const app = new Hono<AppEnv>();

  app.get(CONSOLE_PATH, async (c) => {
    const a = await currentAgent(c);
    return c.html(
      '<!doctype html>' +
        (<ConsolePage c={c} pointName={a.pointName} pointId={a.pointId} />).toString(),
    );
  });

  app.get('/agen/app.webmanifest', (c) => {
    const l = c.get('locale');
    return c.body(
      JSON.stringify({
        name: t(l, 'agentapp.title'),
        short_name: 'Lumbung Agen',
        lang: l,
        start_url: '/agen/hari-ini',
        scope: '/',
        display: 'standalone',
        background_color: '#fbf8f1',
        theme_color: '#7a3e00',
        icons: [192, 512].map((s) => ({
          src: `/agen/icon-${s}.png`,
          sizes: `${s}x${s}`,
          type: 'image/png',
          purpose: 'any',
        })),
        shortcuts: [{ name: t(l, 'agentapp.nav'), url: CONSOLE_PATH }],
      }),
      200,
      { 'content-type': 'application/manifest+json; charset=utf-8' },
    );
  });

  for (const size of [192, 512])
    app.get(`/agen/icon-${size}.png`, async (c) =>
      c.body(new Uint8Array(await icon(size)), 200, {
        'content-type': 'image/png',
        'cache-control': 'public, max-age=86400',
      }),
    );

  // Served from /agen/ but allowed the whole origin: the agent's pages live under /agen/ and /titik/.
  app.get('/agen/sw.js', async (c) =>
    c.body(new Uint8Array(await fileOnce('sw', () => readFile(join(WEB, 'agent', 'sw.js')))), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'service-worker-allowed': '/',
      'cache-control': 'no-cache',
    }),
  );
  return app;
}
