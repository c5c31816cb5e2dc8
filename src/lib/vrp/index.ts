// Public API of the vehicle routing library. Pure TypeScript, no I/O: callers read files
// themselves (see bench/vrp.ts and loader.ts) and pass text or plain data in.

/** Instance model and builders from plain data. */
export {
  buildInstance,
  roundCost,
  type MatrixInput,
  type TimeWindows,
  type VrpInstance,
  type DistanceKind,
} from './instance.ts';
/** Parsers/writers for `.vrp`, Solomon `.txt` and `.sol` text. */
export {
  parseVrp,
  parseSolomon,
  parseSol,
  writeSol,
  VrpParseError,
  type SolFile,
} from './parse.ts';
/** Independent feasibility and cost checker. */
export { checkSolution, solutionCost, routeDistance, type CheckResult } from './check.ts';
/** Clarke–Wright savings construction (milliseconds). */
export { clarkeWright, type QuickSolution } from './savings.ts';
/** Hybrid genetic search in the calling thread (deterministic for seed + iterations). */
export { runHgs, type SolveOptions, type SolveResult } from './hgs.ts';
/** Hybrid genetic search, optionally on worker threads. */
export { solve } from './parallel.ts';
/** Parses instance text, picking the format from the file name or content. */
export { parseInstance } from './loader.ts';
