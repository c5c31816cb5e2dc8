// Road-distance estimates. Villages have no road graph here (no map downloads), so a road
// kilometre is the great-circle kilometre times the regency's detour factor (winding
// mountain roads in Ngada ≈ 1.5, flatter Banyuwangi ≈ 1.3), unless an imported distance
// matrix gives the measured figure for that pair.
import { readCsv } from '../../kernel/csv/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';

export const DEFAULT_DETOUR = 1.35;
const EARTH_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in kilometres (haversine). */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * How many of `places` have one of `sites` within `km` (great circle). Sites are put in cells
 * at least `km` wide, so each place looks only at its own cell and the eight around it: a
 * province is thousands of villages and hundreds of points, every pair a distance.
 */
export function countWithinKm(places: LatLng[], sites: LatLng[], km: number): number {
  const rad = Math.PI / 180;
  let maxLat = 0;
  for (const p of [...places, ...sites]) maxLat = Math.min(89, Math.max(maxLat, Math.abs(p.lat)));
  const latCell = km / (EARTH_KM * rad);
  // A degree of longitude is shortest at the highest latitude among them.
  const lngCell = latCell / Math.cos(maxLat * rad);
  const cellOf = (p: LatLng) => [Math.floor(p.lat / latCell), Math.floor(p.lng / lngCell)] as const;
  const cells = new Map<string, LatLng[]>();
  for (const s of sites) {
    const [i, j] = cellOf(s);
    const list = cells.get(`${i}:${j}`);
    if (list) list.push(s);
    else cells.set(`${i}:${j}`, [s]);
  }
  let n = 0;
  for (const p of places) {
    const [i, j] = cellOf(p);
    let near = false;
    for (let di = -1; di <= 1 && !near; di++)
      for (let dj = -1; dj <= 1 && !near; dj++)
        near = (cells.get(`${i + di}:${j + dj}`) ?? []).some((s) => greatCircleKm(p, s) <= km);
    if (near) n++;
  }
  return n;
}

/** Key of an undirected pair, smaller id first (roads are two-way). */
export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export interface Located extends LatLng {
  id: string;
}

/**
 * Symmetric road-distance matrix over `nodes` (index 0 is the depot): imported kilometres
 * where known, else great-circle × detour.
 */
export function roadMatrix(
  nodes: Located[],
  detour: number,
  overrides: Map<string, number>,
): number[][] {
  return nodes.map((a, i) =>
    nodes.map((b, j) => {
      if (i === j) return 0;
      const [x, y] = pairKey(a.id, b.id);
      const known = overrides.get(`${x}|${y}`);
      return known ?? greatCircleKm(a, b) * detour;
    }),
  );
}

export interface MatrixRow {
  from: string;
  to: string;
  km: number /** Its line in the file. */;
  line: number;
}

/**
 * Parses a distance CSV: header `from,to,km` (ids of hubs or service points), one pair per
 * line (cells may be quoted; blank lines are skipped). Any bad line rejects the whole file,
 * naming the line, so nothing is half-imported.
 */
export function parseDistanceCsv(text: string): Result<MatrixRow[]> {
  const read = readCsv(text);
  if (!read.ok) return fail('LOGISTICS_BAD_MATRIX', { line: read.line, reason: 'unclosed quote' });
  const [head, ...body] = read.records;
  const header = (head?.cells ?? []).map((s) => s.trim().toLowerCase());
  if (head?.line !== 1 || header.join(',') !== 'from,to,km')
    return fail('LOGISTICS_BAD_MATRIX', { line: 1, reason: 'header from,to,km' });
  const rows: MatrixRow[] = [];
  for (const { line, cells: raw } of body) {
    const cells = raw.map((s) => s.trim());
    const km = Number(cells[2]);
    if (
      cells.length !== 3 ||
      !cells[0] ||
      !cells[1] ||
      cells[0] === cells[1] ||
      !Number.isFinite(km) ||
      km <= 0 ||
      km > 2000
    ) {
      return fail('LOGISTICS_BAD_MATRIX', { line, reason: raw.join(',').trim().slice(0, 60) });
    }
    rows.push({ from: cells[0], to: cells[1], km, line });
  }
  if (rows.length === 0) return fail('LOGISTICS_BAD_MATRIX', { line: 2, reason: 'no rows' });
  return ok(rows);
}
