// The plain-language reading of an evaluation, in either language: how much the outcome
// changed two years after joining, with its 95 % interval, and whether that interval excludes
// zero. Log outcomes are read as percentages (exp(b) − 1), the headcount in percentage points.
import { t, formatNumber, type Locale } from '../../kernel/i18n/index.js';
import type { EvalResult } from './evaluation-estimate.js';

export const SUMMARY_YEARS = 2;

const pct = (locale: Locale, logPoints: number) =>
  `${formatNumber(locale, (Math.exp(logPoints) - 1) * 100, 1)} %`;
const pp = (locale: Locale, share: number) => formatNumber(locale, share * 100, 1);

/** A value in the outcome's unit for tables and the chart axis. */
export function formatEffect(
  locale: Locale,
  outcome: EvalResult['settings']['outcome'],
  v: number,
): string {
  return outcome === 'poverty_headcount' ? `${pp(locale, v)} pp` : pct(locale, v);
}

/** Sentences summarising the result in `locale`. */
export function plainSummary(locale: Locale, r: EvalResult): string[] {
  const o = r.settings.outcome;
  const point = r.eventStudy.find(
    (e) => e.e === SUMMARY_YEARS && e.att !== null && e.lo !== null && e.hi !== null,
  );
  const out: string[] = [];
  if (!point) {
    out.push(t(locale, 'impact.eval.summary.no_e', { years: SUMMARY_YEARS }));
  } else if (o === 'poverty_headcount') {
    out.push(
      t(locale, 'impact.eval.summary.pp', {
        years: SUMMARY_YEARS,
        pp: pp(locale, point.att!),
        lo: pp(locale, point.lo!),
        hi: pp(locale, point.hi!),
      }),
    );
  } else {
    const key = point.att! >= 0 ? 'impact.eval.summary.pct' : 'impact.eval.summary.pct_down';
    out.push(
      t(locale, key, {
        years: SUMMARY_YEARS,
        what: t(locale, `impact.eval.what.${o}`),
        pct: `${formatNumber(locale, Math.abs(Math.exp(point.att!) - 1) * 100, 1)} %`,
        lo: pct(locale, point.lo!),
        hi: pct(locale, point.hi!),
      }),
    );
  }
  // Parallel trends rejected before enrolment: no interval makes the estimate trustworthy.
  const preTrendsRejected = r.pretest.p !== null && r.pretest.p < 0.05;
  if (preTrendsRejected)
    out.push(
      t(locale, 'impact.eval.summary.untrustworthy', { p: formatNumber(locale, r.pretest.p!, 3) }),
    );
  else if (point)
    out.push(
      t(
        locale,
        point.lo! > 0 || point.hi! < 0
          ? 'impact.eval.summary.significant'
          : 'impact.eval.summary.not_significant',
      ),
    );
  if (r.overall.att !== null && r.overall.se !== null) {
    out.push(
      t(locale, 'impact.eval.summary.overall', {
        att: formatEffect(locale, o, r.overall.att),
        se: formatNumber(locale, r.overall.se, 3),
      }),
    );
  }
  return out;
}
