// The village agent's offline console (issue 18). Progressive enhancement of /agen/konsol:
// every action is stored in IndexedDB the moment it happens (client id, idempotency key,
// device time) and listed as "waiting for signal"; the queue is sent in order when the
// connection returns or on demand, and each entry leaves the queue only once the server
// answered applied or refused, so closing the phone mid-sync loses nothing and a resend is
// harmless (the server replays its first answer). No framework, no inline script (CSP).
'use strict';
(() => {
  const root = document.getElementById('agentapp');
  if (!root || !window.indexedDB) return;
  const W = JSON.parse(root.dataset.words);
  const point = root.dataset.point;
  const csrf = root.dataset.csrf;
  const $ = (id) => document.getElementById(id);
  for (const el of document.querySelectorAll('.js-off')) el.hidden = true;
  root.hidden = false;

  // --- ids: prefixed ULIDs, as the server mints them (time-sortable, 80 random bits) ---
  const A = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const ulid = () => {
    let t = Date.now();
    let s = '';
    for (let i = 0; i < 10; i++) {
      s = A[t % 32] + s;
      t = Math.floor(t / 32);
    }
    for (const b of crypto.getRandomValues(new Uint8Array(16))) s += A[b & 31];
    return s;
  };

  // --- IndexedDB: one database per service point; the queue and a key-value store ---
  let dbp = null;
  const open = () =>
    (dbp ??= new Promise((res, rej) => {
      const r = indexedDB.open(`lumbung-agent-${point}`, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        r.result.createObjectStore('kv');
      };
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    }));
  const req = (r) =>
    new Promise((res, rej) => {
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  const store = async (name, mode = 'readonly') =>
    (await open()).transaction(name, mode).objectStore(name);
  const get = async (k) => req((await store('kv')).get(k));
  const put = async (k, v) => req((await store('kv', 'readwrite')).put(v, k));
  const queued = async () => req((await store('queue')).getAll());
  const enqueue = async (e) => req((await store('queue', 'readwrite')).add(e));
  const dequeue = async (seq) => req((await store('queue', 'readwrite')).delete(seq));

  const rupiah = (n) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;
  const fill = (s, p) => s.replace(/\{(\w+)\}/g, (_, k) => (k in p ? String(p[k]) : `{${k}}`));
  const li = (text, cls) => {
    const el = document.createElement('li');
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  };
  let said = 0;
  const say = (text, error) => {
    said++;
    const m = $('msg');
    m.textContent = text;
    m.className = error ? 'error' : 'notice';
    m.hidden = false;
  };

  // --- snapshots: catalogue (ETag + changedSince) and the point's parcels ---
  let catalogue = {};
  let parcels = [];
  const loadLocal = async () => {
    catalogue = (await get('catalogue')) ?? {};
    parcels = (await get('parcels')) ?? [];
  };
  async function refresh() {
    const stamp = await get('catStamp');
    const r = await fetch(
      `/api/v1/agent/catalogue${stamp ? `?changedSince=${encodeURIComponent(stamp)}` : ''}`,
      { headers: { 'if-none-match': (await get('catEtag')) ?? '' }, cache: 'no-store' },
    );
    if (r.status === 401) return showLogin();
    if (r.status === 200) {
      const s = await r.json();
      if (s.full) catalogue = {};
      for (const [v, p, title, label, price, stock, photo, buyable] of s.items)
        if (buyable) catalogue[v] = { v, p, title, label, price, stock, photo };
        else delete catalogue[v];
      await put('catalogue', catalogue);
      await put('catStamp', s.stamp);
      await put('catEtag', r.headers.get('etag') ?? '');
    }
    const pr = await fetch('/api/v1/agent/parcels', { cache: 'no-store' });
    if (pr.status === 200) {
      parcels = (await pr.json()).items;
      await put('parcels', parcels);
    }
    await put('snapAt', new Date().toISOString());
    renderSnap();
    keepPhotos();
  }
  // The 160 px photos are kept for offline use as well, after the snapshot and one at a time
  // (gentle on EDGE, outside the first install's budget); the service worker's cache holds
  // them, so a photo already kept is never fetched again.
  async function keepPhotos() {
    if (!('caches' in window)) return;
    const cache = await caches.open('lumbung-agent-v1');
    for (const { photo } of Object.values(catalogue)) {
      if (!photo || !navigator.onLine) continue;
      if (!(await cache.match(photo))) await cache.add(photo).catch(() => {});
    }
  }
  async function renderSnap() {
    const at = await get('snapAt');
    $('snap').textContent = fill(W.snapshot, {
      products: Object.keys(catalogue).length,
      parcels: parcels.length,
      at: at ? new Date(at).toLocaleString() : '—',
    });
  }

  // --- the queue and the sync report ---
  async function record(kind, payload, label) {
    const id = ulid();
    const mark = said;
    await enqueue({
      clientId: `act_${id}`,
      idempotencyKey: `${kind}_${id}`,
      kind,
      deviceAt: new Date().toISOString(),
      payload,
      label,
    });
    // A slow phone may finish this write after the agent's next step said something (a wrong
    // pickup code): that message stays.
    if (said === mark) say(W.saved);
    await renderQueue();
    if (navigator.onLine) sync();
  }
  async function renderQueue() {
    const q = await queued();
    const ul = $('queue');
    ul.replaceChildren(
      ...(q.length
        ? q.map((e) => li(`${W[`kind.${e.label.kind}`]}: ${e.label.text} — ${W['queue.title']}`, 'waiting'))
        : [li(W['queue.empty'])]),
    );
  }
  async function renderReport() {
    const rep = (await get('report')) ?? [];
    $('report-box').hidden = rep.length === 0;
    $('report').replaceChildren(
      ...rep.map((e) => {
        const el = li(`${W[`kind.${e.label.kind}`]}: ${e.label.text} — ${W[`report.${e.outcome}`]}`, e.outcome);
        el.dataset.outcome = e.outcome;
        for (const line of [e.reason, e.advice].filter(Boolean)) {
          const p = document.createElement('p');
          p.textContent = line;
          el.append(p);
        }
        return el;
      }),
    );
  }

  // One sync at a time: a second request joins the running one instead of sending the same
  // queue alongside it (the server would answer one of the two "retry").
  let syncing = null;
  const sync = () => (syncing ??= runSync().finally(() => (syncing = null)));
  async function runSync() {
    $('sync').textContent = W['queue.syncing'];
    try {
      let deviceId = await get('deviceId');
      if (!deviceId) await put('deviceId', (deviceId = `dev_${ulid()}`));
      for (;;) {
        const q = (await queued()).slice(0, 100);
        if (q.length === 0) break;
        const r = await fetch('/api/v1/agent/sync', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({
            deviceId,
            actions: q.map(({ clientId, idempotencyKey, kind, deviceAt, payload }) => ({
              clientId,
              idempotencyKey,
              kind,
              deviceAt,
              payload,
            })),
          }),
        });
        if (r.status === 401) return showLogin();
        if (!r.ok) break;
        const { results } = await r.json();
        const rep = (await get('report')) ?? [];
        let moved = 0;
        for (const res of results) {
          const e = q.find((x) => x.clientId === res.clientId);
          if (!e || res.outcome === 'retry') continue;
          rep.unshift({ label: e.label, outcome: res.outcome, reason: res.reason, advice: res.advice });
          await dequeue(e.seq);
          moved++;
        }
        await put('report', rep.slice(0, 200));
        await renderQueue();
        await renderReport();
        if (moved === 0) break;
      }
      await refresh();
    } catch {
      // No signal (or it dropped mid-request): everything stays queued for the next try.
    } finally {
      $('sync').textContent = W['queue.sync'];
    }
  }

  // --- a session that expired while offline: sign in again, then continue the same queue ---
  function showLogin() {
    $('relogin').hidden = false;
    $('rl-pass').focus();
  }
  $('relogin').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = new URLSearchParams({
      _csrf: csrf,
      login: $('rl-login').value,
      password: $('rl-pass').value,
      next: '/agen/konsol',
    });
    try {
      const r = await fetch('/login', { method: 'POST', body, redirect: 'manual' });
      if (r.type !== 'opaqueredirect' && r.status !== 303) throw new Error('login');
      $('relogin').hidden = true;
      $('rl-pass').value = '';
      $('rl-error').textContent = '';
      // A sync still waiting for its 401 would otherwise be joined and end without sending.
      await syncing;
      sync();
    } catch {
      $('rl-error').textContent = W['relogin.failed'];
    }
  });

  // --- assisted order from the catalogue on the phone ---
  let basket = [];
  const total = () => basket.reduce((s, b) => s + b.price * b.qty, 0);
  function renderBasket() {
    $('basket').replaceChildren(
      ...basket.map((b) => li(`${b.qty} × ${b.title} (${b.label}) — ${rupiah(b.price * b.qty)}`)),
    );
    $('o-total').textContent = rupiah(total());
  }
  $('o-q').addEventListener('input', () => {
    const q = $('o-q').value.trim().toLowerCase();
    const hits = q
      ? Object.values(catalogue)
          .filter((c) => `${c.title} ${c.label}`.toLowerCase().includes(q))
          .slice(0, 20)
      : [];
    $('found').replaceChildren(
      ...hits.map((c) => {
        const el = li(`${c.title} (${c.label}) — ${rupiah(c.price)} · ${fill(W['order.stock'], { n: c.stock })} `);
        if (c.photo) {
          // 160 px, kept by the service worker once shown.
          const img = document.createElement('img');
          img.src = c.photo;
          img.alt = '';
          img.width = 48;
          img.height = 48;
          img.loading = 'lazy';
          el.prepend(img);
        }
        const qty = document.createElement('input');
        qty.type = 'number';
        qty.min = '1';
        qty.max = '999';
        qty.value = '1';
        qty.setAttribute('aria-label', `${W['order.qty']} ${c.title}`);
        const add = document.createElement('button');
        add.type = 'button';
        add.textContent = W['order.add'];
        add.setAttribute('aria-label', `${W['order.add']} ${c.title}`);
        add.addEventListener('click', () => {
          const n = Math.max(1, Math.min(999, Number(qty.value) || 1));
          const have = basket.find((b) => b.variantId === c.v);
          if (have) have.qty += n;
          else basket.push({ variantId: c.v, title: c.title, label: c.label, price: c.price, qty: n });
          renderBasket();
        });
        el.append(qty, add);
        return el;
      }),
    );
  });
  // Each handler takes what the form holds and clears it before its first await: an agent
  // who starts the next order (or scan) while the phone is still writing the last one must
  // not have the new entry wiped, or merged into the previous one, when that write finishes.
  $('order').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const name = $('o-name').value.trim();
    if (!basket.length || name.length < 2 || !$('o-consent').checked)
      return say(W['order.consent'], true);
    const payload = {
      groupId: `grp_${ulid()}`,
      lines: basket.map((b) => ({ variantId: b.variantId, qty: b.qty, unitPrice: b.price })),
      buyer: { name, phone: $('o-phone').value.trim() || null },
      consent: true,
    };
    const text = `${name} · ${rupiah(total())}`;
    basket = [];
    renderBasket();
    ev.target.reset();
    $('found').replaceChildren();
    await record('order', payload, { kind: 'order', text });
  });

  // --- scans and the hand-over against the code held as a salted hash ---
  $('scan').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const tracking = $('s-tracking').value.trim().toUpperCase();
    const kind = ev.target.elements.kind.value;
    $('s-tracking').value = '';
    await record('scan', { tracking, kind }, { kind: 'scan', text: tracking });
  });
  const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const unhex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
  async function codeMatches(check, code) {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(code), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', salt: unhex(check.salt), iterations: check.rounds, hash: 'SHA-256' },
      key,
      256,
    );
    return hex(bits) === check.hash;
  }
  $('pickup').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const tracking = $('p-tracking').value.trim().toUpperCase();
    const code = $('p-code').value.trim();
    const parcel = parcels.find((p) => p.tracking === tracking && p.stage === 'waiting');
    if (!parcel?.codeCheck) return say(W['pickup.unknown'], true);
    if (!(await codeMatches(parcel.codeCheck, code))) return say(W['pickup.wrong'], true);
    parcel.stage = 'handed';
    ev.target.reset();
    await put('parcels', parcels);
    await record('scan', { tracking, kind: 'delivered', pickupCode: code }, { kind: 'pickup', text: tracking });
  });
  $('cash').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const amount = Number($('c-amount').value.replace(/\D/g, ''));
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    ev.target.reset();
    await record('cash', { day, amount }, { kind: 'cash', text: rupiah(amount) });
  });

  // --- connection state ---
  const net = () => ($('net').textContent = navigator.onLine ? W['status.online'] : W['status.offline']);
  window.addEventListener('online', () => {
    net();
    sync();
  });
  window.addEventListener('offline', net);
  $('sync').addEventListener('click', () => sync());
  net();
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/agen/sw.js', { scope: '/' });
  loadLocal()
    .then(() => Promise.all([renderSnap(), renderQueue(), renderReport()]))
    .then(() => navigator.onLine && sync());
})();
