// Service worker of the agent's console (issue 18). Keeps the console shell and the agent's
// pages (/agen/…, /titik/…) for offline use: pages network-first (fresh when there is
// signal, the last copy without), static files and 160 px photos cache-first. It never
// touches the API or any write: the console's own queue (IndexedDB) does the offline work.
'use strict';
const CACHE = 'lumbung-agent-v1';
const SHELL = ['/agen/konsol', '/static/app.css', '/static/agent/console.js', '/static/icon.svg'];

self.addEventListener('install', (ev) => {
  ev.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const agentPage = (p) => p.startsWith('/agen/') || p.startsWith('/titik/');
const keepable = (p) => p.startsWith('/static/') || /^\/media\/.+-160\.webp$/.test(p);

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok && !res.redirected) await cache.put(req, res.clone());
    return res;
  } catch {
    // Offline: the last copy of this page, else the console (which works without signal).
    return (
      (await cache.match(req, { ignoreSearch: false })) ??
      (await cache.match('/agen/konsol')) ??
      Response.error()
    );
  }
}

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  const fresh = fetch(req)
    .then(async (res) => {
      if (res.ok) await cache.put(req, res.clone());
      return res;
    })
    .catch(() => null);
  return hit ?? (await fresh) ?? Response.error();
}

// Signing out forgets the signed-in pages kept for offline use, before the server ends the
// session: a phone shared at the point shows the next person nothing of the last agent's day.
async function forgetPages() {
  const cache = await caches.open(CACHE);
  for (const req of await cache.keys())
    if (agentPage(new URL(req.url).pathname)) await cache.delete(req);
}

self.addEventListener('fetch', (ev) => {
  const req = ev.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST' && url.pathname === '/logout') {
    ev.respondWith(forgetPages().then(() => fetch(req)));
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate' && agentPage(url.pathname)) ev.respondWith(networkFirst(req));
  else if (keepable(url.pathname)) ev.respondWith(cacheFirst(req));
});
