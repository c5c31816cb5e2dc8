// The storefront's part of the public home page: featured villages and market-ready products.
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/index.js';
import { featuredVillages, listedProducts } from '../orders.queries.js';
import { HomeSection } from './storefront.views.js';

export async function storefrontHomeSection(c: Context<AppEnv>) {
  const db = c.get('deps').h.db;
  const [villages, products] = await Promise.all([featuredVillages(db, 8), listedProducts(db, { limit: 12 })]);
  return <HomeSection c={c} villages={villages} products={products} />;
}
