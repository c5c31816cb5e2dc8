// Production never accepts the demo world's accounts: it refuses to start while any remain
// (naming the command that removes them), refuses the demo password and demo accounts at
// sign-in, ignores their old sessions and tokens, and `lumbung demo remove` takes them out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import {
  createToken,
  createUser,
  DEMO_PASSWORD,
  DEMO_REMOVE_COMMAND,
  demoAccountsLeft,
  grantRole,
  hashToken,
  productionRefusal,
} from './index.js';
import { findCommand } from '../../kernel/cli/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { allMigrations } from '../../migrations.js';
import { createTestDb } from '../../../test/support/kernel/index.js';
import { PRODUCTION_TEST_ENV, testDatabaseUrl } from '../../../test/support/kernel/index.js';

/** The production environment these tests control (loadConfig reads nothing else). */
const PRODUCTION_ENV = PRODUCTION_TEST_ENV;
const SID = '__Host-lumbung_sid';
const GOOD = 'rahasia-desa-123';

let prod: World;
let demo: World;
before(async () => {
  prod = await createWorld({ env: PRODUCTION_ENV });
  demo = await createWorld();
});
after(async () => {
  await prod.close();
  await demo.close();
});

/** A user with a password and a grant; `isDemo` marks it as part of the demo world. */
async function person(
  w: World,
  o: { password: string; isDemo: boolean; role?: 'national_admin' | 'buyer' },
) {
  const phone = testPhone();
  const id = unwrap(
    await createUser(w.h.db, {
      displayName: o.isDemo ? 'Admin (demo)' : 'Ibu Nyata',
      phone,
      password: o.password,
      isDemo: o.isDemo,
    }),
  );
  unwrap(await grantRole(w.h.db, null, id, o.role ?? 'buyer', null));
  return { id, login: '0' + phone.slice(3) };
}

