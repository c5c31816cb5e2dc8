// Standing orders by JSON: a buyer subscribes on a repeating cycle and lists, skips, pauses,
// resumes and cancels it; an agent records one for a household at their point (consent
// required); nobody else sees or moves either; a refused move names the status in words and
// writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';

let w: World;
let cw: CycleWorld;
let cycleId: string;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 2, points: 2, stock: 500 });
  cycleId = await makeCycle(w.h, cw);
});
after(() => w.close());

interface Item {
  id: string;
  status: string;
  skipNext: boolean;
  viaAgent: boolean;
  point: string;
  series: string;
  lines: { variantId: string; title: string; qty: number }[];
}
const items = async (client: { get(p: string): Promise<Response> }) => {
  const r = await client.get('/api/v1/standing-orders');
  assert.equal(r.status, 200);
  return ((await r.json()) as { items: Item[] }).items;
};
const standingRows = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('standing_orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test("a buyer's standing order by API: subscribe, list, skip, pause, resume, cancel", async () => {
  const buyer = await w.as('buyer');
  const made = await buyer.json('POST', '/api/v1/standing-orders', {
    cycleId,
    lines: [{ variantId: cw.variants[0].variantId, qty: 2 }],
    buyer: { name: 'Ibu Maria', phone: '081234567001' },
    servicePointId: cw.points[0],
    paymentMethod: 'transfer',
  });
  assert.equal(made.status, 201);
  const { id } = (await made.json()) as { id: string };
  const [mine] = await items(buyer);
  assert.equal(mine.id, id);
  assert.equal(mine.status, 'active');
  assert.equal(mine.viaAgent, false);
  assert.equal(mine.series, 'Pasar Kamis');
  assert.equal(mine.point, 'Titik 1');
  assert.deepEqual(
    mine.lines.map((l) => [l.variantId, l.qty]),
    [[cw.variants[0].variantId, 2]],
  );

  const move = (action: string, client = buyer) =>
    client.json('POST', `/api/v1/standing-orders/${id}/${action}`, {}, { 'accept-language': 'en' });
  assert.equal((await move('skip')).status, 200);
  assert.equal((await items(buyer))[0].skipNext, true);
  const paused = await move('pause');
  assert.deepEqual(await paused.json(), { id, status: 'paused' });
  const again = await buyer.json('POST', `/api/v1/standing-orders/${id}/pause`, {});
  assert.equal(again.status, 409);
  const problem = (await again.json()) as { code: string; detail: string };
  assert.equal(problem.code, 'COLLECTIVE_STANDING_STATE');
  assert.match(problem.detail, /sedang dijeda/, 'the status in Bahasa words, not its value');
  assert.equal((await move('resume')).status, 200);

  // Someone else's standing order is not there for them (404), and they see none.
  const other = await w.as('buyer');
  assert.equal((await move('cancel', other)).status, 404);
  assert.deepEqual(await items(other), []);

  assert.deepEqual(await (await move('cancel')).json(), { id, status: 'cancelled' });
  assert.equal((await move('resume')).status, 409, 'a cancelled one is final');
});

test("an agent's standing order for a household: consent required, only at their own point", async () => {
  const agent = await w.as('village_agent', cw.points[1]);
  const input = {
    cycleId,
    lines: [{ variantId: cw.variants[1].variantId, qty: 1 }],
    buyer: { name: 'Mama Sisilia' },
    servicePointId: cw.points[1],
    paymentMethod: 'cod',
  };
  const before = await standingRows();
  const noConsent = await agent.json('POST', '/api/v1/standing-orders', {
    ...input,
    viaAgent: { consent: false },
  });
  assert.equal(noConsent.status, 422);
  const elsewhere = await agent.json('POST', '/api/v1/standing-orders', {
    ...input,
    servicePointId: cw.points[0],
    viaAgent: { consent: true },
  });
  assert.equal(elsewhere.status, 403);
  const noPhone = await agent.json('POST', '/api/v1/standing-orders', input);
  assert.equal(noPhone.status, 422, 'a buyer of their own needs a phone');
  assert.equal(await standingRows(), before, 'nothing written on refusals');

  const made = await agent.json('POST', '/api/v1/standing-orders', {
    ...input,
    viaAgent: { consent: true },
  });
  assert.equal(made.status, 201);
  const { id } = (await made.json()) as { id: string };
  const list = await items(agent);
  assert.deepEqual(
    list.map((i) => [i.id, i.viaAgent]),
    [[id, true]],
    "the agent sees their point's households only",
  );
  const otherAgent = await w.as('village_agent', cw.points[0]);
  assert.equal(
    (await otherAgent.json('POST', `/api/v1/standing-orders/${id}/pause`, {})).status,
    404,
  );
  assert.equal((await agent.json('POST', `/api/v1/standing-orders/${id}/pause`, {})).status, 200);
  assert.equal((await w.client().get('/api/v1/standing-orders')).status, 401);
});
