// Dashboard reads across orders, UMKM and village profiles (read-only joins).
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { partneredUmkm } from './feed/feed.queries.js';
import './partners.tables.js';

const within = (col: string, prefix: string | null) =>
  prefix
    ? sql<boolean>`(${sql.ref(col)} = ${prefix} or ${sql.ref(col)} like ${prefix + '.%'})`
    : sql<boolean>`1 = 1`;

export async function partnerStats(db: Tx, partnerId: string) {
  const [umkm, orders, incentives] = await Promise.all([
    db
      .selectFrom(partneredUmkm(db, partnerId).as('pu'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('orders')
      .select([
        sql<number>`coalesce(sum(case when fulfilment_status = 'delivered' then items_total else 0 end), 0)`.as(
          'gmv',
        ),
        sql<number>`count(*)`.as('orders'),
        sql<number>`coalesce(sum(case when fulfilment_status = 'returned' then 1 else 0 end), 0)`.as(
          'returns',
        ),
      ])
      .where('partner_id', '=', partnerId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('incentive_statements')
      .select(sql<number>`coalesce(sum(total), 0)`.as('total'))
      .where('partner_id', '=', partnerId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    umkm: Number(umkm.n),
    gmv: Number(orders.gmv),
    orders: Number(orders.orders),
    returns: Number(orders.returns),
    incentives: Number(incentives.total),
  };
}

export async function partnershipsOfPartner(db: Tx, partnerId: string) {
  return db
    .selectFrom('partnerships')
    .leftJoin('umkm', 'umkm.id', 'partnerships.umkm_id')
    .leftJoin('organisations', 'organisations.id', 'partnerships.organisation_id')
    .select([
      'partnerships.id',
      'partnerships.status',
      'partnerships.commission_bps',
      'partnerships.ships_by',
      'partnerships.starts_on',
      'partnerships.ends_on',
      'umkm.name as umkm_name',
      'organisations.name as org_name',
      'partnerships.village_code',
    ])
    .where('partnerships.partner_id', '=', partnerId)
    .orderBy('partnerships.offered_at', 'desc')
    .execute();
}

/** Offers and partnerships a community manager decides: its organisations and their UMKM. */
export async function partnershipsForOrganisations(db: Tx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('partnerships')
    .innerJoin('partners', 'partners.id', 'partnerships.partner_id')
    .leftJoin('umkm', 'umkm.id', 'partnerships.umkm_id')
    .leftJoin('organisations', 'organisations.id', 'partnerships.organisation_id')
    .select([
      'partnerships.id',
      'partnerships.status',
      'partnerships.commission_bps',
      'partnerships.ships_by',
      'partnerships.terms',
      'partnerships.starts_on',
      'partnerships.ends_on',
      'partners.name as partner_name',
      'umkm.name as umkm_name',
      'organisations.name as org_name',
    ])
    .where((eb) =>
      eb.or([
        eb('partnerships.organisation_id', 'in', orgIds),
        eb('umkm.organisation_id', 'in', orgIds),
      ]),
    )
    .orderBy('partnerships.offered_at', 'desc')
    .execute();
}

/** Candidates a partner may offer to: organisations and UMKM with market-ready products. */
export async function offerTargets(db: Tx, limit = 200) {
  const orgs = await db
    .selectFrom('organisations')
    .innerJoin('regions', 'regions.code', 'organisations.village_code')
    .select(['organisations.id', 'organisations.name', 'regions.name as village'])
    .orderBy('organisations.name')
    .limit(limit)
    .execute();
  const umkm = await db
    .selectFrom('umkm')
    .innerJoin('regions', 'regions.code', 'umkm.village_code')
    .select(['umkm.id', 'umkm.name', 'regions.name as village'])
    .where('umkm.id', 'in', db.selectFrom('products').select('umkm_id').where('listed', '=', 1))
    .orderBy('umkm.name')
    .limit(limit)
    .execute();
  return { orgs, umkm };
}

/**
 * Partners ranked by GMV of delivered orders from village UMKM in the region, with their reach
 * into poor villages: distinct UMKM sold through the partner whose village's poverty share is
 * above the regency's household-weighted rate.
 */
export async function partnerRanking(db: Tx, prefix: string | null) {
  const rows = await db
    .selectFrom('orders')
    .innerJoin('partners', 'partners.id', 'orders.partner_id')
    .leftJoin('village_profiles as vp', 'vp.village_code', 'orders.village_code')
    .select([
      'partners.id',
      'partners.name',
      'orders.umkm_id',
      'orders.village_code',
      'orders.items_total',
      'vp.poverty_share',
      'vp.households',
    ])
    .where('orders.fulfilment_status', '=', 'delivered')
    .where('orders.status', '!=', 'cancelled')
    .where(within('orders.village_code', prefix))
    .execute();
  const regency = new Map<string, { poor: number; all: number }>();
  const profiles = await db
    .selectFrom('village_profiles')
    .select(['village_code', 'poverty_share', 'households'])
    .where('poverty_share', 'is not', null)
    .where(within('village_code', prefix ? prefix.split('.').slice(0, 2).join('.') : null))
    .execute();
  for (const p of profiles) {
    const reg = p.village_code.split('.').slice(0, 2).join('.');
    const acc = regency.get(reg) ?? { poor: 0, all: 0 };
    const w = Number(p.households ?? 1);
    acc.poor += Number(p.poverty_share) * w;
    acc.all += w;
    regency.set(reg, acc);
  }
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
    const reg = regency.get(r.village_code.split('.').slice(0, 2).join('.'));
    if (
      r.poverty_share !== null &&
      reg &&
      reg.all > 0 &&
      Number(r.poverty_share) > reg.poor / reg.all
    )
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
