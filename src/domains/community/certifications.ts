// Legal and product certifications of an UMKM (NIB, PIRT, halal, BPOM) and their expiry
// states. States and alerts are computed on read from `expires_on` against the day asked
// about — there is no background job; a certificate expiring tonight shows as expired on the
// next page view, and the 60/14-day alerts appear on the home panels from that day on.
import { sql } from 'kysely';
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { Topic } from '../../kernel/domain/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import type { CertificationInput } from './community.schema.js';
import type { CertificationKind, CertificationsTable } from './community.tables.js';
import { canManageUmkm, reachOf, umkmVisible } from './scope.js';

export type CertificationState = 'valid' | 'expiring_60' | 'expiring_14' | 'expired';
export const ALERT_DAYS = [60, 14] as const;

const DAY = 86400_000;
const dayOf = (on: Date | string): string =>
  typeof on === 'string' ? on.slice(0, 10) : on.toISOString().slice(0, 10);
const utc = (d: string) => Date.parse(d + 'T00:00:00Z');

/** Whole days from `on` to the expiry date (0 = expires today, negative = expired); null when it never expires. */
export function daysToExpiry(
  c: { expires_on: string | null },
  on: Date | string = new Date(),
): number | null {
  if (!c.expires_on) return null;
  return Math.round((utc(c.expires_on) - utc(dayOf(on))) / DAY);
}

/** valid / expiring_60 (≤ 60 days left) / expiring_14 (≤ 14 days) / expired (after its expiry date). */
export function certificationState(
  c: { expires_on: string | null },
  on: Date | string = new Date(),
): CertificationState {
  const d = daysToExpiry(c, on);
  if (d === null || d > 60) return 'valid';
  if (d < 0) return 'expired';
  return d <= 14 ? 'expiring_14' : 'expiring_60';
}

export interface CertificationView extends CertificationsTable {
  state: CertificationState;
  days_left: number | null;
}

const withState = (c: CertificationsTable, on: Date | string): CertificationView => ({
  ...c,
  state: certificationState(c, on),
  days_left: daysToExpiry(c, on),
});

/** Certifications of an UMKM that are not expired on `on` (valid or expiring), newest expiry first. */
export async function validCertifications(
  db: Tx,
  umkmId: string,
  on: Date | string = new Date(),
): Promise<CertificationView[]> {
  const day = dayOf(on);
  const rows = await db
    .selectFrom('certifications')
    .selectAll()
    .where('umkm_id', '=', umkmId)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', day)]))
    .where('issued_on', '<=', day)
    .orderBy('kind')
    .orderBy('expires_on', 'desc')
    .execute();
  return rows.map((r) => withState(r, on));
}

export async function certificationsOf(
  db: Tx,
  umkmId: string,
  on: Date | string = new Date(),
): Promise<CertificationView[]> {
  const rows = await db
    .selectFrom('certifications')
    .selectAll()
    .where('umkm_id', '=', umkmId)
    .orderBy('kind')
    .orderBy('issued_on', 'desc')
    .execute();
  return rows.map((r) => withState(r, on));
}

/**
 * The ids of UMKM holding a halal certificate valid on `day` (no expiry, or not yet expired), as
 * an uncorrelated SQL subquery for search's halal filter (`umkm_id in (…)`): the certified UMKM
 * are listed once per statement (a few thousand at most), then each candidate is a lookup.
 */
export const validHalalUmkmIds = (day: string) =>
  sql<{
    umkm_id: string;
  }>`select c.umkm_id from certifications c where c.kind in ('halal_regular', 'halal_self_declare') and (c.expires_on is null or c.expires_on >= ${day})`;

export interface CertificationChange {
  umkmId: string;
  certificationId: string;
  kind: CertificationKind;
  /** True when an earlier certificate of the same kind existed (a renewal). */
  renewed: boolean;
}
/** Published after a certificate was added or renewed and committed (innovation relists products). */
export const certificationChanged = new Topic<CertificationChange>(
  'community.certification_changed',
);

