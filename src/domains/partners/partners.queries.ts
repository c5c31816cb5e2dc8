// Dashboard reads of partners and partnerships; orders, UMKM, organisations and village
// profiles come from their domains in batched reads (one per domain, never one per row).
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { listedSellerIds } from '../catalog/index.js';
import {
  managedUmkmIds,
  organisationChoices,
  organisationPlaces,
  umkmFactsAmong,
  umkmFactsByIds,
} from '../community/index.js';
import { deliveredPartnerSales, partnerOrderTotals } from '../orders/index.js';
import { regencyPovertyRates, regionNames, villageProfiles } from '../regions/index.js';
import { partneredUmkm } from './feed/feed.queries.js';
import './partners.tables.js';

export async function partnerStats(db: Tx, partnerId: string) {
  const [umkm, orders, incentives] = await Promise.all([
    db
      .selectFrom(partneredUmkm(db, partnerId).as('pu'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    partnerOrderTotals(db, partnerId),
    db
      .selectFrom('incentive_statements')
      .select(sql<number>`coalesce(sum(total), 0)`.as('total'))
      .where('partner_id', '=', partnerId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    umkm: Number(umkm.n),
    gmv: orders.gmv,
    orders: orders.orders,
    returns: orders.returns,
    incentives: Number(incentives.total),
  };
}

/** Adds the names of each partnership's UMKM and organisation (null when it names none). */
async function withPartyNames<T extends { umkm_id: string | null; organisation_id: string | null }>(
  db: Tx,
  rows: T[],
) {
  const [umkm, orgs] = await Promise.all([
    umkmFactsByIds(
      db,
      rows.flatMap((r) => (r.umkm_id ? [r.umkm_id] : [])),
    ),
    organisationPlaces(
      db,
      rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])),
    ),
  ]);
  return rows.map(({ umkm_id, organisation_id, ...r }) => ({
    ...r,
    umkm_name: umkm_id ? (umkm.get(umkm_id)?.name ?? null) : null,
    org_name: organisation_id ? (orgs.get(organisation_id)?.name ?? null) : null,
  }));
}

export async function partnershipsOfPartner(db: Tx, partnerId: string) {
  return withPartyNames(
    db,
    await db
      .selectFrom('partnerships')
      .select([
        'id',
        'status',
        'commission_bps',
        'ships_by',
        'starts_on',
        'ends_on',
        'umkm_id',
        'organisation_id',
        'village_code',
      ])
      .where('partner_id', '=', partnerId)
      .orderBy('offered_at', 'desc')
      .execute(),
  );
}

/** Offers and partnerships a community manager decides: its organisations and their UMKM. */
export async function partnershipsForOrganisations(db: Tx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return withPartyNames(
    db,
    await db
      .selectFrom('partnerships')
      .innerJoin('partners', 'partners.id', 'partnerships.partner_id')
      .select([
        'partnerships.id',
        'partnerships.status',
        'partnerships.commission_bps',
        'partnerships.ships_by',
        'partnerships.terms',
        'partnerships.starts_on',
        'partnerships.ends_on',
        'partnerships.umkm_id',
        'partnerships.organisation_id',
        'partners.name as partner_name',
      ])
      .where((eb) =>
        eb.or([
          eb('partnerships.organisation_id', 'in', orgIds),
          eb('partnerships.umkm_id', 'in', managedUmkmIds(db, { regions: [], orgIds })),
        ]),
      )
      .orderBy('partnerships.offered_at', 'desc')
      .execute(),
  );
}

/** Candidates a partner may offer to: organisations and UMKM with market-ready products. */
export async function offerTargets(db: Tx, limit = 200) {
  const [orgs, umkm] = await Promise.all([
    organisationChoices(db, 'all', limit),
    umkmFactsAmong(db, listedSellerIds(db), limit),
  ]);
  const villages = await regionNames(db, [
    ...orgs.map((o) => o.village_code),
    ...umkm.map((u) => u.village_code),
  ]);
  const named = (r: { id: string; name: string; village_code: string }) => ({
    id: r.id,
    name: r.name,
    village: villages.get(r.village_code) ?? r.village_code,
  });
  return { orgs: orgs.map(named), umkm: umkm.map(named) };
}

/**
 * Partners ranked by GMV of delivered orders from village UMKM in the region, with their reach
 * into poor villages: distinct UMKM sold through the partner whose village's poverty share is
 * above the regency's household-weighted rate.
 */
export async function partnerRanking(db: Tx, prefix: string | null) {
  const sales = await deliveredPartnerSales(db, prefix);
  const partnerIds = [...new Set(sales.map((r) => r.partner_id!))];
  const villages = [...new Set(sales.map((r) => r.village_code))];
  const [partners, profiles, regency] = await Promise.all([
    partnerIds.length
      ? db.selectFrom('partners').select(['id', 'name']).where('id', 'in', partnerIds).execute()
      : [],
    villageProfiles(db, villages),
    // The regency rates cover the regency of the prefix (or the country), as the villages sold in.
    regencyPovertyRates(db, prefix ? [prefix.split('.').slice(0, 2).join('.')] : 'all'),
  ]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const rows = sales.flatMap((r) => {
    const name = names.get(r.partner_id!);
    return name === undefined
      ? []
      : [
          {
            id: r.partner_id!,
            name,
            umkm_id: r.umkm_id,
            village_code: r.village_code,
            items_total: r.items_total,
            poverty_share: profiles.get(r.village_code)?.poverty_share ?? null,
          },
        ];
  });
  const out = new Map<
    string,
    {
      id: string;
      name: string;
      gmv: number;
      orders: number;
      umkm: Set<string>;
      poorUmkm: Set<string>;
    }
  >();
  for (const r of rows) {
    const e = out.get(r.id) ?? {
      id: r.id,
      name: r.name,
      gmv: 0,
      orders: 0,
      umkm: new Set(),
      poorUmkm: new Set(),
    };
    e.gmv += Number(r.items_total);
    e.orders++;
    e.umkm.add(r.umkm_id);
    const rate = regency.get(r.village_code.split('.').slice(0, 2).join('.'));
    if (r.poverty_share !== null && rate !== undefined && Number(r.poverty_share) > rate)
      e.poorUmkm.add(r.umkm_id);
    out.set(r.id, e);
  }
  return [...out.values()]
    .map((e) => ({
      id: e.id,
      name: e.name,
      gmv: e.gmv,
      orders: e.orders,
      umkm: e.umkm.size,
      poorUmkm: e.poorUmkm.size,
    }))
    .sort((a, b) => b.gmv - a.gmv || a.name.localeCompare(b.name));
}
