// Sample rules the estimators applied, as codes with numbers (for callers that explain them in
// their users' language) and the English sentence the CLI prints.
export type DidWarning =
  | { code: 'late_treated'; params: { units: number; last: number } }
  | { code: 'always_treated'; params: { units: number; first: number } }
  | { code: 'treated_with_anticipation'; params: { units: number; anticipation: number } }
  | { code: 'no_never_treated'; params: { from: number; cohort: number } }
  | { code: 'no_controls'; params: { cohort: number; period: number } }
  | { code: 'pretest_not_computed'; params: { reason: string } };

const TEXT: {
  [K in DidWarning['code']]: (p: Extract<DidWarning, { code: K }>['params']) => string;
} = {
  late_treated: (p) =>
    `${p.units} units first treated after the last period (${p.last}) are counted as never treated.`,
  always_treated: (p) =>
    `Dropped ${p.units} units that were already treated in the first period (${p.first}).`,
  treated_with_anticipation: (p) =>
    `Dropped ${p.units} units that were already treated in the first period (accounting for anticipation = ${p.anticipation}).`,
  no_never_treated: (p) =>
    `No never-treated units: periods from ${p.from} on are dropped and cohort ${p.cohort} serves as the never-treated group.`,
  no_controls: (p) =>
    `No control units for cohort ${p.cohort} in period ${p.period}; ATT(${p.cohort},${p.period}) is not estimated.`,
  pretest_not_computed: (p) => `Pre-test not computed: ${p.reason}.`,
};

/** The English sentence of a warning. */
export function warningText(w: DidWarning): string {
  return (TEXT[w.code] as (p: DidWarning['params']) => string)(w.params);
}
