// The cycle's shop page: the cycle's products at the cycle's prices, a quantity each, the
// pickup point with its day and window, name, phone and payment. One plain form (JS off).
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { BuyerFields, FormAlerts } from './buyer-fields.views.js';
import { formatDateTime } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { CycleView } from './cycle-read.js';
import { pickupText } from './pickup-text.js';

type C = Context<AppEnv>;

export interface ShopState {
  raw: Record<string, string>;
  groupId: string;
  /** The point where the signed-in actor is the agent (assisted order for a neighbour). */
  agentPoint: string | null;
  /** A signed-in visitor on a repeating cycle may also make it a standing order. */
  canSubscribe?: boolean;
}

export function ShopPage(p: {
  c: C;
  v: CycleView;
  s: ShopState;
  open: boolean;
  errors?: Record<string, string>;
  message?: string;
}) {
  const l = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(l, k, params);
  const { cycle } = p.v;
  const e = p.errors ?? {};
  const points = p.s.agentPoint
    ? p.v.points.filter((x) => x.service_point_id === p.s.agentPoint)
    : p.v.points;
  return (
    <>
      <h1>{cycle.name}</h1>
      <p>
        {tr('collective.shop.by', { org: p.v.organisation })} ·{' '}
        {tr('collective.shop.window', {
          opens: formatDateTime(l, cycle.opens_at, cycle.village_code),
          closes: formatDateTime(l, cycle.closes_at, cycle.village_code),
        })}
      </p>
      <FormAlerts c={p.c} message={p.message} errors={p.errors} />
      {!p.open ? (
        <p class="notice" role="status">
          {tr('collective.shop.closed')}
        </p>
      ) : (
        <form method="post" action={`/pasar/${cycle.id}`} novalidate>
          <Csrf c={p.c} />
          <input type="hidden" name="group_id" value={p.s.groupId} />
          <section class="card">
            <h2>{tr('collective.shop.products')}</h2>
            {p.v.products.map((x) => (
              <div class="field">
                <label for={`f-qty_${x.variant_id}`}>
                  {x.title} ({x.label}) · {x.umkm_name} · <strong>{formatRupiah(x.price)}</strong>
                  {x.price < x.list_price ? (
                    <>
                      {' '}
                      <s>{formatRupiah(x.list_price)}</s>
                    </>
                  ) : null}
                </label>
                <input
                  id={`f-qty_${x.variant_id}`}
                  name={`qty_${x.variant_id}`}
                  type="number"
                  inputmode="numeric"
                  min="0"
                  max="999"
                  value={p.s.raw[`qty_${x.variant_id}`] ?? '0'}
                />
              </div>
            ))}
            {e.lines ? (
              <p class="error" id="f-lines">
                {e.lines}
              </p>
            ) : null}
          </section>
          <section class="card">
            <SelectField
              name="service_point"
              label={tr('collective.shop.point')}
              value={p.s.raw.service_point}
              error={e.service_point}
              options={points.map((x) => ({
                value: x.service_point_id,
                label: `${x.point_name} · ${pickupText(l, x.pickup_date, x.pickup_from, x.pickup_to)}`,
              }))}
            />
            <BuyerFields c={p.c} raw={p.s.raw} errors={e} asAgent={!!p.s.agentPoint} />
            <button type="submit">{tr('collective.shop.submit')}</button>
            {p.s.canSubscribe ? (
              <>
                <p class="hint">{tr('collective.standing.subscribe_hint')}</p>
                <button type="submit" name="standing" value="1" class="secondary">
                  {tr('collective.standing.subscribe')}
                </button>
              </>
            ) : null}
          </section>
        </form>
      )}
    </>
  );
}
