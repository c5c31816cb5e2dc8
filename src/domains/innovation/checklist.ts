// The readiness checklist, declared as data. Item keys are stable (reports, tasks and the
// training domain's reviewGaps refer to them); which items apply depends on the category's
// group, and the certification item applies only where a certification is required.
import type { CertificationKind } from '../community/index.js';

export const CHECKLIST_KEYS = ['photos', 'description', 'price_weight', 'packaging', 'label', 'certification', 'shelf_life'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export type CategoryGroup = 'food' | 'herbal' | 'fishery' | 'produce' | 'craft' | 'fashion' | 'other';

/** One requirement is met by any one of its kinds (BPOM MD replaces PIRT for a larger producer). */
export interface CertRequirement {
  code: 'pirt' | 'halal' | 'bpom';
  anyOf: readonly CertificationKind[];
}

const PIRT: CertRequirement = { code: 'pirt', anyOf: ['pirt', 'bpom_md'] };
const HALAL: CertRequirement = { code: 'halal', anyOf: ['halal_regular', 'halal_self_declare'] };
const BPOM: CertRequirement = { code: 'bpom', anyOf: ['bpom_md', 'bpom_ml'] };

// Category slugs of the village taxonomy by group; group slugs themselves map to their group.
const GROUP_OF: Record<string, CategoryGroup> = {
  'makanan-minuman': 'food', kopi: 'food', 'gula-aren': 'food', keripik: 'food', sambal: 'food', 'kue-camilan': 'food', madu: 'food', minuman: 'food',
  'herbal-jamu': 'herbal', jamu: 'herbal', 'teh-herbal': 'herbal', 'minyak-atsiri': 'herbal',
  perikanan: 'fishery', 'ikan-segar': 'fishery', 'ikan-olahan': 'fishery', 'rumput-laut': 'fishery',
  'hasil-tani': 'produce', beras: 'produce', sayur: 'produce', buah: 'produce', rempah: 'produce',
  kerajinan: 'craft', tenun: 'craft', anyaman: 'craft', gerabah: 'craft', ukiran: 'craft',
  fesyen: 'fashion', batik: 'fashion', pakaian: 'fashion', aksesoris: 'fashion',
};

// Which certifications a category needs (Indonesian rules: PIRT for home-processed food,
// halal for food and drink, BPOM for traditional medicine). Fresh fish is unprocessed.
const REQUIRED: Record<string, readonly CertRequirement[]> = {
  kopi: [PIRT, HALAL], 'gula-aren': [PIRT, HALAL], keripik: [PIRT, HALAL], sambal: [PIRT, HALAL], 'kue-camilan': [PIRT, HALAL], madu: [PIRT, HALAL], minuman: [PIRT, HALAL],
  'ikan-olahan': [PIRT, HALAL], 'rumput-laut': [PIRT, HALAL], 'teh-herbal': [PIRT, HALAL], jamu: [BPOM, HALAL], 'minyak-atsiri': [BPOM],
};

export function categoryGroup(category: string): CategoryGroup {
  return GROUP_OF[category] ?? 'other';
}

const ITEMS_BY_GROUP: Record<CategoryGroup, ChecklistKey[]> = {
  food: ['photos', 'description', 'price_weight', 'packaging', 'label', 'certification', 'shelf_life'],
  herbal: ['photos', 'description', 'price_weight', 'packaging', 'label', 'certification', 'shelf_life'],
  fishery: ['photos', 'description', 'price_weight', 'packaging', 'label', 'certification', 'shelf_life'],
  produce: ['photos', 'description', 'price_weight', 'packaging', 'label', 'shelf_life'],
  craft: ['photos', 'description', 'price_weight', 'packaging'],
  fashion: ['photos', 'description', 'price_weight', 'packaging'],
  other: ['photos', 'description', 'price_weight', 'packaging', 'label'],
};

/** Certifications a product of this category must hold (valid) to be listed. */
export function requiredCertificationsFor(category: string): readonly CertRequirement[] {
  return REQUIRED[category] ?? [];
}

/** Checklist items that apply to a category, in display order. */
export function checklistFor(category: string): ChecklistKey[] {
  const items = ITEMS_BY_GROUP[categoryGroup(category)];
  return requiredCertificationsFor(category).length ? items : items.filter((k) => k !== 'certification');
}

/** Categories whose listing depends on certifications (the expiry sweep looks only at these). */
export function certificationCategories(): string[] {
  return Object.keys(REQUIRED).filter((c) => requiredCertificationsFor(c).length > 0);
}

/** Requirements not met by the valid kinds an UMKM holds on the day. */
export function missingCertifications(category: string, validKinds: ReadonlySet<string>): CertRequirement[] {
  return requiredCertificationsFor(category).filter((r) => !r.anyOf.some((k) => validKinds.has(k)));
}

/** Readiness 0–100: share of applicable items that passed, rounded. */
export function readinessScore(results: { passed: boolean }[]): number {
  if (results.length === 0) return 0;
  return Math.round((100 * results.filter((r) => r.passed).length) / results.length);
}
