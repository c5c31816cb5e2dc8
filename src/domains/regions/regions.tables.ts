// Tables of the regions domain: official areas (Kemendagri codes), village profiles for
// Desa Digital readiness, targeting weights and the rollout registry.
export type RegionLevel = 1 | 2 | 3 | 4;

export interface RegionsTable {
  /** Kemendagri code: `53`, `53.09`, `53.09.06`, `53.09.06.2001`. */
  code: string;
  parent_code: string | null;
  level: RegionLevel;
  name: string;
  /** Lower-case, accent-free name for prefix search. */
  name_norm: string;
  /** provinsi | kabupaten | kota | kecamatan | kelurahan | desa | desa_adat */
  kind: string;
  source_version: string;
}

export interface VillageProfilesTable {
  village_code: string;
  population: number | null;
  households: number | null;
  /** Share of households under the poverty line, 0..1. */
  poverty_share: number | null;
  /** Share of households with electricity, 0..1. */
  electricity_share: number | null;
  signal: 'none' | '2g' | '4g' | null;
  office_internet: number | null;
  road_access: 'all_season' | 'dry_season' | 'none' | null;
  distance_km: number | null;
  has_bumdes: number | null;
  has_koperasi: number | null;
  lat: number | null;
  lng: number | null;
  is_demo: number;
  updated_at: string;
  updated_by: string | null;
}

export interface TargetingWeightsTable {
  /** Region code the weights apply to (a province or regency). */
  scope_code: string;
  w_poverty: number;
  w_signal: number;
  w_electricity: number;
  w_road: number;
  w_distance: number;
  updated_at: string;
  updated_by: string | null;
}

export interface RolloutsTable {
  /** A village, district or regency code; a village's cohort is its nearest enrolled ancestor. */
  region_code: string;
  joined_on: string;
  created_at: string;
  created_by: string | null;
  is_demo: number;
  /** Why it was chosen (e.g. its priority score and parts), as the officer confirmed it; null for older entries. */
  reason: string | null;
}

/** One word of an area's normalised name (search index). */
export interface RegionWordsTable {
  word: string;
  code: string;
  level: RegionLevel;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    regions: RegionsTable;
    village_profiles: VillageProfilesTable;
    targeting_weights: TargetingWeightsTable;
    rollouts: RolloutsTable;
    region_words: RegionWordsTable;
  }
}
