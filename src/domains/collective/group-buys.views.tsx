// Group buy pages: the public page of one group buy (tiers, progress, commit form; an agent
// records for a neighbour with consent) and the agent's page at the service point.
import type { Context } from 'hono';
import { t, formatDateTime } from '../../kernel/i18n/index.js';
import { Csrf, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { BuyerFields, FormAlerts } from './buyer-fields.views.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { GroupBuysTable } from './collective.tables.js';
import type { Tier } from './tiers.js';
import type { OfferedVariant } from './collective.queries.js';

type C = Context<AppEnv>;
const trOf = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export interface GroupBuyState {
  raw: Record<string, string>;
  commitId: string;
  /** The signed-in actor is the agent of this group buy's point. */
  asAgent: boolean;
}

export function GroupBuyPage(p: {
  c: C;
  gb: GroupBuysTable;
  point: string;
  tiers: Tier[];
  price: number;
  s: GroupBuyState;
  errors?: Record<string, string>;
  message?: string;
  notice?: string;
}) {
  const tr = trOf(p.c);
  const l = p.c.get('locale');
  const { gb } = p;
  const e = p.errors ?? {};
  const open = gb.status === 'open' && gb.deadline > new Date().toISOString();
  return (
    <>
      <h1>{tr('collective.gb.title', { title: gb.title })}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <FormAlerts c={p.c} message={p.message} errors={p.errors} />
      <section class="card">
        <p>
          {tr('collective.gb.where', {
            point: p.point,
            deadline: formatDateTime(l, gb.deadline, gb.village_code),
          })}
        </p>
        <p>
          {tr('collective.gb.progress', {
            qty: gb.committed_qty,
            min: gb.minimum_qty,
            unit: gb.unit_label,
          })}
        </p>
        <p>
          {tr('collective.gb.price_now', {
            price: formatRupiah(p.price),
            list: formatRupiah(gb.list_price),
          })}
        </p>
        <table>
          <caption>{tr('collective.gb.tiers')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('collective.gb.tier_qty')}</th>
              <th scope="col">{tr('collective.gb.tier_price')}</th>
            </tr>
          </thead>
          <tbody>
            {p.tiers.map((x) => (
              <tr>
                <td>≥ {x.minQty}</td>
                <td>{formatRupiah(x.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {gb.status !== 'open' ? (
          <p class="notice" role="status">
            {gb.status === 'succeeded'
              ? tr('collective.gb.succeeded', { price: formatRupiah(gb.final_price ?? 0) })
              : tr('collective.gb.failed')}
          </p>
        ) : null}
      </section>
      {open ? (
        <form method="post" action={`/patungan/${gb.id}`} novalidate class="card">
          <Csrf c={p.c} />
          <input type="hidden" name="commit_id" value={p.s.commitId} />
          <p>{tr('collective.gb.binding')}</p>
          <Field
            name="qty"
            label={tr('collective.gb.qty', { unit: gb.unit_label })}
            value={p.s.raw.qty}
            error={e.qty}
            inputmode="numeric"
            required
          />
          <BuyerFields c={p.c} raw={p.s.raw} errors={e} asAgent={p.s.asAgent} />
          <button type="submit">{tr('collective.gb.commit')}</button>
        </form>
      ) : null}
    </>
  );
}

export function AgentGroupBuysPage(p: {
  c: C;
  here: unknown;
  points: { id: string; name: string }[];
  variants: OfferedVariant[];
  raw: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
}) {
  const tr = trOf(p.c);
  const e = p.errors ?? {};
  return (
    <>
      <h1>{tr('collective.gb.agent_title')}</h1>
      <FormAlerts c={p.c} message={p.message} errors={p.errors} />
      {p.here ?? <p class="muted">{tr('collective.gb.none')}</p>}
      <form method="post" action="/titik/patungan" novalidate class="card">
        <Csrf c={p.c} />
        <h2>{tr('collective.gb.new')}</h2>
        <SelectField
          name="point"
          label={tr('collective.shop.point')}
          value={p.raw.point}
          options={p.points.map((x) => ({ value: x.id, label: x.name }))}
        />
        <SelectField
          name="variant"
          label={tr('collective.gb.product')}
          value={p.raw.variant}
          error={e.variant}
          options={p.variants.map((v) => ({
            value: v.variant_id,
            label: `${v.title} (${v.label}) · ${v.umkm_name} · ${formatRupiah(v.price)}`,
          }))}
        />
        <Field
          name="minimum"
          label={tr('collective.gb.minimum')}
          value={p.raw.minimum}
          error={e.minimum}
          inputmode="numeric"
        />
        <Field
          name="deadline"
          type="datetime-local"
          label={tr('collective.gb.deadline')}
          value={p.raw.deadline}
          error={e.deadline}
        />
        <fieldset>
          <legend>{tr('collective.gb.tiers')}</legend>
          {e.tiers ? (
            <p class="error" id="f-tiers">
              {e.tiers}
            </p>
          ) : null}
          {[1, 2, 3].map((i) => (
            <div class="field">
              <label for={`f-tier_qty_${i}`}>{tr('collective.gb.tier_qty_n', { n: i })}</label>
              <input
                id={`f-tier_qty_${i}`}
                name={`tier_qty_${i}`}
                inputmode="numeric"
                value={p.raw[`tier_qty_${i}`] ?? ''}
              />
              <label for={`f-tier_price_${i}`}>{tr('collective.gb.tier_price_n', { n: i })}</label>
              <input
                id={`f-tier_price_${i}`}
                name={`tier_price_${i}`}
                inputmode="numeric"
                value={p.raw[`tier_price_${i}`] ?? ''}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">{tr('collective.gb.open')}</button>
      </form>
    </>
  );
}
