// Reads of the innovation centre's pages and API, each filtered by the caller's scope in SQL.
import type { Db } from '../../kernel/db/index.js';
import { idWhere, regionWhere } from '../../kernel/auth/index.js';
import { displayNames } from '../accounts/index.js';
import { productFactsByIds, productFactsOfUmkm } from '../catalog/index.js';
import { umkmFactsByIds } from '../community/index.js';

/** Binary order, as SQLite's and the C collation sort names. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Open rounds in the reviewer's regions, oldest submission first. */
export async function reviewQueue(db: Db, regions: 'all' | string[], limit = 100) {
  const open = await db
    .selectFrom('reviews')
    .select([
      'id',
      'product_id',
      'umkm_id',
      'round',
      'submitted_at',
      'village_code',
      'reopened_items',
    ])
    .where('state', '=', 'open')
    .where((eb) => regionWhere(eb, 'village_code', regions))
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  // An open round whose product left review (withdrawn meanwhile) is not in the queue.
  const products = await productFactsByIds(
    db,
    open.map((r) => r.product_id),
  );
  const rows = open.filter((r) => products.get(r.product_id)?.listing_state === 'in_review');
  const shown = rows.slice(0, limit);
  const umkm = await umkmFactsByIds(
    db,
    shown.map((r) => r.umkm_id),
  );
  return shown.flatMap(({ umkm_id, ...r }) => {
    const p = products.get(r.product_id);
    const u = umkm.get(umkm_id);
    return p && u ? [{ ...r, title: p.title, category: p.category, umkm_name: u.name }] : [];
  });
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
  const products = await productFactsOfUmkm(db, umkmIds);
  const umkm = await umkmFactsByIds(db, umkmIds);
  return products
    .flatMap((p) => {
      const u = umkm.get(p.umkm_id);
      return u ? [{ ...p, umkm_name: u.name }] : [];
    })
    .sort((a, b) => byText(a.umkm_name, b.umkm_name) || byText(a.title, b.title));
}

/** Improvement tasks of these products, with the mentor's name and the change history. */
export async function tasksOfProducts(
  db: Db,
  productIds: string[],
  o: { openOnly?: boolean } = {},
) {
  if (productIds.length === 0) return [];
  let q = db.selectFrom('improvement_tasks').selectAll().where('product_id', 'in', productIds);
  if (o.openOnly) q = q.where('status', '=', 'open');
  const found = await q.orderBy('status', 'desc').orderBy('due_on').orderBy('id').execute();
  const mentors = await displayNames(
    db,
    found.flatMap((t) => (t.mentor_user_id ? [t.mentor_user_id] : [])),
  );
  const tasks = found.map((t) => ({
    ...t,
    mentor_name: t.mentor_user_id ? (mentors.get(t.mentor_user_id) ?? null) : null,
  }));
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
