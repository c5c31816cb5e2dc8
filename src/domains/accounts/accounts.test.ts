import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { createUser, grantRole, invite, LOGIN_FAILURE_LIMIT } from './index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { hashPassword, type Actor } from '../../kernel/auth/index.js';
import { verifyAudit } from '../../kernel/audit/index.js';
import { HOSTILE_TARGETS } from '../../../test/support/kernel/index.js';

let w: World;
const PASSWORD = 'rahasia-desa-123';
let phone: string;
let userId: string;

before(async () => {
  w = await createWorld();
  phone = testPhone();
  userId = unwrap(await createUser(w.h.db, { displayName: 'Ibu Sari', phone, password: PASSWORD }));
  unwrap(await grantRole(w.h.db, null, userId, 'buyer', null));
});
after(() => w.close());

const local = (e164: string) => '0' + e164.slice(3);

test('login by phone in any common form, session rotates, logout revokes', async () => {
  const c = w.client();
  await c.get('/login');
  c.cookies.set('lumbung_sid', 'stale-session-from-before');
  const res = await c.form('/login', {
    login: local(phone).replace(/(\d{4})(\d{4})/, '$1-$2-'),
    password: PASSWORD,
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/me');
  const sid = c.cookies.get('lumbung_sid');
  assert.ok(sid && sid !== 'stale-session-from-before');
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as any).displayName, 'Ibu Sari');
  const home = await (await c.get('/me')).text();
  assert.match(home, /Ibu Sari/);

  // A second login replaces the session id (fixation defence).
  await c.form('/login', { login: phone, password: PASSWORD });
  const sid2 = c.cookies.get('lumbung_sid');
  assert.notEqual(sid2, sid);
  const old = w.client();
  old.cookies.set('lumbung_sid', sid!);
  assert.equal(
    (await old.get('/api/v1/me')).status,
    401,
    'the rotated-away session no longer works',
  );

  assert.equal((await c.form('/logout', {})).status, 303);
  const after = w.client();
  after.cookies.set('lumbung_sid', sid2!);
  assert.equal(
    (await after.get('/api/v1/me')).status,
    401,
    'logout revoked the session server-side',
  );
});

test('wrong password: clear message in the user language, no session', async () => {
  const c = w.client();
  const res = await c.form(
    '/login',
    { login: phone, password: 'salah' },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(res.status, 401);
  assert.match(await res.text(), /Wrong mobile number\/email or password/);
  assert.equal(c.cookies.get('lumbung_sid'), undefined);
  const res2 = await w.client().form('/login', { login: phone, password: 'salah' });
  assert.match(await res2.text(), /kata sandi salah/);
});

test('login failures are limited per account; the window ends', async () => {
  const p = testPhone();
  unwrap(await createUser(w.h.db, { displayName: 'Target', phone: p, password: PASSWORD }));
  for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
    await w.h.db
      .insertInto('rate_limits')
      .values({
        bucket: `login:acct:${p}`,
        count: LOGIN_FAILURE_LIMIT,
        reset_at: new Date(Date.now() + 3600_000).toISOString(),
      })
      .onConflict((oc) => oc.column('bucket').doNothing())
      .execute();
  }
  const c = w.client();
  const res = await c.form('/login', { login: p, password: PASSWORD });
  assert.equal(res.status, 429, 'even the right password is refused while the account is limited');
  // The window is an hour, never permanent.
  await w.h.db
    .updateTable('rate_limits')
    .set({ reset_at: new Date(Date.now() - 1).toISOString() })
    .where('bucket', '=', `login:acct:${p}`)
    .execute();
  assert.equal((await c.form('/login', { login: p, password: PASSWORD })).status, 303);
});

