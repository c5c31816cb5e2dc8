// Text formats: TSPLIB/CVRPLIB `.vrp`, Solomon `.txt` and CVRPLIB `.sol`.
// Parsers are strict and report the file name and 1-based line of the first problem,
// because the bench must name the offending line of a malformed file.

import {
  coordinateMatrix,
  validateDemands,
  type DistanceKind,
  type VrpInstance,
} from './instance.ts';

/** A malformed instance or solution file; the message names the file and the line. */
export class VrpParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${detail}` : `${file}: ${detail}`);
    this.name = 'VrpParseError';
  }
}

interface Line {
  no: number;
  text: string;
}

function lines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t.trim() }));
}

function numbers(l: Line, file: string, count: number, what: string): number[] {
  const parts = l.text.split(/\s+/);
  if (parts.length < count)
    throw new VrpParseError(file, l.no, `expected ${count} numbers for ${what}, got "${l.text}"`);
  const out = parts.map(Number);
  for (let k = 0; k < count; k++) {
    if (!Number.isFinite(out[k]))
      throw new VrpParseError(file, l.no, `"${parts[k]}" is not a number in ${what}`);
  }
  return out;
}

const SECTIONS = new Set([
  'NODE_COORD_SECTION',
  'DEMAND_SECTION',
  'DEPOT_SECTION',
  'EDGE_WEIGHT_SECTION',
  'DISPLAY_DATA_SECTION',
  'SERVICE_TIME_SECTION',
  'EOF',
]);

/** Number of entries of an EDGE_WEIGHT_SECTION for the given format. */
function explicitCount(format: string, n: number): number {
  switch (format) {
    case 'FULL_MATRIX':
      return n * n;
    case 'LOWER_ROW':
    case 'UPPER_ROW':
    case 'LOWER_COL':
    case 'UPPER_COL':
      return (n * (n - 1)) / 2;
    case 'LOWER_DIAG_ROW':
    case 'UPPER_DIAG_ROW':
    case 'LOWER_DIAG_COL':
    case 'UPPER_DIAG_COL':
      return (n * (n + 1)) / 2;
    default:
      return -1;
  }
}

/** Places the flat EDGE_WEIGHT_SECTION values into a full symmetric (or full) matrix. */
function explicitMatrix(format: string, n: number, w: number[]): Float64Array {
  const d = new Float64Array(n * n);
  if (format === 'FULL_MATRIX') {
    d.set(w);
    return d;
  }
  // A "_COL" format of one triangle is the "_ROW" format of the other one.
  const lower = format.startsWith('LOWER') !== format.endsWith('_COL');
  const diag = format.includes('DIAG');
  let k = 0;
  for (let i = 0; i < n; i++) {
    const from = lower ? 0 : diag ? i : i + 1;
    const to = lower ? (diag ? i : i - 1) : n - 1;
    for (let j = from; j <= to; j++) {
      const v = w[k++];
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

/**
 * Parses a TSPLIB/CVRPLIB `.vrp` file. EUC_2D edges are rounded to the nearest integer
 * (TSPLIB nint) unless the coordinates are written with decimals or the name starts with
 * CMT: those follow the literature convention of unrounded Euclidean distances.
 */
export function parseVrp(text: string, file = 'instance.vrp'): VrpInstance {
  const all = lines(text);
  const head = new Map<string, string>();
  let dim = -1;
  let coords: Float64Array[] | null = null;
  let decimals = false;
  let demand: Float64Array | null = null;
  let weights: number[] | null = null;
  let service: Float64Array | null = null;
  let i = 0;
  const need = (key: string, at: Line): string => {
    const v = head.get(key);
    if (v === undefined)
      throw new VrpParseError(file, at.no, `${key} must be given before this section`);
    return v;
  };
  while (i < all.length) {
    const l = all[i];
    if (l.text === '') {
      i++;
      continue;
    }
    const keyword = l.text.split(/[\s:]+/)[0].toUpperCase();
    if (SECTIONS.has(keyword)) {
      i++;
      if (keyword === 'EOF') break;
      dim = Number(need('DIMENSION', l));
      const rows: Line[] = [];
      const takeRows = (count: number) => {
        while (rows.length < count && i < all.length) {
          if (all[i].text !== '') rows.push(all[i]);
          i++;
        }
        if (rows.length < count)
          throw new VrpParseError(
            file,
            all.length,
            `${keyword} ended after ${rows.length} of ${count} lines`,
          );
      };
      if (keyword === 'NODE_COORD_SECTION' || keyword === 'DISPLAY_DATA_SECTION') {
        takeRows(dim);
        const x = new Float64Array(dim);
        const y = new Float64Array(dim);
        rows.forEach((r, k) => {
          const [id, a, b] = numbers(r, file, 3, keyword);
          if (id !== k + 1)
            throw new VrpParseError(file, r.no, `expected node id ${k + 1}, got ${id}`);
          if (
            keyword === 'NODE_COORD_SECTION' &&
            /[.eE]/.test(r.text.split(/\s+/).slice(1, 3).join(' '))
          )
            decimals = true;
          x[k] = a;
          y[k] = b;
        });
        if (keyword === 'NODE_COORD_SECTION' || !coords) coords = [x, y];
      } else if (keyword === 'DEMAND_SECTION' || keyword === 'SERVICE_TIME_SECTION') {
        takeRows(dim);
        const arr = new Float64Array(dim);
        rows.forEach((r, k) => {
          const [id, q] = numbers(r, file, 2, keyword);
          if (id !== k + 1)
            throw new VrpParseError(file, r.no, `expected node id ${k + 1}, got ${id}`);
          arr[k] = q;
        });
        if (keyword === 'DEMAND_SECTION') demand = arr;
        else service = arr;
      } else if (keyword === 'DEPOT_SECTION') {
        const ids: number[] = [];
        for (;;) {
          if (i >= all.length)
            throw new VrpParseError(file, all.length, 'DEPOT_SECTION is not terminated by -1');
          const r = all[i++];
          if (r.text === '') continue;
          const v = numbers(r, file, 1, keyword)[0];
          if (v === -1) break;
          ids.push(v);
        }
        if (ids.length !== 1 || ids[0] !== 1)
          throw new VrpParseError(
            file,
            l.no,
            `only a single depot at node 1 is supported, got ${ids.join(', ') || 'none'}`,
          );
      } else {
        const format = (head.get('EDGE_WEIGHT_FORMAT') ?? '').toUpperCase();
        const count = explicitCount(format, dim);
        if (count < 0)
          throw new VrpParseError(file, l.no, `unsupported EDGE_WEIGHT_FORMAT "${format}"`);
        weights = [];
        while (weights.length < count) {
          if (i >= all.length)
            throw new VrpParseError(
              file,
              all.length,
              `EDGE_WEIGHT_SECTION ended after ${weights.length} of ${count} values`,
            );
          const r = all[i++];
          if (r.text === '') continue;
          for (const p of r.text.split(/\s+/)) {
            const v = Number(p);
            if (!Number.isFinite(v))
              throw new VrpParseError(file, r.no, `"${p}" is not a number in EDGE_WEIGHT_SECTION`);
            weights.push(v);
          }
        }
        if (weights.length > count)
          throw new VrpParseError(
            file,
            all[i - 1].no,
            `EDGE_WEIGHT_SECTION has more than ${count} values`,
          );
      }
      continue;
    }
    const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(l.text);
    if (!m)
      throw new VrpParseError(
        file,
        l.no,
        `expected "KEY : value" or a section name, got "${l.text}"`,
      );
    const key = m[1].toUpperCase();
    const value = m[2].trim();
    if (
      ['DIMENSION', 'CAPACITY', 'DISTANCE', 'SERVICE_TIME', 'VEHICLES'].includes(key) &&
      !Number.isFinite(Number(value))
    ) {
      throw new VrpParseError(file, l.no, `${key} must be a number, got "${value}"`);
    }
    if (key === 'TYPE' && !/^CVRP/i.test(value))
      throw new VrpParseError(file, l.no, `unsupported TYPE "${value}" (expected CVRP)`);
    head.set(key, value);
    i++;
  }
  const name = head.get('NAME') ?? file;
  if (dim < 0) dim = Number(head.get('DIMENSION') ?? NaN);
  if (!(dim >= 2)) throw new VrpParseError(file, 0, 'DIMENSION is missing or below 2');
  if (!head.has('CAPACITY')) throw new VrpParseError(file, 0, 'CAPACITY is missing');
  if (!demand) throw new VrpParseError(file, 0, 'DEMAND_SECTION is missing');
  const capacity = Number(head.get('CAPACITY'));
  const type = (head.get('EDGE_WEIGHT_TYPE') ?? '').toUpperCase();
  let dist: Float64Array;
  let kind: DistanceKind;
  if (type === 'EXPLICIT') {
    if (!weights) throw new VrpParseError(file, 0, 'EDGE_WEIGHT_SECTION is missing');
    dist = explicitMatrix((head.get('EDGE_WEIGHT_FORMAT') ?? '').toUpperCase(), dim, weights);
    kind = 'explicit';
  } else if (type === 'EUC_2D') {
    if (!coords) throw new VrpParseError(file, 0, 'NODE_COORD_SECTION is missing');
    kind = decimals || /^CMT/i.test(name) ? 'euclid' : 'nint';
    dist = coordinateMatrix(coords[0], coords[1], kind);
  } else {
    throw new VrpParseError(file, 0, `unsupported EDGE_WEIGHT_TYPE "${type}"`);
  }
  try {
    validateDemands(demand, capacity);
  } catch (e) {
    throw new VrpParseError(
      file,
      0,
      (e as Error).message.replace(/customer (\d+)/, (_, k) => `node ${Number(k) + 1}`),
    );
  }
  // Route duration limit (CMT-style DISTANCE/SERVICE_TIME) maps onto the time-window model:
  // every node must be reached, and the depot re-entered, before the limit.
  let tw: VrpInstance['tw'] = null;
  if (head.has('DISTANCE') || head.has('SERVICE_TIME') || service) {
    const limit = head.has('DISTANCE') ? Number(head.get('DISTANCE')) : Infinity;
    const s = service ?? new Float64Array(dim).fill(Number(head.get('SERVICE_TIME') ?? 0));
    s[0] = 0;
    tw = { ready: new Float64Array(dim), due: new Float64Array(dim).fill(limit), service: s };
  }
  return {
    name,
    size: dim,
    capacity,
    demand,
    dist,
    x: coords ? coords[0] : null,
    y: coords ? coords[1] : null,
    tw,
    maxVehicles: head.has('VEHICLES') ? Number(head.get('VEHICLES')) : Infinity,
    distanceKind: kind,
  };
}

/**
 * Parses a Solomon VRPTW `.txt` file. Distance and travel time are the Euclidean distance
 * truncated to one decimal (CVRPLIB / DIMACS 2021 convention); NUMBER is the fleet limit.
 */
export function parseSolomon(text: string, file = 'instance.txt'): VrpInstance {
  const all = lines(text).filter((l) => l.text !== '');
  if (all.length === 0) throw new VrpParseError(file, 0, 'file is empty');
  const name = all[0].text;
  const vIdx = all.findIndex((l) => /^VEHICLE$/i.test(l.text));
  if (vIdx < 0) throw new VrpParseError(file, 0, 'VEHICLE section is missing');
  if (!all[vIdx + 2]) throw new VrpParseError(file, all[vIdx].no, 'VEHICLE section is incomplete');
  const [number, capacity] = numbers(all[vIdx + 2], file, 2, 'VEHICLE NUMBER CAPACITY');
  const cIdx = all.findIndex((l) => /^CUSTOMER$/i.test(l.text));
  if (cIdx < 0) throw new VrpParseError(file, 0, 'CUSTOMER section is missing');
  const rows = all.slice(cIdx + 2);
  if (rows.length < 2) throw new VrpParseError(file, all[cIdx].no, 'CUSTOMER section has no rows');
  const n = rows.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const demand = new Float64Array(n);
  const ready = new Float64Array(n);
  const due = new Float64Array(n);
  const service = new Float64Array(n);
  rows.forEach((r, k) => {
    const [id, a, b, q, e, l, s] = numbers(
      r,
      file,
      7,
      'a customer row (id x y demand ready due service)',
    );
    if (id !== k) throw new VrpParseError(file, r.no, `expected customer id ${k}, got ${id}`);
    if (e > l) throw new VrpParseError(file, r.no, `ready time ${e} is after due date ${l}`);
    x[k] = a;
    y[k] = b;
    demand[k] = q;
    ready[k] = e;
    due[k] = l;
    service[k] = s;
  });
  try {
    validateDemands(demand, capacity);
  } catch (e) {
    throw new VrpParseError(file, 0, (e as Error).message);
  }
  return {
    name,
    size: n,
    capacity,
    demand,
    dist: coordinateMatrix(x, y, 'trunc1'),
    x,
    y,
    tw: { ready, due, service },
    maxVehicles: number,
    distanceKind: 'trunc1',
  };
}

/** Routes and stated cost of a CVRPLIB `.sol` file. */
export interface SolFile {
  routes: number[][];
  cost: number | null;
}

/** Parses a CVRPLIB `.sol` file ("Route #k: c1 c2 ..." lines, then "Cost X"). */
export function parseSol(text: string, file = 'solution.sol'): SolFile {
  const routes: number[][] = [];
  let cost: number | null = null;
  for (const l of lines(text)) {
    if (l.text === '') continue;
    const r = /^Route\s*#\s*\d+\s*:(.*)$/i.exec(l.text);
    if (r) {
      const ids = r[1].trim() === '' ? [] : r[1].trim().split(/\s+/).map(Number);
      if (ids.some((v) => !Number.isInteger(v) || v < 1))
        throw new VrpParseError(file, l.no, `bad customer id in "${l.text}"`);
      routes.push(ids);
      continue;
    }
    const c = /^Cost\s+(\S+)$/i.exec(l.text);
    if (c && Number.isFinite(Number(c[1]))) {
      cost = Number(c[1]);
      continue;
    }
    throw new VrpParseError(file, l.no, `expected "Route #k: ..." or "Cost X", got "${l.text}"`);
  }
  return { routes, cost };
}

/** Writes routes (customer indices, depot left out) and a cost in CVRPLIB `.sol` format. */
export function writeSol(routes: readonly (readonly number[])[], cost: number): string {
  const out = routes.filter((r) => r.length > 0).map((r, k) => `Route #${k + 1}: ${r.join(' ')}`);
  out.push(`Cost ${Number.isInteger(cost) ? cost : Number(cost.toFixed(6))}`);
  return out.join('\n') + '\n';
}
