// Partner orders through the API: placed idempotently under replays, only what the feed offers,
// only with a live token and a well-formed Idempotency-Key; read back by their partner alone.
// Builds its own accepted partnership (test/support/partners.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptPartnership,
  bearer,
  partnerOrderBody,
  partnersWorld,
  partnerToken as tokenFor,
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
  token = await partnerToken();
});
after(() => pw.close());

const partnerToken = () => tokenFor(w, pw.partnerId);
/** Every order of the world, whoever placed it. */
const orderCount = async () =>
  (
    await w.h.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const orderBody = (qty = 2) => partnerOrderBody(pw, qty);

test('orders in: idempotent under concurrent replays; other body → 422; not in feed → 422; nothing duplicated', async () => {
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
    .where('partner_id', '=', pw.partnerId)
    .execute();
  assert.equal(rows.length, 1, 'exactly one order');
  assert.deepEqual([rows[0].id, rows[0].channel], [first.orders[0].id, 'partner']);
  assert.equal(
    (await c.json('POST', '/api/v1/partner/orders', orderBody(3), key)).status,
    422,
    'same key, other body',
  );
  const before = await orderCount();
  for (const v of [pw.unlisted.variantId, pw.notPartnered.variantId]) {
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
  assert.equal(await orderCount(), before);
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
  token = await partnerToken();
});

test('a stranger gets 401 before the body is read; the Idempotency-Key is required and its format checked', async () => {
  const c = w.client();
  const before = await orderCount();
  const stranger = await c.json('POST', '/api/v1/partner/orders', {});
  assert.equal(stranger.status, 401, 'no token: 401, not 422 with the body rules');
  assert.equal(((await stranger.json()) as { code: string }).code, 'UNAUTHENTICATED');
  const bad = await c.json('POST', '/api/v1/partner/orders', orderBody(), {
    ...bearer(token),
    'idempotency-key': 'short',
  });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { code: string }).code, 'IDEMPOTENCY_KEY_REQUIRED');
  assert.equal(await orderCount(), before, 'nothing placed');
});

test("a partner reads its orders back (by id and as a filtered page) and lists pickup points; never another partner's", async () => {
  const c = w.client();
  token = await partnerToken();
  const placed = await c.json('POST', '/api/v1/partner/orders', orderBody(1), {
    ...bearer(token),
    'idempotency-key': 'pn-readback-0001',
  });
  assert.equal(placed.status, 201);
  const { orders, externalId } = (await placed.json()) as {
    orders: { id: string; number: string }[];
    externalId: string;
  };
  assert.equal(externalId, 'PN-8842');
  const one = await c.get(`/api/v1/partner/orders/${orders[0].id}`, bearer(token));
  assert.equal(one.status, 200);
  const o = (await one.json()) as {
    number: string;
    status: string;
    paymentMethod: string;
    delivery: { kind: string; servicePointId: string };
    lines: { variantId: string; qty: number }[];
  };
  assert.deepEqual(
    [o.number, o.status, o.paymentMethod, o.delivery.kind, o.delivery.servicePointId],
    [orders[0].number, 'placed', 'cod', 'pickup', pw.pointId],
  );
  assert.deepEqual(
    o.lines.map((l) => [l.variantId, l.qty]),
    [[pw.listed.variantId, 1]],
  );

  const page = (await (
    await c.get('/api/v1/partner/orders?status=placed&perPage=200', bearer(token))
  ).json()) as { items: { id: string; status: string }[]; hasMore: boolean };
  assert.ok(page.items.some((i) => i.id === orders[0].id));
  assert.ok(page.items.every((i) => i.status === 'placed'));
  const later = (await (
    await c.get(
      `/api/v1/partner/orders?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      bearer(token),
    )
  ).json()) as { items: unknown[] };
  assert.deepEqual(later.items, [], 'nothing changed after a future time');
  assert.equal((await c.get('/api/v1/partner/orders?status=lost', bearer(token))).status, 422);

  const other = await w.as([['partner', pw.otherPartner]]);
  assert.equal(
    (await other.get(`/api/v1/partner/orders/${orders[0].id}`)).status,
    404,
    "another partner's order is not found",
  );
  assert.ok(
    !(
      (await (await other.get('/api/v1/partner/orders')).json()) as { items: { id: string }[] }
    ).items.some((i) => i.id === orders[0].id),
  );
  assert.equal((await w.client().get(`/api/v1/partner/orders/${orders[0].id}`)).status, 401);

  const points = (await (
    await c.get(`/api/v1/partner/service-points?region=${pw.village}`, bearer(token))
  ).json()) as { items: { id: string; villageCode: string }[] };
  assert.ok(points.items.some((p) => p.id === pw.pointId));
  assert.ok(points.items.every((p) => p.villageCode === pw.village));
});
