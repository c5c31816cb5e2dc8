// Format detection for instance text: TSPLIB `.vrp` versus Solomon `.txt`.

import type { VrpInstance } from './instance.ts';
import { parseSolomon, parseVrp } from './parse.ts';

/** Parses instance text; `.vrp` (or a TSPLIB header) is CVRPLIB, anything else Solomon. */
export function parseInstance(text: string, file: string): VrpInstance {
  const tsplib = /\.vrp$/i.test(file) || /^\s*NAME\s*:/i.test(text);
  return tsplib ? parseVrp(text, file) : parseSolomon(text, file);
}
