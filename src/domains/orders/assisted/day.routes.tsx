// The agent's day (`/agen/hari-ini`): cash taken (assisted orders and COD pickups), cash handed
// to the treasurer, commission, parcels, and the parcels waiting for their buyers. Each parcel
// offers only what is possible: take the COD cash, hand over a paid parcel, or nothing while a
// transfer is unpaid or the parcel is still on its way. A parcel with a pickup code is handed
// over through the point's scan form with the buyer's code (logistics checks it, the cash is
// taken in the scan's transaction); only an order without a parcel uses `/agen/ambil`.
import { Hono, type Context } from 'hono';
import { Csrf, errorText, Field, page, type AppEnv } from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { ordersWithLines } from '../order-details.queries.js';
import { buyerParcels, type BuyerParcel } from '../parcels.js';
import { OrderCard } from '../storefront/order.views.js';
import type { OrderWithLines } from '../order-details.queries.js';
import { agentPoint, formText } from './agent-point.js';
import { agentDay, localDay, recordHandover } from './summary.js';
import { collectAtPoint, pickupOffer } from './pickup-cash.js';

type C = Context<AppEnv>;

/** A market-day run is at the point once scanned ready there (or its last order handed over). */
const RUN_ARRIVED = ['ready_for_pickup', 'delivered'];

/** Whether an order's parcels let the agent hand it over by hand: none, or its run has arrived. */
function byHand(parcels: BuyerParcel[] | undefined): 'yes' | 'needs_code' | 'on_the_way' {
  if (!parcels?.length) return 'yes';
  if (parcels.some((x) => !x.consolidated)) return 'needs_code';
  return parcels.every((x) => RUN_ARRIVED.includes(x.status)) ? 'yes' : 'on_the_way';
}

function PickupAction(p: { c: C; o: OrderWithLines; parcel?: BuyerParcel; pointId: string }) {
  const l = p.c.get('locale');
  const offer = pickupOffer(p.o);
  if (offer.kind === 'awaiting_payment')
    return <p class="muted">{t(l, 'orders.agent.awaiting_payment')}</p>;
  const label =
    offer.kind === 'cash'
      ? t(l, 'orders.agent.collect', { amount: formatRupiah(offer.amount) })
      : t(l, 'orders.agent.collect_paid');
  const how = byHand(p.parcel ? [p.parcel] : undefined);
  if (how === 'on_the_way') return <p class="muted">{t(l, 'orders.agent.on_the_way')}</p>;
  if (how === 'yes' || !p.parcel)
    return (
      <form method="post" action={`/agen/ambil/${p.o.id}`}>
        <Csrf c={p.c} />
        <button type="submit" class="primary">
          {label}
        </button>
      </form>
    );
  if (p.parcel.status !== 'ready_for_pickup')
    return <p class="muted">{t(l, 'orders.agent.on_the_way')}</p>;
  const tracking = p.parcel.trackingNumber;
  return (
    <form method="post" action="/titik/paket/scan">
      <Csrf c={p.c} />
      <input type="hidden" name="point" value={p.pointId} />
      <input type="hidden" name="kind" value="delivered" />
      <input type="hidden" name="tracking" value={tracking} />
      <input type="hidden" name="client_scan_id" value={newId('scn')} />
      <input type="hidden" name="back" value="hari-ini" />
      <div class="field">
        <label for={`code-${tracking}`}>{t(l, 'orders.agent.code', { tracking })}</label>
        <input
          id={`code-${tracking}`}
          name="pickup_code"
          inputmode="numeric"
          autocomplete="off"
          pattern="[0-9]{6}"
          required
        />
      </div>
      <button type="submit" class="primary">
        {label}
      </button>
    </form>
  );
}

