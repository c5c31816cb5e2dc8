// Producers (smallholders) registered by their koperasi/BUMDes or its collection-point clerk.
// Consent comes first (UU PDP 27/2022): it is recorded through community, in the same
// transaction as the name and phone, and a producer without a phone is still a producer.
// Erasure nulls name and phone; intakes and statements keep their numbers.
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { organisationPlace, recordConsent } from '../community/index.js';
import { regionChain } from '../regions/index.js';
import { isCommodity } from './commodities.js';
import { intakeOrgs, produceReach, produceVisible } from './scope.js';

export interface ProducerInput {
  fullName: string;
  phone: string | null;
  organisationId: string;
  villageCode: string;
  plots: { commodity: string; areaM2: number | null }[];
}

export const CONSENT_PURPOSE = 'produce_producer';

export async function registerProducer(
  db: Tx,
  actor: Actor,
  input: ProducerInput,
  o: { isDemo?: boolean; at?: string } = {},
): Promise<Result<string>> {
  const reach = await produceReach(db, actor);
  if (!intakeOrgs(reach).includes(input.organisationId))
    return fail(
      'PRODUCE_OUTSIDE_SCOPE',
      {},
      { organisation_id: { key: 'produce.err.organisation' } },
    );
  const org = await organisationPlace(db, input.organisationId);
  if (!org)
    return fail(
      'PRODUCE_OUTSIDE_SCOPE',
      {},
      { organisation_id: { key: 'produce.err.organisation' } },
    );
  const chain = await regionChain(db, input.villageCode);
  if (chain.at(-1)?.level !== 4)
    return fail('VALIDATION_FAILED', {}, { village_code: { key: 'produce.err.village' } });
  for (const p of input.plots)
    if (!isCommodity(p.commodity))
      return fail('VALIDATION_FAILED', {}, { commodity: { key: 'produce.err.commodity' } });
  return inTransactionResult(db, async (tx) => {
    const consentId = await recordConsent(tx, CONSENT_PURPOSE, actor.userId);
    const id = newId('pdr');
    const at = o.at ?? nowIso();
    await tx
      .insertInto('produce_producers')
      .values({
        id,
        organisation_id: org.id,
        region_code: org.village_code,
        village_code: input.villageCode,
        full_name: input.fullName,
        phone: input.phone,
        consent_id: consentId,
        erased_at: null,
        created_by: actor.userId,
        is_demo: o.isDemo ? 1 : 0,
        created_at: at,
      })
      .execute();
    for (const p of input.plots)
      await tx
        .insertInto('produce_plots')
        .values({
          id: newId('plt'),
          producer_id: id,
          commodity: p.commodity,
          area_m2: p.areaM2,
          created_at: at,
        })
        .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.producer_register',
      entityType: 'produce_producer',
      entityId: id,
      data: { organisationId: org.id, consentId, plots: input.plots.length },
    });
    return ok(id);
  });
}

/** A producer the actor reaches (clerks included), or undefined. */
export async function visibleProducer(db: Tx, actor: Actor, id: string) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_producers')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => produceVisible(eb, 'produce_producers', reach, { clerk: true }))
    .executeTakeFirst();
}

export async function listProducers(db: Tx, actor: Actor, o: { limit?: number } = {}) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_producers')
    .select([
      'id',
      'full_name',
      'phone',
      'village_code',
      'organisation_id',
      'erased_at',
      'created_at',
    ])
    .where((eb) => produceVisible(eb, 'produce_producers', reach, { clerk: true }))
    .orderBy('full_name')
    .orderBy('id')
    .limit(o.limit ?? 500)
    .execute();
}

export async function plotsOf(db: Tx, producerId: string) {
  return db
    .selectFrom('produce_plots')
    .select(['commodity', 'area_m2'])
    .where('producer_id', '=', producerId)
    .orderBy('created_at')
    .execute();
}
