// Panel construction and the data rules. Turns long columns (one entry per unit-period row)
// into a balanced, unit-major matrix of outcomes plus one cohort (and cluster) per unit.
//
// Rules (R `did` conventions, Callaway & Sant'Anna 2021):
// * the panel must be balanced: every unit observed in every period (error otherwise — we do
//   not silently drop units as `did` does, because a dropped village is a silent bias);
// * a duplicate (unit, time) row is an error; a missing / non-finite outcome is an error;
// * cohort = first period of treatment; 0, empty, null or NaN means never treated, and a cohort
//   after the last period also counts as never treated (treatment is not observed);
// * units treated in or before the first period (always treated) are dropped with a warning;
// * cohort and cluster must be constant within a unit.
import type { DidWarning } from './warnings.ts';
import { DidError } from './errors.ts';

export type Label = number | string;

/** Long-format input columns, one entry per (unit, period) row. */
export interface PanelColumns {
  id: ArrayLike<Label>;
  time: ArrayLike<number>;
  cohort: ArrayLike<number | null | undefined>;
  y: ArrayLike<number | null | undefined>;
  cluster?: ArrayLike<Label>;
}

/** Options for {@link makePanel}: names used in error messages and the row-number offset. */
export interface PanelOptions {
  /** Column names to show in messages (defaults: id, time, cohort, y, cluster). */
  names?: Partial<Record<'id' | 'time' | 'cohort' | 'y' | 'cluster', string>>;
  /** Printed row number = index + rowOffset (default 1; the CLI passes 2 = CSV line number). */
  rowOffset?: number;
}

/** A balanced panel: n units × T periods, unit-major. Immutable after construction. */
export interface Panel {
  readonly n: number;
  readonly T: number;
  /** Sorted distinct periods. */
  readonly times: Float64Array;
  /** Unit labels, in unit order (sorted by label). */
  readonly unitIds: readonly Label[];
  /** First treated period per unit; 0 = never treated. */
  readonly cohort: Float64Array;
  /** Outcomes, y[u * T + t]. */
  readonly y: Float64Array;
  /** Cluster index per unit (0..nClusters-1), or null when clustering by unit. */
  readonly cluster: Int32Array | null;
  readonly clusterLabels: readonly Label[] | null;
  /** Rule notes, e.g. dropped always-treated units. */
  readonly warnings: readonly DidWarning[];
}

const MAX_LISTED = 5;

function listRows(rows: number[], off: number): string {
  const shown = rows.slice(0, MAX_LISTED).map((r) => String(r + off));
  return (
    shown.join(', ') + (rows.length > MAX_LISTED ? ` and ${rows.length - MAX_LISTED} more` : '')
  );
}

function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Indexes values by order of first appearance: row[r] = index of cols[r] in `values`.
 * Integer columns with a compact range (the usual ids and years) use a direct lookup table
 * instead of a Map, which is several times faster on large panels.
 */
