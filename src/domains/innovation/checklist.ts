// The readiness checklist, declared as data. Item keys are stable (reports, tasks and the
// training domain's reviewGaps refer to them); which items apply depends on the category's
// group, and the certification item applies only where a certification is required.
import {
  CATEGORIES,
  categoryOf,
  requiredCertifications,
  type CertRequirement,
} from '../catalog/index.js';

export const CHECKLIST_KEYS = [
  'photos',
  'description',
  'price_weight',
  'packaging',
  'label',
  'certification',
  'shelf_life',
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export type CategoryGroup =
  | 'food'
  | 'herbal'
  | 'fishery'
  | 'produce'
  | 'craft'
  | 'fashion'
  | 'other';

export type { CertRequirement };

// The catalog's taxonomy groups (makanan-minuman, kerajinan …) decide which items apply.
const GROUP_OF: Record<string, CategoryGroup> = {
  'makanan-minuman': 'food',
  'herbal-jamu': 'herbal',
  perikanan: 'fishery',
  'hasil-tani': 'produce',
  kerajinan: 'craft',
  fesyen: 'fashion',
};

export function categoryGroup(category: string): CategoryGroup {
  return GROUP_OF[categoryOf(category)?.group ?? category] ?? 'other';
}

const ITEMS_BY_GROUP: Record<CategoryGroup, ChecklistKey[]> = {
  food: [
    'photos',
    'description',
    'price_weight',
    'packaging',
    'label',
    'certification',
    'shelf_life',
  ],
  herbal: [
    'photos',
    'description',
    'price_weight',
    'packaging',
    'label',
    'certification',
    'shelf_life',
  ],
  fishery: [
    'photos',
    'description',
    'price_weight',
    'packaging',
    'label',
    'certification',
    'shelf_life',
  ],
  produce: ['photos', 'description', 'price_weight', 'packaging', 'label', 'shelf_life'],
  craft: ['photos', 'description', 'price_weight', 'packaging'],
  fashion: ['photos', 'description', 'price_weight', 'packaging'],
  other: ['photos', 'description', 'price_weight', 'packaging', 'label'],
};

/** Certifications a product of this category must hold (valid) to be listed: the catalog's taxonomy decides. */
export function requiredCertificationsFor(category: string): readonly CertRequirement[] {
  return requiredCertifications(category);
}

/** Checklist items that apply to a category, in display order. */
export function checklistFor(category: string): ChecklistKey[] {
  const items = ITEMS_BY_GROUP[categoryGroup(category)];
  return requiredCertificationsFor(category).length
    ? items
    : items.filter((k) => k !== 'certification');
}

/** Categories whose listing depends on certifications (the expiry sweep looks only at these). */
export function certificationCategories(): string[] {
  return CATEGORIES.filter((c) => c.certifications.length > 0).map((c) => c.slug);
}

/** Requirements not met by the valid kinds an UMKM holds on the day. */
export function missingCertifications(
  category: string,
  validKinds: ReadonlySet<string>,
): CertRequirement[] {
  return requiredCertificationsFor(category).filter((r) => !r.anyOf.some((k) => validKinds.has(k)));
}

/** Readiness 0–100: share of applicable items that passed, rounded. */
export function readinessScore(results: { passed: boolean }[]): number {
  if (results.length === 0) return 0;
  return Math.round((100 * results.filter((r) => r.passed).length) / results.length);
}
