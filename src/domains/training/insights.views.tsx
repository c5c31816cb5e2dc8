// Pages for officers and trainers: the digital literacy index of a region against the
// national 2023 figure, the editable question bank, and the training KPIs with targets.
import type { Context } from 'hono';
import { t, formatNumber, formatPercent } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, type AppEnv } from '../../kernel/http/index.js';
import { PILLARS } from './training.tables.js';
import { NATIONAL_INDEX_2023 } from './question-bank.js';
import type { PillarAverage } from './assessment.service.js';
import type { TrainingKpis } from './kpis.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
const n2 = (c: C, x: number | null | undefined) =>
  x === null || x === undefined ? '—' : formatNumber(c.get('locale'), x, 2);

/** Horizontal bars per pillar (before, after) on 1–5 with the national overall line: SVG, no script. */
function PillarChart(p: { c: C; avg: Record<'before' | 'after', PillarAverage> }) {
  const { c } = p;
  const W = 320;
  const left = 110;
  const scale = (v: number) => left + ((v - 1) / 4) * (W - left - 10);
  const rows = PILLARS.map((pl) => ({
    pl,
    b: p.avg.before.scores?.[pl] ?? null,
    a: p.avg.after.scores?.[pl] ?? null,
  }));
  const H = rows.length * 34 + 24;
  const nat = scale(NATIONAL_INDEX_2023);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={tr(c, 'training.literacy.national', { value: n2(c, NATIONAL_INDEX_2023) })}
    >
      {rows.map((r, i) => (
        <g>
          <text x={0} y={i * 34 + 16} font-size="11" fill="#1d1b16">
            {tr(c, `training.pillar.${r.pl}`)}
          </text>
          {r.b !== null ? (
            <rect x={left} y={i * 34 + 4} width={scale(r.b) - left} height={11} fill="#8a8270" />
          ) : null}
          {r.a !== null ? (
            <rect x={left} y={i * 34 + 17} width={scale(r.a) - left} height={11} fill="#7a3e00" />
          ) : null}
        </g>
      ))}
      <line
        x1={nat}
        x2={nat}
        y1={0}
        y2={H - 18}
        stroke="#1a5fb4"
        stroke-width="2"
        stroke-dasharray="4 2"
      />
      <text x={nat} y={H - 4} font-size="10" text-anchor="middle" fill="#1a5fb4">
        {formatNumber(c.get('locale'), NATIONAL_INDEX_2023, 2)}
      </text>
    </svg>
  );
}

export function LiteracyPage(p: {
  c: C;
  regionName: string;
  prefix: string;
  avg: Record<'before' | 'after', PillarAverage>;
  places: { code: string; name: string; avg: Record<'before' | 'after', PillarAverage> }[];
}) {
  const { c } = p;
  const row = (label: string, a: Record<'before' | 'after', PillarAverage>) =>
    (['before', 'after'] as const).map((ph) => (
      <tr>
        <th scope="row">
          {label} · {tr(c, `training.phase.${ph}`)}
        </th>
        {PILLARS.map((pl) => (
          <td class="num">{n2(c, a[ph].scores?.[pl])}</td>
        ))}
        <td class="num">
          <strong>{n2(c, a[ph].overall)}</strong>
        </td>
        <td class="num">{a[ph].n}</td>
      </tr>
    ));
  return (
    <section class="card">
      <h1>
        {tr(c, 'training.literacy.title')}: {p.regionName}
      </h1>
      <p>{tr(c, 'training.literacy.national', { value: n2(c, NATIONAL_INDEX_2023) })}</p>
      {p.avg.before.n + p.avg.after.n === 0 ? (
        <p>{tr(c, 'training.literacy.none')}</p>
      ) : (
        <PillarChart c={c} avg={p.avg} />
      )}
      <div class="scroll" tabindex={0} role="region" aria-label={tr(c, 'training.literacy.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{tr(c, 'training.literacy.region')}</th>
              {PILLARS.map((pl) => (
                <th scope="col" class="num">
                  {tr(c, `training.pillar.${pl}`)}
                </th>
              ))}
              <th scope="col" class="num">
                {tr(c, 'training.literacy.overall')}
              </th>
              <th scope="col" class="num">
                {tr(c, 'training.literacy.n')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row(p.regionName, p.avg)}
            {p.places.map((pl) => row(pl.name, pl.avg))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/pelatihan/pertanyaan">{tr(c, 'training.bank.title')}</a>
      </p>
    </section>
  );
}

export function BankPage(p: {
  c: C;
  region: string;
  questions: { id: string; pillar: string; text_id: string; text_en: string; active: number }[];
  notice?: string;
  message?: string;
}) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'training.bank.title')}</h1>
      <p>{tr(c, 'training.bank.hint', { region: p.region })}</p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.message ? (
        <p class="alert" role="alert">
          {p.message}
        </p>
      ) : null}
      <form method="post" action="/pelatihan/pertanyaan">
        <Csrf c={c} />
        {PILLARS.map((pl) => (
          <fieldset>
            <legend>{tr(c, `training.pillar.${pl}`)}</legend>
            {p.questions
              .filter((q) => q.pillar === pl)
              .map((q) => (
                <div class="bank-q">
                  <input type="hidden" name="id" value={q.id} />
                  <div class="field">
                    <label for={`f-id-${q.id}`}>{tr(c, 'training.bank.text_id')}</label>
                    <textarea id={`f-id-${q.id}`} name={`text_id_${q.id}`} rows={2} required>
                      {q.text_id}
                    </textarea>
                  </div>
                  <div class="field">
                    <label for={`f-en-${q.id}`}>{tr(c, 'training.bank.text_en')}</label>
                    <textarea id={`f-en-${q.id}`} name={`text_en_${q.id}`} rows={2} required>
                      {q.text_en}
                    </textarea>
                  </div>
                  <label>
                    <input
                      type="checkbox"
                      name={`active_${q.id}`}
                      value="1"
                      checked={q.active === 1}
                    />{' '}
                    {tr(c, 'training.bank.active')}
                  </label>
                </div>
              ))}
          </fieldset>
        ))}
        <button type="submit" class="primary">
          {tr(c, 'training.save')}
        </button>
      </form>
    </section>
  );
}

