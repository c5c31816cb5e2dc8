// What each UMKM is owed: earnings at hand-over (seller share, frozen at placement), reversals
// on returns, settlements paid out by the BUMDes/koperasi treasurer. Balance = sum of rows.
import { sql } from 'kysely';
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { audit } from '../../../kernel/audit/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { csvRows } from '../../../kernel/csv/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';

export async function ledgerOf(db: Tx, umkmIds: string[]) {
  if (umkmIds.length === 0) return [];
  return db
    .selectFrom('seller_ledger as l')
    .leftJoin('orders as o', 'o.id', 'l.order_id')
    .select(['l.id', 'l.umkm_id', 'l.kind', 'l.amount', 'l.at', 'l.settlement_id', 'o.number'])
    .where('l.umkm_id', 'in', umkmIds)
    .orderBy('l.at', 'desc')
    .limit(200)
    .execute();
}

export async function balances(db: Tx, umkmIds: string[]) {
  if (umkmIds.length === 0) return [];
  return db
    .selectFrom('seller_ledger')
    .select('umkm_id')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('owed'))
    .select(
      sql<number>`coalesce(sum(case when kind = 'settlement' then -amount else 0 end), 0)`.as(
        'settled',
      ),
    )
    .where('umkm_id', 'in', umkmIds)
    .groupBy('umkm_id')
    .execute();
}

/** UMKM of the organisations with what each is owed now. */
export async function owedInOrganisations(db: Tx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('umkm as u')
    .leftJoin('seller_ledger as l', 'l.umkm_id', 'u.id')
    .select([
      'u.id',
      'u.name',
      'u.organisation_id',
      'u.bank_name',
      'u.bank_account_number',
      'u.bank_account_name',
    ])
    .select(sql<number>`coalesce(sum(l.amount), 0)`.as('owed'))
    .where('u.organisation_id', 'in', organisationIds)
    .groupBy([
      'u.id',
      'u.name',
      'u.organisation_id',
      'u.bank_name',
      'u.bank_account_number',
      'u.bank_account_name',
    ])
    .orderBy('u.name')
    .execute();
}

/** Pays out every positive balance of the organisation's UMKM as one settlement batch. */
export async function settleOrganisation(
  db: Tx,
  organisationId: string,
  actorId: string,
): Promise<Result<{ id: string; total: number; lines: number }>> {
  return inTransaction(db, async (tx) => {
    const owed = (await owedInOrganisations(tx, [organisationId])).filter(
      (u) => Number(u.owed) > 0,
    );
    if (owed.length === 0) return fail('ORDERS_NOTHING_TO_SETTLE');
    const id = newId('stl');
    const at = nowIso();
    const total = owed.reduce((a, u) => a + Number(u.owed), 0);
    await tx
      .insertInto('settlements')
      .values({
        id,
        organisation_id: organisationId,
        total,
        lines: owed.length,
        created_by: actorId,
        created_at: at,
      })
      .execute();
    await tx
      .insertInto('seller_ledger')
      .values(
        owed.map((u) => ({
          id: newId('sld'),
          umkm_id: u.id,
          order_id: null,
          kind: 'settlement' as const,
          amount: -Number(u.owed),
          settlement_id: id,
          at,
        })),
      )
      .execute();
    await audit(tx, {
      actorId,
      action: 'orders.settlement',
      entityType: 'settlement',
      entityId: id,
      data: { organisation: organisationId, total, lines: owed.length },
    });
    return ok({ id, total, lines: owed.length });
  });
}

/** The treasurer's transfer list for one settlement. */
export async function settlementCsv(
  db: Tx,
  settlementId: string,
  organisationIds: string[],
): Promise<string | null> {
  const s = await db
    .selectFrom('settlements')
    .selectAll()
    .where('id', '=', settlementId)
    .where('organisation_id', 'in', organisationIds.length ? organisationIds : [''])
    .executeTakeFirst();
  if (!s) return null;
  const rows = await db
    .selectFrom('seller_ledger as l')
    .innerJoin('umkm as u', 'u.id', 'l.umkm_id')
    .select([
      'u.id',
      'u.name',
      'u.bank_name',
      'u.bank_account_number',
      'u.bank_account_name',
      'l.amount',
    ])
    .where('l.settlement_id', '=', settlementId)
    .orderBy('u.name')
    .execute();
  const head = [
    'settlement_id',
    'created_at',
    'umkm_id',
    'umkm_name',
    'bank_name',
    'bank_account_number',
    'bank_account_name',
    'amount_idr',
  ];
  const lines = rows.map((r) => [
    s.id,
    s.created_at,
    r.id,
    r.name,
    r.bank_name,
    r.bank_account_number,
    r.bank_account_name,
    -r.amount,
  ]);
  // Names and account holders are typed by people: the writer neutralises formulas in them.
  return csvRows([head, ...lines]);
}

export async function settlementsOf(db: Tx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}
