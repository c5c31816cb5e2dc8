// Test fixtures of the innovation domain (imported only by tests and access cases).
import { newId } from '../../src/kernel/ids/index.js';
import { nowIso, type Db, type DbHandle } from '../../src/kernel/db/index.js';
import type { Actor, Role, ScopeType } from '../../src/kernel/auth/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { createUser, grantRole } from '../../src/domains/accounts/index.js';
import { anyVillage, makeOrganisation, makeUmkm } from './community.js';
import { makeProduct } from './catalog.js';
import { testPhone } from './world.js';
import type { CertificationKind } from '../../src/domains/community/index.js';
import { checklistFor } from '../../src/domains/innovation/checklist.js';
import type { ItemResult } from '../../src/domains/innovation/review.service.js';

/** An in-memory actor for service calls (no session needed). */
export function actorOf(
  userId: string,
  role: Role,
  scopeType: ScopeType,
  scopeId: string | null,
  regionCode: string | null,
): Actor {
  return {
    userId,
    displayName: `Uji ${role}`,
    locale: null,
    via: 'session',
    grants: [{ role, scopeType, scopeId, regionCode }],
  };
}

export interface ReviewFixture {
  village: string;
  organisationId: string;
  umkmId: string;
  productId: string;
  variantId: string;
  seller: Actor;
  manager: Actor;
  reviewer: Actor;
}

/** An UMKM in Ngada with one not-yet-reviewed product, its seller, manager and a regency reviewer. */
export async function reviewFixture(
  h: DbHandle,
  o: { category?: string; title?: string; regency?: string; nth?: number } = {},
): Promise<ReviewFixture> {
  const regency = o.regency ?? '53.09';
  const village = await anyVillage(h.db, regency, o.nth ?? 0);
  const organisationId = await makeOrganisation(h.db, { villageCode: village });
  const umkmId = await makeUmkm(h.db, { villageCode: village, organisationId });
  const { productId, variantId } = await makeProduct(h, {
    umkmId,
    listed: false,
    category: o.category ?? 'gula-aren',
    title: o.title,
  });
  return {
    village,
    organisationId,
    umkmId,
    productId,
    variantId,
    seller: actorOf(newId('usr'), 'seller', 'umkm', umkmId, village),
    manager: actorOf(newId('usr'), 'community_manager', 'organisation', organisationId, village),
    reviewer: actorOf(newId('usr'), 'reviewer', 'region', regency, regency),
  };
}

export async function addCertification(
  db: Db,
  umkmId: string,
  kind: CertificationKind,
  issuedOn: string,
  expiresOn: string | null,
): Promise<string> {
  const id = newId('crt');
  await db
    .insertInto('certifications')
    .values({
      id,
      umkm_id: umkmId,
      kind,
      number: `${kind.toUpperCase()}-${id.slice(-6)}`,
      issued_on: issuedOn,
      expires_on: expiresOn,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** A real mentor user with a grant over `region`. */
export async function makeMentor(db: Db, region: string, name = 'Ibu Dewi'): Promise<string> {
  const id = unwrap(await createUser(db, { displayName: name, phone: testPhone() }));
  await db.updateTable('users').set({ status: 'active' }).where('id', '=', id).execute();
  unwrap(await grantRole(db, null, id, 'mentor', region));
  return id;
}

/** Checklist results for a category: everything passes except `fail` (with a comment each). */
export function results(category: string, fail: string[] = []): ItemResult[] {
  return checklistFor(category).map((key) => ({
    key,
    passed: !fail.includes(key),
    comment: fail.includes(key) ? `Perbaiki ${key}` : '',
  }));
}

export const inDays = (n: number) =>
  new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
