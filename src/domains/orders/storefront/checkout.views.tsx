// The checkout form. Region pickers are plain selects filled step by step by the server
// ("Tampilkan pilihan" posts the form back), so the whole flow works with JavaScript off.
import type { Context } from 'hono';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../../kernel/http/index.js';
import { formatPercent, t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import type { CartView } from '../cart/cart.service.js';
import type { Preview } from '../checkout/preview.js';
import { producerShare } from '../fees.js';
import type { Area } from '../orders.queries.js';
import { isPaymentMethod, PAYMENT_METHODS } from '../payment-methods.js';

type C = Context<AppEnv>;

export interface CheckoutState {
  raw: Record<string, string>;
  levels: { name: 'province' | 'regency' | 'district' | 'village'; options: Area[] }[];
  points: { id: string; name: string; village_code: string }[];
  preview: Preview | null;
  /** The delivery the preview priced (`pickup:<point>` or `address:<village>`), sent back with the total. */
  pricedFor: string | null;
  idem: string;
}

export function CheckoutPage(p: {
  c: C;
  cart: CartView;
  s: CheckoutState;
  errors?: Record<string, string>;
  message?: string;
  notice?: string;
}) {
  const l = p.c.get('locale');
  const r = p.s.raw;
  const tr = (k: string, x?: Record<string, unknown>) => t(l, k, x);
  const delivery = r.delivery === 'address' ? 'address' : 'pickup';
  const method = isPaymentMethod(r.payment) ? r.payment : 'cod';
  const e = p.errors ?? {};
  return (
    <>
      <h1>{tr('orders.checkout.title')}</h1>
      {p.message ? (
        <div class="alert" role="alert">
          <p>{p.message}</p>
        </div>
      ) : null}
      {p.notice ? (
        <div class="notice" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/pesan" novalidate>
        <Csrf c={p.c} />
        <input type="hidden" name="idem" value={p.s.idem} />
        {p.s.preview && p.s.pricedFor ? (
          <>
            <input type="hidden" name="expected_total" value={String(p.s.preview.total)} />
            <input type="hidden" name="priced_for" value={p.s.pricedFor} />
          </>
        ) : null}
        <section class="card">
          <h2>{tr('orders.checkout.buyer')}</h2>
          <Field
            name="name"
            label={tr('orders.checkout.name')}
            value={r.name}
            error={e.name}
            required
            autocomplete="name"
          />
          <Field
            name="phone"
            label={tr('orders.checkout.phone')}
            value={r.phone}
            error={e.phone}
            required
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            hint={tr('orders.checkout.phone_hint')}
          />
        </section>
        <section class="card">
          <h2>{tr('orders.checkout.region')}</h2>
          <p class="muted">{tr('orders.checkout.region_hint')}</p>
          {p.s.levels.map((lv) => (
            <SelectField
              name={lv.name}
              label={tr(`orders.checkout.${lv.name}`)}
              value={r[lv.name]}
              error={e[lv.name]}
              options={[
                { value: '', label: tr('orders.checkout.choose') },
                ...lv.options.map((o) => ({ value: o.code, label: o.name })),
              ]}
            />
          ))}
          <button type="submit" name="action" value="refresh">
            {tr('orders.checkout.refresh')}
          </button>
        </section>
        <section class="card">
          <fieldset>
            <legend>{tr('orders.checkout.delivery')}</legend>
            <label>
              <input type="radio" name="delivery" value="pickup" checked={delivery === 'pickup'} />{' '}
              {tr('orders.checkout.pickup')}
            </label>
            <br />
            <label>
              <input
                type="radio"
                name="delivery"
                value="address"
                checked={delivery === 'address'}
              />{' '}
              {tr('orders.checkout.address_delivery')}
            </label>
          </fieldset>
          {p.s.points.length ? (
            <SelectField
              name="service_point"
              label={tr('orders.checkout.point')}
              value={r.service_point}
              error={e.service_point}
              options={[
                { value: '', label: tr('orders.checkout.choose') },
                ...p.s.points.map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
          ) : r.regency ? (
            <p class="muted">{tr('orders.checkout.no_points')}</p>
          ) : null}
          {e.service_point && !p.s.points.length ? <p class="error">{e.service_point}</p> : null}
          <div class={e.address ? 'field invalid' : 'field'}>
            <label for="f-address">{tr('orders.checkout.address')}</label>
            <small id="f-address-hint">{tr('orders.checkout.address_hint')}</small>
            <textarea
              id="f-address"
              name="address"
              rows={2}
              aria-describedby={e.address ? 'f-address-hint f-address-err' : 'f-address-hint'}
              aria-invalid={e.address ? 'true' : undefined}
            >
              {r.address ?? ''}
            </textarea>
            {e.address ? (
              <p class="error" id="f-address-err">
                {e.address}
              </p>
            ) : null}
          </div>
        </section>
        <section class="card">
          <fieldset>
            <legend>{tr('orders.checkout.payment')}</legend>
            {PAYMENT_METHODS.map((m) => (
              <>
                <label>
                  <input type="radio" name="payment" value={m} checked={method === m} />{' '}
                  {tr(`orders.method.${m}`)}
                </label>
                <br />
              </>
            ))}
          </fieldset>
        </section>
        <Summary c={p.c} cart={p.cart} preview={p.s.preview} />
        {/* "Pesan sekarang" exists only once the full total for the chosen delivery is on the
            page: before that the one step is pricing it, which re-renders and never fails. */}
        {p.s.preview ? (
          <p class="actions">
            <button type="submit" name="action" value="place" class="primary">
              {tr('orders.checkout.place')}
            </button>{' '}
            <button type="submit" name="action" value="price">
              {tr('orders.checkout.reprice')}
            </button>
          </p>
        ) : (
          <>
            <p class="muted">{tr('orders.checkout.price_hint')}</p>
            <button type="submit" name="action" value="price" class="primary">
              {tr('orders.checkout.price')}
            </button>
          </>
        )}
      </form>
    </>
  );
}

function Summary(p: { c: C; cart: CartView; preview: Preview | null }) {
  const l = p.c.get('locale');
  const bySeller = new Map(p.preview?.sellers.map((s) => [s.umkmId, s.fees]) ?? []);
  return (
    <section class="card" aria-labelledby="h-sum">
      <h2 id="h-sum">{t(l, 'orders.checkout.summary')}</h2>
      <table>
        <tbody>
          {p.cart.sellers.map((s) => {
            const fees = bySeller.get(s.umkmId);
            return (
              <>
                <tr>
                  <th colSpan={2}>{s.umkmName}</th>
                </tr>
                {s.items.map((i) => (
                  <tr>
                    <td>
                      {i.title} × {i.qty}
                    </td>
                    <td class="num">{formatRupiah(i.lineTotal)}</td>
                  </tr>
                ))}
                {fees ? (
                  <>
                    <tr>
                      <td>{t(l, 'orders.checkout.shipping')}</td>
                      <td class="num shipping">{formatRupiah(fees.shipping)}</td>
                    </tr>
                    <tr>
                      <td>{t(l, 'orders.checkout.seller_total', { name: s.umkmName })}</td>
                      <td class="num">{formatRupiah(fees.total)}</td>
                    </tr>
                  </>
                ) : null}
              </>
            );
          })}
          {p.preview ? (
            <tr>
              <th>{t(l, 'orders.checkout.total')}</th>
              <td class="num">
                <strong id="checkout-total">{formatRupiah(p.preview.total)}</strong>
              </td>
            </tr>
          ) : (
            <tr>
              <th>{t(l, 'orders.checkout.items_total')}</th>
              <td class="num">{formatRupiah(p.cart.itemsTotal)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {p.preview ? (
        <>
          <p>{t(l, 'orders.checkout.no_fee')}</p>
          <p>
            {t(l, 'orders.checkout.share', {
              amount: formatRupiah(p.preview.sellerShare),
              percent: formatPercent(l, producerShare(p.preview.sellerShare, p.preview.total)),
            })}
          </p>
        </>
      ) : (
        <p class="muted">{t(l, 'orders.checkout.shipping_later')}</p>
      )}
    </section>
  );
}
