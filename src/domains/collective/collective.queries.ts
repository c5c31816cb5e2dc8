// Read-only lookups of other domains' rows the collective domain needs (products offered in a
// cycle or group buy, the points and organisations they name), each through the owner's index.
// Writes to those rows never happen here: orders go through orders' placeOrder, stock through
// catalog's reservations.
import type { Tx } from '../../kernel/db/index.js';
import { listedVariantsIn as listedOffers, offeredVariantsByIds } from '../catalog/index.js';
import {
  organisationChoices,
  organisationPlace,
  servicePointPlaces,
  servicePointsIn,
  type ServicePointPlace,
} from '../community/index.js';

export type { OfferedVariant } from '../catalog/index.js';
export type PointInfo = ServicePointPlace;

/** Variants with their product, producer and listing state (any listing state). */
export const variantsByIds = offeredVariantsByIds;

/** Listed, active variants of a region prefix (the coordinator's product picker). */
export const listedVariantsIn = (db: Tx, regionPrefix: string) =>
  listedOffers(db, regionPrefix, 300);

export const pointsByIds = (db: Tx, ids: string[]): Promise<PointInfo[]> =>
  servicePointPlaces(db, ids);

/** Service points of a region prefix by name, at most 200 (the coordinator's pickup point picker). */
export async function pointsIn(db: Tx, regionPrefix: string): Promise<PointInfo[]> {
  return (await servicePointsIn(db, regionPrefix))
    .map(({ id, name, village_code, organisation_id }) => ({
      id,
      name,
      village_code,
      organisation_id,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 200);
}

export const organisationOf = (db: Tx, id: string) => organisationPlace(db, id);

/** Organisation ids (a national admin's view), at most 500. */
export async function organisationIds(db: Tx): Promise<string[]> {
  return (await organisationChoices(db, 'all', 500)).map((o) => o.id);
}
