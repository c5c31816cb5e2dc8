// What the storefront reads beside orders' own tables: cart lines with their variants, areas,
// pickup points and village pages. The catalogue, community and regions data comes through
// the functions those domains export, so this file names only orders' tables. Read-only.
import type { Tx } from '../../kernel/db/index.js';
import {
  listedProductSummaries,
  saleVariantsByIds,
  villagesWithListedProducts,
  type SaleVariant,
} from '../catalog/index.js';
import { pickupPoint, pickupPointsIn, villageCommunity } from '../community/index.js';
import { childrenOf, regionChain } from '../regions/index.js';

/** A cart line with its variant as the catalogue sells it (the variant's `active` flag aside). */
export type CartItem = Omit<SaleVariant, 'active'> & { qty: number };

export async function cartItems(db: Tx, cartId: string): Promise<CartItem[]> {
  const lines = await db
    .selectFrom('cart_lines')
    .select(['variant_id', 'qty'])
    .where('cart_id', '=', cartId)
    .orderBy('added_at')
    .orderBy('variant_id')
    .execute();
  return withVariants(db, lines);
}

/** Lines (variant, qty) with their variant, product, seller and stock; unknown variants drop out. */
export async function withVariants(
  db: Tx,
  lines: { variant_id: string; qty: number }[],
): Promise<CartItem[]> {
  if (lines.length === 0) return [];
  const variants = await saleVariantsByIds(
    db,
    lines.map((l) => l.variant_id),
  );
  return lines.flatMap((l) => {
    const v = variants.get(l.variant_id);
    if (!v) return [];
    const { active: _active, ...item } = v;
    return [{ ...item, qty: l.qty }];
  });
}

export async function variantForCart(db: Tx, variantId: string) {
  const v = (await saleVariantsByIds(db, [variantId])).get(variantId);
  return (
    v && {
      id: v.variant_id,
      active: v.active,
      title: v.title,
      listed: v.listed,
      available: v.available,
    }
  );
}

export interface Area {
  code: string;
  name: string;
  level: number;
}

export async function childAreas(db: Tx, parent: string | null): Promise<Area[]> {
  const areas = await childrenOf(db, parent, { by: 'name' });
  return areas.map((a) => ({ code: a.code, name: a.name, level: a.level }));
}

export async function areaChain(db: Tx, code: string): Promise<Area[]> {
  const chain = await regionChain(db, code);
  return chain.map((a) => ({ code: a.code, name: a.name, level: a.level }));
}

/** Pickup points inside a region prefix, by name. */
export const servicePointsIn = pickupPointsIn;

/** A service point with its village's name, or undefined. */
export async function servicePoint(db: Tx, id: string) {
  const sp = await pickupPoint(db, id);
  return (
    sp && {
      id: sp.id,
      name: sp.name,
      village_code: sp.village_code,
      opening_hours: sp.opening_hours,
      village_name: sp.village_name,
    }
  );
}

/** Villages with listed products, most products first (home page "featured villages"). */
export async function featuredVillages(db: Tx, limit = 6) {
  return villagesWithListedProducts(db, limit);
}

/** Market-ready products with their lowest price, newest first. */
export const listedProducts = listedProductSummaries;

export async function villagePage(db: Tx, code: string) {
  const [chain, community] = await Promise.all([areaChain(db, code), villageCommunity(db, code)]);
  return { chain, ...community };
}
