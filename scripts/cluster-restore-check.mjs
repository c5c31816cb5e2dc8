// The backup half of scripts/cluster.sh (issue 19): after `pg_dump` of the primary was restored
// into a fresh database and a Lumbung node started on it, the restored database holds exactly
// the primary's orders (same count, same ids) and a demo user signs in on the restored node.
import assert from 'node:assert/strict';
import pg from 'pg';

const env = process.env;
const C = `http://127.0.0.1:${env.CLUSTER_C}`;

async function orders(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(
    `select count(*)::int as n, md5(coalesce(string_agg(id, ',' order by id), '')) as ids from orders`,
  );
  await c.end();
  return rows[0];
}

try {
  console.log('-- 7. a pg_dump of the primary restores into a fresh database that serves');
  const [before, after] = [await orders(env.CLUSTER_PRIMARY), await orders(env.CLUSTER_RESTORED)];
  assert.ok(before.n > 0, 'the primary has orders');
  assert.equal(after.n, before.n, `restored orders ${after.n}, primary ${before.n}`);
  assert.equal(after.ids, before.ids, 'the same order ids');
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${C}/login`));
  const res = await fetch(`${C}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: C, cookie: cookie() },
    body: new URLSearchParams({
      _csrf: jar.get('lumbung_csrf'),
      login: env.CLUSTER_LOGIN,
      password: env.CLUSTER_PASSWORD,
    }),
  });
  assert.equal(res.status, 303, `login on the restored node answers 303, got ${res.status}`);
  keep(res);
  const me = await fetch(`${C}/me`, { redirect: 'manual', headers: { cookie: cookie() } });
  assert.equal(me.status, 200, `GET /me on the restored node: ${me.status}`);
  console.log(
    `   restore: ${after.n} orders, same ids as the primary; a demo user signed in on it`,
  );
} catch (e) {
  console.error(`cluster: FAILED: ${e.message}`);
  process.exitCode = 1;
}
