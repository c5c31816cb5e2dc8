// The agent's assisted-order screen: search by everyday words, add to the neighbour's list,
// see every rupiah to collect (goods, shipping per seller, fees) before the cash button, and
// record a request when the catalogue has nothing that fits. Plain forms: JavaScript off works.
import type { Context } from 'hono';
import { Csrf, Field, type AppEnv } from '../../../kernel/http/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import type { Preview } from '../checkout/preview.js';
import type { Draft } from './draft.service.js';
import type { Found } from './find.js';

type C = Context<AppEnv>;

export interface OrderScreen {
  point: { name: string; village_code: string };
  q: string;
  found: Found[];
  draft: Draft;
  price: Preview | null;
  villages: { code: string; name: string }[];
  raw: Record<string, string>;
  notice?: string;
  error?: string;
}

function SearchResults(p: { c: C; s: OrderScreen }) {
  const l = p.c.get('locale');
  return (
    <form method="post" action="/agen/pesan/daftar" class="card" aria-labelledby="h-found">
      <h2 id="h-found">{t(l, 'orders.agent.results', { q: p.s.q.trim() })}</h2>
      <Csrf c={p.c} />
      <input type="hidden" name="q" value={p.s.q} />
      {p.s.found.map((f) => (
        <Field
          name={`qty_${f.variant_id}`}
          type="number"
          inputmode="numeric"
          min={0}
          max={f.available}
          value={p.s.raw[`qty_${f.variant_id}`] ?? ''}
          label={t(l, 'orders.agent.qty', {
            title: `${f.title} ${f.label} — ${formatRupiah(f.price)} (${f.umkm_name}, ${t(
              l,
              'orders.agent.in_stock',
              { n: f.available },
            )})`,
          })}
        />
      ))}
      <button type="submit">{t(l, 'orders.agent.add')}</button>
    </form>
  );
}

