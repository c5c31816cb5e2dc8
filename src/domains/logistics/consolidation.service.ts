// Daily consolidation at a hub: every parcel whose next leg starts or ends at the hub is
// grouped by that leg (pick up from point X, deliver to point Y, line-haul to hub Z, hand
// to the courier) into a manifest for the service date. A parcel's leg lands on one
// manifest per delivery attempt however often "build" is pressed (unique key).
import { sql } from 'kysely';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import type { NodeKind } from './logistics.tables.js';

export interface PendingLeg {
  parcel_id: string;
  tracking_number: string;
  weight_grams: number;
  node_index: number;
  attempts: number;
  from_kind: NodeKind;
  from_id: string | null;
  to_kind: NodeKind;
  to_id: string | null;
}

/** Parcels whose next leg touches the hub and that no manifest carries yet. */
export async function pendingLegs(db: Tx, hubId: string): Promise<PendingLeg[]> {
  return db
    .selectFrom('parcels as p')
    .innerJoin('parcel_nodes as h', (j) =>
      j.onRef('h.parcel_id', '=', 'p.id').onRef('h.idx', '=', 'p.node_index'),
    )
    .innerJoin('parcel_nodes as n', (j) =>
      j.onRef('n.parcel_id', '=', 'p.id').on('n.idx', '=', sql<number>`p.node_index + 1`),
    )
    .leftJoin('manifest_parcels as mp', (j) =>
      j
        .onRef('mp.parcel_id', '=', 'p.id')
        .onRef('mp.node_index', '=', 'p.node_index')
        .onRef('mp.attempt', '=', 'p.attempts'),
    )
    .select([
      'p.id as parcel_id',
      'p.tracking_number',
      'p.weight_grams',
      'p.node_index',
      'p.attempts',
      'h.kind as from_kind',
      'h.ref_id as from_id',
      'n.kind as to_kind',
      'n.ref_id as to_id',
    ])
    .where('mp.parcel_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('p.status', '=', 'at_point'), eb('n.ref_id', '=', hubId)]),
        eb.and([eb('p.status', 'in', ['at_hub', 'failed_delivery']), eb('h.ref_id', '=', hubId)]),
      ]),
    )
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

const legKey = (l: Pick<PendingLeg, 'from_kind' | 'from_id' | 'to_kind' | 'to_id'>) =>
  `${l.from_kind}:${l.from_id ?? ''}>${l.to_kind}:${l.to_id ?? ''}`;

/** Builds the day's manifests from the pending legs; returns how many parcels were added. */
export async function buildManifests(
  db: Tx,
  actor: Actor | null,
  hubId: string,
  serviceDate: string,
  isDemo = false,
): Promise<Result<{ manifests: number; parcels: number }>> {
  const legs = await pendingLegs(db, hubId);
  const groups = new Map<string, PendingLeg[]>();
  for (const l of legs) groups.set(legKey(l), [...(groups.get(legKey(l)) ?? []), l]);
  let manifests = 0;
  await inTransaction(db, async (tx) => {
    // Join an open manifest of the same leg and day when one exists (parcels arriving later).
    const open = await tx
      .selectFrom('manifests')
      .selectAll()
      .where('hub_id', '=', hubId)
      .where('service_date', '=', serviceDate)
      .where('run_id', 'is', null)
      .execute();
    for (const [key, items] of groups) {
      let id = open.find((m) => legKey(m) === key)?.id;
      if (!id) {
        id = newId('mnf');
        const f = items[0];
        await tx
          .insertInto('manifests')
          .values({
            id,
            hub_id: hubId,
            service_date: serviceDate,
            from_kind: f.from_kind,
            from_id: f.from_id,
            to_kind: f.to_kind,
            to_id: f.to_id,
            run_id: null,
            created_at: nowIso(),
            created_by: actor?.userId ?? null,
            is_demo: isDemo ? 1 : 0,
          })
          .execute();
        manifests++;
      }
      await tx
        .insertInto('manifest_parcels')
        .values(
          items.map((l) => ({
            manifest_id: id!,
            parcel_id: l.parcel_id,
            node_index: l.node_index,
            attempt: l.attempts,
            weight_grams: l.weight_grams,
          })),
        )
        .execute();
    }
    if (legs.length)
      await audit(tx, {
        actorId: actor?.userId ?? null,
        action: 'manifest.build',
        entityType: 'hub',
        entityId: hubId,
        data: { date: serviceDate, parcels: legs.length },
      });
  });
  return ok({ manifests, parcels: legs.length });
}

export interface ManifestSummary {
  id: string;
  from_kind: NodeKind;
  from_id: string | null;
  to_kind: NodeKind;
  to_id: string | null;
  run_id: string | null;
  parcels: number;
  grams: number;
}

export async function manifestsOf(
  db: Tx,
  hubId: string,
  serviceDate: string,
): Promise<ManifestSummary[]> {
  const rows = await db
    .selectFrom('manifests as m')
    .leftJoin('manifest_parcels as mp', 'mp.manifest_id', 'm.id')
    .select(['m.id', 'm.from_kind', 'm.from_id', 'm.to_kind', 'm.to_id', 'm.run_id'])
    .select((eb) => [
      eb.fn.count<number>('mp.parcel_id').as('parcels'),
      eb.fn.coalesce(eb.fn.sum<number>('mp.weight_grams'), sql<number>`0`).as('grams'),
    ])
    .where('m.hub_id', '=', hubId)
    .where('m.service_date', '=', serviceDate)
    .groupBy(['m.id', 'm.from_kind', 'm.from_id', 'm.to_kind', 'm.to_id', 'm.run_id'])
    .orderBy('m.to_kind')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, parcels: Number(r.parcels), grams: Number(r.grams) }));
}

export async function manifestParcels(db: Tx, manifestIds: string[]) {
  if (manifestIds.length === 0) return [];
  return db
    .selectFrom('manifest_parcels as mp')
    .innerJoin('parcels as p', 'p.id', 'mp.parcel_id')
    .select(['mp.manifest_id', 'p.id', 'p.tracking_number', 'p.weight_grams', 'p.status'])
    .where('mp.manifest_id', 'in', manifestIds)
    .orderBy('p.tracking_number')
    .execute();
}
