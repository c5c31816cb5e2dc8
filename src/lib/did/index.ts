// Public API of the staggered difference-in-differences library (see README.md).

/** Error class thrown for bad data or options; `code` is stable, `message` is English. */
export { DidError, type DidErrorCode } from './errors.ts';
/** Builds a balanced Panel from long columns ({id, time, cohort, y, cluster?}) applying the data rules. */
export {
  makePanel,
  type Panel,
  type PanelColumns,
  type PanelOptions,
  type Label,
} from './panel.ts';
/** Callaway & Sant'Anna ATT(g,t) with influence-function SEs: attgt(panel, {control, base, anticipation}). */
export {
  attgt,
  type AttGtOptions,
  type AttGtResult,
  type AttGtCell,
  type ControlGroup,
  type BasePeriod,
} from './attgt.ts';
/** Aggregates ATT(g,t): aggregate(result, 'simple'|'dynamic'|'group'|'calendar', {balanceE, minE, maxE}). */
export {
  aggregate,
  type Aggregation,
  type AggregationType,
  type AggregateOptions,
  type AggregateEntry,
} from './aggregate.ts';
/** Wald pre-trend test over all pre-treatment ATT(g,t): {stat, df, p}. */
export { pretest, type PretestResult } from './pretest.ts';
/** Rademacher multiplier bootstrap (seeded) with bootstrap SEs and sup-t uniform-band critical values. */
export {
  bootstrap,
  type BootstrapOptions,
  type BootstrapResult,
  type BootstrapSet,
} from './bootstrap.ts';
/** Static TWFE coefficient with CR0 / CR1 / fixest cluster-robust SEs. */
export { twfe, type TwfeResult, type TwfeSe } from './twfe.ts';
/** Dynamic TWFE (all leads and lags relative to e = −1), fixest i(rel) equivalent. */
export { twfeEventStudy, type EventStudyTerm } from './twfe.ts';
/** Goodman-Bacon decomposition of the TWFE coefficient into weighted 2×2 DiDs. */
export { bacon, type BaconTerm, type BaconType } from './bacon.ts';
/** Sun & Abraham interaction-weighted event study and post-treatment ATT. */
export { sunAbraham, type SunAbrahamResult, type SunAbrahamTerm } from './sunab.ts';
/** Runs everything on a panel and returns the CLI's JSON document. */
export { didReport, type DidReport, type ReportOptions } from './report.ts';
/** The `lumbung did` command: runDidCli(argv, {readFile, stdout, stderr}) → exit code. */
export { runDidCli, type CliIo } from './cli.ts';
/** Sample rules applied (codes with numbers) and their English sentences. */
export { warningText, type DidWarning } from './warnings.ts';
/** RFC 4180 CSV reader returning raw string cells. */
export { parseCsv, type CsvTable } from './csv.ts';
/** Chi-square upper-tail probability via the regularized incomplete gamma function. */
export { chisqSf, gammaPQ, qnorm } from './stats.ts';
