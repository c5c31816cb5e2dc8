// Writes the demo survey world (demo-world.ts) for the villages under the given regencies, in
// bulk: one consent per household and business, then the answers, flagged is_demo.
import type { Db } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { CONSENT_PURPOSE, CONSENT_TEXT_VERSION } from './surveys.schema.js';
import { villageCohorts } from './regions.queries.js';
import { generateDemoWorld, type DemoWorld } from './demo-world.js';

async function bulk(
  tx: any,
  table: 'survey_consents' | 'household_surveys' | 'umkm_sales_surveys',
  rows: any[],
  chunk = 500,
) {
  for (let i = 0; i < rows.length; i += chunk)
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
}

/** Seeds household and UMKM survey waves for every village under `regencies`; returns the world drawn. */
export async function seedDemoSurveys(
  db: Db,
  regencies: string[],
  actorId: string | null = null,
): Promise<DemoWorld> {
  const villages = await villageCohorts(db, regencies);
  const world = generateDemoWorld(villages);
  const now = nowIso();
  const consents = new Map<string, string>();
  const consentRows: any[] = [];
  const consentFor = (kind: string, village: string, code: string) => {
    const k = `${kind}|${village}|${code}`;
    let id = consents.get(k);
    if (!id) {
      id = newId('scn');
      consents.set(k, id);
      consentRows.push({
        id,
        subject_kind: kind,
        village_code: village,
        subject_code: code,
        purpose: CONSENT_PURPOSE,
        text_version: CONSENT_TEXT_VERSION,
        given_at: now,
        recorded_by: actorId,
        withdrawn_at: null,
        is_demo: 1,
      });
    }
    return id;
  };
  const hh = world.households.map((h) => ({
    id: newId('hhs'),
    ...h,
    per_capita_monthly: Math.round(h.income_monthly / h.household_size),
    consent_id: consentFor('household', h.village_code, h.household_code),
    source: 'demo',
    entered_by: actorId,
    created_at: now,
    is_demo: 1,
  }));
  const sales = world.sales.map((s) => ({
    id: newId('uss'),
    ...s,
    consent_id: consentFor('umkm', s.village_code, s.umkm_code),
    source: 'demo',
    entered_by: actorId,
    created_at: now,
    is_demo: 1,
  }));
  await inTransaction(db, async (tx) => {
    await bulk(tx, 'survey_consents', consentRows);
    await bulk(tx, 'household_surveys', hh);
    await bulk(tx, 'umkm_sales_surveys', sales);
  });
  return world;
}
