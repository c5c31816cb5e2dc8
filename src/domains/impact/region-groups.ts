// Region groupings impact reports by. KBI (Kawasan Barat Indonesia: Sumatera, Jawa, Bali) and
// KTI (Kawasan Timur Indonesia: Kalimantan, Sulawesi, Nusa Tenggara, Maluku, Papua), following
// the Bappenas usage; by Kemendagri province code (first two digits of any region code).
export type RegionGroup = 'KBI' | 'KTI';

const KBI_PROVINCES = new Set(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51']);

/** KBI or KTI for any region code. */
export function regionGroup(code: string): RegionGroup {
  return KBI_PROVINCES.has(code.slice(0, 2)) ? 'KBI' : 'KTI';
}

export type Level = 'village' | 'district' | 'regency' | 'province';
const SEGMENTS: Record<Level, number> = { province: 1, regency: 2, district: 3, village: 4 };

/** The code of the area at `level` containing a village (53.09.06.2001 → district 53.09.06). */
export function areaAt(villageCode: string, level: Level): string {
  return villageCode.split('.').slice(0, SEGMENTS[level]).join('.');
}

/** The level of a region code by its number of segments. */
export function levelOf(code: string): Level {
  return (['province', 'regency', 'district', 'village'] as const)[code.split('.').length - 1] ?? 'village';
}
