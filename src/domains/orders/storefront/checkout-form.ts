// The checkout form's state between steps: which region levels to show (each filled from its
// chosen parent), which service points, and the price preview once the destination is known.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../../kernel/db/index.js';
import type { CartView } from '../cart/cart.service.js';
import { previewCart } from '../checkout/preview.js';
import { childAreas, servicePointsIn } from '../orders.queries.js';
import type { PlaceOrderInput } from '../checkout/request.js';
import type { CheckoutState } from './checkout.views.js';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

export async function checkoutState(
  db: Tx,
  cart: CartView,
  raw: Record<string, string>,
): Promise<CheckoutState> {
  const clean: Record<string, string> = { ...raw };
  const levels: CheckoutState['levels'] = [];
  let parent: string | null = null;
  for (const name of LEVELS) {
    const options = await childAreas(db, parent);
    levels.push({ name, options });
    const chosen = clean[name];
    if (!chosen || !options.some((o) => o.code === chosen)) {
      // A stale lower choice (the buyer changed the province) is dropped with its children.
      for (const n of LEVELS.slice(LEVELS.indexOf(name))) delete clean[n];
      break;
    }
    parent = chosen;
  }
  const within = clean.district ?? clean.regency;
  const points = within ? await servicePointsIn(db, within) : [];
  let dest: string | null = null;
  let pricedFor: string | null = null;
  if (clean.delivery === 'address') {
    dest = clean.village ?? null;
    pricedFor = `address:${dest}`;
  } else {
    dest = points.find((p) => p.id === clean.service_point)?.village_code ?? null;
    pricedFor = `pickup:${clean.service_point}`;
  }
  const preview =
    dest && cart.sellers.length && !cart.blocked ? await previewCart(db, cart, dest) : null;
  return {
    raw: {
      ...clean,
      name: raw.name ?? '',
      phone: raw.phone ?? '',
      address: raw.address ?? '',
      payment: raw.payment ?? 'cod',
      delivery: raw.delivery ?? 'pickup',
      service_point: raw.service_point ?? '',
    },
    levels,
    points,
    preview,
    pricedFor: preview ? pricedFor : null,
    idem: /^[a-f0-9]{32}$/.test(raw.idem ?? '') ? raw.idem : randomBytes(16).toString('hex'),
  };
}

/**
 * The form's fields as a checkout request (checkout/request.ts): the cart's lines at the prices
 * shown, the buyer, the delivery (the village only as chosen through the region pickers).
 */
export function checkoutFromForm(
  f: Record<string, string>,
  village: string | undefined,
  cart: CartView,
): PlaceOrderInput {
  return {
    lines: cart.sellers.flatMap((x) =>
      x.items.map((i) => ({ variantId: i.variant_id, qty: i.qty, expectedUnitPrice: i.price })),
    ),
    buyer: { name: f.name ?? '', phone: f.phone ?? '' },
    delivery:
      f.delivery === 'address'
        ? { kind: 'address', villageCode: village ?? '', address: f.address ?? '' }
        : { kind: 'pickup', servicePointId: f.service_point ?? '' },
    paymentMethod: (f.payment || 'cod') as PlaceOrderInput['paymentMethod'],
    channel: 'storefront',
  };
}
