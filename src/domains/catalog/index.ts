// Catalog: products of UMKM, variants, stock with its ledger, photos and search.
import './catalog.tables.js';

export { catalogMigrations } from './migrations/index.js';
/** Stock moves only through these conditional updates, each with a ledger row. */
export { reserveStock, releaseStock, commitSale, adjustStock, createStock, stockOf } from './stock.js';
/** The one write of a product's listing state (decided by the innovation centre). */
export { setListing, LISTING_STATES, type ListingState } from './listing.js';
export type { ProductsTable, VariantsTable, StockTable, StockLedgerTable, PhotosTable } from './catalog.tables.js';
export { catalogRoutes } from './catalog.routes.js';
