// Assembles the full analysis (CS + aggregations + pre-test + TWFE + Bacon, optional
// bootstrap) into the plain JSON object the CLI prints and the web layer can store.
import { warningText } from './warnings.ts';
import { aggregate, type Aggregation, type AggregationType } from './aggregate.ts';
import { attgt, type AttGtOptions } from './attgt.ts';
import { bacon } from './bacon.ts';
import { bootstrap } from './bootstrap.ts';
import type { Panel } from './panel.ts';
import { pretest } from './pretest.ts';
import { twfe } from './twfe.ts';

export interface ReportOptions extends AttGtOptions {
  /** Multiplier bootstrap draws (0 or absent: analytic SEs only). */
  bootstrap?: number;
  seed?: number;
}

type Num = number | null;
export interface AggJson {
  att: Num;
  se: Num;
  by?: { key: number; att: Num; se: Num }[];
}
export interface DidReport {
  attgt: { group: number; time: number; att: Num; se: Num }[];
  aggregations: Record<AggregationType, AggJson>;
  pretest: { stat: Num; df: number; p: Num };
  twfe: { beta: Num; se: { cr0: Num; cr1: Num; fixest: Num } };
  bacon: { type: string; treated: number; control: number; estimate: Num; weight: Num }[];
  warnings: string[];
  /** Present only when a bootstrap was run; `se` fields above are then bootstrap SEs. */
  bootstrap?: {
    draws: number;
    seed: number;
    crit: Record<'attgt' | 'dynamic' | 'group' | 'calendar', Num>;
  };
}

/** JSON has no NaN/Infinity: non-finite numbers become null. */
export function num(x: number): Num {
  return Number.isFinite(x) ? x : null;
}

const TYPES: AggregationType[] = ['simple', 'dynamic', 'group', 'calendar'];

/** Runs every estimator on a panel and returns the CLI's JSON document. */
export function didReport(panel: Panel, opts: ReportOptions = {}): DidReport {
  const res = attgt(panel, opts);
  const aggs: Aggregation[] = TYPES.map((t) => aggregate(res, t));
  const boot = opts.bootstrap
    ? bootstrap(res, { draws: opts.bootstrap, seed: opts.seed ?? 1 }, aggs)
    : null;
  const pt = pretest(res);
  const tw = twfe(panel);
  const cellSe = (k: number): number => (boot ? boot.attgt.se[k] : res.cells[k].se);
  const aggregations = {} as Record<AggregationType, AggJson>;
  for (const a of aggs) {
    const b = boot?.aggregations[a.type];
    const j: AggJson = { att: num(a.att), se: num(b ? b.overallSe : a.se) };
    if (a.type !== 'simple')
      j.by = a.by.map((e, i) => ({ key: e.key, att: num(e.att), se: num(b ? b.se[i] : e.se) }));
    aggregations[a.type] = j;
  }
  const warnings = [...res.warnings];
  if (pt.note) warnings.push({ code: 'pretest_not_computed', params: { reason: pt.note } });
  const report: DidReport = {
    attgt: res.cells.map((c, k) => ({
      group: c.group,
      time: c.time,
      att: num(c.att),
      se: num(cellSe(k)),
    })),
    aggregations,
    pretest: {
      stat: pt.stat === null ? null : num(pt.stat),
      df: pt.df,
      p: pt.p === null ? null : num(pt.p),
    },
    twfe: {
      beta: num(tw.beta),
      se: { cr0: num(tw.se.cr0), cr1: num(tw.se.cr1), fixest: num(tw.se.fixest) },
    },
    bacon: bacon(panel).map((b) => ({
      type: b.type,
      treated: b.treated,
      control: b.control,
      estimate: num(b.estimate),
      weight: num(b.weight),
    })),
    warnings: warnings.map(warningText),
  };
  if (boot) {
    const ag = boot.aggregations;
    report.bootstrap = {
      draws: boot.draws,
      seed: boot.seed,
      crit: {
        attgt: num(boot.attgt.crit),
        dynamic: num(ag.dynamic?.crit ?? NaN),
        group: num(ag.group?.crit ?? NaN),
        calendar: num(ag.calendar?.crit ?? NaN),
      },
    };
  }
  return report;
}
