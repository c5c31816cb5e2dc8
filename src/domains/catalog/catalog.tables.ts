import type { Generated } from 'kysely';
// Tables of the catalog domain: products of an UMKM, their variants with price and weight,
// stock per variant (never negative: CHECK constraints plus conditional updates) and the
// stock ledger that explains every change.
export interface ProductsTable {
  id: string;
  umkm_id: string;
  /** The UMKM's village, copied here so scoped queries and search filter without a join. */
  village_code: string;
  title: string;
  description: string;
  description_en: string | null;
  /** Slug from the taxonomy (catalog/taxonomy.ts), e.g. `gula-aren`. */
  category: string;
  /** 1 only after the innovation centre marked it market-ready and its certifications are valid. */
  listed: number;
  /** Why it is not listed (not_reviewed, in_review, changes_requested, certification_expired …). */
  listing_state: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  label: string;
  sku: string;
  price: number;
  weight_grams: number;
  active: number;
  created_at: string;
}

export interface StockTable {
  variant_id: string;
  /** umkm | service_point */
  location_kind: string;
  location_id: string;
  available: number;
  reserved: number;
  updated_at: string;
}

export type StockReason =
  | 'initial'
  | 'restock'
  | 'correction'
  | 'reservation'
  | 'release'
  | 'sale'
  | 'return';

export interface StockLedgerTable {
  id: string;
  variant_id: string;
  delta_available: number;
  delta_reserved: number;
  reason: StockReason;
  /** The order, reservation or note this change belongs to. */
  ref: string | null;
  actor_id: string | null;
  at: string;
}

export interface PhotosTable {
  id: string;
  product_id: string;
  alt: string;
  /** Relative path stem under the upload dir; sizes are `<stem>-<w>.webp`. */
  path_stem: string;
  width: number;
  height: number;
  position: number;
  created_at: string;
}

/** The search document of a product: normalised, stemmed text plus the columns filters use. */
export interface ProductSearchTable {
  doc_id: Generated<number>;
  product_id: string;
  umkm_id: string;
  village_code: string;
  category: string;
  listed: number;
  price_min: number;
  price_max: number;
  /** Normalised tokens and stems (search/normalise.ts), not display text. */
  title: string;
  names: string;
  body: string;
  created_at: string;
}

/** PostgreSQL only: every lexeme of the search documents, for expanding a typed prefix (migration 0407). */
export interface SearchWordsTable {
  word: string;
}

/** Listed products per UMKM with any product, kept by triggers on products (migration 0408). */
export interface ListingCountsTable {
  umkm_id: string;
  /** The UMKM's village (its products carry it). */
  village_code: string;
  listed: number;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    product_search: ProductSearchTable;
    search_words: SearchWordsTable;
    listing_counts: ListingCountsTable;
    products: ProductsTable;
    variants: VariantsTable;
    stock: StockTable;
    stock_ledger: StockLedgerTable;
    photos: PhotosTable;
  }
}
