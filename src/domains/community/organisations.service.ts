// Organisations attached to a village (BUMDes, koperasi desa incl. Koperasi Desa Merah Putih,
// kelompok tani/nelayan, UMKM groups) and their members (people with a role and consent).
import { newId } from '../../kernel/ids/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { OrganisationInput } from './community.schema.js';
import { findVillage, withVillageNames } from './community.queries.js';
import { holdersOn } from '../accounts/index.js';
import { organisationVisible, reachOf } from './scope.js';

/** Officers (in their region) and national admins create organisations. */
export async function createOrganisation(
  db: Tx,
  actor: Actor,
  input: OrganisationInput,
  opts: { isDemo?: boolean } = {},
): Promise<Result<string>> {
  return inTransactionResult(db, async (tx) => {
    if (!(await findVillage(tx, input.village_code)))
      return fail(
        'COMMUNITY_UNKNOWN_VILLAGE',
        {},
        { village_code: { key: 'community.unknown_village' } },
      );
    if (!canInRegion(actor, ['national_admin', 'regional_officer'], input.village_code))
      return fail(
        'COMMUNITY_OUTSIDE_SCOPE',
        {},
        { village_code: { key: 'community.village_outside_scope' } },
      );
    const id = newId('org');
    await tx
      .insertInto('organisations')
      .values({
        id,
        village_code: input.village_code,
        kind: input.kind,
        name: input.name,
        is_demo: opts.isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      data: { villageCode: input.village_code, kind: input.kind },
    });
    return ok(id);
  });
}

export async function listOrganisations(
  db: Tx,
  actor: Actor,
  f: { villageCode?: string; limit?: number } = {},
) {
  let q = db
    .selectFrom('organisations')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.kind',
      'organisations.village_code',
    ])
    .select((eb) => [
      eb
        .selectFrom('umkm')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('umkm.organisation_id', '=', 'organisations.id')
        .as('umkm_count'),
      eb
        .selectFrom('people')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('people.organisation_id', '=', 'organisations.id')
        .where('people.erased_at', 'is', null)
        .as('member_count'),
    ])
    .where((eb) => organisationVisible(eb, reachOf(actor)));
  if (f.villageCode) q = q.where('organisations.village_code', '=', f.villageCode);
  const rows = await q
    .orderBy('organisations.name')
    .limit(f.limit ?? 200)
    .execute();
  return withVillageNames(
    db,
    rows.map((r) => ({
      ...r,
      umkm_count: Number(r.umkm_count ?? 0),
      member_count: Number(r.member_count ?? 0),
    })),
  );
}

/** Members of an organisation: people with a role (names only while not erased). */
export async function membersOf(db: Tx, organisationId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'full_name', 'role_title', 'household_size', 'erased_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('role_title')
    .orderBy('created_at')
    .execute();
}

/** Users holding community_manager on the organisation (its managers). */
export async function managersOf(db: Tx, organisationId: string) {
  const rows = await holdersOn(db, 'community_manager', organisationId);
  return rows.map((r) => ({ id: r.id, display_name: r.display_name }));
}