test('production: the demo password and demo accounts never sign in; a real account does, with a __Host- Secure cookie', async () => {
  const demoAdmin = await person(prod, {
    password: DEMO_PASSWORD,
    isDemo: true,
    role: 'national_admin',
  });
  const realWithDemoPassword = await person(prod, { password: DEMO_PASSWORD, isDemo: false });
  const real = await person(prod, { password: GOOD, isDemo: false });
  for (const who of [demoAdmin, realWithDemoPassword]) {
    const c = prod.client();
    const res = await c.form('/login', { login: who.login, password: DEMO_PASSWORD });
    assert.equal(res.status, 401, `${who.login} is refused`);
    assert.equal(c.cookies.get(SID), undefined);
  }
  const c = prod.client();
  const res = await c.form('/login', { login: real.login, password: GOOD });
  assert.equal(res.status, 303);
  const cookie = res.headers.getSetCookie().find((l) => l.startsWith(`${SID}=`));
  assert.ok(cookie, 'the session cookie carries the __Host- prefix');
  assert.match(cookie!, /; Path=\//);
  assert.match(cookie!, /; Secure/);
  assert.match(cookie!, /; HttpOnly/);
  assert.match(cookie!, /; SameSite=Lax/);
  assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
  assert.equal((await c.get('/api/v1/me')).status, 200);
});

test('production: an invitation cannot set the demo password (422 in the user language, nothing changed)', async () => {
  const admin = await prod.as('national_admin');
  const phone = testPhone();
  const res = await admin.form('/account/invite', {
    display_name: 'Ibu Baru',
    phone: '0' + phone.slice(3),
    role: 'buyer',
    scope_id: '',
  });
  assert.equal(res.status, 201);
  const code = (await res.text()).match(/\/invite\/([\w-]+)/)![1];
  const invited = prod.client();
  const refused = await invited.form(
    `/invite/${code}`,
    { password: DEMO_PASSWORD },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /The demo password cannot be used/);
  const user = await prod.h.db
    .selectFrom('users')
    .select(['status', 'password_hash'])
    .where('phone', '=', phone)
    .executeTakeFirstOrThrow();
  assert.deepEqual(user, { status: 'invited', password_hash: null });
  assert.equal((await invited.form(`/invite/${code}`, { password: GOOD })).status, 303);
});

test('production: a demo account’s old session and API token are refused', async () => {
  const demoAdmin = await person(prod, {
    password: DEMO_PASSWORD,
    isDemo: true,
    role: 'national_admin',
  });
  const now = new Date().toISOString();
  await prod.h.db
    .insertInto('sessions')
    .values({
      id: hashToken('demo-session'),
      user_id: demoAdmin.id,
      created_at: now,
      last_seen_at: now,
      idle_ms: 1800_000,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    })
    .execute();
  const c = prod.client();
  c.cookies.set(SID, 'demo-session');
  assert.equal((await c.get('/api/v1/me')).status, 401);
  const grant = await prod.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', demoAdmin.id)
    .executeTakeFirstOrThrow();
  const { token } = unwrap(
    await createToken(
      prod.h.db,
      { userId: demoAdmin.id, displayName: 'x', locale: null, grants: [], via: 'session' },
      'demo',
      grant.id,
    ),
  );
  assert.equal(
    (await prod.client().get('/api/v1/me', { authorization: `Bearer ${token}` })).status,
    401,
  );
});

test('demo mode: the demo password still opens the demo accounts', async () => {
  const demoAdmin = await person(demo, {
    password: DEMO_PASSWORD,
    isDemo: true,
    role: 'national_admin',
  });
  const res = await demo
    .client()
    .form('/login', { login: demoAdmin.login, password: DEMO_PASSWORD });
  assert.equal(res.status, 303);
});

test('`demo remove` disables every demo account and nothing else; then production may start', async () => {
  const db = prod.h.db;
  const real = await person(prod, { password: GOOD, isDemo: false });
  assert.ok((await demoAccountsLeft(db)) > 0);
  const refusal = await productionRefusal(db);
  assert.ok(refusal && refusal.includes(DEMO_REMOVE_COMMAND), refusal ?? '');
  const realGrants = await db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', real.id)
    .execute();
  const demoIds = (
    await db.selectFrom('users').select('id').where('is_demo', '=', 1).execute()
  ).map((r) => r.id);

  const found = findCommand(['demo', 'remove']);
  assert.ok(found, 'the command is registered');
  let out = '';
  const code = await found!.command.run(found!.args, {
    open: async () => ({ ...prod.h, close: async () => {} }),
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      out += s;
    },
  });
  assert.equal(code, 0);
  assert.match(out, new RegExp(`${demoIds.length} demo account`));

  assert.equal(await demoAccountsLeft(db), 0);
  assert.equal(await productionRefusal(db), null);
  for (const table of ['sessions', 'grants', 'api_tokens', 'invitations'] as const) {
    const left = await db
      .selectFrom(table)
      .select('user_id')
      .where('user_id', 'in', demoIds)
      .execute();
    assert.equal(left.length, 0, `no ${table} of demo accounts`);
  }
  const users = await db.selectFrom('users').selectAll().where('id', 'in', demoIds).execute();
  assert.ok(
    users.every(
      (u) =>
        u.status === 'disabled' && u.password_hash === null && u.phone === null && u.email === null,
    ),
  );
  const audited = await db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'user.demo_removed')
    .execute();
  assert.deepEqual(audited.map((a) => a.entity_id).sort(), [...demoIds].sort());
  assert.deepEqual(
    await db.selectFrom('grants').select('id').where('user_id', '=', real.id).execute(),
    realGrants,
    'real accounts untouched',
  );
  assert.equal(
    (await prod.client().form('/login', { login: real.login, password: GOOD })).status,
    303,
  );
  // Running it again changes nothing.
  assert.equal(
    await found!.command.run([], {
      open: async () => ({ ...prod.h, close: async () => {} }),
      stdout: () => {},
      stderr: () => {},
    }),
    0,
  );
  assert.equal(
    (
      await db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'user.demo_removed')
        .execute()
    ).length,
    demoIds.length,
  );
});

test('`lumbung serve` in production refuses a database holding demo accounts and names the command', {
  skip: testDatabaseUrl() ? 'the CLI is driven on a SQLite file' : false,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-demo-'));
  try {
    const path = join(dir, 'lumbung.db');
    const h = await createTestDb(allMigrations, { sqlitePath: path });
    // The areas the startup task would otherwise import on a first start.
    const { importRegions } = await import('../regions/index.js');
    await importRegions(h.db, { prefixes: ['53.09'] });
    const id = unwrap(
      await createUser(h.db, {
        displayName: 'Admin (demo)',
        phone: '+6281100000001',
        password: DEMO_PASSWORD,
        isDemo: true,
      }),
    );
    unwrap(await grantRole(h.db, null, id, 'national_admin', null));
    await h.close();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
        env: {
          PATH: process.env.PATH,
          ...PRODUCTION_ENV,
          LUMBUNG_DB_PATH: path,
          LUMBUNG_LOG_LEVEL: 'silent',
          PORT: '0',
          HOST: '127.0.0.1',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const refused = cli('serve');
    assert.equal(refused.status, 1, refused.stdout + refused.stderr);
    assert.match(
      refused.stderr,
      /Refusing to start in production mode: this database holds 1 demo account/,
    );
    assert.ok(refused.stderr.includes(DEMO_REMOVE_COMMAND));
    const removed = cli('demo', 'remove');
    assert.equal(removed.status, 0, removed.stdout + removed.stderr);
    assert.match(removed.stdout, /1 demo account\(s\) disabled/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
