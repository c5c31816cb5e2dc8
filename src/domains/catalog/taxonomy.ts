// The product taxonomy for village goods: six groups, each with a few categories a village
// actually sells. A product's `category` column holds a category slug (`gula-aren`); pages
// and search also accept a group slug (`makanan-minuman`) meaning every category inside it.
// Each category says which certifications it needs before it may be sold (Indonesian rules:
// SPP-IRT/PIRT for home-processed food, halal for food and drink (UU 33/2014), a BPOM number
// for traditional medicine and cosmetics); the innovation centre checks them in its review.
import type { Locale } from '../../kernel/i18n/index.js';

export type Named = Record<Locale, string>;

/** A certification a category requires; `anyOf` lists the certification kinds (community's `CertificationKind`) that satisfy it. */
export interface CertRequirement {
  code: 'pirt' | 'halal' | 'bpom';
  name: Named;
  anyOf: readonly (
    | 'pirt'
    | 'halal_regular'
    | 'halal_self_declare'
    | 'bpom_md'
    | 'bpom_ml'
    | 'nib'
  )[];
}

const PIRT: CertRequirement = {
  code: 'pirt',
  name: { id: 'PIRT (izin pangan industri rumah tangga)', en: 'PIRT (home-industry food permit)' },
  anyOf: ['pirt', 'bpom_md'],
};
const HALAL: CertRequirement = {
  code: 'halal',
  name: { id: 'Sertifikat halal', en: 'Halal certificate' },
  anyOf: ['halal_regular', 'halal_self_declare'],
};
const BPOM: CertRequirement = {
  code: 'bpom',
  name: { id: 'Nomor izin edar BPOM', en: 'BPOM registration number' },
  anyOf: ['bpom_md', 'bpom_ml'],
};

export interface CategoryGroup {
  slug: string;
  name: Named;
}

export interface Category {
  slug: string;
  group: string;
  name: Named;
  certifications: readonly CertRequirement[];
}

export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  { slug: 'makanan-minuman', name: { id: 'Makanan & Minuman', en: 'Food & Drink' } },
  { slug: 'kerajinan', name: { id: 'Kerajinan', en: 'Crafts' } },
  { slug: 'hasil-tani', name: { id: 'Hasil Tani', en: 'Farm Produce' } },
  { slug: 'perikanan', name: { id: 'Perikanan', en: 'Fisheries' } },
  { slug: 'herbal-jamu', name: { id: 'Herbal & Jamu', en: 'Herbal & Jamu' } },
  { slug: 'fesyen', name: { id: 'Fesyen', en: 'Fashion' } },
  // What a BUMDes shop sells to farmers (fertiliser, tools), so agents find it for neighbours.
  { slug: 'sarana-tani', name: { id: 'Sarana Tani', en: 'Farm Supplies' } },
];

const food = [PIRT, HALAL] as const;
const none = [] as const;