function firstAppearance(col: ArrayLike<Label>): { row: Int32Array; values: Label[] } {
  const N = col.length;
  const row = new Int32Array(N);
  const values: Label[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  let ints = true;
  for (let r = 0; r < N && ints; r++) {
    const v = col[r];
    if (typeof v !== 'number' || !Number.isInteger(v)) ints = false;
    else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (ints && hi - lo <= 4 * N + 16) {
    const slot = new Int32Array(hi - lo + 1).fill(-1);
    for (let r = 0; r < N; r++) {
      const o = (col[r] as number) - lo;
      let k = slot[o];
      if (k < 0) {
        k = slot[o] = values.length;
        values.push(col[r]);
      }
      row[r] = k;
    }
    return { row, values };
  }
  const map = new Map<Label, number>();
  for (let r = 0; r < N; r++) {
    const v = col[r];
    let k = map.get(v);
    if (k === undefined) {
      map.set(v, (k = values.length));
      values.push(v);
    }
    row[r] = k;
  }
  return { row, values };
}

/** Builds a balanced {@link Panel} from long columns, enforcing the data rules above. */
export function makePanel(cols: PanelColumns, opts: PanelOptions = {}): Panel {
  const nm = {
    id: 'id',
    time: 'time',
    cohort: 'cohort',
    y: 'y',
    cluster: 'cluster',
    ...opts.names,
  };
  const off = opts.rowOffset ?? 1;
  const N = cols.id.length;
  for (const [k, v] of Object.entries(cols)) {
    if (v !== undefined && (v as ArrayLike<unknown>).length !== N) {
      throw new DidError(
        'BAD_INPUT',
        `column ${k} has ${(v as ArrayLike<unknown>).length} entries, id has ${N}`,
        { column: k },
      );
    }
  }
  if (N === 0) throw new DidError('BAD_INPUT', 'the data has no rows');

  // Periods: provisional index in order of appearance (one Map lookup per row), then sorted.
  const badTime: number[] = [];
  for (let r = 0; r < N; r++) {
    const t = cols.time[r];
    if (typeof t !== 'number' || !Number.isFinite(t)) badTime.push(r);
  }
  if (badTime.length) {
    throw new DidError(
      'NOT_NUMERIC',
      `column ${nm.time}: not a finite number in row ${listRows(badTime, off)}`,
      {
        column: nm.time,
        rows: badTime.map((r) => r + off),
      },
    );
  }
  const tIdx = firstAppearance(cols.time);
  const rowT = tIdx.row;
  const times = Float64Array.from(tIdx.values as number[]).sort();
  const T = times.length;
  if (T < 2)
    throw new DidError('TOO_FEW_PERIODS', `the panel needs at least two periods, found ${T}`);
  const tRemap = new Int32Array(T);
  const tPos = new Map<number, number>();
  times.forEach((t, i) => tPos.set(t, i));
  tIdx.values.forEach((t, k) => (tRemap[k] = tPos.get(t as number)!));
  for (let r = 0; r < N; r++) rowT[r] = tRemap[rowT[r]];

  // Outcomes must be present and finite.
  const badY: number[] = [];
  for (let r = 0; r < N; r++) {
    const v = cols.y[r];
    if (typeof v !== 'number' || !Number.isFinite(v)) badY.push(r);
  }
  if (badY.length) {
    throw new DidError(
      'MISSING_OUTCOME',
      `column ${nm.y}: missing or non-numeric outcome in row ${listRows(badY, off)}`,
      {
        column: nm.y,
        rows: badY.map((r) => r + off),
      },
    );
  }

  // Units, sorted by label so results do not depend on row order.
  for (let r = 0; r < N; r++) {
    const id = cols.id[r];
    if (
      id === null ||
      id === undefined ||
      (typeof id === 'number' && !Number.isFinite(id)) ||
      id === ''
    ) {
      throw new DidError('BAD_INPUT', `column ${nm.id}: empty unit id in row ${r + off}`, {
        column: nm.id,
        rows: [r + off],
      });
    }
  }
  const uIdx = firstAppearance(cols.id);
  const rowU = uIdx.row;
  const firstLabels = uIdx.values;
  const n0 = firstLabels.length;
  const perm = Int32Array.from({ length: n0 }, (_, i) => i);
  const allNum = firstLabels.every((l) => typeof l === 'number');
  if (allNum) {
    const lv = Float64Array.from(firstLabels as number[]);
    perm.sort((a, b) => lv[a] - lv[b]);
  } else perm.sort((a, b) => compareLabels(firstLabels[a], firstLabels[b]));
  const labels = Array.from(perm, (i) => firstLabels[i]);
  const uRemap = new Int32Array(n0);
  perm.forEach((i, j) => (uRemap[i] = j));
  for (let r = 0; r < N; r++) rowU[r] = uRemap[rowU[r]];

  const y0 = new Float64Array(n0 * T);
  const seen = new Int32Array(n0 * T).fill(-1);
  const cohort0 = new Float64Array(n0);
  const cohortRow = new Int32Array(n0).fill(-1);
  const clusterOf: Label[] | null = cols.cluster ? new Array<Label>(n0) : null;
  for (let r = 0; r < N; r++) {
    const u = rowU[r];
    const k = u * T + rowT[r];
    if (seen[k] >= 0) {
      throw new DidError(
        'DUPLICATE_ROW',
        `unit ${String(cols.id[r])} has two rows for ${nm.time} ${cols.time[r]}: rows ${seen[k] + off} and ${r + off}`,
        {
          column: nm.time,
          rows: [seen[k] + off, r + off],
          unit: cols.id[r],
          time: cols.time[r],
        },
      );
    }
    seen[k] = r;
    y0[k] = cols.y[r] as number;
    const raw = cols.cohort[r];
    if (raw !== null && raw !== undefined && typeof raw !== 'number') {
      throw new DidError('NOT_NUMERIC', `column ${nm.cohort}: not a number in row ${r + off}`, {
        column: nm.cohort,
        rows: [r + off],
      });
    }
    const g = raw === null || raw === undefined || Number.isNaN(raw) ? 0 : raw;
    if (g !== 0 && !Number.isFinite(g)) {
      throw new DidError(
        'NOT_NUMERIC',
        `column ${nm.cohort}: not a finite number in row ${r + off}`,
        { column: nm.cohort, rows: [r + off] },
      );
    }
    if (cohortRow[u] < 0) {
      cohort0[u] = g;
      cohortRow[u] = r;
    } else if (cohort0[u] !== g) {
      throw new DidError(
        'COHORT_NOT_CONSTANT',
        `column ${nm.cohort}: unit ${String(cols.id[r])} has cohort ${cohort0[u]} in row ${cohortRow[u] + off} but ${g} in row ${r + off}`,
        {
          column: nm.cohort,
          rows: [cohortRow[u] + off, r + off],
          unit: cols.id[r],
        },
      );
    }
    if (clusterOf) {
      const c = cols.cluster![r];
      if (c === null || c === undefined || c === '') {
        throw new DidError('BAD_INPUT', `column ${nm.cluster}: empty cluster in row ${r + off}`, {
          column: nm.cluster,
          rows: [r + off],
        });
      }
      if (clusterOf[u] === undefined) clusterOf[u] = c;
      else if (clusterOf[u] !== c) {
        throw new DidError(
          'CLUSTER_NOT_CONSTANT',
          `column ${nm.cluster}: unit ${String(cols.id[r])} is in cluster ${String(clusterOf[u])} and ${String(c)} (row ${r + off})`,
          {
            column: nm.cluster,
            rows: [r + off],
            unit: cols.id[r],
          },
        );
      }
    }
  }

  // Balance: every unit in every period.
  const missing: string[] = [];
  let nMissing = 0;
  for (let u = 0; u < n0; u++) {
    const gaps: number[] = [];
    for (let t = 0; t < T; t++) if (seen[u * T + t] < 0) gaps.push(times[t]);
    if (gaps.length) {
      nMissing++;
      if (missing.length < MAX_LISTED)
        missing.push(`unit ${String(labels[u])} lacks ${nm.time} ${gaps.join(', ')}`);
    }
  }
  if (nMissing) {
    throw new DidError(
      'UNBALANCED',
      `the panel is unbalanced: ${missing.join('; ')}${nMissing > MAX_LISTED ? ` (${nMissing} units in all)` : ''}. Every unit must be observed in every period; remove or complete these units.`,
      {
        units: nMissing,
      },
    );
  }

  // Cohort normalisation and always-treated units.
  const warnings: DidWarning[] = [];
  const tMax = times[T - 1];
  let late = 0;
  const keep: number[] = [];
  let always = 0;
  for (let u = 0; u < n0; u++) {
    if (cohort0[u] > tMax) {
      cohort0[u] = 0;
      late++;
    }
    if (cohort0[u] !== 0 && cohort0[u] <= times[0]) always++;
    else keep.push(u);
  }
  if (late) warnings.push({ code: 'late_treated', params: { units: late, last: tMax } });
  if (always) warnings.push({ code: 'always_treated', params: { units: always, first: times[0] } });
  if (keep.length === 0)
    throw new DidError('BAD_INPUT', 'no units left after dropping always-treated units');

  const n = keep.length;
  const y = new Float64Array(n * T);
  const cohort = new Float64Array(n);
  const unitIds: Label[] = new Array(n);
  keep.forEach((u, i) => {
    y.set(y0.subarray(u * T, u * T + T), i * T);
    cohort[i] = cohort0[u];
    unitIds[i] = labels[u];
  });
  let cluster: Int32Array | null = null;
  let clusterLabels: Label[] | null = null;
  if (clusterOf) {
    const cl = [...new Set(keep.map((u) => clusterOf[u]))].sort(compareLabels);
    const cIndex = new Map<Label, number>();
    cl.forEach((c, i) => cIndex.set(c, i));
    cluster = Int32Array.from(keep, (u) => cIndex.get(clusterOf[u])!);
    clusterLabels = cl;
  }
  return { n, T, times, unitIds, cohort, y, cluster, clusterLabels, warnings };
}

/** Returns a copy of the panel keeping only the units where keep[u] is true. */
export function subsetUnits(p: Panel, keep: (u: number) => boolean): Panel {
  const idx: number[] = [];
  for (let u = 0; u < p.n; u++) if (keep(u)) idx.push(u);
  const y = new Float64Array(idx.length * p.T);
  idx.forEach((u, i) => y.set(p.y.subarray(u * p.T, (u + 1) * p.T), i * p.T));
  let cluster: Int32Array | null = null;
  let clusterLabels: Label[] | null = null;
  if (p.cluster && p.clusterLabels) {
    const used = [...new Set(idx.map((u) => p.cluster![u]))].sort((a, b) => a - b);
    const remap = new Map<number, number>();
    used.forEach((c, i) => remap.set(c, i));
    cluster = Int32Array.from(idx, (u) => remap.get(p.cluster![u])!);
    clusterLabels = used.map((c) => p.clusterLabels![c]);
  }
  return {
    n: idx.length,
    T: p.T,
    times: p.times,
    unitIds: idx.map((u) => p.unitIds[u]),
    cohort: Float64Array.from(idx, (u) => p.cohort[u]),
    y,
    cluster,
    clusterLabels,
    warnings: p.warnings,
  };
}

/** Returns a copy restricted to the periods where keepT[t] is true (used for notyet trimming). */
export function subsetPeriods(p: Panel, keepT: (t: number) => boolean): Panel {
  const ti: number[] = [];
  for (let t = 0; t < p.T; t++) if (keepT(p.times[t])) ti.push(t);
  const T = ti.length;
  const y = new Float64Array(p.n * T);
  for (let u = 0; u < p.n; u++) for (let j = 0; j < T; j++) y[u * T + j] = p.y[u * p.T + ti[j]];
  return { ...p, T, times: Float64Array.from(ti, (t) => p.times[t]), y };
}
