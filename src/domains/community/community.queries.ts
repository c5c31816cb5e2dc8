// Shared reads of the community domain: places, organisations, points, scoped lookups.
import type { Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { nowIso } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { regionChain, regionNames } from '../regions/index.js';
import { CONSENT_VERSION } from './community.schema.js';
import { organisationVisible, pointVisible, reachOf, umkmVisible } from './scope.js';
import './community.tables.js';

/** A village (desa/kelurahan) with its district and regency names, or undefined. */
export async function findVillage(db: Tx, code: string) {
  const chain = await regionChain(db, code);
  const [, regency, district, village] = chain;
  if (chain.length !== 4 || village.level !== 4) return undefined;
  return {
    code: village.code,
    name: village.name,
    kind: village.kind,
    district_name: district.name,
    regency_name: regency.name,
  };
}

/** Adds each row's village name (null when the code names no known area). */
export async function withVillageNames<T extends { village_code: string }>(
  db: Tx,
  rows: T[],
): Promise<(T & { village_name: string | null })[]> {
  const names = await regionNames(
    db,
    rows.map((r) => r.village_code),
  );
  return rows.map((r) => ({ ...r, village_name: names.get(r.village_code) ?? null }));
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

/**
 * What a village's public page shows of its community: organisations, producers (with their
 * public business contact) and service points, each by name.
 */
export async function villageCommunity(db: Tx, code: string) {
  const [organisations, producers, points] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind'])
      .where('village_code', '=', code)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('umkm')
      .select(['id', 'name', 'business_type', 'story', 'whatsapp'])
      .where('village_code', '=', code)
      .orderBy('name')
      .limit(100)
      .execute(),
    db
      .selectFrom('service_points')
      .select(['id', 'name', 'opening_hours'])
      .where('village_code', '=', code)
      .orderBy('name')
      .execute(),
  ]);
  return { organisations, producers, points };
}
