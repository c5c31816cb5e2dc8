// Where logistics' audited entities lie, for regional readers of the audit trail: a hub by its
// kecamatan/kabupaten; a parcel by the village it leaves from (the seller's region, whose
// officers run the programme there), else the village it goes to.
import type { AuditScopeResolver } from '../../kernel/audit/index.js';

export const logisticsAuditScopes: Record<string, AuditScopeResolver> = {
  hub: async (db, ids) => {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('hubs')
      .select(['id', 'region_code'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.region_code]));
  },
  parcel: async (db, ids) => {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('parcels')
      .select(['id', 'origin_village_code', 'destination_village_code'])
      .where('id', 'in', ids)
      .execute();
    const out = new Map<string, string>();
    for (const r of rows) {
      const region = r.origin_village_code ?? r.destination_village_code;
      if (region) out.set(r.id, region);
    }
    return out;
  },
};
