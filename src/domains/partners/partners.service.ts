// Partner platforms and partnership agreements. A national admin registers a platform and
// invites its user; the partner offers a partnership to one UMKM or a whole BUMDes/koperasi;
// the community manager of that organisation accepts or declines. Terms are recorded as given.
import { randomBytes } from 'node:crypto';
import { newId } from '../../kernel/ids/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { scopeIds, hasRole, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { invite } from '../accounts/index.js';
import { managedUmkmIds, organisationPlace, umkmFactsByIds } from '../community/index.js';
import type { PartnerKind } from './partners.tables.js';
import './partners.tables.js';

/** Partner ids the actor acts for (its `partner` grants). */
export const partnerIdsOf = (actor: Actor | null | undefined) =>
  scopeIds(actor, 'partner', ['partner']);

export async function registerPartner(
  db: Tx,
  actor: Actor,
  input: {
    name: string;
    kind: PartnerKind;
    webhookUrl: string | null;
    contactName: string;
    contactPhone: string;
  },
): Promise<Result<{ partnerId: string; inviteCode: string }>> {
  if (!hasRole(actor, 'national_admin')) return fail('FORBIDDEN');
  return inTransactionResult(db, async (tx) => {
    const partnerId = newId('ptn');
    await tx
      .insertInto('partners')
      .values({
        id: partnerId,
        name: input.name,
        kind: input.kind,
        webhook_url: input.webhookUrl,
        webhook_secret: newSecret(),
        is_demo: 0,
        created_at: nowIso(),
      })
      .execute();
    const inv = await invite(tx, actor, {
      displayName: input.contactName,
      phone: input.contactPhone,
      role: 'partner',
      scopeId: partnerId,
    });
    // A refused invitation rolls back the partner record: no platform without its contact.
    if (!inv.ok) return inv;
    await audit(tx, {
      actorId: actor.userId,
      action: 'partner.register',
      entityType: 'partner',
      entityId: partnerId,
    });
    return ok({ partnerId, inviteCode: inv.value.code });
  });
}

export const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export async function updateWebhook(
  db: Tx,
  actor: Actor,
  partnerId: string,
  webhookUrl: string | null,
  rotateSecret: boolean,
): Promise<Result<true>> {
  if (!partnerIdsOf(actor).includes(partnerId)) return fail('FORBIDDEN');
  const set: { webhook_url: string | null; webhook_secret?: string } = { webhook_url: webhookUrl };
  if (rotateSecret) set.webhook_secret = newSecret();
  await db.updateTable('partners').set(set).where('id', '=', partnerId).execute();
  await audit(db, {
    actorId: actor.userId,
    action: rotateSecret ? 'partner.webhook_secret_rotated' : 'partner.webhook',
    entityType: 'partner',
    entityId: partnerId,
  });
  return ok(true);
}

export interface Offer {
  target: { kind: 'umkm' | 'organisation'; id: string };
  commissionBps: number;
  shipsBy: 'lumbung' | 'partner';
  terms: string;
  startsOn: string;
  endsOn: string | null;
}

export async function offerPartnership(
  db: Tx,
  actor: Actor,
  partnerId: string,
  o: Offer,
): Promise<Result<string>> {
  if (!partnerIdsOf(actor).includes(partnerId)) return fail('FORBIDDEN');
  if (o.endsOn && o.endsOn < o.startsOn)
    return fail('VALIDATION_FAILED', {}, { ends_on: { key: 'partners.ends_before_start' } });
  const target =
    o.target.kind === 'umkm'
      ? (await umkmFactsByIds(db, [o.target.id])).get(o.target.id)
      : await organisationPlace(db, o.target.id);
  if (!target) return fail('VALIDATION_FAILED', {}, { target: { key: 'partners.unknown_target' } });
  const open = await db
    .selectFrom('partnerships')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where(o.target.kind === 'umkm' ? 'umkm_id' : 'organisation_id', '=', o.target.id)
    .where('status', 'in', ['offered', 'accepted'])
    .executeTakeFirst();
  if (open) return fail('PARTNERS_ALREADY_PARTNERED');
  const id = newId('pns');
  await db
    .insertInto('partnerships')
    .values({
      id,
      partner_id: partnerId,
      umkm_id: o.target.kind === 'umkm' ? o.target.id : null,
      organisation_id: o.target.kind === 'organisation' ? o.target.id : null,
      village_code: target.village_code,
      commission_bps: o.commissionBps,
      ships_by: o.shipsBy,
      terms: o.terms,
      status: 'offered',
      offered_at: nowIso(),
      offered_by: actor.userId,
      decided_at: null,
      decided_by: null,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
    })
    .execute();
  await audit(db, {
    actorId: actor.userId,
    action: 'partnership.offer',
    entityType: 'partnership',
    entityId: id,
    data: { partnerId, commissionBps: o.commissionBps },
  });
  return ok(id);
}

/**
 * Organisations whose partnerships the actor decides: a community manager's organisations.
 * An offer to one UMKM is decided by the manager of the UMKM's organisation.
 */
export async function decidePartnership(
  db: Tx,
  actor: Actor,
  id: string,
  decision: 'accepted' | 'declined' | 'ended',
): Promise<Result<true>> {
  const orgs = scopeIds(actor, 'organisation', ['community_manager']);
  if (orgs.length === 0) return fail('FORBIDDEN');
  const row = await db
    .selectFrom('partnerships')
    .select(['partnerships.id', 'partnerships.status', 'partnerships.organisation_id'])
    .where('partnerships.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('partnerships.organisation_id', 'in', orgs),
        // An offer to an UMKM is decided by the managers of the UMKM's organisation.
        eb('partnerships.umkm_id', 'in', managedUmkmIds(db, { regions: [], orgIds: orgs })),
      ]),
    )
    .executeTakeFirst();
  if (!row) return fail('NOT_FOUND');
  const allowed = decision === 'ended' ? row.status === 'accepted' : row.status === 'offered';
  if (!allowed) return fail('PARTNERS_BAD_DECISION', { from: row.status, to: decision });
  const r = await db
    .updateTable('partnerships')
    .set({
      status: decision,
      decided_at: nowIso(),
      decided_by: actor.userId,
      ...(decision === 'ended' ? { ends_on: nowIso().slice(0, 10) } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('CONFLICT');
  await audit(db, {
    actorId: actor.userId,
    action: `partnership.${decision}`,
    entityType: 'partnership',
    entityId: id,
  });
  return ok(true);
}

/** For demo seeds and fixtures: a partner with its secret, no user. */
export async function createPartnerRecord(
  db: Tx,
  p: { name: string; kind: PartnerKind; webhookUrl?: string | null; isDemo?: boolean },
): Promise<string> {
  const id = newId('ptn');
  await db
    .insertInto('partners')
    .values({
      id,
      name: p.name,
      kind: p.kind,
      webhook_url: p.webhookUrl ?? null,
      webhook_secret: newSecret(),
      is_demo: p.isDemo ? 1 : 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
