// UMKM use cases: fast registration with the owner's consent and a seller login, contact and
// bank details, scoped lists. Registration is one transaction: consent, UMKM, login and grant
// are all written or none is.
import { newId } from '../../kernel/ids/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { RegisterUmkmInput, UpdateUmkmInput } from './community.schema.js';
import {
  findOrganisation,
  findPoint,
  findVillage,
  recordConsent,
  sameDistrict,
  visibleUmkm,
  withVillageNames,
} from './community.queries.js';
import {
  canManageOrganisation,
  canManageUmkm,
  canSeeBankAccount,
  reachOf,
  umkmVisible,
} from './scope.js';
import { issueLogin, type IssuedLogin } from './logins.js';

export interface Placement {
  villageCode: string;
  organisationId: string | null;
}

/**
 * Where the actor may register an UMKM: an officer anywhere in its region; a manager in its
 * organisation's kecamatan (defaults: the organisation and its village); an agent in its
 * point's village (defaults: that village and the point's organisation).
 */
export async function placeUmkm(
  db: Tx,
  actor: Actor,
  villageCode: string | null,
  organisationId: string | null,
): Promise<Result<Placement>> {
  const managed = scopeIds(actor, 'organisation', ['community_manager']);
  const pointIds = scopeIds(actor, 'service_point', ['village_agent']);
  const point = pointIds.length ? await findPoint(db, pointIds[0]) : undefined;
  let orgId: string | null = organisationId ?? managed[0] ?? null;
  if (!organisationId && !managed.length && point) orgId = point.organisation_id;
  const org = orgId ? await findOrganisation(db, orgId) : undefined;
  if (orgId && !org)
    return fail(
      'COMMUNITY_UNKNOWN_ORGANISATION',
      {},
      { organisation_id: { key: 'community.unknown_organisation' } },
    );
  const village = villageCode ?? org?.village_code ?? point?.village_code ?? null;
  if (!village)
    return fail('VALIDATION_FAILED', {}, { village_code: { key: 'validation.required' } });
  if (!(await findVillage(db, village)))
    return fail(
      'COMMUNITY_UNKNOWN_VILLAGE',
      {},
      { village_code: { key: 'community.unknown_village' } },
    );
  const asOfficer = canInRegion(actor, ['national_admin', 'regional_officer'], village);
  const asManager = !!org && managed.includes(org.id) && sameDistrict(org.village_code, village);
  const asAgent =
    pointIds.length > 0 &&
    (await db
      .selectFrom('service_points')
      .select('id')
      .where('id', 'in', pointIds)
      .where('village_code', '=', village)
      .executeTakeFirst()) !== undefined;
  if (!asOfficer && !asManager && !asAgent)
    return fail(
      'COMMUNITY_OUTSIDE_SCOPE',
      {},
      { village_code: { key: 'community.village_outside_scope' } },
    );
  if (org) {
    const orgAllowed =
      canManageOrganisation(actor, org) || (asAgent && point?.organisation_id === org.id);
    if (!orgAllowed)
      return fail(
        'COMMUNITY_OUTSIDE_SCOPE',
        {},
        { organisation_id: { key: 'community.organisation_outside_scope' } },
      );
    if (!sameDistrict(org.village_code, village))
      return fail(
        'COMMUNITY_ORGANISATION_ELSEWHERE',
        {},
        { organisation_id: { key: 'community.organisation_elsewhere' } },
      );
  }
  return ok({ villageCode: village, organisationId: org?.id ?? null });
}

export interface Registered {
  umkmId: string;
  /** Null only when the caller asked for no login (the demo seed links its own demo users). */
  login: IssuedLogin | null;
}

