// Evaluation pages: the settings form with recent runs, the progress page (a "refresh" link:
// an automatic meta refresh takes control away from screen-reader users), and the result:
// summary, event-study chart, tables.
import type { Context } from 'hono';
import { Csrf, SelectField, ErrorSummary, type AppEnv } from '../../kernel/http/index.js';
import { t, formatNumber, formatDateTime, type Locale } from '../../kernel/i18n/index.js';
import { EventStudyChart } from './charts.js';
import { OUTCOMES } from './evaluation.panel.js';
import { BOOTSTRAP_DRAWS, type EvalResult } from './evaluation-estimate.js';
import { formatEffect, plainSummary } from './evaluation-summary.js';
import type { RunView } from './evaluation.service.js';

const opt = (locale: Locale, prefix: string, values: string[]) =>
  values.map((v) => ({ value: v, label: t(locale, `${prefix}.${v}`) }));

export function EvaluationForm(p: {
  c: Context<AppEnv>;
  areas: { value: string; label: string }[];
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  recent: {
    id: string;
    scope_code: string;
    settings: string;
    status: string;
    created_at: string;
  }[];
}) {
  const l = p.c.get('locale');
  const raw = p.raw ?? {};
  return (
    <>
      <section class="card">
        <h1>{t(l, 'impact.eval.title')}</h1>
        <p>{t(l, 'impact.eval.intro')}</p>
        <ErrorSummary c={p.c} errors={p.errors} />
        <form method="post" action="/impact/evaluation">
          <Csrf c={p.c} />
          <SelectField
            name="region"
            label={t(l, 'impact.kpi.area')}
            value={raw.region}
            options={p.areas}
            error={p.errors?.region}
          />
          <SelectField
            name="outcome"
            label={t(l, 'impact.eval.outcome')}
            value={raw.outcome}
            options={opt(l, 'impact.eval.outcome', OUTCOMES)}
            error={p.errors?.outcome}
          />
          <SelectField
            name="control"
            label={t(l, 'impact.eval.control')}
            value={raw.control}
            options={opt(l, 'impact.eval.control', ['never', 'notyet'])}
            error={p.errors?.control}
          />
          <SelectField
            name="base"
            label={t(l, 'impact.eval.base')}
            value={raw.base}
            options={opt(l, 'impact.eval.base', ['varying', 'universal'])}
            error={p.errors?.base}
          />
          <SelectField
            name="cluster"
            label={t(l, 'impact.eval.cluster')}
            value={raw.cluster}
            options={opt(l, 'impact.eval.cluster', ['village', 'district'])}
            error={p.errors?.cluster}
          />
          <button type="submit" class="primary">
            {t(l, 'impact.eval.run')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.recent')}</h2>
        {p.recent.length === 0 ? (
          <p>{t(l, 'impact.eval.none')}</p>
        ) : (
          <ul class="list">
            {p.recent.map((r) => {
              const s = JSON.parse(r.settings);
              return (
                <li>
                  <a href={`/impact/evaluation/runs/${r.id}`}>
                    {t(l, `impact.eval.outcome.${s.outcome}`)}
                  </a>
                  {` · ${r.scope_code === 'all' ? t(l, 'impact.lines.national') : r.scope_code} · ${t(l, `impact.eval.control.${s.control}`)} · ${t(l, `impact.eval.cluster.${s.cluster}`)} · ${formatDateTime(l, r.created_at, r.scope_code === 'all' ? null : r.scope_code)}`}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

export function RunProgress(p: { c: Context<AppEnv>; run: RunView }) {
  const l = p.c.get('locale');
  const { run } = p;
  return (
    <section class="card" aria-live="polite">
      <h1>{t(l, 'impact.eval.title')}</h1>
      <p role="status" data-testid="run-status">
        {run.status === 'queued'
          ? t(l, 'impact.eval.queued')
          : t(l, 'impact.eval.running', { done: run.progress, total: run.total })}
      </p>
      <progress
        max={run.total}
        value={run.progress}
        aria-label={t(l, 'impact.eval.title')}
      >{`${run.progress}/${run.total}`}</progress>
      <p>
        <a href={`/impact/evaluation/runs/${run.id}`}>{t(l, 'impact.eval.refresh')}</a>
      </p>
    </section>
  );
}

export function RunFailed(p: { c: Context<AppEnv>; run: RunView }) {
  const l = p.c.get('locale');
  const code = p.run.error ?? 'INTERNAL';
  const known = ['NO_NEVER_TREATED', 'NO_TREATED', 'TOO_FEW_PERIODS', 'INTERNAL'].includes(code);
  return (
    <section class="card">
      <h1>{t(l, 'impact.eval.title')}</h1>
      <p class="alert" role="alert" data-testid="run-failed">
        {t(l, 'impact.eval.failed', {
          reason: known
            ? t(l, `impact.eval.error.${code}`)
            : t(l, 'impact.eval.error.other', { code }),
        })}
      </p>
      <p>
        <a href={`/impact/evaluation?region=${encodeURIComponent(p.run.scope)}`}>
          {t(l, 'impact.eval.back')}
        </a>
      </p>
    </section>
  );
}

const fmt = (l: Locale, v: number | null, d = 3) => (v === null ? '–' : formatNumber(l, v, d));

export function RunResult(p: { c: Context<AppEnv>; run: RunView; result: EvalResult }) {
  const l = p.c.get('locale');
  const r = p.result;
  const o = r.settings.outcome;
  const other: Locale = l === 'id' ? 'en' : 'id';
  const eff = (v: number | null) => (v === null ? '–' : formatEffect(l, o, v));
  const pt = r.pretest;
  return (
    <>
      <section class="card">
        <h1>
          {t(l, 'impact.eval.title')}: {t(l, `impact.eval.outcome.${o}`)}
        </h1>
        <p class="muted">
          {`${p.run.scope === 'all' ? t(l, 'impact.lines.national') : p.run.scope} · ${t(l, `impact.eval.control.${r.settings.control}`)} · ${t(l, `impact.eval.base.${r.settings.base}`)} · ${t(l, `impact.eval.cluster.${r.settings.cluster}`)}`}
        </p>
        <h2>{t(l, 'impact.eval.summary')}</h2>
        <div data-testid="summary">
          {plainSummary(l, r).map((s) => (
            <p>{s}</p>
          ))}
        </div>
        <details lang={other}>
          <summary>
            {other === 'en' ? 'Summary in English' : 'Ringkasan dalam Bahasa Indonesia'}
          </summary>
          {plainSummary(other, r).map((s) => (
            <p>{s}</p>
          ))}
        </details>
        <p class="muted">
          {t(l, 'impact.eval.facts', {
            villages: r.villages,
            treated: r.treatedVillages,
            never: r.neverTreated,
            from: r.years[0],
            to: r.years[r.years.length - 1],
            clusters: r.clusters,
            dropped: r.droppedUnbalanced,
          })}
        </p>
        {o === 'poverty_headcount' && r.linePeriods.length ? (
          <p class="muted">
            {t(l, 'impact.eval.line_note', { periods: r.linePeriods.join(', ') })}
          </p>
        ) : null}
        <p>
          <a href={`/impact/evaluation?region=${encodeURIComponent(p.run.scope)}`}>
            {t(l, 'impact.eval.rerun')}
          </a>
        </p>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.chart')}</h2>
        <figure class="chart-fig">
          <EventStudyChart
            points={r.eventStudy}
            title={t(l, 'impact.eval.chart')}
            desc={t(l, 'impact.eval.chart_desc')}
            xLabel={t(l, 'impact.eval.event_time')}
            format={(v) => formatEffect(l, o, v)}
          />
          <figcaption class="muted">
            {t(l, 'impact.eval.chart_desc')} ({BOOTSTRAP_DRAWS} bootstrap)
          </figcaption>
        </figure>
        <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'impact.eval.event_time')}</th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.estimate')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.ci')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.uniform')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.eventStudy.map((e) => (
                <tr>
                  <td>{e.e}</td>
                  <td class="num">{eff(e.att)}</td>
                  <td class="num">{`${eff(e.lo)} … ${eff(e.hi)}`}</td>
                  <td class="num">{`${eff(e.ulo)} … ${eff(e.uhi)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.pretrend')}</h2>
        <p data-testid="pretest">
          {pt.stat === null || pt.p === null
            ? t(l, 'impact.eval.pretrend_none')
            : t(l, pt.p < 0.05 ? 'impact.eval.pretrend_bad' : 'impact.eval.pretrend_ok', {
                stat: fmt(l, pt.stat, 2),
                df: pt.df,
                p: fmt(l, pt.p, 3),
              })}
        </p>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.twfe')}</h2>
        <p>
          {t(l, 'impact.eval.twfe_line', {
            beta: eff(r.twfe.beta),
            se: fmt(l, r.twfe.se),
            att: eff(r.overall.att),
          })}
        </p>
        {r.diverges ? (
          <p class="warn" data-testid="diverge">
            {t(l, 'impact.eval.diverge')}
          </p>
        ) : (
          <p class="notice">{t(l, 'impact.eval.agree')}</p>
        )}
        <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'impact.eval.bacon_type')}</th>
                <th scope="col">{t(l, 'impact.eval.group')}</th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.estimate')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.bacon.map((b) => (
                <tr>
                  <td>{t(l, `impact.eval.bacon.${b.type}`)}</td>
                  <td>{`${b.treated} / ${b.control === 0 ? '–' : b.control}`}</td>
                  <td class="num">{eff(b.estimate)}</td>
                  <td class="num">{fmt(l, b.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.heterogeneity')}</h2>
        <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'impact.eval.subgroup')}</th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.villages')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.treated')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.estimate')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.eval.se')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...r.byRegionGroup, ...r.byInitialPoverty].map((g) => (
                <tr data-testid={`sub-${g.key}`}>
                  <td>{t(l, `impact.eval.sub.${g.key}`)}</td>
                  <td class="num">{g.villages}</td>
                  <td class="num">{g.treated}</td>
                  <td class="num">
                    {g.att === null ? t(l, 'impact.eval.not_estimable') : eff(g.att)}
                  </td>
                  <td class="num">{fmt(l, g.se)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2>{t(l, 'impact.eval.att_table')}</h2>
        <details>
          <summary>{`ATT(g,t): ${r.attgt.length}`}</summary>
          <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'impact.eval.group')}</th>
                  <th scope="col">{t(l, 'impact.eval.year')}</th>
                  <th scope="col" class="num">
                    {t(l, 'impact.eval.estimate')}
                  </th>
                  <th scope="col" class="num">
                    {t(l, 'impact.eval.se')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.attgt.map((c) => (
                  <tr>
                    <td>{c.group}</td>
                    <td>{c.time}</td>
                    <td class="num">{fmt(l, c.att)}</td>
                    <td class="num">{fmt(l, c.se)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        {r.warnings.length ? (
          <>
            <h3>{t(l, 'impact.eval.warnings')}</h3>
            <ul>
              {r.warnings.map((w) =>
                typeof w === 'string' ? (
                  <li lang="en">{w}</li>
                ) : (
                  <li data-note={w.code}>{t(l, `impact.eval.note.${w.code}`, w.params)}</li>
                ),
              )}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
