// The feed's three encodings: JSON for integrations, CSV for spreadsheets, and a Google
// Merchant–style RSS 2.0 for marketplaces that ingest that. Links are absolute (partners
// fetch from elsewhere), built from the request's origin.
import { createHash } from 'node:crypto';
import { csvRows } from '../../../kernel/csv/index.js';
import type { FeedItem } from './feed.queries.js';

export const feedJson = (items: FeedItem[], origin: string) =>
  items.map((i) => ({
    id: i.id,
    productId: i.productId,
    title: i.title,
    description: i.description,
    category: i.category,
    price: i.price,
    currency: 'IDR' as const,
    weightGrams: i.weightGrams,
    sku: i.sku,
    stock: i.stock,
    available: i.available,
    link: `${origin}/produk/${i.productId}`,
    imageLink: i.photo ? origin + i.photo : null,
    umkm: i.umkm,
    village: i.village,
    updatedAt: i.updatedAt,
  }));

export function feedCsv(items: FeedItem[], origin: string): string {
  const head = [
    'id',
    'product_id',
    'title',
    'category',
    'price_idr',
    'weight_grams',
    'sku',
    'stock',
    'available',
    'link',
    'image_link',
    'umkm',
    'village_code',
    'village',
    'updated_at',
  ];
  const rows = items.map((i) => [
    i.id,
    i.productId,
    i.title,
    i.category,
    i.price,
    i.weightGrams,
    i.sku,
    i.stock,
    i.available ? 'yes' : 'no',
    `${origin}/produk/${i.productId}`,
    i.photo ? origin + i.photo : '',
    i.umkm.name,
    i.village.code,
    i.village.name,
    i.updatedAt,
  ]);
  return csvRows([head, ...rows]);
}

const xml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!,
  );

export function feedRss(items: FeedItem[], origin: string, partnerName: string): string {
  const entries = items
    .map((i) =>
      [
        '<item>',
        `<g:id>${xml(i.id)}</g:id>`,
        `<title>${xml(i.title)}</title>`,
        `<description>${xml(i.description)}</description>`,
        `<link>${xml(`${origin}/produk/${i.productId}`)}</link>`,
        i.photo ? `<g:image_link>${xml(origin + i.photo)}</g:image_link>` : '',
        `<g:price>${i.price} IDR</g:price>`,
        `<g:availability>${i.available ? 'in_stock' : 'out_of_stock'}</g:availability>`,
        `<g:condition>new</g:condition>`,
        `<g:brand>${xml(i.umkm.name)}</g:brand>`,
        `<g:mpn>${xml(i.sku)}</g:mpn>`,
        `<g:product_type>${xml(i.category)}</g:product_type>`,
        `<g:shipping_weight>${i.weightGrams} g</g:shipping_weight>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` +
    `<title>${xml(`Lumbung — ${partnerName}`)}</title><link>${xml(origin)}</link><description>Produk desa siap pasar</description>\n${entries}\n</channel></rss>\n`
  );
}

/** A strong validator over the exact bytes sent, so a partner on a schedule gets 304 when nothing changed. */
export const etagOf = (body: string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Latest change among the items (Last-Modified), or null for an empty feed. */
export const lastModified = (items: FeedItem[]) =>
  items
    .map((i) => i.updatedAt)
    .sort()
    .at(-1) ?? null;
