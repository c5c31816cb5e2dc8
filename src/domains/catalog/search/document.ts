// Keeps a product's search document in step with the product. Every catalog write that
// changes what search sees (create, edit, variants, listing) calls `reindexProduct` in the
// same transaction, so search never shows a product the storefront would not. Village,
// BUMDes and producer names are copied in too; `reindexUmkm` refreshes them after a rename.
import type { Tx } from '../../../kernel/db/index.js';
import { categoryOf, groupOf } from '../taxonomy.js';
import { indexText } from './normalise.js';
import { searchChanged } from './cache.js';
import { umkmColumn, umkmOrganisationColumn } from '../../community/index.js';
import { areaNameOf } from '../../regions/index.js';
import '../catalog.tables.js';

/** Rebuilds (or removes, when the product is gone) the search document of one product. */
export async function reindexProduct(tx: Tx, productId: string): Promise<void> {
  // After the write, as close to the commit as this function gets (see cache.ts).
  try {
    await writeDocument(tx, productId);
  } finally {
    searchChanged();
  }
}

async function writeDocument(tx: Tx, productId: string): Promise<void> {
  const p = await tx
    .selectFrom('products as p')
    .select([
      'p.id',
      'p.umkm_id',
      'p.village_code',
      'p.category',
      'p.listed',
      'p.title',
      'p.description',
      'p.description_en',
      'p.created_at',
      // Community's and regions' names as scalar subqueries: still one statement per document.
      umkmColumn('p.umkm_id', 'name').as('umkm_name'),
      umkmOrganisationColumn('p.umkm_id', 'name').as('org_name'),
      areaNameOf('p.village_code').as('village_name'),
      areaNameOf('p.village_code', 1).as('district_name'),
      areaNameOf('p.village_code', 2).as('regency_name'),
    ])
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!p) {
    await tx.deleteFrom('product_search').where('product_id', '=', productId).execute();
    return;
  }
  const prices = await tx
    .selectFrom('variants')
    .select((eb) => [eb.fn.min<number>('price').as('lo'), eb.fn.max<number>('price').as('hi')])
    .where('product_id', '=', productId)
    .where('active', '=', 1)
    .executeTakeFirst();
  const cat = categoryOf(p.category);
  const group = cat ? groupOf(cat.group) : undefined;
  const names = [
    cat?.name.id,
    cat?.name.en,
    group?.name.id,
    group?.name.en,
    p.umkm_name,
    p.org_name,
    p.village_name,
    p.district_name,
    p.regency_name,
  ]
    .filter(Boolean)
    .join(' ');
  const doc = {
    product_id: p.id,
    umkm_id: p.umkm_id,
    village_code: p.village_code,
    category: p.category,
    listed: p.listed,
    price_min: Number(prices?.lo ?? 0),
    price_max: Number(prices?.hi ?? 0),
    title: indexText(p.title),
    names: indexText(names),
    body: indexText(`${p.description} ${p.description_en ?? ''}`),
    created_at: p.created_at,
  };
  await tx
    .insertInto('product_search')
    .values(doc)
    .onConflict((oc) =>
      oc.column('product_id').doUpdateSet({
        umkm_id: doc.umkm_id,
        village_code: doc.village_code,
        category: doc.category,
        listed: doc.listed,
        price_min: doc.price_min,
        price_max: doc.price_max,
        title: doc.title,
        names: doc.names,
        body: doc.body,
      }),
    )
    .execute();
}

/** Rebuilds the documents of every product of an UMKM (after its name, BUMDes or village changed). */
export async function reindexUmkm(tx: Tx, umkmId: string): Promise<number> {
  const rows = await tx.selectFrom('products').select('id').where('umkm_id', '=', umkmId).execute();
  for (const r of rows) await reindexProduct(tx, r.id);
  return rows.length;
}