export function KpiPage(p: {
  c: C;
  k: TrainingKpis;
  regionName: string;
  names: Map<string, string>;
  regencies: PlaceChoices | null;
  errors?: Record<string, string>;
  notice?: string;
}) {
  const { c, k } = p;
  const locale = c.get('locale');
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(locale, x));
  return (
    <>
      <section class="card">
        <h1>
          {tr(c, 'training.kpi.title', { year: k.year })}: {p.regionName}
        </h1>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <div class="grid">
          <div class="tile">
            <p class="muted">{tr(c, 'training.kpi.person_times')}</p>
            <p class="kpi" data-kpi="person-times">
              {formatNumber(locale, k.personTimes)}
            </p>
            <p>
              {tr(c, 'training.kpi.target')}:{' '}
              {k.target === null ? tr(c, 'training.kpi.no_target') : formatNumber(locale, k.target)}
            </p>
          </div>
          <div class="tile">
            <p class="muted">{tr(c, 'training.kpi.completion')}</p>
            <p class="kpi">{pct(k.completionRate)}</p>
            <p>
              {k.completed} / {k.registered}
            </p>
          </div>
          <div class="tile">
            <p class="muted">{tr(c, 'training.kpi.sale90')}</p>
            <p class="kpi">{pct(k.saleWithin90Share)}</p>
            <p>
              {k.trainedUmkmWithSale} / {k.trainedUmkm}
            </p>
          </div>
          <div class="tile">
            <p class="muted">{tr(c, 'training.literacy.overall')}</p>
            <p class="kpi">
              {n2(c, k.pillars.before.overall)} → {n2(c, k.pillars.after.overall)}
            </p>
          </div>
        </div>
        <div class="scroll" tabindex={0} role="region" aria-label={tr(c, 'training.kpi.regency')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(c, 'training.kpi.regency')}</th>
                <th scope="col" class="num">
                  {tr(c, 'training.kpi.person_times')}
                </th>
                <th scope="col" class="num">
                  {tr(c, 'training.kpi.target')}
                </th>
              </tr>
            </thead>
            <tbody>
              {k.perRegency.map((r) => (
                <tr>
                  <td>{p.names.get(r.regencyCode) ?? r.regencyCode}</td>
                  <td class="num">{formatNumber(locale, r.personTimes)}</td>
                  <td class="num">{r.target === null ? '—' : formatNumber(locale, r.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {p.regencies ? (
        <section class="card narrow">
          <h2>{tr(c, 'training.kpi.set_target')}</h2>
          <ErrorSummary c={c} errors={p.errors} />
          <form method="post" action="/pelatihan/kpi/target">
            <Csrf c={c} />
            <PlacePicker
              c={c}
              name="region_code"
              label={tr(c, 'training.kpi.regency')}
              choices={p.regencies}
              value={k.regionPrefix}
              error={p.errors?.region_code}
              search={false}
            />
            <Field
              name="year"
              type="number"
              inputmode="numeric"
              label={tr(c, 'training.kpi.year')}
              value={k.year}
              error={p.errors?.year}
              required
            />
            <Field
              name="person_times"
              type="number"
              inputmode="numeric"
              min={0}
              label={tr(c, 'training.kpi.target')}
              value={k.target ?? 3000}
              error={p.errors?.person_times}
              required
            />
            <button type="submit" class="primary">
              {tr(c, 'training.save')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
