// `/pasar/:id`: a cycle's shop page. Anyone may order while the cycle is open; an agent at one
// of its points orders for a neighbour (cash at the point, consent asked). The form carries a
// client-minted group id, so a double submit lands on the first checkout's confirmation.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, translateFields, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { isId, newId } from '../../kernel/ids/index.js';
import { confirmationPath, type PaymentMethod } from '../orders/index.js';
import { readCycleView, type CycleView } from './cycle-read.js';
import { orderFromCycle } from './cycle-order.js';
import { agentPoints } from './access.js';
import { subscribe } from './standing.service.js';
import { ShopPage, type ShopState } from './shop.views.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;

async function viewOr404(c: C): Promise<CycleView> {
  const id = c.req.param('id') ?? '';
  const v = isId(id, 'cyc') ? await readCycleView(db(c), id) : null;
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

const isOpen = (v: CycleView, now = new Date().toISOString()) =>
  v.cycle.status === 'open' && v.cycle.opens_at <= now && now < v.cycle.closes_at;

function agentPointOf(c: C, v: CycleView): string | null {
  const mine = agentPoints(c.get('actor') ?? null);
  return v.points.find((p) => mine.includes(p.service_point_id))?.service_point_id ?? null;
}

const canSubscribe = (c: C, v: CycleView) => !!c.get('actor') && v.cycle.repeat !== 'none';

export function shopRoutes(app: Hono<AppEnv>) {
  app.get('/pasar/:id', async (c) => {
    const v = await viewOr404(c);
    const s: ShopState = {
      raw: {},
      groupId: newId('grp'),
      agentPoint: agentPointOf(c, v),
      canSubscribe: canSubscribe(c, v),
    };
    return page(c, { title: v.cycle.name }, <ShopPage c={c} v={v} s={s} open={isOpen(v)} />);
  });

  app.post('/pasar/:id', async (c) => {
    const v = await viewOr404(c);
    const body = await c.req.parseBody();
    const raw: Record<string, string> = {};
    for (const [k, val] of Object.entries(body))
      if (typeof val === 'string' && k !== '_csrf') raw[k] = val.slice(0, 200);
    const l = c.get('locale');
    const agentPoint = agentPointOf(c, v);
    const groupId = isId(raw.group_id, 'grp') ? raw.group_id : newId('grp');
    const s: ShopState = { raw, groupId, agentPoint, canSubscribe: canSubscribe(c, v) };
    const again = (status: 409 | 422, errors?: Record<string, string>, message?: string) =>
      page(
        c,
        { title: v.cycle.name, status },
        <ShopPage c={c} v={v} s={s} open={isOpen(v)} errors={errors} message={message} />,
      );
    const lines: { variantId: string; qty: number }[] = [];
    for (const p of v.products) {
      const q = (raw[`qty_${p.variant_id}`] ?? '0').trim();
      if (!/^\d{1,3}$/.test(q)) return again(422, { lines: t(l, 'collective.err.bad_qty') });
      if (Number(q) > 0) lines.push({ variantId: p.variant_id, qty: Number(q) });
    }
    if (!lines.length) return again(422, { lines: t(l, 'collective.err.no_lines') });
    if (raw.standing === '1') {
      const sub = await subscribe(db(c), c.get('actor') ?? null, {
        cycleId: v.cycle.id,
        lines,
        buyer: { name: raw.name ?? '', phone: raw.phone ?? '' },
        servicePointId: agentPoint ?? raw.service_point ?? '',
        paymentMethod: (['cod', 'transfer', 'qris'].includes(raw.payment)
          ? raw.payment
          : 'cod') as PaymentMethod,
        assisted: agentPoint
          ? { agentServicePointId: agentPoint, consent: raw.consent === '1' }
          : undefined,
      });
      if (sub.ok) return c.redirect(`/langganan?selesai=created#${sub.value}`, 303);
      if (sub.code === 'FORBIDDEN' || sub.code === 'NOT_FOUND') throw new AppError(sub.code);
      const fields = translateFields(l, sub.fields ?? {});
      return again(
        errorSpec(sub.code).status === 409 ? 409 : 422,
        Object.keys(fields).length ? fields : undefined,
        t(l, errorSpec(sub.code).message, sub.params),
      );
    }
    const r = await orderFromCycle(db(c), c.get('actor') ?? null, {
      cycleId: v.cycle.id,
      lines,
      buyer: { name: raw.name ?? '', phone: raw.phone ?? '' },
      servicePointId: agentPoint ?? raw.service_point ?? '',
      paymentMethod: agentPoint
        ? 'cod'
        : ((['cod', 'transfer', 'qris'].includes(raw.payment)
            ? raw.payment
            : 'cod') as PaymentMethod),
      groupId,
      assisted: agentPoint
        ? { agentServicePointId: agentPoint, consent: raw.consent === '1' }
        : undefined,
    });
    const secret = c.get('deps').config.secret;
    if (r.ok) return c.redirect(confirmationPath(secret, r.value.groupId), 303);
    if (r.code === 'ORDERS_GROUP_TAKEN') {
      // The same form sent twice: show the checkout the first submit made, if it was this cycle's.
      const first = await db(c)
        .selectFrom('cycle_orders')
        .select('group_id')
        .where('group_id', '=', groupId)
        .where('cycle_id', '=', v.cycle.id)
        .executeTakeFirst();
      if (first) return c.redirect(confirmationPath(secret, groupId), 303);
    }
    if (r.code === 'FORBIDDEN' || r.code === 'NOT_FOUND') throw new AppError(r.code);
    const fields = translateFields(l, r.fields ?? {});
    const message = t(l, errorSpec(r.code).message, r.params);
    return again(
      errorSpec(r.code).status === 409 ? 409 : 422,
      Object.keys(fields).length ? fields : undefined,
      message,
    );
  });
}
