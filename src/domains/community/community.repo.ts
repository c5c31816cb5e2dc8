// Shared reads of the community domain: places, organisations, points, scoped lookups.
import type { Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { nowIso } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { CONSENT_VERSION } from './community.schema.js';
import { organisationVisible, pointVisible, reachOf, umkmVisible } from './scope.js';
import './community.tables.js';

/** A village (desa/kelurahan) with its district and regency names, or undefined. */
export async function findVillage(db: Tx, code: string) {
  return db
    .selectFrom('regions as v')
    .innerJoin('regions as d', 'd.code', 'v.parent_code')
    .innerJoin('regions as r', 'r.code', 'd.parent_code')
    .select(['v.code', 'v.name', 'v.kind', 'd.name as district_name', 'r.name as regency_name'])
    .where('v.code', '=', code)
    .where('v.level', '=', 4)
    .executeTakeFirst();
}

export const sameDistrict = (a: string, b: string) => a.slice(0, 8) === b.slice(0, 8);

export const findOrganisation = (db: Tx, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
export const findPoint = (db: Tx, id: string) =>
  db.selectFrom('service_points').selectAll().where('id', '=', id).executeTakeFirst();

export const visibleOrganisation = (db: Tx, actor: Actor, id: string) =>
  db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => organisationVisible(eb, reachOf(actor)))
    .executeTakeFirst();
export const visibleUmkm = (db: Tx, actor: Actor, id: string) =>
  db
    .selectFrom('umkm')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => umkmVisible(eb, reachOf(actor)))
    .executeTakeFirst();
export const visiblePoint = (db: Tx, actor: Actor, id: string) =>
  db
    .selectFrom('service_points')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => pointVisible(eb, reachOf(actor)))
    .executeTakeFirst();

/** Records that the person agreed to `purpose` under the current consent text. Returns its id. */
export async function recordConsent(tx: Tx, purpose: string, recordedBy: string): Promise<string> {
  const id = newId('cns');
  await tx
    .insertInto('consents')
    .values({
      id,
      purpose,
      text_version: CONSENT_VERSION,
      given_at: nowIso(),
      recorded_by: recordedBy,
      withdrawn_at: null,
    })
    .execute();
  return id;
}
