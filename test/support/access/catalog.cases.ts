// Access matrix rows of the catalog: sellers reach only their own UMKM's products, variants
// and stock (pages and API); community managers see their organisation's UMKM; the public
// sees listed products only.
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../community.js';
import { inTransaction } from '../../../src/kernel/db/index.js';
import { makeProduct } from '../catalog.js';
import { attachStoredPhoto } from '../../../src/domains/catalog/photos.service.js';

export const accessCases: AccessCases = async (w) => {
  const db = w.h.db;
  const v1 = await anyVillage(db, '53.09', 0);
  const v2 = await anyVillage(db, '35.10', 0);
  const orgA = await makeOrganisation(db, { villageCode: v1 });
  const orgB = await makeOrganisation(db, { villageCode: v2 });
  const a = await makeUmkm(db, { villageCode: v1, organisationId: orgA });
  const b = await makeUmkm(db, { villageCode: v2, organisationId: orgB });
  const pa = await makeProduct(w.h, { umkmId: a, stock: 50 });
  const pb = await makeProduct(w.h, { umkmId: b, stock: 50 });
  const hidden = await makeProduct(w.h, { umkmId: a, listed: false });
  // Photo rows only (no files): the matrix checks who may act on them, not the image pipeline.
  const photo = (productId: string) =>
    inTransaction(db, (tx) =>
      attachStoredPhoto(tx, productId, {
        stem: 'p/pho_00000000000000000000000000',
        alt: 'Foto uji',
        width: 640,
        height: 480,
      }),
    );
  const [phA1, , phB] = [
    await photo(pa.productId),
    await photo(pa.productId),
    await photo(pb.productId),
  ];
  const details = {
    title: 'Gula Aren Cetak',
    description: 'Gula aren dari nira segar desa.',
    category: 'gula-aren',
  };
  const variant = { label: '2 kg', price: '30000', weight_grams: '2000' };
  const sellerB: AccessCase['as'] = [['seller', b]];
  const cases: AccessCase[] = [
    {
      name: 'public product page (listed)',
      path: `/produk/${pa.productId}`,
      as: null,
      expect: 200,
    },
    {
      name: 'public product page (unlisted) is 404',
      path: `/produk/${hidden.productId}`,
      as: null,
      expect: 404,
      twin: `GET /produk/${pa.productId}`,
    },
    { name: 'public search', path: '/cari?q=aren', as: null, expect: 200 },
    { name: 'public API search', path: '/api/v1/products?q=aren', as: null, expect: 200 },
    {
      name: 'public API listed product',
      path: `/api/v1/products/${pa.productId}`,
      as: null,
      expect: 200,
    },
    {
      name: 'public API unlisted product',
      path: `/api/v1/products/${hidden.productId}`,
      as: null,
      expect: 404,
      twin: `GET /api/v1/products/${pa.productId}`,
    },
    { name: 'anonymous my products', path: '/jual/produk', as: null, expect: 'login' },
    { name: 'buyer my products', path: '/jual/produk', as: [['buyer', null]], expect: 403 },
    {
      name: 'buyer new product form',
      path: '/jual/produk/baru',
      as: [['buyer', null]],
      expect: 403,
    },
    { name: 'seller my products', path: '/jual/produk', as: [['seller', a]], expect: 200 },
    {
      name: 'seller own product',
      path: `/jual/produk/${pa.productId}`,
      as: [['seller', a]],
      expect: 200,
    },
    {
      name: 'seller foreign product',
      path: `/jual/produk/${pb.productId}`,
      as: [['seller', a]],
      expect: 404,
    },
    {
      name: 'seller edits own product',
      method: 'POST',
      path: `/jual/produk/${pa.productId}`,
      as: [['seller', a]],
      expect: 200,
      form: details,
    },
    {
      name: 'seller edits foreign product',
      method: 'POST',
      path: `/jual/produk/${pb.productId}`,
      as: [['seller', a]],
      expect: 404,
      form: details,
    },
    {
      name: 'seller restocks own variant',
      method: 'POST',
      path: `/jual/varian/${pa.variantId}/stok`,
      as: [['seller', a]],
      expect: 303,
      form: { delta: '1', reason: 'restock' },
    },
    {
      name: 'seller restocks foreign variant',
      method: 'POST',
      path: `/jual/varian/${pb.variantId}/stok`,
      as: [['seller', a]],
      expect: 404,
      form: { delta: '1', reason: 'restock' },
    },
    {
      name: 'seller edits foreign variant',
      method: 'POST',
      path: `/jual/varian/${pb.variantId}`,
      as: [['seller', a]],
      expect: 404,
      form: variant,
    },
    {
      name: 'seller adds variant to foreign product',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/varian`,
      as: [['seller', a]],
      expect: 404,
      form: variant,
    },
    {
      name: 'seller creates product for foreign UMKM',
      method: 'POST',
      path: '/jual/produk',
      as: [['seller', a]],
      expect: 403,
      form: {
        ...details,
        umkm_id: b,
        variant_label: '1 kg',
        price: '1000',
        weight_grams: '1000',
        stock: '1',
      },
    },
    {
      name: 'API seller stock own variant',
      method: 'POST',
      path: `/api/v1/seller/variants/${pa.variantId}/stock`,
      as: [['seller', a]],
      expect: 200,
      json: { delta: 1, reason: 'restock' },
    },
    {
      name: 'API seller stock foreign variant',
      method: 'POST',
      path: `/api/v1/seller/variants/${pb.variantId}/stock`,
      as: [['seller', a]],
      expect: 404,
      json: { delta: 1, reason: 'restock' },
    },
    {
      name: 'API buyer seller products',
      path: '/api/v1/seller/products',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'API seller products',
      path: '/api/v1/seller/products',
      as: [['seller', a]],
      expect: 200,
    },
    {
      name: 'seller moves own photo',
      method: 'POST',
      path: `/jual/produk/${pa.productId}/photos/${phA1}/posisi`,
      as: [['seller', a]],
      expect: 303,
      form: { position: '1' },
    },
    {
      name: 'seller moves foreign photo',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/photos/${phB}/posisi`,
      as: [['seller', a]],
      expect: 404,
      form: { position: '0' },
    },
    {
      name: 'seller deletes foreign photo',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/photos/${phB}/hapus`,
      as: [['seller', a]],
      expect: 404,
      form: {},
    },
    {
      name: 'seller deletes foreign photo through own product',
      method: 'POST',
      path: `/jual/produk/${pa.productId}/photos/${phB}/hapus`,
      as: [['seller', a]],
      expect: 404,
      form: {},
      twin: `POST /jual/produk/${pb.productId}/photos/${phB}/hapus`,
    },
    {
      name: 'community manager cannot delete photos',
      method: 'POST',
      path: `/jual/produk/${pa.productId}/photos/${phA1}/hapus`,
      as: [['community_manager', orgA]],
      expect: 403,
      form: {},
    },
    {
      name: 'buyer cannot upload photos through the API',
      method: 'POST',
      path: `/api/v1/seller/products/${pa.productId}/photos`,
      as: [['buyer', null]],
      expect: 403,
      json: {},
      twin: `GET /api/v1/seller/products/${pa.productId}/photos`,
    },
    {
      name: 'API seller lists own photos',
      path: `/api/v1/seller/products/${pa.productId}/photos`,
      as: [['seller', a]],
      expect: 200,
    },
    {
      name: 'API seller lists foreign photos',
      path: `/api/v1/seller/products/${pb.productId}/photos`,
      as: [['seller', a]],
      expect: 404,
    },
    {
      name: 'community manager sees own organisation product',
      path: `/jual/produk/${pa.productId}`,
      as: [['community_manager', orgA]],
      expect: 200,
    },
    {
      name: 'community manager foreign organisation product',
      path: `/jual/produk/${pb.productId}`,
      as: [['community_manager', orgA]],
      expect: 404,
    },
    // The owners of the records the cases above refuse to others (each refusal has its allowed twin).
    {
      name: 'seller new product form',
      path: '/jual/produk/baru',
      as: [['seller', a]],
      expect: 200,
    },
    {
      name: 'owner sees its product',
      path: `/jual/produk/${pb.productId}`,
      as: sellerB,
      expect: 200,
    },
    {
      name: 'owner edits its product',
      method: 'POST',
      path: `/jual/produk/${pb.productId}`,
      as: sellerB,
      expect: 200,
      form: details,
    },
    {
      name: 'owner restocks its variant',
      method: 'POST',
      path: `/jual/varian/${pb.variantId}/stok`,
      as: sellerB,
      expect: 303,
      form: { delta: '1', reason: 'restock' },
    },
    {
      name: 'owner edits its variant',
      method: 'POST',
      path: `/jual/varian/${pb.variantId}`,
      as: sellerB,
      expect: 303,
      form: variant,
    },
    {
      name: 'owner adds a variant',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/varian`,
      as: sellerB,
      expect: 303,
      form: variant,
    },
    {
      name: 'seller creates product for own UMKM',
      method: 'POST',
      path: '/jual/produk',
      as: sellerB,
      expect: 303,
      form: {
        ...details,
        umkm_id: b,
        variant_label: '1 kg',
        price: '1000',
        weight_grams: '1000',
        stock: '1',
      },
    },
    {
      name: 'API owner stocks its variant',
      method: 'POST',
      path: `/api/v1/seller/variants/${pb.variantId}/stock`,
      as: sellerB,
      expect: 200,
      json: { delta: 1, reason: 'restock' },
    },
    {
      name: 'owner moves its photo',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/photos/${phB}/posisi`,
      as: sellerB,
      expect: 303,
      form: { position: '0' },
    },
    {
      name: 'API owner lists its photos',
      path: `/api/v1/seller/products/${pb.productId}/photos`,
      as: sellerB,
      expect: 200,
    },
    {
      name: 'owner deletes its photo',
      method: 'POST',
      path: `/jual/produk/${pb.productId}/photos/${phB}/hapus`,
      as: sellerB,
      expect: 303,
      form: {},
    },
    {
      name: 'seller deletes own photo',
      method: 'POST',
      path: `/jual/produk/${pa.productId}/photos/${phA1}/hapus`,
      as: [['seller', a]],
      expect: 303,
      form: {},
    },
    {
      name: 'community manager cannot change stock',
      method: 'POST',
      path: `/jual/varian/${pa.variantId}/stok`,
      as: [['community_manager', orgA]],
      expect: 403,
      form: { delta: '1', reason: 'restock' },
    },
    {
      name: 'community manager of the owner sees the product',
      path: `/jual/produk/${pb.productId}`,
      as: [['community_manager', orgB]],
      expect: 200,
    },
  ];
  return cases;
};