/** Records a certificate (a later one of the same kind renews it) for an UMKM the actor may manage. */
export async function addCertification(
  db: Tx,
  actor: Actor,
  umkmId: string,
  input: CertificationInput,
): Promise<Result<CertificationChange>> {
  const umkm = await db
    .selectFrom('umkm')
    .select(['id', 'village_code', 'organisation_id'])
    .where('id', '=', umkmId)
    .where((eb) => umkmVisible(eb, reachOf(actor)))
    .executeTakeFirst();
  if (!umkm) return fail('NOT_FOUND');
  if (!canManageUmkm(actor, umkm)) return fail('FORBIDDEN');
  const change = await inTransaction(db, async (tx) => {
    const earlier = await tx
      .selectFrom('certifications')
      .select('id')
      .where('umkm_id', '=', umkmId)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    const id = newId('crt');
    await tx
      .insertInto('certifications')
      .values({
        id,
        umkm_id: umkmId,
        kind: input.kind,
        number: input.number,
        issued_on: input.issued_on,
        expires_on: input.expires_on,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: earlier ? 'certification.renew' : 'certification.add',
      entityType: 'umkm',
      entityId: umkmId,
      data: { certificationId: id, kind: input.kind, expiresOn: input.expires_on },
    });
    return { umkmId, certificationId: id, kind: input.kind, renewed: !!earlier };
  });
  await certificationChanged.publish(db, change);
  return ok(change);
}

export interface CertificationAlert extends CertificationView {
  umkm_name: string;
  organisation_id: string | null;
}

/**
 * Certificates the actor should act on: expiring within 60 days or already expired, in the
 * UMKM the actor can see, and only the latest certificate of each kind (a renewed one is done).
 */
export async function certificationAlerts(
  db: Tx,
  actor: Actor,
  on: Date | string = new Date(),
  limit = 50,
): Promise<CertificationAlert[]> {
  const day = dayOf(on);
  const horizon = new Date(utc(day) + 60 * DAY).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('certifications')
    .innerJoin('umkm', 'umkm.id', 'certifications.umkm_id')
    .selectAll('certifications')
    .select(['umkm.name as umkm_name', 'umkm.organisation_id'])
    .where((eb) => umkmVisible(eb, reachOf(actor)))
    .where('certifications.expires_on', 'is not', null)
    .where('certifications.expires_on', '<=', horizon)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('certifications as later')
            .select('later.id')
            .whereRef('later.umkm_id', '=', 'certifications.umkm_id')
            .whereRef('later.kind', '=', 'certifications.kind')
            .whereRef('later.issued_on', '>', 'certifications.issued_on'),
        ),
      ),
    )
    .orderBy('certifications.expires_on')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...withState(r, on),
    umkm_name: r.umkm_name,
    organisation_id: r.organisation_id,
  }));
}

export interface ExpiringCertification {
  id: string;
  umkmId: string;
  kind: CertificationKind;
  expiresOn: string;
  villageCode: string;
  organisationId: string | null;
}

/**
 * Every UMKM's current certificate (the latest of its kind) that expires between `from` and
 * `to` (YYYY-MM-DD, inclusive), unscoped: for system jobs (expiry reminders), never for pages.
 */
export async function certificationsExpiringBetween(
  db: Tx,
  from: string,
  to: string,
): Promise<ExpiringCertification[]> {
  const rows = await db
    .selectFrom('certifications')
    .innerJoin('umkm', 'umkm.id', 'certifications.umkm_id')
    .select([
      'certifications.id',
      'certifications.umkm_id',
      'certifications.kind',
      'certifications.expires_on',
      'umkm.village_code',
      'umkm.organisation_id',
    ])
    .where('certifications.expires_on', '>=', from)
    .where('certifications.expires_on', '<=', to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('certifications as later')
            .select('later.id')
            .whereRef('later.umkm_id', '=', 'certifications.umkm_id')
            .whereRef('later.kind', '=', 'certifications.kind')
            .whereRef('later.issued_on', '>', 'certifications.issued_on'),
        ),
      ),
    )
    .orderBy('certifications.expires_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    umkmId: r.umkm_id,
    kind: r.kind,
    expiresOn: r.expires_on as string,
    villageCode: r.village_code,
    organisationId: r.organisation_id,
  }));
}
