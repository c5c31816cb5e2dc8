// Goodman-Bacon (2021) decomposition of the static TWFE coefficient, computed from
// cohort-by-period means as bacondecomp::bacon() does for a balanced panel without controls.
// Every ordered pair of timing groups gives one 2×2 DiD on the window where only one of the
// two switches: "Treated vs Untreated" (cohort vs never treated, all periods), "Earlier vs
// Later Treated" (before the later cohort starts) and "Later vs Earlier Treated" (after the
// earlier cohort started — the comparison that goes wrong with dynamic effects). Weights are
// bacondecomp's (sample size × variance of treatment in the window)², rescaled to sum to 1;
// Σ weight·estimate equals the TWFE coefficient (Goodman-Bacon 2021, Theorem 1).
import { DidError } from './errors.ts';
import type { Panel } from './panel.ts';
import { groupStats, type GroupStats } from './suff.ts';

export type BaconType =
  | 'Treated vs Untreated'
  | 'Earlier vs Later Treated'
  | 'Later vs Earlier Treated';

export interface BaconTerm {
  type: BaconType;
  /** Cohort treated in the comparison. */
  treated: number;
  /** Comparison cohort; 0 = never treated. */
  control: number;
  estimate: number;
  weight: number;
}

/** 2×2 DiD: the switcher's (post − pre) mean change minus the comparison group's, on the window. */
function did2x2(
  s: GroupStats,
  gSw: number,
  gCo: number,
  inWin: (t: number) => boolean,
  isPost: (t: number) => boolean,
): number {
  const { T } = s;
  let a = 0;
  let b = 0;
  let np = 0;
  let nq = 0;
  for (let t = 0; t < T; t++) {
    if (!inWin(t)) continue;
    const d = s.mean[gSw * T + t] - s.mean[gCo * T + t];
    if (isPost(t)) {
      a += d;
      np++;
    } else {
      b += d;
      nq++;
    }
  }
  return a / np - b / nq;
}

/** All 2×2 comparisons with their weights; the weighted sum equals twfe(panel).beta. */
export function bacon(panel: Panel): BaconTerm[] {
  const s = groupStats(panel);
  const { T, C } = s;
  const times = panel.times;
  if (C < 2) throw new DidError('NO_TREATED', 'no unit is treated inside the panel');
  const out: BaconTerm[] = [];
  const raw: number[] = [];
  const nPost = (g: number, from: (t: number) => boolean): number => {
    let k = 0;
    for (let t = 0; t < T; t++) if (from(t) && times[t] >= g) k++;
    return k;
  };
  for (let k = 1; k < C; k++) {
    const gk = s.groupValue[k];
    const Nk = s.count[k];
    for (let u = 0; u < C; u++) {
      if (u === k || s.count[u] === 0) continue;
      const gu = s.groupValue[u];
      const Nu = s.count[u];
      const sh = Nk / (Nk + Nu);
      let win: (t: number) => boolean;
      let type: BaconType;
      let w: number;
      if (u === 0) {
        win = () => true;
        type = 'Treated vs Untreated';
        const D = nPost(gk, win) / T;
        w = ((Nk + Nu) * T) ** 2 * sh * (1 - sh) * D * (1 - D);
      } else if (gk < gu) {
        win = (t) => times[t] < gu;
        type = 'Earlier vs Later Treated';
        let Tw = 0;
        for (let t = 0; t < T; t++) if (win(t)) Tw++;
        const D = nPost(gk, win) / Tw;
        w = ((Nk + Nu) * Tw) ** 2 * sh * (1 - sh) * D * (1 - D);
      } else {
        win = (t) => times[t] >= gu;
        type = 'Later vs Earlier Treated';
        let Tw = 0;
        for (let t = 0; t < T; t++) if (win(t)) Tw++;
        const D = nPost(gk, win) / Tw;
        w = ((Nk + Nu) * Tw) ** 2 * sh * (1 - sh) * D * (1 - D);
      }
      if (!(w > 0)) continue; // the switcher never switches inside the window
      const estimate = did2x2(s, k, u, win, (t) => times[t] >= gk);
      out.push({ type, treated: gk, control: gu, estimate, weight: w });
      raw.push(w);
    }
  }
  const tot = raw.reduce((a, b) => a + b, 0);
  for (const b of out) b.weight /= tot;
  return out;
}
