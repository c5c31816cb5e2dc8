// Demand the catalogue does not meet: a villager asks the agent for something no listed product
// offers ("cangkul", "bibit jagung"); the agent records what, how much, which village and —
// only with the villager's consent — for whom. The BUMDes running the point sees the requests
// of its organisation and marks each sourced or declined. Recording and deciding each write a
// hash-chained audit row in the same transaction as the change.
import type { NotNull } from 'kysely';
import { inTransactionResult, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { audit } from '../../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { pickupPoint, servicePointNameOf } from '../../community/index.js';
import { childrenOf, findArea, areaNameOf } from '../../regions/index.js';
import type { DemandRequestsTable, DemandState } from './assisted.tables.js';

export interface DemandInput {
  what: string;
  quantity: string;
  villageCode: string;
  requesterName?: string;
  consent: boolean;
}

const VILLAGE_RE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The villages an agent of this point may record demand for: the point's kecamatan. */
export async function demandVillages(db: Tx, pointVillage: string) {
  const district = pointVillage.split('.').slice(0, 3).join('.');
  const villages = await childrenOf(db, district, { by: 'name', limit: 300 });
  return villages.map((v) => ({ code: v.code, name: v.name }));
}

/** Records one request at the agent's point (village must lie in the point's kecamatan). */
export async function recordDemand(
  db: Tx,
  agentId: string,
  point: { id: string; village_code: string },
  input: DemandInput,
): Promise<Result<string>> {
  const what = clean(input.what);
  const quantity = clean(input.quantity);
  const name = clean(input.requesterName);
  if (what.length < 2 || what.length > 120 || quantity.length < 1 || quantity.length > 60)
    return fail('ORDERS_DEMAND_INVALID');
  if (name.length > 100 || (name && !input.consent)) return fail('ORDERS_DEMAND_INVALID');
  const district = point.village_code.split('.').slice(0, 3).join('.');
  if (!VILLAGE_RE.test(input.villageCode) || !input.villageCode.startsWith(`${district}.`))
    return fail('ORDERS_DEMAND_INVALID');
  return inTransactionResult(db, async (tx) => {
    const [village, sp] = await Promise.all([
      findArea(tx, input.villageCode),
      pickupPoint(tx, point.id),
    ]);
    if (!sp) throw new Error(`service point ${point.id} not found`);
    if (!village) return fail('ORDERS_DEMAND_INVALID');
    const id = newId('dmd');
    const at = nowIso();
    await tx
      .insertInto('demand_requests')
      .values({
        id,
        organisation_id: sp.organisation_id,
        service_point_id: point.id,
        village_code: input.villageCode,
        what,
        quantity,
        requester_name: name || null,
        consent_at: name ? at : null,
        state: 'open',
        recorded_by: agentId,
        created_at: at,
        decided_by: null,
        decided_at: null,
        is_demo: sp.is_demo,
      })
      .execute();
    // The audit row names what was asked, never who asked (personal data stays in one place).
    await audit(tx, {
      actorId: agentId,
      action: 'orders.demand_recorded',
      entityType: 'demand_request',
      entityId: id,
      data: { point: point.id, village: input.villageCode, what, quantity, named: !!name },
    });
    return ok(id);
  });
}

export type DemandRow = DemandRequestsTable & { point_name: string; village_name: string | null };

/** Requests recorded at the points of these organisations, open ones first, newest first. */
export async function demandForOrganisations(db: Tx, orgIds: string[]): Promise<DemandRow[]> {
  if (orgIds.length === 0) return [];
  return (
    db
      .selectFrom('demand_requests as d')
      .selectAll('d')
      .select([
        servicePointNameOf(db, 'd.service_point_id').as('point_name'),
        areaNameOf('d.village_code').as('village_name'),
      ])
      // A request's point is a foreign key: it always has a name.
      .$narrowType<{ point_name: NotNull }>()
      .where('d.organisation_id', 'in', orgIds)
      .orderBy((eb) => eb.case().when('d.state', '=', 'open').then(0).else(1).end())
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .limit(200)
      .execute()
  );
}

/** The manager marks a request sourced or declined, once; another organisation's is not found. */
export async function decideDemand(
  db: Tx,
  managerId: string,
  orgIds: string[],
  id: string,
  to: Exclude<DemandState, 'open'>,
): Promise<Result<DemandRequestsTable>> {
  if (orgIds.length === 0) return fail('NOT_FOUND');
  return inTransactionResult(db, async (tx) => {
    const row = await tx
      .selectFrom('demand_requests')
      .selectAll()
      .where('id', '=', id)
      .where('organisation_id', 'in', orgIds)
      .executeTakeFirst();
    if (!row) return fail('NOT_FOUND');
    const at = nowIso();
    const upd = await tx
      .updateTable('demand_requests')
      .set({ state: to, decided_by: managerId, decided_at: at })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) return fail('ORDERS_DEMAND_DECIDED');
    await audit(tx, {
      actorId: managerId,
      action: 'orders.demand_decided',
      entityType: 'demand_request',
      entityId: id,
      data: { from: 'open', to },
    });
    return ok({ ...row, state: to, decided_by: managerId, decided_at: at });
  });
}

/** Audit scope of a demand request: the village it was recorded for. */
export async function demandRegions(db: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('demand_requests')
    .select(['id', 'village_code'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.village_code]));
}

/** What the agent asked for in request `id` (their own requests only), for the confirmation. */
export async function demandRecordedBy(
  db: Tx,
  agentId: string,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('demand_requests')
    .select('what')
    .where('id', '=', id)
    .where('recorded_by', '=', agentId)
    .executeTakeFirst();
  return row?.what;
}