export async function registerUmkm(
  db: Tx,
  actor: Actor,
  input: RegisterUmkmInput,
  opts: { isDemo?: boolean; id?: string; login?: boolean } = {},
): Promise<Result<Registered>> {
  return inTransactionResult(db, async (tx) => {
    const placed = await placeUmkm(tx, actor, input.village_code, input.organisation_id);
    if (!placed.ok) return placed;
    // Consent first: the owner's name and phone are stored only with it (UU PDP 27/2022).
    const consentId = await recordConsent(tx, 'umkm_owner', actor.userId);
    const id = opts.id ?? newId('umk');
    const now = nowIso();
    await tx
      .insertInto('umkm')
      .values({
        id,
        village_code: placed.value.villageCode,
        organisation_id: placed.value.organisationId,
        name: input.name,
        business_type: input.business_type,
        owner_name: input.owner_name,
        owner_user_id: null,
        phone: input.phone,
        whatsapp: input.whatsapp ?? input.phone,
        bank_name: null,
        bank_account_number: null,
        bank_account_name: null,
        story: input.story,
        consent_id: consentId,
        is_demo: opts.isDemo ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    let issued: IssuedLogin | null = null;
    if (opts.login !== false) {
      const login = await issueLogin(tx, actor, {
        phone: input.phone,
        displayName: input.owner_name,
        role: 'seller',
        scopeId: id,
        regionCode: placed.value.villageCode,
      });
      if (!login.ok) return login;
      issued = login.value;
      await tx
        .updateTable('umkm')
        .set({ owner_user_id: issued.userId })
        .where('id', '=', id)
        .execute();
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'umkm.register',
      entityType: 'umkm',
      entityId: id,
      data: {
        villageCode: placed.value.villageCode,
        organisationId: placed.value.organisationId,
        consentId,
        ownerUserId: issued?.userId ?? null,
      },
    });
    return ok({ umkmId: id, login: issued });
  });
}

export async function updateUmkm(
  db: Tx,
  actor: Actor,
  id: string,
  input: UpdateUmkmInput,
): Promise<Result<true>> {
  const u = await visibleUmkm(db, actor, id);
  if (!u) return fail('NOT_FOUND');
  if (!canManageUmkm(actor, u)) return fail('FORBIDDEN');
  // Staff who may not read the bank account may not overwrite it either: their form has no
  // bank fields, and their edit leaves the account as it is.
  const { bank_name, bank_account_number, bank_account_name, ...rest } = input;
  const change = canSeeBankAccount(actor, u) ? input : (rest as Partial<UpdateUmkmInput>);
  return inTransactionResult(db, async (tx) => {
    await tx
      .updateTable('umkm')
      .set({ ...change, whatsapp: input.whatsapp ?? u.phone, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    // Which fields changed, never their values (bank numbers and phones stay out of the log).
    await audit(tx, {
      actorId: actor.userId,
      action: 'umkm.update',
      entityType: 'umkm',
      entityId: id,
      data: { fields: Object.keys(change) },
    });
    return ok(true as const);
  });
}

/** Links an UMKM to its owner's existing account (the demo seed's seller logins). */
export async function linkOwner(
  db: Tx,
  actor: Actor,
  umkmId: string,
  userId: string,
): Promise<void> {
  await db
    .updateTable('umkm')
    .set({ owner_user_id: userId, updated_at: nowIso() })
    .where('id', '=', umkmId)
    .execute();
  await audit(db, {
    actorId: actor.userId,
    action: 'umkm.link_owner',
    entityType: 'umkm',
    entityId: umkmId,
    data: { userId },
  });
}

export interface UmkmListFilter {
  q?: string;
  villageCode?: string;
  organisationId?: string;
  limit?: number;
}

export async function listUmkm(db: Tx, actor: Actor, f: UmkmListFilter = {}) {
  let q = db
    .selectFrom('umkm')
    .leftJoin('organisations', 'organisations.id', 'umkm.organisation_id')
    .select([
      'umkm.id',
      'umkm.name',
      'umkm.business_type',
      'umkm.village_code',
      'umkm.organisation_id',
      'umkm.owner_name',
      'organisations.name as organisation_name',
    ])
    .where((eb) => umkmVisible(eb, reachOf(actor)));
  if (f.villageCode) q = q.where('umkm.village_code', '=', f.villageCode);
  if (f.organisationId) q = q.where('umkm.organisation_id', '=', f.organisationId);
  if (f.q)
    q = q.where((eb) =>
      eb(eb.fn('lower', ['umkm.name']), 'like', `%${f.q!.toLowerCase().replace(/[%_]/g, '')}%`),
    );
  return withVillageNames(
    db,
    await q
      .orderBy('umkm.name')
      .limit(f.limit ?? 200)
      .execute(),
  );
}
