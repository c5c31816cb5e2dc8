// The village agent's screens: a fast assisted order (search, quantities, villager's name,
// consent, cash), the printable receipt, COD pickups at the point and the day's summary.
import { Hono, type Context } from 'hono';
import {
  Csrf,
  Field,
  page,
  requireRole,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import type { MessageTable } from '../../../kernel/domain/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { checkoutBatcher } from '../checkout/group-commit.js';
import { quickSearch, servicePoint } from '../orders.queries.js';
import { ordersWithLines } from '../orders.repo.js';
import { OrderCard } from '../storefront/order.views.js';
import { agentDay, localDay, recordHandover } from './summary.js';
import { collectAtPoint } from './pickup-cash.js';

export const assistedMessages: MessageTable = {
  id: {
    'orders.agent.title': 'Pesan untuk warga',
    'orders.agent.search': 'Cari produk',
    'orders.agent.find': 'Cari',
    'orders.agent.qty': 'Jumlah {title}',
    'orders.agent.villager': 'Nama warga',
    'orders.agent.phone': 'Nomor HP warga (boleh kosong)',
    'orders.agent.consent': 'Warga setuju nama (dan nomor HP) dicatat untuk pesanan ini',
    'orders.agent.place': 'Pesan — warga bayar tunai',
    'orders.agent.receipt': 'Struk pesanan',
    'orders.agent.print': 'Tunjukkan atau cetak struk ini untuk warga.',
    'orders.agent.paid_cash': 'Dibayar tunai di titik layanan',
    'orders.agent.day': 'Ringkasan hari ini',
    'orders.agent.cash': 'Uang tunai diterima',
    'orders.agent.handed': 'Sudah disetor',
    'orders.agent.shortfall': 'Kurang setor',
    'orders.agent.commission': 'Komisi agen',
    'orders.agent.assisted': 'Pesanan dibantu',
    'orders.agent.waiting': 'Paket menunggu diambil',
    'orders.agent.out': 'Paket dari penjual untuk dikirim',
    'orders.agent.handover': 'Setor uang tunai',
    'orders.agent.amount': 'Jumlah disetor (Rp)',
    'orders.agent.pickups': 'Paket untuk diambil',
    'orders.agent.collect': 'Serahkan paket (terima tunai {amount})',
    'orders.agent.collect_paid': 'Serahkan paket (sudah lunas)',
    'orders.agent.none': 'Tidak ada.',
    'orders.agent.no_results': 'Produk tidak ditemukan.',
    'orders.nav.agent': 'Pesan untuk warga',
    'orders.nav.agent_day': 'Kas & paket hari ini',
  },
  en: {
    'orders.agent.title': 'Order for a villager',
    'orders.agent.search': 'Search products',
    'orders.agent.find': 'Search',
    'orders.agent.qty': 'Quantity of {title}',
    'orders.agent.villager': 'Villager’s name',
    'orders.agent.phone': 'Villager’s mobile (optional)',
    'orders.agent.consent':
      'The villager agrees to their name (and phone) being recorded for this order',
    'orders.agent.place': 'Order — villager pays cash',
    'orders.agent.receipt': 'Order receipt',
    'orders.agent.print': 'Show or print this receipt for the villager.',
    'orders.agent.paid_cash': 'Paid in cash at the service point',
    'orders.agent.day': 'Today’s summary',
    'orders.agent.cash': 'Cash received',
    'orders.agent.handed': 'Handed over',
    'orders.agent.shortfall': 'Shortfall',
    'orders.agent.commission': 'Agent commission',
    'orders.agent.assisted': 'Assisted orders',
    'orders.agent.waiting': 'Parcels waiting for pickup',
    'orders.agent.out': 'Seller parcels to send on',
    'orders.agent.handover': 'Hand over cash',
    'orders.agent.amount': 'Amount handed over (Rp)',
    'orders.agent.pickups': 'Parcels for pickup',
    'orders.agent.collect': 'Hand over parcel (take {amount} cash)',
    'orders.agent.collect_paid': 'Hand over parcel (already paid)',
    'orders.agent.none': 'None.',
    'orders.agent.no_results': 'No products found.',
    'orders.nav.agent': 'Order for a villager',
    'orders.nav.agent_day': 'Today’s cash & parcels',
  },
};
export const assistedNav: NavItem[] = [
  { href: '/agen/pesan', label: 'orders.nav.agent', roles: ['village_agent'], order: 20 },
  { href: '/agen/hari-ini', label: 'orders.nav.agent_day', roles: ['village_agent'], order: 21 },
];

type C = Context<AppEnv>;
async function agentPoint(c: C) {
  const actor = requireRole(c, 'village_agent');
  const id = scopeIds(actor, 'service_point', ['village_agent'])[0];
  const sp = id ? await servicePoint(c.get('deps').h.db, id) : undefined;
  if (!sp) throw new AppError('FORBIDDEN');
  return { actor, sp };
}

export const agentPanel: HomePanel = {
  roles: ['village_agent'],
  order: 20,
  render: (c) => (
    <section class="card">
      <h2>{t(c.get('locale'), 'orders.agent.title')}</h2>
      <p>
        <a class="button" href="/agen/pesan">
          {t(c.get('locale'), 'orders.agent.title')}
        </a>{' '}
        <a href="/agen/hari-ini">{t(c.get('locale'), 'orders.agent.day')}</a>
      </p>
    </section>
  ),
};

export function assistedRoutes() {
  const app = new Hono<AppEnv>();

  const screen = async (
    c: C,
    q: string,
    raw: Record<string, string> = {},
    error?: string,
    status: 200 | 409 | 422 = 200,
  ) => {
    const { sp } = await agentPoint(c);
    const l = c.get('locale');
    const found = q.trim() ? await quickSearch(c.get('deps').h.db, q) : [];
    return page(
      c,
      { title: t(l, 'orders.agent.title'), status },
      <>
        <h1>
          {t(l, 'orders.agent.title')} · {sp.name}
        </h1>
        {error ? (
          <div class="alert" role="alert">
            <p>{error}</p>
          </div>
        ) : null}
        <form method="get" action="/agen/pesan" class="row card">
          <Field name="q" label={t(l, 'orders.agent.search')} value={q} inputmode="search" />
          <button type="submit">{t(l, 'orders.agent.find')}</button>
        </form>
        {q.trim() ? (
          <form method="post" action="/agen/pesan" class="card">
            <Csrf c={c} />
            <input type="hidden" name="q" value={q} />
            {found.length === 0 ? (
              <p>{t(l, 'orders.agent.no_results')}</p>
            ) : (
              found.map((f) => (
                <Field
                  name={`qty_${f.variant_id}`}
                  type="number"
                  inputmode="numeric"
                  min={0}
                  max={f.available}
                  value={raw[`qty_${f.variant_id}`] ?? ''}
                  label={t(l, 'orders.agent.qty', {
                    title: `${f.title} ${f.label} — ${formatRupiah(f.price)} (${f.umkm_name})`,
                  })}
                />
              ))
            )}
            <Field name="name" label={t(l, 'orders.agent.villager')} value={raw.name} required />
            <Field
              name="phone"
              label={t(l, 'orders.agent.phone')}
              value={raw.phone}
              type="tel"
              inputmode="tel"
            />
            <p>
              <label>
                <input type="checkbox" name="consent" value="1" /> {t(l, 'orders.agent.consent')}
              </label>
            </p>
            <button type="submit" class="primary">
              {t(l, 'orders.agent.place')}
            </button>
          </form>
        ) : null}
      </>,
    );
  };
  app.get('/agen/pesan', (c) => screen(c, c.req.query('q') ?? ''));
  app.post('/agen/pesan', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const body = await c.req.parseBody();
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') raw[k] = v.slice(0, 200);
    const lines = Object.entries(raw)
      .filter(([k, v]) => k.startsWith('qty_') && v.trim() !== '' && v.trim() !== '0')
      .map(([k, v]) => ({ variantId: k.slice(4), qty: /^\d+$/.test(v.trim()) ? Number(v) : NaN }));
    // The same group-commit batcher as the storefront and the API.
    const r = await checkoutBatcher(c.get('deps').h.db).place(
      {
        lines,
        buyer: { name: raw.name ?? '', phone: raw.phone ?? '' },
        delivery: { kind: 'pickup', servicePointId: sp.id },
        paymentMethod: 'cod',
        channel: 'assisted',
        agentServicePointId: sp.id,
        consent: raw.consent === '1',
      },
      actor,
    );
    if (!r.ok)
      return screen(
        c,
        raw.q ?? '',
        raw,
        t(c.get('locale'), errorSpec(r.code).message, r.params),
        errorSpec(r.code).status === 409 ? 409 : 422,
      );
    return c.redirect(`/agen/struk/${r.value.groupId}`, 303);
  });

  app.get('/agen/struk/:group', async (c) => {
    const { sp } = await agentPoint(c);
    const group = c.req.param('group');
    if (!isId(group, 'grp')) throw new AppError('NOT_FOUND');
    const orders = (await ordersWithLines(c.get('deps').h.db, { groupId: group })).filter(
      (o) => o.agent_service_point_id === sp.id,
    );
    if (orders.length === 0) throw new AppError('NOT_FOUND');
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'orders.agent.receipt') },
      <>
        <h1>{t(l, 'orders.agent.receipt')}</h1>
        <p>
          {sp.name} · {formatDateTime(l, orders[0].placed_at, sp.village_code)} ·{' '}
          {orders[0].buyer_name}
        </p>
        <p class="notice">
          {t(l, 'orders.agent.paid_cash')}:{' '}
          <strong>{formatRupiah(orders.reduce((a, o) => a + o.total, 0))}</strong>
        </p>
        {orders.map((o) => (
          <OrderCard c={c} o={o} />
        ))}
        <p class="muted">{t(l, 'orders.agent.print')}</p>
      </>,
    );
  });

  const today = async (c: C, error?: string, status: 200 | 201 | 409 | 422 = 200) => {
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
            <OrderCard c={c} o={o}>
              <form method="post" action={`/agen/ambil/${o.id}`}>
                <Csrf c={c} />
                <button type="submit" class="primary">
                  {o.payment_status === 'paid'
                    ? t(l, 'orders.agent.collect_paid')
                    : t(l, 'orders.agent.collect', { amount: formatRupiah(o.total) })}
                </button>
              </form>
            </OrderCard>
          ))
        )}
      </>,
    );
  };
  app.get('/agen/hari-ini', (c) => today(c));
  app.post('/agen/setor', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const b = await c.req.parseBody();
    const day =
      typeof b.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.day)
        ? b.day
        : localDay(new Date(), sp.village_code);
    const amount =
      typeof b.amount === 'string' && /^\d{1,12}$/.test(b.amount) ? Number(b.amount) : NaN;
    const r = await recordHandover(c.get('deps').h.db, actor.userId, sp.id, day, amount);
    if (!r.ok) return today(c, t(c.get('locale'), 'validation.invalid'), 422);
    return c.redirect(`/agen/hari-ini?hari=${day}`, 303);
  });
  app.post('/agen/ambil/:id', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const r = await collectAtPoint(c.get('deps').h.db, c.req.param('id'), sp.id, actor);
    if (!r.ok) {
      if (r.code === 'ORDERS_NOT_FOUND') throw new AppError('ORDERS_NOT_FOUND');
      return today(c, t(c.get('locale'), errorSpec(r.code).message, r.params), 409);
    }
    return c.redirect('/agen/hari-ini', 303);
  });
  return app;
}
