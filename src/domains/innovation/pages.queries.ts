// Reads of the innovation centre's pages and API, each filtered by the caller's scope in SQL.
import type { Db } from '../../kernel/db/index.js';
import { idWhere, regionWhere } from '../../kernel/auth/index.js';

/** Open rounds in the reviewer's regions, oldest submission first. */
export async function reviewQueue(db: Db, regions: 'all' | string[], limit = 100) {
  return db
    .selectFrom('reviews')
    .innerJoin('products', 'products.id', 'reviews.product_id')
    .innerJoin('umkm', 'umkm.id', 'reviews.umkm_id')
    .select([
      'reviews.id',
      'reviews.product_id',
      'reviews.round',
      'reviews.submitted_at',
      'reviews.village_code',
      'reviews.reopened_items',
      'products.title',
      'products.category',
      'umkm.name as umkm_name',
    ])
    .where('reviews.state', '=', 'open')
    .where('products.listing_state', '=', 'in_review')
    .where((eb) => regionWhere(eb, 'reviews.village_code', regions))
    .orderBy('reviews.submitted_at')
    .orderBy('reviews.id')
    .limit(limit)
    .execute();
}

export async function roundsOf(db: Db, productId: string) {
  const rounds = await db
    .selectFrom('reviews')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('round', 'desc')
    .execute();
  const items = rounds.length
    ? await db
        .selectFrom('review_items')
        .selectAll()
        .where(
          'review_id',
          'in',
          rounds.map((r) => r.id),
        )
        .execute()
    : [];
  return rounds.map((r) => ({ ...r, items: items.filter((i) => i.review_id === r.id) }));
}

export type Round = Awaited<ReturnType<typeof roundsOf>>[number];

/** Products of these UMKM with their listing state and latest round. */
export async function productsOfUmkm(db: Db, umkmIds: string[]) {
  if (umkmIds.length === 0) return [];
  return db
    .selectFrom('products')
    .innerJoin('umkm', 'umkm.id', 'products.umkm_id')
    .select([
      'products.id',
      'products.title',
      'products.category',
      'products.listing_state',
      'products.umkm_id',
      'products.village_code',
      'umkm.name as umkm_name',
    ])
    .where((eb) => idWhere(eb, 'products.umkm_id', umkmIds))
    .orderBy('umkm.name')
    .orderBy('products.title')
    .execute();
}

/** Improvement tasks of these products, with the mentor's name and the change history. */
export async function tasksOfProducts(
  db: Db,
  productIds: string[],
  o: { openOnly?: boolean } = {},
) {
  if (productIds.length === 0) return [];
  let q = db
    .selectFrom('improvement_tasks')
    .leftJoin('users', 'users.id', 'improvement_tasks.mentor_user_id')
    .selectAll('improvement_tasks')
    .select('users.display_name as mentor_name')
    .where('improvement_tasks.product_id', 'in', productIds);
  if (o.openOnly) q = q.where('improvement_tasks.status', '=', 'open');
  const tasks = await q
    .orderBy('improvement_tasks.status', 'desc')
    .orderBy('improvement_tasks.due_on')
    .orderBy('improvement_tasks.id')
    .execute();
  const events = tasks.length
    ? await db
        .selectFrom('improvement_task_events')
        .selectAll()
        .where(
          'task_id',
          'in',
          tasks.map((t) => t.id),
        )
        .orderBy('at')
        .execute()
    : [];
  return tasks.map((t) => ({ ...t, events: events.filter((e) => e.task_id === t.id) }));
}

export type TaskRow = Awaited<ReturnType<typeof tasksOfProducts>>[number];

/** Tasks visible to an actor: of their UMKM, or assigned to them as mentor. */
export async function tasksFor(db: Db, umkmIds: string[], mentorUserId: string | null) {
  const rows = await db
    .selectFrom('improvement_tasks')
    .select('product_id')
    .where((eb) =>
      eb.or([
        idWhere(eb, 'umkm_id', umkmIds),
        ...(mentorUserId ? [eb('mentor_user_id', '=', mentorUserId)] : []),
      ]),
    )
    .execute();
  return tasksOfProducts(db, [...new Set(rows.map((r) => r.product_id))]).then((ts) =>
    ts.filter((t) => umkmIds.includes(t.umkm_id) || t.mentor_user_id === mentorUserId),
  );
}

export async function countOpenReviews(db: Db, regions: 'all' | string[]): Promise<number> {
  const r = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'open')
    .where((eb) => regionWhere(eb, 'village_code', regions))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countOpenTasks(db: Db, umkmIds: string[]): Promise<number> {
  if (umkmIds.length === 0) return 0;
  const r = await db
    .selectFrom('improvement_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .where('umkm_id', 'in', umkmIds)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