export function dayRoutes() {
  const app = new Hono<AppEnv>();

  const today = async (c: C, error?: string, status: 200 | 409 | 422 = 200) => {
    const { actor, sp } = await agentPoint(c);
    const db = c.get('deps').h.db;
    const q = c.req.query('hari');
    const day = q && /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : localDay(new Date(), sp.village_code);
    const d = await agentDay(db, actor.userId, sp.id, sp.village_code, day);
    const pickups = await db
      .selectFrom('orders')
      .select('id')
      .where('service_point_id', '=', sp.id)
      .where('status', '=', 'placed')
      .where('fulfilment_status', 'in', ['ready_for_pickup', 'in_transit', 'handed_over'])
      .orderBy('placed_at')
      .limit(50)
      .execute();
    const full = await ordersWithLines(db, { ids: pickups.map((p) => p.id) });
    const parcels = await buyerParcels(
      db,
      full.map((o) => o.id),
    );
    const l = c.get('locale');
    const row = (k: string, v: string, attr: string) => (
      <tr>
        <th>{t(l, k)}</th>
        <td class="num" data-k={attr}>
          {v}
        </td>
      </tr>
    );
    return page(
      c,
      { title: t(l, 'orders.agent.day'), status },
      <>
        <h1>
          {t(l, 'orders.agent.day')} · {sp.name} · {day}
        </h1>
        {error ? (
          <div class="alert" role="alert">
            <p>{error}</p>
          </div>
        ) : null}
        <section class="card">
          <table>
            <tbody>
              {row('orders.agent.cash', formatRupiah(d.cashCollected), 'cash')}
              {row('orders.agent.cash_pickups', formatRupiah(d.cashFromPickups), 'cash-pickups')}
              {row('orders.agent.handed', formatRupiah(d.handedOver), 'handed')}
              {row('orders.agent.shortfall', formatRupiah(d.shortfall), 'shortfall')}
              {row('orders.agent.commission', formatRupiah(d.commission), 'commission')}
              {row('orders.agent.assisted', String(d.assistedOrders), 'assisted')}
              {row('orders.agent.waiting', String(d.parcelsWaiting), 'waiting')}
              {row('orders.agent.out', String(d.parcelsOut), 'out')}
            </tbody>
          </table>
          <form method="post" action="/agen/setor" class="row">
            <Csrf c={c} />
            <input type="hidden" name="day" value={day} />
            <Field
              name="amount"
              label={t(l, 'orders.agent.amount')}
              type="number"
              inputmode="numeric"
              min={0}
              value={d.shortfall}
            />
            <button type="submit">{t(l, 'orders.agent.handover')}</button>
          </form>
        </section>
        <h2>{t(l, 'orders.agent.pickups')}</h2>
        {full.length === 0 ? (
          <p>{t(l, 'orders.agent.none')}</p>
        ) : (
          full.map((o) => (
            <OrderCard c={c} o={o} zoneRegion={sp.village_code}>
              <PickupAction c={c} o={o} parcel={parcels.get(o.id)?.[0]} pointId={sp.id} />
            </OrderCard>
          ))
        )}
      </>,
    );
  };

  app.get('/agen/hari-ini', (c) => today(c));
  app.post('/agen/setor', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const b = await formText(c);
    const day =
      b.day && /^\d{4}-\d{2}-\d{2}$/.test(b.day) ? b.day : localDay(new Date(), sp.village_code);
    const amount = b.amount && /^\d{1,12}$/.test(b.amount) ? Number(b.amount) : NaN;
    const r = await recordHandover(c.get('deps').h.db, actor.userId, sp.id, day, amount);
    if (!r.ok) return today(c, t(c.get('locale'), 'validation.invalid'), 422);
    return c.redirect(`/agen/hari-ini?hari=${day}`, 303);
  });
  // An order without a parcel (seller and buyer at this same point): handed over at the counter.
  app.post('/agen/ambil/:id', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const db = c.get('deps').h.db;
    const id = c.req.param('id');
    const mine = await db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', id)
      .where('service_point_id', '=', sp.id)
      .executeTakeFirst();
    if (!mine) throw new AppError('ORDERS_NOT_FOUND');
    // A parcel has the buyer's code: it is handed over only with it, through the scan form. An
    // order in a market-day run is handed over by hand, once the run is at the point.
    const how = byHand((await buyerParcels(db, [id])).get(id));
    if (how === 'needs_code')
      return today(c, t(c.get('locale'), errorSpec('ORDERS_PICKUP_NEEDS_CODE').message), 409);
    if (how === 'on_the_way') return today(c, t(c.get('locale'), 'orders.agent.on_the_way'), 409);
    const r = await collectAtPoint(db, id, sp.id, actor);
    if (!r.ok) {
      if (r.code === 'ORDERS_NOT_FOUND') throw new AppError('ORDERS_NOT_FOUND');
      return today(c, errorText(c.get('locale'), r.code, r.params), 409);
    }
    return c.redirect('/agen/hari-ini', 303);
  });
  return app;
}
