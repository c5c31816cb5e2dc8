// Region groupings impact reports by: KBI (west: Sumatera, Jawa, Bali) and KTI (east), as the
// regions domain defines them, and the area of a village at each administrative level.
import { regionGroupOf } from '../regions/index.js';

export type RegionGroup = 'KBI' | 'KTI';

/** KBI or KTI for any region code (the regions domain's grouping). */
export function regionGroup(code: string): RegionGroup {
  return regionGroupOf(code) as RegionGroup;
}

export type Level = 'village' | 'district' | 'regency' | 'province';
const SEGMENTS: Record<Level, number> = { province: 1, regency: 2, district: 3, village: 4 };

/** The code of the area at `level` containing a village (53.09.06.2001 → district 53.09.06). */
export function areaAt(villageCode: string, level: Level): string {
  return villageCode.split('.').slice(0, SEGMENTS[level]).join('.');
}

/** The level of a region code by its number of segments. */
export function levelOf(code: string): Level {
  return (
    (['province', 'regency', 'district', 'village'] as const)[code.split('.').length - 1] ??
    'village'
  );
}
