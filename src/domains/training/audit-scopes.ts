// Where training's audited entities lie, for regional readers of the audit trail: a session by
// its kecamatan/desa, a course by its region (national courses stay national-only), a question
// bank by the region whose id it carries.
import type { AuditScopeResolver } from '../../kernel/audit/index.js';

const byColumn =
  (table: 'training_sessions' | 'courses'): AuditScopeResolver =>
  async (db, ids) => {
    const rows = ids.length
      ? await db.selectFrom(table).select(['id', 'region_code']).where('id', 'in', ids).execute()
      : [];
    return new Map(rows.filter((r) => r.region_code).map((r) => [r.id, r.region_code as string]));
  };

export const trainingAuditScopes: Record<string, AuditScopeResolver> = {
  training_session: byColumn('training_sessions'),
  course: byColumn('courses'),
  question_bank: async (_db, ids) =>
    new Map(ids.filter((id) => /^\d{2}(\.\d{2})*$/.test(id)).map((id) => [id, id])),
};