export const CATEGORIES: readonly Category[] = [
  {
    slug: 'kopi',
    group: 'makanan-minuman',
    name: { id: 'Kopi', en: 'Coffee' },
    certifications: food,
  },
  {
    slug: 'gula-aren',
    group: 'makanan-minuman',
    name: { id: 'Gula Aren', en: 'Palm Sugar' },
    certifications: food,
  },
  {
    slug: 'keripik',
    group: 'makanan-minuman',
    name: { id: 'Keripik', en: 'Chips' },
    certifications: food,
  },
  {
    slug: 'sambal',
    group: 'makanan-minuman',
    name: { id: 'Sambal', en: 'Chilli Sauce' },
    certifications: food,
  },
  {
    slug: 'kue-camilan',
    group: 'makanan-minuman',
    name: { id: 'Kue & Camilan', en: 'Cakes & Snacks' },
    certifications: food,
  },
  {
    slug: 'madu',
    group: 'makanan-minuman',
    name: { id: 'Madu', en: 'Honey' },
    certifications: food,
  },
  {
    slug: 'minuman',
    group: 'makanan-minuman',
    name: { id: 'Minuman', en: 'Drinks' },
    certifications: food,
  },
  {
    slug: 'tenun',
    group: 'kerajinan',
    name: { id: 'Tenun', en: 'Hand Weaving' },
    certifications: none,
  },
  {
    slug: 'anyaman',
    group: 'kerajinan',
    name: { id: 'Anyaman', en: 'Basketry' },
    certifications: none,
  },
  {
    slug: 'gerabah',
    group: 'kerajinan',
    name: { id: 'Gerabah', en: 'Pottery' },
    certifications: none,
  },
  {
    slug: 'ukiran',
    group: 'kerajinan',
    name: { id: 'Ukiran Kayu', en: 'Wood Carving' },
    certifications: none,
  },
  { slug: 'beras', group: 'hasil-tani', name: { id: 'Beras', en: 'Rice' }, certifications: none },
  {
    slug: 'sayur',
    group: 'hasil-tani',
    name: { id: 'Sayur', en: 'Vegetables' },
    certifications: none,
  },
  { slug: 'buah', group: 'hasil-tani', name: { id: 'Buah', en: 'Fruit' }, certifications: none },
  {
    slug: 'rempah',
    group: 'hasil-tani',
    name: { id: 'Rempah', en: 'Spices' },
    certifications: none,
  },
  // Fresh fish is unprocessed (no PIRT); dried, salted or smoked fish is processed food.
  {
    slug: 'ikan-segar',
    group: 'perikanan',
    name: { id: 'Ikan Segar', en: 'Fresh Fish' },
    certifications: none,
  },
  {
    slug: 'ikan-olahan',
    group: 'perikanan',
    name: { id: 'Ikan Olahan', en: 'Processed Fish' },
    certifications: food,
  },
  {
    slug: 'rumput-laut',
    group: 'perikanan',
    name: { id: 'Rumput Laut', en: 'Seaweed' },
    certifications: food,
  },
  // Jamu is traditional medicine: BPOM registration and halal; herbal teas are food (PIRT).
  {
    slug: 'jamu',
    group: 'herbal-jamu',
    name: { id: 'Jamu', en: 'Jamu (herbal medicine)' },
    certifications: [BPOM, HALAL],
  },
  {
    slug: 'teh-herbal',
    group: 'herbal-jamu',
    name: { id: 'Teh Herbal', en: 'Herbal Tea' },
    certifications: food,
  },
  {
    slug: 'minyak-atsiri',
    group: 'herbal-jamu',
    name: { id: 'Minyak Atsiri', en: 'Essential Oils' },
    certifications: [BPOM],
  },
  { slug: 'batik', group: 'fesyen', name: { id: 'Batik', en: 'Batik' }, certifications: none },
  {
    slug: 'pakaian',
    group: 'fesyen',
    name: { id: 'Pakaian', en: 'Clothing' },
    certifications: none,
  },
  {
    slug: 'aksesoris',
    group: 'fesyen',
    name: { id: 'Aksesoris', en: 'Accessories' },
    certifications: none,
  },
  {
    slug: 'pupuk',
    group: 'sarana-tani',
    name: { id: 'Pupuk', en: 'Fertiliser' },
    certifications: none,
  },
  {
    slug: 'alat-tani',
    group: 'sarana-tani',
    name: { id: 'Alat Tani', en: 'Farm Tools' },
    certifications: none,
  },
];

const bySlug = new Map(CATEGORIES.map((c) => [c.slug, c]));
const groupBySlug = new Map(CATEGORY_GROUPS.map((g) => [g.slug, g]));

export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [string, ...string[]];

export function categoryOf(slug: string): Category | undefined {
  return bySlug.get(slug);
}

export function groupOf(slug: string): CategoryGroup | undefined {
  return groupBySlug.get(slug);
}

/** Category slugs a filter slug stands for: a category itself, or every category of a group; empty when unknown. */
export function categoriesFor(slug: string): string[] {
  if (bySlug.has(slug)) return [slug];
  if (groupBySlug.has(slug)) return CATEGORIES.filter((c) => c.group === slug).map((c) => c.slug);
  return [];
}

/** Certifications a product of this category needs before it may be listed (empty for crafts, fresh produce, fashion). */
export function requiredCertifications(category: string): readonly CertRequirement[] {
  return bySlug.get(category)?.certifications ?? [];
}

/** The category's display name in the locale, the slug when unknown. */
export function categoryName(slug: string, locale: Locale): string {
  return bySlug.get(slug)?.name[locale] ?? groupBySlug.get(slug)?.name[locale] ?? slug;
}
