// Where community's audited entities lie, for regional readers of the audit trail: an UMKM,
// an organisation, a service point and a person each by the village recorded on it.
import type { AuditScopeResolver } from '../../kernel/audit/index.js';

const byVillage =
  (table: 'umkm' | 'organisations' | 'service_points' | 'people'): AuditScopeResolver =>
  async (db, ids) => {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom(table as 'umkm')
      .select(['id', 'village_code'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.village_code]));
  };

export const communityAuditScopes: Record<string, AuditScopeResolver> = {
  umkm: byVillage('umkm'),
  organisation: byVillage('organisations'),
  service_point: byVillage('service_points'),
  person: byVillage('people'),
};
