// Needs-based course recommendations per UMKM. The rules are a pure function of the UMKM's
// facts (latest assessment, products stuck in review, last sale) so each rule can be tested
// alone; `recommendationsFor` gathers those facts from the owning domains.
import type { Tx } from '../../kernel/db/index.js';
import { PILLARS, type CourseTopic, type CoursesTable, type Pillar } from './training.tables.js';
import type { PillarScores } from './question-bank.js';
import { saleTimesOf } from '../orders/index.js';
import { reviewGapsOf, type ReviewGap, type ReviewItem } from './training.queries.js';
import { latestAssessments } from './assessment.service.js';

/** A pillar below this (on 1–5) calls for a digital literacy course focused on it. */
export const LOW_PILLAR = 3;
/** No sale for this many days calls for the selling-online course. */
export const NO_SALE_DAYS = 60;

/** Which course topic fixes which failed review item. */
export const TOPIC_FOR_ITEM: Partial<Record<ReviewItem, CourseTopic>> = {
  photos: 'product_photography',
  certification: 'certification',
  packaging: 'packaging_labeling',
  label: 'packaging_labeling',
  shelf_life: 'packaging_labeling',
  price_weight: 'pricing_bookkeeping',
  description: 'selling_online',
};

export interface Reason {
  key: string;
  params: Record<string, string | number>;
}
export interface Recommendation {
  topic: CourseTopic;
  /** The course to take; null when the catalogue has none of this topic yet. */
  course: Pick<CoursesTable, 'id' | 'title' | 'level'> | null;
  reasons: Reason[];
}

export interface UmkmNeeds {
  assessment: PillarScores | null;
  gaps: Pick<ReviewGap, 'productId' | 'item'>[];
  /** Sale times, oldest first. */
  sales: string[];
  now: Date;
}

type Course = Pick<CoursesTable, 'id' | 'title' | 'level' | 'topic' | 'focus_pillar'>;
const LEVEL_ORDER = { basic: 0, intermediate: 1, advanced: 2 } as const;

function pickCourse(
  courses: Course[],
  topic: CourseTopic,
  pillar?: Pillar,
): Recommendation['course'] {
  const of = courses
    .filter((c) => c.topic === topic)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.title.localeCompare(b.title));
  // The course focused on the weak pillar, else a general one of the topic, else any.
  const c =
    (pillar && of.find((x) => x.focus_pillar === pillar)) ||
    of.find((x) => !x.focus_pillar) ||
    of[0];
  return c ? { id: c.id, title: c.title, level: c.level } : null;
}

/** The rules: each fires on its own fact and says why. One entry per topic, reasons merged. */
export function recommend(needs: UmkmNeeds, courses: Course[]): Recommendation[] {
  const out = new Map<CourseTopic, Recommendation>();
  const add = (topic: CourseTopic, reason: Reason, pillar?: Pillar) => {
    const r = out.get(topic);
    if (r) {
      r.reasons.push(reason);
      return;
    }
    out.set(topic, { topic, course: pickCourse(courses, topic, pillar), reasons: [reason] });
  };
  if (needs.assessment) {
    const low = PILLARS.filter((p) => needs.assessment![p] < LOW_PILLAR).sort(
      (a, b) => needs.assessment![a] - needs.assessment![b],
    );
    for (const p of low)
      add(
        'digital_literacy',
        { key: 'training.rec.low_pillar', params: { pillar: p, score: needs.assessment[p] } },
        p,
      );
  }
  const byItem = new Map<ReviewItem, Set<string>>();
  for (const g of needs.gaps) {
    if (!byItem.has(g.item)) byItem.set(g.item, new Set());
    byItem.get(g.item)!.add(g.productId);
  }
  for (const [item, products] of byItem) {
    const topic = TOPIC_FOR_ITEM[item];
    if (topic) add(topic, { key: `training.rec.failed_${item}`, params: { count: products.size } });
  }
  const last = needs.sales.at(-1);
  if (!last) add('selling_online', { key: 'training.rec.never_sold', params: {} });
  else {
    const days = Math.floor((needs.now.getTime() - new Date(last).getTime()) / 86_400_000);
    if (days >= NO_SALE_DAYS)
      add('selling_online', { key: 'training.rec.no_sale', params: { days } });
  }
  return [...out.values()];
}

/** Recommendations for several UMKM at once, from live data (a few queries, not per UMKM). */
export async function recommendationsFor(
  db: Tx,
  umkmIds: string[],
  now = new Date(),
): Promise<Map<string, Recommendation[]>> {
  const [courses, assessments, gaps, sales] = await Promise.all([
    db.selectFrom('courses').select(['id', 'title', 'level', 'topic', 'focus_pillar']).execute(),
    latestAssessments(db, umkmIds),
    reviewGapsOf(db, umkmIds),
    saleTimesOf(db, umkmIds),
  ]);
  const out = new Map<string, Recommendation[]>();
  for (const id of umkmIds) {
    out.set(
      id,
      recommend(
        {
          assessment: assessments.get(id) ?? null,
          gaps: gaps.filter((g) => g.umkmId === id),
          sales: sales.get(id) ?? [],
          now,
        },
        courses,
      ),
    );
  }
  return out;
}