function DemandForm(p: { c: C; s: OrderScreen }) {
  const l = p.c.get('locale');
  const r = p.s.raw;
  const village = r.d_village ?? p.s.point.village_code;
  return (
    <form method="post" action="/agen/permintaan" aria-labelledby="h-demand">
      <h3 id="h-demand">{t(l, 'orders.agent.demand_title')}</h3>
      <p class="muted">{t(l, 'orders.agent.demand_hint')}</p>
      <Csrf c={p.c} />
      <input type="hidden" name="q" value={p.s.q} />
      <Field
        name="d_what"
        label={t(l, 'orders.agent.demand_what')}
        value={r.d_what ?? p.s.q}
        required
      />
      <Field name="d_qty" label={t(l, 'orders.agent.demand_qty')} value={r.d_qty} required />
      <Field name="d_for" label={t(l, 'orders.agent.demand_for')} value={r.d_for} />
      <p>
        <label>
          <input type="checkbox" name="d_consent" value="1" checked={r.d_consent === '1'} />{' '}
          {t(l, 'orders.agent.demand_consent')}
        </label>
      </p>
      <div class="field">
        <label for="f-d_village">{t(l, 'orders.agent.demand_village')}</label>
        <select id="f-d_village" name="d_village">
          {p.s.villages.map((v) => (
            <option value={v.code} selected={v.code === village}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t(l, 'orders.agent.demand_save')}</button>
    </form>
  );
}

function DraftList(p: { c: C; s: OrderScreen }) {
  const l = p.c.get('locale');
  const { draft, price } = p.s;
  if (draft.cart.count === 0 || !price)
    return (
      <section class="card" aria-labelledby="h-list">
        <h2 id="h-list">{t(l, 'orders.agent.list')}</h2>
        <p>{t(l, 'orders.agent.list_empty')}</p>
      </section>
    );
  const shipping = price.sellers.reduce((a, s) => a + s.fees.shipping, 0);
  const r = p.s.raw;
  return (
    <section class="card" aria-labelledby="h-list">
      <h2 id="h-list">{t(l, 'orders.agent.list')}</h2>
      <table>
        <tbody>
          {draft.cart.sellers.flatMap((s) => [
            ...s.items.map((i) => (
              <tr>
                <td>
                  {i.title} <small class="muted">{i.label}</small>
                  <br />
                  <small>
                    {t(l, 'orders.agent.line', { qty: i.qty, price: formatRupiah(i.price) })} ·{' '}
                    {s.umkmName}
                  </small>
                  {i.problem ? (
                    <p class="error">
                      {i.problem === 'stock'
                        ? t(l, 'orders.err.insufficient_stock', {
                            title: i.title,
                            available: i.available,
                          })
                        : t(l, 'orders.err.not_listed', { title: i.title })}
                    </p>
                  ) : null}
                  <form method="post" action="/agen/pesan/hapus">
                    <Csrf c={p.c} />
                    <input type="hidden" name="variant" value={i.variant_id} />
                    <button type="submit" class="link">
                      {t(l, 'orders.agent.remove', { title: i.title })}
                    </button>
                  </form>
                </td>
                <td class="num">{formatRupiah(i.lineTotal)}</td>
              </tr>
            )),
          ])}
          <tr>
            <th>{t(l, 'orders.agent.items_total')}</th>
            <td class="num" data-k="items">
              {formatRupiah(draft.cart.itemsTotal)}
            </td>
          </tr>
          {price.sellers.map((s) => (
            <tr>
              <th>{t(l, 'orders.agent.shipping', { seller: s.umkmName })}</th>
              <td class="num">{formatRupiah(s.fees.shipping)}</td>
            </tr>
          ))}
          <tr>
            <th>{t(l, 'orders.agent.fees')}</th>
            <td class="num">{t(l, 'orders.agent.fees_none')}</td>
          </tr>
          <tr>
            <th>{t(l, 'orders.agent.to_collect')}</th>
            <td class="num" data-k="to-collect" data-shipping={shipping}>
              <strong>{formatRupiah(price.total)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <form method="post" action="/agen/pesan">
        <Csrf c={p.c} />
        <input type="hidden" name="expected_total" value={String(price.total)} />
        <Field
          name="name"
          label={t(l, 'orders.agent.villager')}
          value={r.name ?? draft.buyerName ?? ''}
          required
        />
        <Field
          name="phone"
          label={t(l, 'orders.agent.phone')}
          value={r.phone ?? draft.buyerPhone ?? ''}
          type="tel"
          inputmode="tel"
        />
        <p>
          <label>
            <input type="checkbox" name="consent" value="1" checked={draft.consented} />{' '}
            {t(l, 'orders.agent.consent')}
          </label>
        </p>
        <button type="submit" class="primary">
          {t(l, 'orders.agent.place', { amount: formatRupiah(price.total) })}
        </button>
      </form>
    </section>
  );
}

export function AgentOrderScreen(p: { c: C; s: OrderScreen }) {
  const l = p.c.get('locale');
  const s = p.s;
  return (
    <>
      <h1>
        {t(l, 'orders.agent.title')} · {s.point.name}
      </h1>
      {s.error ? (
        <div class="alert" role="alert">
          <p>{s.error}</p>
        </div>
      ) : null}
      {s.notice ? (
        <p class="notice" role="status">
          {s.notice}
        </p>
      ) : null}
      <form method="get" action="/agen/pesan" class="row card">
        <Field
          name="q"
          label={t(l, 'orders.agent.search')}
          hint={t(l, 'orders.agent.search_hint')}
          value={s.q}
          inputmode="search"
        />
        <button type="submit">{t(l, 'orders.agent.find')}</button>
      </form>
      {s.q.trim() && s.found.length > 0 ? <SearchResults c={p.c} s={s} /> : null}
      {s.q.trim() ? (
        <section class="card">
          {s.found.length === 0 ? (
            <>
              <p>
                <strong>{t(l, 'orders.agent.not_in_catalogue', { q: s.q.trim() })}</strong>
              </p>
              <DemandForm c={p.c} s={s} />
            </>
          ) : (
            <details open={!!s.raw.d_what}>
              <summary>{t(l, 'orders.agent.demand_title')}</summary>
              <DemandForm c={p.c} s={s} />
            </details>
          )}
        </section>
      ) : null}
      <DraftList c={p.c} s={s} />
    </>
  );
}
