// `/patungan/:id`: a group buy's page and commit form (anyone; the point's agent records for a
// neighbour with consent). `/titik/patungan`: the agent's group buys at their point and the
// form that opens one. The commit form carries a client-minted id, so a resubmit counts once.
import type { Context, Hono } from 'hono';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { page, requireRole, translateFields, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { isId, newId } from '../../kernel/ids/index.js';
import type { PaymentMethod } from '../orders/index.js';
import { agentPoints } from './access.js';
import { commitToGroupBuy, openGroupBuy, tiersOf } from './group-buys.service.js';
import { listedVariantsIn, pointsByIds } from './collective.queries.js';
import { priceAt } from './tiers.js';
import { localToUtc } from './calendar.js';
import { CollectiveHere } from './seams.js';
import { AgentGroupBuysPage, GroupBuyPage, type GroupBuyState } from './group-buys.views.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;
const msg = (l: Locale, code: string, params?: Record<string, unknown>) =>
  t(l, errorSpec(code).message, params);

async function load(c: C) {
  const id = c.req.param('id') ?? '';
  const gb = isId(id, 'gby')
    ? await db(c).selectFrom('group_buys').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!gb) throw new AppError('NOT_FOUND');
  const [point] = await pointsByIds(db(c), [gb.service_point_id]);
  const tiers = await tiersOf(db(c), gb.id);
  return {
    gb,
    point: point?.name ?? '',
    tiers,
    price: priceAt(tiers, gb.list_price, gb.committed_qty),
  };
}

function bodyStrings(body: Record<string, unknown>) {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' && k !== '_csrf') raw[k] = v.slice(0, 200);
  return raw;
}

async function agentPage(
  c: C,
  raw: Record<string, string>,
  errors?: Record<string, string>,
  message?: string,
  status: 200 | 422 = 200,
) {
  const actor = requireRole(c, 'village_agent');
  const points = await pointsByIds(db(c), agentPoints(actor));
  if (!points.length) throw new AppError('FORBIDDEN');
  const l = c.get('locale');
  const here = await Promise.all(
    points.map((p) =>
      CollectiveHere({ db: db(c), villageCode: p.village_code, locale: l, pointId: p.id }),
    ),
  );
  const variants = await listedVariantsIn(db(c), points[0].village_code.slice(0, 5));
  return page(
    c,
    { title: t(l, 'collective.gb.agent_title'), status },
    <AgentGroupBuysPage
      c={c}
      here={here.some(Boolean) ? here : null}
      points={points}
      variants={variants}
      raw={raw}
      errors={errors}
      message={message}
    />,
  );
}

export function groupBuyRoutes(app: Hono<AppEnv>) {
  app.get('/patungan/:id', async (c) => {
    const d = await load(c);
    const s: GroupBuyState = {
      raw: {},
      commitId: newId('gbc'),
      asAgent: agentPoints(c.get('actor') ?? null).includes(d.gb.service_point_id),
    };
    const l = c.get('locale');
    const okQty = c.req.query('ok');
    const notice = okQty
      ? t(l, 'collective.gb.committed', { qty: okQty, unit: d.gb.unit_label })
      : undefined;
    return page(
      c,
      { title: t(l, 'collective.gb.title', { title: d.gb.title }) },
      <GroupBuyPage c={c} {...d} s={s} notice={notice} />,
    );
  });

  app.post('/patungan/:id', async (c) => {
    const d = await load(c);
    const raw = bodyStrings(await c.req.parseBody());
    const actor = c.get('actor') ?? null;
    const asAgent = agentPoints(actor).includes(d.gb.service_point_id);
    const commitId = /^gbc_/.test(raw.commit_id ?? '') ? raw.commit_id : newId('gbc');
    const l = c.get('locale');
    const qty = /^\d{1,6}$/.test((raw.qty ?? '').trim()) ? Number(raw.qty.trim()) : Number.NaN;
    const r = await commitToGroupBuy(db(c), actor, {
      groupBuyId: d.gb.id,
      qty,
      buyer: { name: raw.name ?? '', phone: raw.phone ?? '' },
      paymentMethod: (['cod', 'transfer', 'qris'].includes(raw.payment)
        ? raw.payment
        : 'cod') as PaymentMethod,
      viaAgent: asAgent ? { consent: raw.consent === '1' } : undefined,
      id: commitId,
    });
    if (r.ok) return c.redirect(`/patungan/${d.gb.id}?ok=${Number.isNaN(qty) ? 0 : qty}`, 303);
    if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
    const fields = translateFields(l, r.fields ?? {});
    const fresh = await load(c);
    return page(
      c,
      {
        title: t(l, 'collective.gb.title', { title: d.gb.title }),
        status: errorSpec(r.code).status === 409 ? 409 : 422,
      },
      <GroupBuyPage
        c={c}
        {...fresh}
        s={{ raw, commitId, asAgent }}
        errors={Object.keys(fields).length ? fields : undefined}
        message={msg(l, r.code, r.params)}
      />,
    );
  });

  app.get('/titik/patungan', (c) => agentPage(c, {}));

  app.post('/titik/patungan', async (c) => {
    const actor = requireRole(c, 'village_agent');
    const raw = bodyStrings(await c.req.parseBody());
    const l = c.get('locale');
    const [point] = await pointsByIds(db(c), [raw.point ?? '']);
    if (!point || !agentPoints(actor).includes(point.id)) throw new AppError('FORBIDDEN');
    const deadline = localToUtc(raw.deadline ?? '', point.village_code);
    if (!deadline)
      return agentPage(c, raw, { deadline: t(l, 'collective.err.bad_time') }, undefined, 422);
    const int = (s: string | undefined) =>
      /^\d{1,9}$/.test((s ?? '').replace(/[.\s]/g, ''))
        ? Number((s ?? '').replace(/[.\s]/g, ''))
        : Number.NaN;
    const tiers = [1, 2, 3]
      .filter((i) => (raw[`tier_qty_${i}`] ?? '').trim() || (raw[`tier_price_${i}`] ?? '').trim())
      .map((i) => ({ minQty: int(raw[`tier_qty_${i}`]), price: int(raw[`tier_price_${i}`]) }));
    const r = await openGroupBuy(db(c), actor, {
      servicePointId: point.id,
      variantId: raw.variant ?? '',
      minimumQty: int(raw.minimum),
      deadline,
      tiers,
    });
    if (r.ok) return c.redirect(`/patungan/${r.value}`, 303);
    if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
    const fields = translateFields(l, r.fields ?? {});
    return agentPage(
      c,
      raw,
      Object.keys(fields).length ? fields : undefined,
      msg(l, r.code, r.params),
      422,
    );
  });
}
