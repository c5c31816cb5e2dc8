// Partner orders in through the API: idempotent under replays, only what the feed offers, and
// only with a live token. Builds its own accepted partnership (test/support/partners.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptPartnership,
  bearer,
  partnerOrderBody,
  partnersWorld,
  partnerToken,
  type PartnersWorld,
} from '../../../test/support/partners.js';
import type { World } from '../../../test/support/world.js';
import { nowIso } from '../../kernel/db/index.js';
import { hashToken } from '../accounts/index.js';

let pw: PartnersWorld;
let w: World;
let token: string;

before(async () => {
  pw = await partnersWorld();
  w = pw.w;
  await acceptPartnership(pw);
  token = await partnerToken(w, pw.partnerId);
});
after(() => pw.close());

const orderBody = (qty = 2) => partnerOrderBody(pw, qty);

test('orders in: idempotent under concurrent replays; other body → 422; not in feed → 422; nothing duplicated', async () => {
  const { partnerId, unlisted, notPartnered } = pw;
  const c = w.client();
  const key = { ...bearer(token), 'idempotency-key': 'pn-order-8842-a' };
  const results = await Promise.all(
    Array.from({ length: 10 }, () => c.json('POST', '/api/v1/partner/orders', orderBody(), key)),
  );
  const ok = results.filter((r) => r.status === 201);
  assert.ok(ok.length >= 1);
  for (const r of results) assert.ok([201, 409].includes(r.status), `status ${r.status}`);
  const replay = await c.json('POST', '/api/v1/partner/orders', orderBody(), key);
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'a replay says so');
  const first = (await replay.json()) as { orders: { id: string }[] };
  const rows = await w.h.db
    .selectFrom('orders')
    .select(['id', 'channel', 'partner_id'])
    .where('partner_id', '=', partnerId)
    .execute();
  assert.equal(rows.length, 1, 'exactly one order');
  assert.deepEqual([rows[0].id, rows[0].channel], [first.orders[0].id, 'partner']);
  assert.equal(
    (await c.json('POST', '/api/v1/partner/orders', orderBody(3), key)).status,
    422,
    'same key, other body',
  );
  const before = (
    await w.h.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  for (const v of [unlisted.variantId, notPartnered.variantId]) {
    const r = await c.json(
      'POST',
      '/api/v1/partner/orders',
      { ...orderBody(), lines: [{ variantId: v, qty: 1 }] },
      { ...bearer(token), 'idempotency-key': `pn-bad-${v}` },
    );
    assert.equal(r.status, 422);
    const p = (await r.json()) as {
      code: string;
      title: string;
      detail: string;
      variants: string[];
    };
    assert.equal(p.code, 'PARTNERS_NOT_IN_FEED');
    assert.deepEqual(p.variants, [v], 'the variants not in the feed, as data');
    assert.ok(p.detail.includes(v), 'the occurrence is in detail');
    assert.ok(!p.title.includes(v), 'the title is the same for every occurrence');
  }
  assert.equal(
    (await c.json('POST', '/api/v1/partner/orders', orderBody(), bearer(token))).status,
    400,
    'an Idempotency-Key is required',
  );
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    before,
  );
  await w.h.db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('token_hash', '=', hashToken(token))
    .execute();
  assert.equal(
    (
      await c.json('POST', '/api/v1/partner/orders', orderBody(), {
        ...bearer(token),
        'idempotency-key': 'pn-order-revoked',
      })
    ).status,
    401,
    'a revoked token is refused',
  );
});
