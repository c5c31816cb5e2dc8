// Commodities the koperasi takes in and their grade tables, as data. Each grade names the range
// of the commodity's grading measure it covers (coffee by defect count per 300 g sample as in
// SNI 01-2907, cocoa by beans per 100 g as in SNI 2323, cloves by moisture), its payout factor
// (per mille: kilos of grade 2 coffee count 950/1000 of grade 1's) and the pool of compatible
// grades a lot may mix.
export type Measure = 'defects' | 'bean_count' | 'moisture';

export interface Grade {
  key: string;
  /** Inclusive bounds of the measure (moisture in per mille). */
  min: number;
  max: number;
  factorPermille: number;
  pool: string;
}

export interface Commodity {
  key: string;
  measure: Measure;
  grades: readonly Grade[];
  /** Highest moisture accepted at intake, per mille. */
  maxMoisturePermille: number;
}

export const COMMODITIES = {
  kopi_arabika: {
    key: 'kopi_arabika',
    measure: 'defects',
    maxMoisturePermille: 600,
    grades: [
      { key: 'g1', min: 0, max: 11, factorPermille: 1000, pool: 'specialty' },
      { key: 'g2', min: 12, max: 25, factorPermille: 950, pool: 'specialty' },
      { key: 'g3', min: 26, max: 44, factorPermille: 880, pool: 'commercial' },
      { key: 'g4', min: 45, max: 80, factorPermille: 800, pool: 'commercial' },
      { key: 'g5', min: 81, max: 150, factorPermille: 700, pool: 'low' },
      { key: 'g6', min: 151, max: 225, factorPermille: 600, pool: 'low' },
    ],
  },
  kakao: {
    key: 'kakao',
    measure: 'bean_count',
    maxMoisturePermille: 400,
    grades: [
      { key: 'aa', min: 0, max: 85, factorPermille: 1000, pool: 'fermented' },
      { key: 'a', min: 86, max: 100, factorPermille: 960, pool: 'fermented' },
      { key: 'b', min: 101, max: 110, factorPermille: 920, pool: 'standard' },
      { key: 'c', min: 111, max: 120, factorPermille: 880, pool: 'standard' },
    ],
  },
  cengkeh: {
    key: 'cengkeh',
    measure: 'moisture',
    maxMoisturePermille: 160,
    grades: [
      { key: 'm1', min: 0, max: 120, factorPermille: 1000, pool: 'dry' },
      { key: 'm2', min: 121, max: 140, factorPermille: 950, pool: 'dry' },
      { key: 'm3', min: 141, max: 160, factorPermille: 880, pool: 'damp' },
    ],
  },
} as const satisfies Record<string, Commodity>;

export type CommodityKey = keyof typeof COMMODITIES;
export const COMMODITY_KEYS = Object.keys(COMMODITIES) as CommodityKey[];

export const isCommodity = (k: string): k is CommodityKey => Object.hasOwn(COMMODITIES, k);

export function commodityOf(key: string): Commodity | undefined {
  return isCommodity(key) ? COMMODITIES[key] : undefined;
}

export function gradeOf(commodity: string, grade: string): Grade | undefined {
  return commodityOf(commodity)?.grades.find((g) => g.key === grade);
}

/** The grade a measurement falls in, or undefined when it is outside the table. */
export function gradeForMeasure(commodity: string, value: number): Grade | undefined {
  return commodityOf(commodity)?.grades.find((g) => value >= g.min && value <= g.max);
}
