// Coordinator pages of order cycles: the list, the opening form (products with cycle prices,
// pickup windows per point) and a cycle's page with its close button and lists.
import type { Context } from 'hono';
import { t, formatDateTime, formatNumber } from '../../kernel/i18n/index.js';
import { Csrf, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { CyclesTable } from './collective.tables.js';
import type { CycleView } from './cycle-read.js';
import type { OfferedVariant, PointInfo } from './collective.queries.js';
import { pickupText } from './pickup-text.js';
import { FormAlerts } from './buyer-fields.views.js';

type C = Context<AppEnv>;
const trOf = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function CycleList(p: { c: C; cycles: CyclesTable[] }) {
  const tr = trOf(p.c);
  const l = p.c.get('locale');
  return (
    <>
      <h1>{tr('collective.cycles.title')}</h1>
      <p>
        <a href="/siklus/baru">{tr('collective.cycles.new')}</a> ·{' '}
        <a href="/siklus/permintaan">{tr('collective.demand.title')}</a>
      </p>
      {p.cycles.length === 0 ? (
        <p class="muted">{tr('collective.cycles.none')}</p>
      ) : (
        <ul>
          {p.cycles.map((x) => (
            <li>
              <a href={`/siklus/${x.id}`}>{x.name}</a> ·{' '}
              {formatDateTime(l, x.closes_at, x.village_code)} ·{' '}
              {tr(`collective.status.${x.status}`)} ·{' '}
              {tr('collective.cycles.orders', { n: x.order_count })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface NewCycleState {
  raw: Record<string, string>;
  orgs: { id: string; name: string; village_code: string }[];
  org: string;
  variants: OfferedVariant[];
  points: PointInfo[];
  chosenProducts: string[];
  chosenPoints: string[];
}

export function NewCyclePage(p: {
  c: C;
  s: NewCycleState;
  errors?: Record<string, string>;
  message?: string;
}) {
  const tr = trOf(p.c);
  const r = p.s.raw;
  const e = p.errors ?? {};
  return (
    <>
      <h1>{tr('collective.new.title')}</h1>
      <FormAlerts c={p.c} message={p.message} errors={p.errors} />
      {p.s.orgs.length > 1 ? (
        <form method="get" action="/siklus/baru">
          <SelectField
            name="org"
            label={tr('collective.new.org')}
            value={p.s.org}
            options={p.s.orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
          <button type="submit">{tr('collective.new.choose_org')}</button>
        </form>
      ) : null}
      <form method="post" action="/siklus/baru" novalidate>
        <Csrf c={p.c} />
        <input type="hidden" name="org" value={p.s.org} />
        <section class="card">
          <Field
            name="name"
            label={tr('collective.new.name')}
            value={r.name}
            error={e.name}
            required
          />
          <Field
            name="opens_at"
            type="datetime-local"
            label={tr('collective.new.opens')}
            value={r.opens_at}
            error={e.opens_at}
          />
          <Field
            name="closes_at"
            type="datetime-local"
            label={tr('collective.new.closes')}
            value={r.closes_at}
            error={e.closes_at}
          />
          <SelectField
            name="repeat"
            label={tr('collective.new.repeat')}
            value={r.repeat}
            error={e.repeat}
            options={(['none', 'weekly', 'pasaran'] as const).map((k) => ({
              value: k,
              label: tr(`collective.repeat.${k}`),
            }))}
          />
        </section>
        <section class="card">
          <fieldset>
            <legend>{tr('collective.new.products')}</legend>
            <p class="muted">{tr('collective.new.products_hint')}</p>
            {e.products ? (
              <p class="error" id="f-products">
                {e.products}
              </p>
            ) : null}
            {p.s.variants.map((v) => (
              <div class="field">
                <label>
                  <input
                    type="checkbox"
                    name="product"
                    value={v.variant_id}
                    checked={p.s.chosenProducts.includes(v.variant_id)}
                  />{' '}
                  {v.title} ({v.label}) · {v.umkm_name} · {formatRupiah(v.price)}
                </label>
                <label for={`f-price_${v.variant_id}`}>
                  {tr('collective.new.cycle_price', { title: v.title })}
                </label>
                <input
                  id={`f-price_${v.variant_id}`}
                  name={`price_${v.variant_id}`}
                  inputmode="numeric"
                  value={r[`price_${v.variant_id}`] ?? ''}
                />
              </div>
            ))}
          </fieldset>
        </section>
        <section class="card">
          <fieldset>
            <legend>{tr('collective.new.points')}</legend>
            {e.points ? (
              <p class="error" id="f-points">
                {e.points}
              </p>
            ) : null}
            {p.s.points.map((sp) => (
              <div class="field">
                <label>
                  <input
                    type="checkbox"
                    name="point"
                    value={sp.id}
                    checked={p.s.chosenPoints.includes(sp.id)}
                  />{' '}
                  {sp.name}
                </label>
                <label for={`f-date_${sp.id}`}>
                  {tr('collective.new.pickup_date', { point: sp.name })}
                </label>
                <input
                  id={`f-date_${sp.id}`}
                  name={`date_${sp.id}`}
                  type="date"
                  value={r[`date_${sp.id}`] ?? ''}
                />
                <label for={`f-from_${sp.id}`}>{tr('collective.new.pickup_from')}</label>
                <input
                  id={`f-from_${sp.id}`}
                  name={`from_${sp.id}`}
                  type="time"
                  value={r[`from_${sp.id}`] ?? '08:00'}
                />
                <label for={`f-to_${sp.id}`}>{tr('collective.new.pickup_to')}</label>
                <input
                  id={`f-to_${sp.id}`}
                  name={`to_${sp.id}`}
                  type="time"
                  value={r[`to_${sp.id}`] ?? '11:00'}
                />
              </div>
            ))}
          </fieldset>
          <button type="submit">{tr('collective.new.submit')}</button>
        </section>
      </form>
    </>
  );
}

export function CyclePage(p: {
  c: C;
  v: CycleView;
  runs: {
    point: string;
    orders: number;
    items: number;
    weight_grams: number;
    tracking: string | null;
  }[];
  notice?: string;
  message?: string;
}) {
  const tr = trOf(p.c);
  const l = p.c.get('locale');
  const { cycle } = p.v;
  const base = `/siklus/${cycle.id}`;
  return (
    <>
      <h1>{cycle.name}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.message ? (
        <div class="alert" role="alert">
          <p>{p.message}</p>
        </div>
      ) : null}
      <p>
        {p.v.organisation} · {tr(`collective.status.${cycle.status}`)} ·{' '}
        {tr('collective.cycles.orders', { n: cycle.order_count })} ·{' '}
        {tr(`collective.repeat.${cycle.repeat}`)}
      </p>
      <p>
        {tr('collective.shop.window', {
          opens: formatDateTime(l, cycle.opens_at, cycle.village_code),
          closes: formatDateTime(l, cycle.closes_at, cycle.village_code),
        })}
      </p>
      <p>
        <a href={`/pasar/${cycle.id}`}>{tr('collective.cycle.shop_link')}</a>
      </p>
      <h2>{tr('collective.new.points')}</h2>
      <ul>
        {p.v.points.map((x) => (
          <li>
            {x.point_name}: {pickupText(l, x.pickup_date, x.pickup_from, x.pickup_to)}
          </li>
        ))}
      </ul>
      <h2>{tr('collective.cycle.lists')}</h2>
      <ul>
        {(['supplier', 'packing'] as const).map((k) => (
          <li>
            {tr(`collective.list.${k}`)}: <a href={`${base}/daftar/${k}?ukuran=a4`}>A4</a> ·{' '}
            <a href={`${base}/daftar/${k}?ukuran=58mm`}>58 mm</a> ·{' '}
            <a href={`${base}/daftar/${k}.csv`}>CSV</a> ·{' '}
            <a href={`${base}/daftar/${k}.xlsx`}>Excel (XLSX)</a>
          </li>
        ))}
      </ul>
      {p.runs.length ? (
        <>
          <h2>{tr('collective.cycle.runs')}</h2>
          <ul>
            {p.runs.map((r) => (
              <li>
                {tr('collective.cycle.run_line', {
                  point: r.point,
                  orders: r.orders,
                  items: r.items,
                  kg: formatNumber(l, r.weight_grams / 1000, 1),
                })}{' '}
                ·{' '}
                {r.tracking ? (
                  <a href={`/paket/${r.tracking}`}>
                    {tr('collective.cycle.run_tracking', { tracking: r.tracking })}
                  </a>
                ) : (
                  tr('collective.cycle.run_no_parcel')
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {cycle.status === 'open' ? (
        <form method="post" action={`${base}/tutup`}>
          <Csrf c={p.c} />
          <p>{tr('collective.cycle.close_hint')}</p>
          <button type="submit">{tr('collective.cycle.close')}</button>
        </form>
      ) : null}
    </>
  );
}