test('real failures count up to the limit', async () => {
  const p = testPhone();
  unwrap(await createUser(w.h.db, { displayName: 'Counted', phone: p, password: PASSWORD }));
  const c = w.client();
  for (let i = 0; i < 3; i++) await c.form('/login', { login: p, password: 'wrong' });
  const row = await w.h.db
    .selectFrom('rate_limits')
    .selectAll()
    .where('bucket', '=', `login:acct:${p}`)
    .executeTakeFirst();
  assert.equal(row?.count, 3);
});

test('a hash made with old argon2 parameters is upgraded at login', async () => {
  const p = testPhone();
  const id = unwrap(await createUser(w.h.db, { displayName: 'Old hash', phone: p }));
  const weak = await hashPassword(PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
  await w.h.db
    .updateTable('users')
    .set({ password_hash: weak, status: 'active' })
    .where('id', '=', id)
    .execute();
  assert.equal((await w.client().form('/login', { login: p, password: PASSWORD })).status, 303);
  const row = await w.h.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.match(row.password_hash!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

test('staff sessions end after 30 minutes idle', async () => {
  const c = await w.as('national_admin');
  assert.equal((await c.get('/api/v1/me')).status, 200);
  await w.h.db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
    .where('user_id', '=', c.userId)
    .execute();
  assert.equal((await c.get('/api/v1/me')).status, 401);
});

test('forms without the CSRF token or from another origin are refused and change nothing', async () => {
  const c = w.client();
  const noToken = await c.form('/login', { login: phone, password: PASSWORD }, { csrf: null });
  assert.equal(noToken.status, 403);
  const foreign = await c.form(
    '/login',
    { login: phone, password: PASSWORD },
    { headers: { origin: 'http://evil.localhost:4000' } },
  );
  assert.equal(foreign.status, 403);
  const crossSite = await c.form(
    '/login',
    { login: phone, password: PASSWORD },
    { headers: { 'sec-fetch-site': 'cross-site' } },
  );
  assert.equal(crossSite.status, 403);
  assert.equal(c.cookies.get('lumbung_sid'), undefined);
});

test('invitations: staff invite inside their scope only; the invitee sets a password once', async () => {
  const admin = await w.as('national_admin');
  const p = testPhone();
  const res = await admin.form('/account/invite', {
    display_name: 'Pak Yohanes',
    phone: p,
    role: 'buyer',
    scope_id: '',
  });
  assert.equal(res.status, 201);
  const code = /<code class="big">([^<]+)<\/code>/.exec(await res.text())![1];
  const invitee = w.client();
  assert.equal((await invitee.get(`/invite/${code}`)).status, 200);
  assert.equal((await invitee.form(`/invite/${code}`, { password: 'short' })).status, 422);
  assert.equal(
    (await invitee.form(`/invite/${code}`, { password: 'panjang-sekali-123' })).status,
    303,
  );
  assert.equal((await invitee.get('/api/v1/me')).status, 200);
  assert.equal((await w.client().get(`/invite/${code}`)).status, 404, 'the code works once');

  const bad = await admin.form('/account/invite', {
    display_name: 'X',
    phone: '123',
    role: 'buyer',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Nomor HP Indonesia tidak sah/);
  const buyer = await w.as('buyer');
  assert.equal(
    (await buyer.form('/account/invite', { display_name: 'X', phone: testPhone(), role: 'buyer' }))
      .status,
    403,
  );
});

test('API tokens: shown once, stored hashed, scoped to one grant, revocable', async () => {
  const admin = await w.as([
    ['national_admin', null],
    ['buyer', null],
  ]);
  const grants = await w.h.db
    .selectFrom('grants')
    .selectAll()
    .where('user_id', '=', admin.userId)
    .execute();
  const buyerGrant = grants.find((g) => g.role === 'buyer')!;
  const res = await admin.form('/account/tokens', { name: 'integrasi', grant_id: buyerGrant.id });
  assert.equal(res.status, 201);
  const token = /data-testid="new-token">([^<]+)</.exec(await res.text())![1];
  const stored = await w.h.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', admin.userId)
    .executeTakeFirstOrThrow();
  assert.notEqual(stored.token_hash, token);
  assert.ok(
    !(await (await admin.get('/account/tokens')).text()).includes(token),
    'never shown again',
  );
  const api = w.client();
  const me = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
  assert.equal(me.status, 200);
  assert.deepEqual(
    ((await me.json()) as any).grants.map((g: any) => g.role),
    ['buyer'],
    'the token holds only its grant',
  );
  await admin.form(`/account/tokens/${stored.id}/revoke`, {});
  assert.equal((await api.get('/api/v1/me', { authorization: `Bearer ${token}` })).status, 401);
  assert.equal((await api.get('/api/v1/me', { authorization: 'Bearer lmb_nonsense' })).status, 401);
});

test('every state change above left an intact audit chain', async () => {
  const r = await verifyAudit(w.h.db);
  assert.ok(r.ok && r.rows > 5);
});

test('language: user setting, then cookie, then Accept-Language', async () => {
  const c = w.client();
  assert.match(await (await c.get('/', { 'accept-language': 'en' })).text(), /lang="en"/);
  await c.form('/lang', { to: 'en', back: '/' });
  assert.match(await (await c.get('/')).text(), /lang="en"/);
  const s = await w.as('buyer');
  await s.form('/lang', { to: 'en', back: '/' });
  s.cookies.delete('lumbung_lang');
  assert.match(
    await (await s.get('/')).text(),
    /lang="en"/,
    'the signed-in user keeps the choice without the cookie',
  );
});

test('after sign-in and after the language switch, a redirect never leaves the site', async () => {
  const stays = (location: string | null) => {
    assert.ok(location, 'a Location is sent');
    assert.ok(
      !/[\\\s]/.test(location!) && !location!.startsWith('//'),
      `Location ${JSON.stringify(location)}`,
    );
    assert.equal(
      new URL(location!, 'http://localhost').origin,
      'http://localhost',
      `Location ${JSON.stringify(location)}`,
    );
  };
  const c = w.client();
  // A target with a control character other than tab/CR/LF is refused before the route (422, no
  // Location at all); every other one signs in and stays on the site.
  const refusedEarly = (s: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
  for (const next of HOSTILE_TARGETS) {
    const res = await c.form('/login', { login: phone, password: PASSWORD, next });
    const lang = await c.form('/lang', { to: 'id', back: next });
    if (refusedEarly(next)) {
      assert.equal(res.status, 422, `next=${JSON.stringify(next)}`);
      assert.equal(res.headers.get('location'), null);
      assert.equal(lang.status, 422);
      continue;
    }
    assert.equal(res.status, 303);
    stays(res.headers.get('location'));
    assert.equal(res.headers.get('location'), '/me', `next=${JSON.stringify(next)}`);
    assert.equal(lang.status, 303);
    assert.equal(lang.headers.get('location'), '/', `back=${JSON.stringify(next)}`);
  }
  const ok = await c.form('/login', { login: phone, password: PASSWORD, next: '/cari?q=gula' });
  assert.equal(ok.headers.get('location'), '/cari?q=gula');
  assert.equal(
    (await c.form('/lang', { to: 'en', back: '/produk/x?y=1' })).headers.get('location'),
    '/produk/x?y=1',
  );
});

test('an invitation whose grant is refused leaves no user behind (one transaction)', async () => {
  const admin: Actor = {
    userId: 'usr_test_admin',
    displayName: 'Admin',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const p = testPhone();
  const users = async () =>
    (await w.h.db.selectFrom('users').select('id').where('phone', '=', p).execute()).length;
  const r = await invite(w.h.db, admin, {
    displayName: 'Ibu Tanpa Lingkup',
    phone: p,
    role: 'community_manager',
    scopeId: 'org_does_not_exist',
  });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'ACCOUNTS_UNKNOWN_SCOPE');
  assert.equal(await users(), 0, 'the user created before the grant was rolled back');
});
