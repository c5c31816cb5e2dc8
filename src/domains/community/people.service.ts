// Producers and household members linked to an UMKM or organisation. Personal data (name,
// phone) is written only together with a consent record; on request a person's data is
// exported as JSON or erased. Erasure nulls identity but keeps the row (village, links,
// household size), so counts and per-capita figures still add up without naming anyone.
import { newId } from '../../kernel/ids/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { PersonInput } from './community.schema.js';
import { recordConsent, visibleOrganisation, visibleUmkm } from './community.queries.js';
import { canManageOrganisation, canManageUmkm, personVisible, reachOf } from './scope.js';

export async function addPerson(
  db: Tx,
  actor: Actor,
  input: PersonInput,
  opts: { isDemo?: boolean } = {},
): Promise<Result<string>> {
  return inTransactionResult(db, async (tx) => {
    let village = '';
    const orgId = input.organisation_id ?? null;
    // The organisation is checked whenever one is named, also beside an UMKM: an unknown id
    // was a foreign-key 500, another organisation's id a link outside the caller's scope.
    if (orgId) {
      const o = await visibleOrganisation(tx, actor, orgId);
      if (!o)
        return fail(
          'COMMUNITY_UNKNOWN_ORGANISATION',
          {},
          { organisation_id: { key: 'community.unknown_organisation' } },
        );
      if (!canManageOrganisation(actor, o))
        return fail(
          'COMMUNITY_OUTSIDE_SCOPE',
          {},
          { organisation_id: { key: 'community.organisation_outside_scope' } },
        );
      village = o.village_code;
    }
    if (input.umkm_id) {
      const u = await visibleUmkm(tx, actor, input.umkm_id);
      if (!u)
        return fail('COMMUNITY_UNKNOWN_UMKM', {}, { umkm_id: { key: 'community.unknown_umkm' } });
      if (!canManageUmkm(actor, u))
        return fail(
          'COMMUNITY_OUTSIDE_SCOPE',
          {},
          { umkm_id: { key: 'community.organisation_outside_scope' } },
        );
      village = u.village_code;
    }
    const consentId = await recordConsent(
      tx,
      input.umkm_id ? 'umkm_household' : 'organisation_member',
      actor.userId,
    );
    const id = newId('prs');
    await tx
      .insertInto('people')
      .values({
        id,
        village_code: village,
        umkm_id: input.umkm_id,
        organisation_id: orgId,
        full_name: input.full_name,
        phone: input.phone,
        role_title: input.role_title,
        household_size: input.household_size,
        consent_id: consentId,
        erased_at: null,
        is_demo: opts.isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'person.add',
      entityType: 'person',
      entityId: id,
      data: { consentId, umkmId: input.umkm_id, organisationId: orgId },
    });
    return ok(id);
  });
}

const visiblePerson = (db: Tx, actor: Actor, id: string) =>
  db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => personVisible(eb, reachOf(actor)))
    .executeTakeFirst();

export async function getPerson(db: Tx, actor: Actor, id: string) {
  return visiblePerson(db, actor, id);
}

export async function peopleOfUmkm(db: Tx, umkmId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'full_name', 'role_title', 'household_size', 'erased_at'])
    .where('umkm_id', '=', umkmId)
    .orderBy('created_at')
    .execute();
}

/** Everything Lumbung holds about a person (UU PDP right of access), as one JSON document. */
export async function exportPerson(
  db: Tx,
  actor: Actor,
  id: string,
): Promise<Result<Record<string, unknown>>> {
  const p = await visiblePerson(db, actor, id);
  if (!p) return fail('NOT_FOUND');
  const consent = p.consent_id
    ? await db.selectFrom('consents').selectAll().where('id', '=', p.consent_id).executeTakeFirst()
    : undefined;
  const umkm = p.umkm_id
    ? await db
        .selectFrom('umkm')
        .select(['id', 'name'])
        .where('id', '=', p.umkm_id)
        .executeTakeFirst()
    : undefined;
  const org = p.organisation_id
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind'])
        .where('id', '=', p.organisation_id)
        .executeTakeFirst()
    : undefined;
  await audit(db, {
    actorId: actor.userId,
    action: 'person.export',
    entityType: 'person',
    entityId: id,
  });
  return ok({
    id: p.id,
    fullName: p.full_name,
    phone: p.phone,
    roleTitle: p.role_title,
    householdSize: p.household_size,
    villageCode: p.village_code,
    umkm: umkm ?? null,
    organisation: org ?? null,
    createdAt: p.created_at,
    erasedAt: p.erased_at,
    consent: consent
      ? {
          purpose: consent.purpose,
          textVersion: consent.text_version,
          givenAt: consent.given_at,
          recordedBy: consent.recorded_by,
          withdrawnAt: consent.withdrawn_at,
        }
      : null,
    exportedAt: nowIso(),
  });
}

/** Erases a person's identity on request; the anonymous row stays for aggregates. */
export async function erasePerson(db: Tx, actor: Actor, id: string): Promise<Result<true>> {
  const p = await visiblePerson(db, actor, id);
  if (!p) return fail('NOT_FOUND');
  if (p.erased_at) return fail('COMMUNITY_ALREADY_ERASED');
  const link = p.umkm_id
    ? await visibleUmkm(db, actor, p.umkm_id)
    : p.organisation_id
      ? await visibleOrganisation(db, actor, p.organisation_id)
      : undefined;
  const allowed = link
    ? 'business_type' in link
      ? canManageUmkm(actor, link)
      : canManageOrganisation(actor, link)
    : false;
  if (!allowed) return fail('FORBIDDEN');
  return inTransactionResult(db, async (tx) => {
    const now = nowIso();
    const r = await tx
      .updateTable('people')
      .set({ full_name: null, phone: null, erased_at: now })
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return fail('COMMUNITY_ALREADY_ERASED');
    if (p.consent_id)
      await tx
        .updateTable('consents')
        .set({ withdrawn_at: now })
        .where('id', '=', p.consent_id)
        .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'person.erase',
      entityType: 'person',
      entityId: id,
    });
    return ok(true as const);
  });
}

/** Anonymous aggregates that survive erasure: people and household members per village. */
export async function householdTotals(db: Tx, regionPrefix: string) {
  const rows = await db
    .selectFrom('people')
    .select((eb) => [
      eb.fn.countAll<number>().as('people'),
      eb.fn.sum<number>('household_size').as('household_members'),
    ])
    .where((eb) =>
      eb.or([
        eb('village_code', '=', regionPrefix),
        eb('village_code', 'like', regionPrefix + '.%'),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    people: Number(rows.people ?? 0),
    householdMembers: Number(rows.household_members ?? 0),
  };
}
