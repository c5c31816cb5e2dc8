// The village agent's assisted order: search by everyday words, the neighbour's list built over
// several searches, the full amount to collect before the cash button, placement, the printable
// receipt, and a request recorded when the catalogue has nothing that fits. The day page
// (cash, pickups, closing) is day.routes.tsx; the BUMDes's list of requests is demand.routes.tsx.
import { Hono, type Context } from 'hono';
import {
  errorText,
  page,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { orderHistories, ordersWithLines } from '../order-details.queries.js';
import { buyerParcels } from '../parcels.js';
import { BuyerParcels, OrderCard } from '../storefront/order.views.js';
import { agentPoint, formText } from './agent-point.js';
import { addToDraft, loadDraft, placeDraft, priceDraft, removeFromDraft } from './draft.service.js';
import { findForAgent } from './find.js';
import { demandRecordedBy, demandVillages, recordDemand } from './demand.service.js';
import { AgentOrderScreen } from './order.views.js';
import { dayRoutes } from './day.routes.js';
import { demandRoutes } from './demand.routes.js';

export const assistedNav: NavItem[] = [
  { href: '/agen/pesan', label: 'orders.nav.agent', roles: ['village_agent'], order: 20 },
  { href: '/agen/hari-ini', label: 'orders.nav.agent_day', roles: ['village_agent'], order: 21 },
  {
    href: '/bumdes/permintaan',
    label: 'orders.nav.demand',
    roles: ['community_manager'],
    order: 36,
  },
];

type C = Context<AppEnv>;

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

const message = (c: C, code: string, params?: Record<string, unknown>) =>
  errorText(c.get('locale'), code, params);
const pageStatus = (code: string): 409 | 422 => (errorSpec(code).status === 409 ? 409 : 422);

async function screen(
  c: C,
  q: string,
  extra: {
    raw?: Record<string, string>;
    error?: string;
    notice?: string;
    status?: 200 | 409 | 422;
  } = {},
) {
  const { sp, owner } = await agentPoint(c);
  const db = c.get('deps').h.db;
  const draft = await loadDraft(db, owner);
  const [found, price, villages] = await Promise.all([
    findForAgent(db, q),
    draft.cart.count > 0 ? priceDraft(db, draft, sp.village_code) : null,
    demandVillages(db, sp.village_code),
  ]);
  return page(
    c,
    { title: t(c.get('locale'), 'orders.agent.title'), status: extra.status ?? 200 },
    <AgentOrderScreen
      c={c}
      s={{
        point: sp,
        q,
        found,
        draft,
        price,
        villages,
        raw: extra.raw ?? {},
        error: extra.error,
        notice: extra.notice,
      }}
    />,
  );
}

export function assistedRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/agen/pesan', async (c) => {
    const l = c.get('locale');
    const recorded = c.req.query('permintaan');
    const what = recorded
      ? await demandRecordedBy(c.get('deps').h.db, (await agentPoint(c)).actor.userId, recorded)
      : undefined;
    return screen(c, (c.req.query('q') ?? '').slice(0, 100), {
      notice:
        what !== undefined
          ? t(l, 'orders.agent.demand_saved', { what })
          : c.req.query('ok') === 'added'
            ? t(l, 'orders.agent.added')
            : undefined,
    });
  });

  // Adds the chosen quantities to the list, then back to the same search (post/redirect/get).
  app.post('/agen/pesan/daftar', async (c) => {
    const { owner } = await agentPoint(c);
    const raw = await formText(c);
    const q = (raw.q ?? '').slice(0, 100);
    const lines = Object.entries(raw)
      .filter(([k, v]) => k.startsWith('qty_') && v.trim() !== '' && v.trim() !== '0')
      .map(([k, v]) => ({
        variantId: k.slice(4),
        qty: /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : NaN,
      }));
    const r = await addToDraft(c.get('deps').h.db, owner, lines);
    if (!r.ok)
      return screen(c, q, {
        raw,
        error: message(c, r.code, { max: 999, ...r.params }),
        status: pageStatus(r.code),
      });
    return c.redirect(`/agen/pesan?q=${encodeURIComponent(q)}&ok=added`, 303);
  });

  app.post('/agen/pesan/hapus', async (c) => {
    const { owner } = await agentPoint(c);
    const raw = await formText(c);
    await removeFromDraft(c.get('deps').h.db, owner, raw.variant ?? '');
    return c.redirect('/agen/pesan', 303);
  });

  // Places the list at the total the villager was shown; the cash is taken with the order.
  app.post('/agen/pesan', async (c) => {
    const { actor, sp, owner } = await agentPoint(c);
    const raw = await formText(c);
    const expected = /^\d{1,12}$/.test(raw.expected_total ?? '') ? Number(raw.expected_total) : -1;
    const r = await placeDraft(
      c.get('deps').h.db,
      owner,
      sp.village_code,
      {
        name: raw.name ?? '',
        phone: raw.phone ?? '',
        consent: raw.consent === '1',
        expectedTotal: expected,
      },
      actor,
    );
    if (!r.ok)
      return screen(c, '', {
        raw,
        error: message(c, r.code, { max: 50, ...r.params }),
        status: pageStatus(r.code),
      });
    return c.redirect(`/agen/struk/${r.value.groupId}`, 303);
  });

  app.post('/agen/permintaan', async (c) => {
    const { actor, sp } = await agentPoint(c);
    const raw = await formText(c);
    const q = (raw.q ?? '').slice(0, 100);
    const r = await recordDemand(c.get('deps').h.db, actor.userId, sp, {
      what: raw.d_what ?? '',
      quantity: raw.d_qty ?? '',
      requesterName: raw.d_for,
      consent: raw.d_consent === '1',
      villageCode: raw.d_village ?? '',
    });
    if (!r.ok) return screen(c, q, { raw, error: message(c, r.code), status: 422 });
    return c.redirect(`/agen/pesan?permintaan=${r.value}`, 303);
  });

  app.get('/agen/struk/:group', async (c) => {
    const { sp } = await agentPoint(c);
    const group = c.req.param('group');
    if (!isId(group, 'grp')) throw new AppError('NOT_FOUND');
    const orders = (await ordersWithLines(c.get('deps').h.db, { groupId: group })).filter(
      (o) => o.agent_service_point_id === sp.id,
    );
    if (orders.length === 0) throw new AppError('NOT_FOUND');
    const ids = orders.map((o) => o.id);
    const [histories, parcels] = await Promise.all([
      orderHistories(c.get('deps').h.db, ids),
      buyerParcels(c.get('deps').h.db, ids),
    ]);
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
        {/* Each order number links to its history on this page, each parcel to its tracking. */}
        {orders.map((o) => (
          <OrderCard c={c} o={o} history={histories.get(o.id) ?? []} zoneRegion={sp.village_code}>
            <BuyerParcels c={c} parcels={parcels.get(o.id)} />
          </OrderCard>
        ))}
        <p class="muted">{t(l, 'orders.agent.print')}</p>
        <p class="muted">{t(l, 'orders.agent.receipt_track')}</p>
        <nav class="row noprint" aria-label={t(l, 'orders.agent.receipt_next')}>
          <a class="button" href="/agen/pesan">
            {t(l, 'orders.agent.receipt_another')}
          </a>
          <a href="/agen/hari-ini">{t(l, 'orders.agent.day')}</a>
          <a href="/lacak">{t(l, 'orders.track.title')}</a>
        </nav>
      </>,
    );
  });

  app.route('/', dayRoutes());
  app.route('/', demandRoutes());
  return app;
}
