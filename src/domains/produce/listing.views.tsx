// The lot page's catalogue panel (JS off, 360 px): the manager's "Jual lewat katalog" form for
// an open lot, or the listing's review state with a link to its product.
import type { Context } from 'hono';
import { Csrf, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { kg, tr } from './display.js';
import type { lotListing } from './lot-listing.service.js';

type C = Context<AppEnv>;
type Listing = NonNullable<Awaited<ReturnType<typeof lotListing>>>;

const STATE_KEYS: Record<string, string> = {
  in_review: 'produce.listing.state.in_review',
  listed: 'produce.listing.state.listed',
};

export function LotListingPanel(p: {
  c: C;
  lotId: string;
  listing: Listing | undefined;
  /** Shown only to the lot's managers while the lot is open. */
  canList: boolean;
  umkms: { id: string; name: string }[];
  errors: Record<string, string>;
  raw: Record<string, string>;
}) {
  const { c, listing, errors, raw } = p;
  if (listing) {
    const listed = listing.listingState === 'listed';
    const state = tr(c, STATE_KEYS[listing.listingState] ?? 'produce.listing.state.other');
    return (
      <section class="card">
        <h2>{tr(c, 'produce.listing.title')}</h2>
        <p>{tr(c, 'produce.listing.state', { state })}</p>
        <p>
          {listing.packs} × {kg(c.get('locale'), listing.pack_g)} kg ·{' '}
          {formatRupiah(listing.price_per_pack)}
        </p>
        {listing.sold.packs > 0 ? (
          <p>
            {tr(c, 'produce.listing.sold', {
              packs: String(listing.sold.packs),
              kg: kg(c.get('locale'), listing.sold.grams),
              amount: formatRupiah(listing.sold.proceeds),
            })}
          </p>
        ) : null}
        {listing.sold.pendingOrders > 0 ? (
          <p>{tr(c, 'produce.listing.pending', { n: String(listing.sold.pendingOrders) })}</p>
        ) : null}
        {listing.closed_at ? <p>{tr(c, 'produce.listing.closed')}</p> : null}
        <p>
          <a href={listed ? `/produk/${listing.product_id}` : `/jual/produk/${listing.product_id}`}>
            {tr(c, 'produce.listing.view')}
          </a>
        </p>
      </section>
    );
  }
  if (!p.canList || !p.umkms.length) return null;
  return (
    <form method="post" action={`/produksi/lot/${p.lotId}/katalog`} class="card">
      <h2>{tr(c, 'produce.listing.title')}</h2>
      <Csrf c={c} />
      <SelectField
        name="umkm_id"
        label={tr(c, 'produce.listing.umkm')}
        value={raw.umkm_id}
        error={errors.umkm_id}
        options={p.umkms.map((u) => ({ value: u.id, label: u.name }))}
        required
      />
      <Field
        name="name"
        label={tr(c, 'produce.listing.name')}
        value={raw.name}
        error={errors.name}
        required
      />
      <Field
        name="pack_kg"
        label={tr(c, 'produce.listing.pack_kg')}
        value={raw.pack_kg}
        error={errors.pack_kg}
        inputmode="decimal"
        required
      />
      <Field
        name="price_per_pack"
        label={tr(c, 'produce.listing.price')}
        value={raw.price_per_pack}
        error={errors.price_per_pack}
        inputmode="numeric"
        required
      />
      <button type="submit">{tr(c, 'produce.listing.submit')}</button>
    </form>
  );
}
