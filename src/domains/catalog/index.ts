// Catalog: products of UMKM, variants, stock with its ledger, photos and search.
import './catalog.tables.js';
import { defineDomain } from '../../kernel/domain/index.js';
import { catalogErrors, catalogMessages } from './messages.js';
import { catalogEditErrors, catalogEditMessages } from './edit-messages.js';
import { catalogHomePanel } from './home-panel.js';
import { catalogMigrations } from './migrations/index.js';
import { catalogRoutes } from './catalog.routes.js';
import { productContentChanged } from './content-events.js';
import { catalogAuditScopes } from './audit-scopes.js';

export { catalogMigrations } from './migrations/index.js';
/** Stock moves only through these conditional updates, each with a ledger row. */
export {
  reserveStock,
  reserveStockMany,
  releaseStock,
  commitSale,
  adjustStock,
  createStock,
  stockOf,
} from './stock.js';
/** The one write of a product's listing state (decided by the innovation centre). */
export { setListing, LISTING_STATES, type ListingState } from './listing.js';
/** Product facts other domains read (review queue, certification sweep, mentoring). */
export {
  productFacts,
  productFactsByIds,
  productFactsOfUmkm,
  productsInCategories,
  firstActiveVariant,
  listedAmong,
  listedSince,
  listedCount,
  listingActivityBy,
  listedSellerIds,
  type ProductFacts,
} from './products.queries.js';
export { catalogRoutes } from './catalog.routes.js';
/** The taxonomy: groups, categories, names, and the certifications each category requires. */
export {
  CATEGORY_GROUPS,
  CATEGORIES,
  CATEGORY_SLUGS,
  categoryOf,
  groupOf,
  categoriesFor,
  categoryName,
  requiredCertifications,
  type Category,
  type CategoryGroup,
  type CertRequirement,
} from './taxonomy.js';
/** Search over listed products (both engines) and the card data every product grid shows. */
export {
  searchProducts,
  productCards,
  reindexProduct,
  reindexUmkm,
  PAGE_SIZE,
  type SearchQuery,
  type SearchResult,
  type ProductCard,
} from './search/index.js';
/** The reviewer's view of a product under review: its facts (any listing state) and their rendering. */
export { productDossier } from './product-page.queries.js';
export { ProductDossier } from './dossier.views.js';
/** The product tile and grid components for storefront and village pages. */
export { ProductTile, ProductGrid } from './public.views.js';
/** A village's products as cards with photos, for the storefront's village page. */
export { VillageProducts } from './village-products.views.js';
/** The catalogue an offline agent's device keeps (issue 18), full or changed since a time. */
export { deviceCatalogue, type DeviceCatalogueItem } from './device-catalogue.queries.js';
/** Photo URLs for other domains (partner feeds). */
export { photoUrl, photoSrcset, PHOTO_WIDTHS } from './photo-urls.js';
/** Seller use cases (also used by the demo seed). */
export {
  createProduct,
  updateProduct,
  addVariant,
  updateVariant,
  changeStock,
  type CatalogCtx,
} from './products.service.js';
/** A draft product for a pooled produce lot, created after produce checked the manager's rights. */
export { createLotProduct, type LotProductInput } from './lot-products.service.js';
export { processPhoto, storePhoto, sniffImage, attachStoredPhoto } from './photos.service.js';
/** Seller edits published inside their transaction (the innovation centre re-opens review); catalog imports no subscriber. */
export {
  productContentChanged,
  type ContentChange,
  type ProductContentChange,
  type EditOutcome,
} from './content-events.js';

/** What catalog adds to the app: products, stock, photos, search and the public product pages. */
/** Bulk listed products (variant, stock, search document) for the synthetic national world. */
export { insertSyntheticProducts, type SyntheticProduct } from './national-seed.js';
/** Variants on offer: partners' product feed and order check, collective trade's pickers (issue 20). */
export {
  variantOffers,
  offeredVariantIds,
  offeredVariantsByIds,
  listedVariantsIn,
  type VariantOffer,
  type OfferedVariant,
} from './offers.queries.js';

export const catalogDomain = defineDomain({
  name: 'catalog',
  migrations: catalogMigrations,
  routes: catalogRoutes,
  http: {
    // Search, category and product pages are the same for every anonymous visitor.
    cachedPages: [/^\/cari$/, /^\/kategori\//, /^\/produk\//],
    // Public search and product detail JSON: the same answer for every anonymous client.
    cachedJson: [/^\/api\/v1\/products(?:\/prd_[\w-]+)?$/],
    publicFiles: ['/media/'],
    // A photo (PHOTO_MAX_BYTES) plus its form or base64 JSON envelope.
    largeBodies: [{ path: /\/photos/, maxBytes: 8 * 1024 * 1024 }],
  },
  messages: [catalogMessages, catalogEditMessages],
  errors: { ...catalogErrors, ...catalogEditErrors },
  nav: [
    { href: '/cari', label: 'catalog.nav.search', roles: 'public', order: 20 },
    {
      href: '/jual/produk',
      label: 'catalog.nav.my_products',
      roles: ['seller', 'community_manager'],
      order: 30,
    },
  ],
  homePanels: [catalogHomePanel],
  // Audit rows about products and variants lie in the producing UMKM's village.
  auditScopes: catalogAuditScopes,
  publishes: { productContentChanged },
});
/** Orders' reads of the catalogue: cart and list variants, checkout's locked batch read, storefront lists. */
export {
  saleVariantsByIds,
  buyableVariantsOf,
  variantsForCheckout,
  listedProductSummaries,
  villagesWithListedProducts,
  type SaleVariant,
  type CheckoutVariant,
} from './sale.queries.js';
/** Listed variants with their stock and listed products per UMKM (the demo seeds: orders, partners, collective). */
export {
  listedVariants,
  listedCountsByUmkm,
  type ListedVariant,
} from './products.queries.js';
