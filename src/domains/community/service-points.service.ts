// Village service points (often the BUMDes kiosk): where neighbours buy and sell with help,
// drop off and pick up parcels and pay cash. Agents are users holding `village_agent` there.
import { newId } from '../../kernel/ids/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, idWhere, regionWhere, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { AgentInput, ServicePointInput } from './community.schema.js';
import type { SERVICES } from './community.schema.js';
import {
  findOrganisation,
  findVillage,
  sameDistrict,
  visiblePoint,
  withVillageNames,
} from './community.queries.js';
import { holdersOn } from '../accounts/index.js';
import { canManageOrganisation, pointVisible, reachOf } from './scope.js';
import { issueLogin, type IssuedLogin } from './logins.js';

export type Service = (typeof SERVICES)[number];

export async function createServicePoint(
  db: Tx,
  actor: Actor,
  input: ServicePointInput,
  opts: { isDemo?: boolean } = {},
): Promise<Result<string>> {
  return inTransactionResult(db, async (tx) => {
    if (!(await findVillage(tx, input.village_code)))
      return fail(
        'COMMUNITY_UNKNOWN_VILLAGE',
        {},
        { village_code: { key: 'community.unknown_village' } },
      );
    const org = input.organisation_id
      ? await findOrganisation(tx, input.organisation_id)
      : undefined;
    if (input.organisation_id && !org)
      return fail(
        'COMMUNITY_UNKNOWN_ORGANISATION',
        {},
        { organisation_id: { key: 'community.unknown_organisation' } },
      );
    const allowed =
      canInRegion(actor, ['national_admin', 'regional_officer'], input.village_code) ||
      (!!org &&
        canManageOrganisation(actor, org) &&
        sameDistrict(org.village_code, input.village_code));
    if (!allowed)
      return fail(
        'COMMUNITY_OUTSIDE_SCOPE',
        {},
        { village_code: { key: 'community.village_outside_scope' } },
      );
    if (org && !sameDistrict(org.village_code, input.village_code))
      return fail(
        'COMMUNITY_ORGANISATION_ELSEWHERE',
        {},
        { organisation_id: { key: 'community.organisation_elsewhere' } },
      );
    const id = newId('svp');
    await tx
      .insertInto('service_points')
      .values({
        id,
        village_code: input.village_code,
        organisation_id: org?.id ?? null,
        name: input.name,
        lat: input.lat,
        lng: input.lng,
        opening_hours: input.opening_hours,
        services: JSON.stringify(input.services),
        is_demo: opts.isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'service_point.create',
      entityType: 'service_point',
      entityId: id,
      data: { villageCode: input.village_code, organisationId: org?.id ?? null },
    });
    return ok(id);
  });
}

/** Adds an agent by phone number: an existing account gets the grant, a new one a starting password. */
export async function addAgent(
  db: Tx,
  actor: Actor,
  pointId: string,
  input: AgentInput,
): Promise<Result<IssuedLogin>> {
  const point = await visiblePoint(db, actor, pointId);
  if (!point) return fail('NOT_FOUND');
  const org = point.organisation_id ? await findOrganisation(db, point.organisation_id) : undefined;
  const allowed =
    canInRegion(actor, ['national_admin', 'regional_officer'], point.village_code) ||
    (!!org && canManageOrganisation(actor, org));
  if (!allowed) return fail('FORBIDDEN');
  return inTransactionResult(db, async (tx) => {
    const login = await issueLogin(tx, actor, {
      phone: input.phone,
      displayName: input.display_name,
      role: 'village_agent',
      scopeId: pointId,
      regionCode: point.village_code,
    });
    if (!login.ok) return login;
    await audit(tx, {
      actorId: actor.userId,
      action: 'service_point.add_agent',
      entityType: 'service_point',
      entityId: pointId,
      data: { userId: login.value.userId },
    });
    return login;
  });
}

export async function agentsOf(db: Tx, pointId: string) {
  return holdersOn(db, 'village_agent', pointId);
}

export interface ServicePointView {
  id: string;
  name: string;
  village_code: string;
  village_name: string | null;
  organisation_id: string | null;
  lat: number | null;
  lng: number | null;
  opening_hours: string;
  services: Service[];
}

const baseQuery = (db: Tx) =>
  db
    .selectFrom('service_points')
    .select([
      'service_points.id',
      'service_points.name',
      'service_points.village_code',
      'service_points.organisation_id',
      'service_points.lat',
      'service_points.lng',
      'service_points.opening_hours',
      'service_points.services',
    ]);

type Row = Omit<ServicePointView, 'services' | 'village_name'> & { services: string };
const views = async (db: Tx, rows: Row[]) => (await withVillageNames(db, rows)).map(toView);
const toView = (
  r: Omit<ServicePointView, 'services'> & { services: string },
): ServicePointView => ({
  ...r,
  lat: r.lat === null ? null : Number(r.lat),
  lng: r.lng === null ? null : Number(r.lng),
  services: JSON.parse(r.services) as Service[],
});

/** Service points inside a region prefix ('53.09' → all of Ngada), for logistics and orders. */
export async function servicePointsIn(db: Tx, regionPrefix: string): Promise<ServicePointView[]> {
  const rows = await baseQuery(db)
    .where((eb) => regionWhere(eb, 'service_points.village_code', [regionPrefix]))
    .orderBy('service_points.village_code')
    .orderBy('service_points.name')
    .execute();
  return views(db, rows);
}

export async function listServicePoints(
  db: Tx,
  actor: Actor,
  f: { villageCode?: string; organisationId?: string } = {},
): Promise<ServicePointView[]> {
  let q = baseQuery(db).where((eb) => pointVisible(eb, reachOf(actor)));
  if (f.villageCode) q = q.where('service_points.village_code', '=', f.villageCode);
  if (f.organisationId)
    q = q.where((eb) => idWhere(eb, 'service_points.organisation_id', [f.organisationId!]));
  const rows = await q.orderBy('service_points.name').limit(200).execute();
  return views(db, rows);
}

export async function getServicePoint(
  db: Tx,
  actor: Actor,
  id: string,
): Promise<ServicePointView | undefined> {
  const r = await baseQuery(db)
    .where('service_points.id', '=', id)
    .where((eb) => pointVisible(eb, reachOf(actor)))
    .executeTakeFirst();
  return r ? (await views(db, [r]))[0] : undefined;
}

/** A page of service points (inside a region prefix, or all), by village then id: a partner's pickup choices. */
export async function servicePointPage(
  db: Tx,
  f: { region?: string; limit: number; offset: number },
): Promise<ServicePointView[]> {
  const rows = await baseQuery(db)
    .where((eb) => regionWhere(eb, 'service_points.village_code', f.region ? [f.region] : 'all'))
    .orderBy('service_points.village_code')
    .orderBy('service_points.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return views(db, rows);
}
