// The in-memory problem description shared by the parsers, the checker and the solvers.
// Node 0 is always the depot and nodes 1..size-1 are the customers, so a route is simply
// a list of customer indices; that is also the numbering CVRPLIB `.sol` files use.

/** How edge lengths were derived; decides how costs are rounded when printed. */
export type DistanceKind = 'nint' | 'euclid' | 'trunc1' | 'explicit';

/** Time windows (and service durations) of every node; travel time equals distance. */
export interface TimeWindows {
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
}

/** A capacitated VRP instance, optionally with time windows; travel time equals distance. */
export interface VrpInstance {
  name: string;
  /** number of nodes including the depot */
  size: number;
  capacity: number;
  demand: Float64Array;
  /** row-major size×size matrix; dist[i*size+j] is the cost and the travel time of edge i→j */
  dist: Float64Array;
  /** coordinates when known (used for the polar sectors of SWAP*), else null */
  x: Float64Array | null;
  y: Float64Array | null;
  /** null for plain CVRP */
  tw: TimeWindows | null;
  /** fleet size limit; Infinity when the fleet is free */
  maxVehicles: number;
  distanceKind: DistanceKind;
}

/** Plain-data description accepted by {@link buildInstance}. */
export interface MatrixInput {
  name?: string;
  /** square matrix, depot at index 0 */
  distances: ArrayLike<number>[] | Float64Array;
  demands: ArrayLike<number>;
  capacity: number;
  /** [ready, due] per node including the depot; the depot's due date is the horizon */
  timeWindows?: ArrayLike<readonly [number, number]>;
  serviceTimes?: ArrayLike<number>;
  maxVehicles?: number;
  coordinates?: ArrayLike<readonly [number, number]>;
}

/** Builds an instance from a distance matrix, demands and capacity (+ optional time windows). */
export function buildInstance(input: MatrixInput): VrpInstance {
  const size = input.demands.length;
  if (size < 2) throw new Error('an instance needs a depot and at least one customer');
  const dist = new Float64Array(size * size);
  if (input.distances instanceof Float64Array) {
    if (input.distances.length !== size * size)
      throw new Error(`distance matrix must have ${size * size} entries`);
    dist.set(input.distances);
  } else {
    if (input.distances.length !== size) throw new Error(`distance matrix must have ${size} rows`);
    for (let i = 0; i < size; i++) {
      const row = input.distances[i];
      if (row.length !== size)
        throw new Error(`distance matrix row ${i} must have ${size} entries`);
      for (let j = 0; j < size; j++) dist[i * size + j] = i === j ? 0 : Number(row[j]);
    }
  }
  for (let k = 0; k < dist.length; k++) {
    if (!Number.isFinite(dist[k]) || dist[k] < 0)
      throw new Error(
        `distance ${Math.floor(k / size)}→${k % size} must be a finite non-negative number`,
      );
  }
  const demand = Float64Array.from(input.demands, Number);
  validateDemands(demand, input.capacity);
  let tw: TimeWindows | null = null;
  if (input.timeWindows || input.serviceTimes) {
    const ready = new Float64Array(size);
    const due = new Float64Array(size).fill(Infinity);
    const service = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      if (input.timeWindows) {
        const [a, b] = input.timeWindows[i];
        if (!(a <= b)) throw new Error(`time window of node ${i} is empty: [${a}, ${b}]`);
        ready[i] = a;
        due[i] = b;
      }
      if (input.serviceTimes) service[i] = Number(input.serviceTimes[i]);
    }
    tw = { ready, due, service };
  }
  let x: Float64Array | null = null;
  let y: Float64Array | null = null;
  if (input.coordinates) {
    x = Float64Array.from({ length: size }, (_, i) => input.coordinates![i][0]);
    y = Float64Array.from({ length: size }, (_, i) => input.coordinates![i][1]);
  }
  return {
    name: input.name ?? 'matrix',
    size,
    capacity: input.capacity,
    demand,
    dist,
    x,
    y,
    tw,
    maxVehicles: input.maxVehicles ?? Infinity,
    distanceKind: 'explicit',
  };
}

/** Throws when a demand is negative, the depot has demand, or a customer cannot fit any vehicle. */
export function validateDemands(demand: Float64Array, capacity: number): void {
  if (!(capacity > 0)) throw new Error(`capacity must be positive, got ${capacity}`);
  if (demand[0] !== 0) throw new Error(`the depot (node 0) must have demand 0, got ${demand[0]}`);
  for (let i = 1; i < demand.length; i++) {
    if (!(demand[i] >= 0)) throw new Error(`customer ${i} has an invalid demand ${demand[i]}`);
    if (demand[i] > capacity)
      throw new Error(`customer ${i} demand ${demand[i]} exceeds the vehicle capacity ${capacity}`);
  }
}

/** Fills a distance matrix from coordinates with the given rounding convention. */
export function coordinateMatrix(
  x: Float64Array,
  y: Float64Array,
  kind: 'nint' | 'euclid' | 'trunc1',
): Float64Array {
  const n = x.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const e = Math.sqrt((x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2);
      const v =
        kind === 'nint' ? Math.floor(e + 0.5) : kind === 'trunc1' ? Math.floor(10 * e) / 10 : e;
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

/** Rounds a total the way the instance's benchmark prints it (integers, one or two decimals). */
export function roundCost(inst: VrpInstance, cost: number): number {
  switch (inst.distanceKind) {
    case 'nint':
      return Math.round(cost);
    case 'trunc1':
      return Math.round(cost * 10) / 10;
    default:
      return Math.round(cost * 100) / 100;
  }
}
