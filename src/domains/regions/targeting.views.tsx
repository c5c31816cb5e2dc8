// The targeting page (weights, the next villages to enrol with each score's parts, CSV) and
// the west/east readiness comparison.
import type { Context } from 'hono';
import { t, formatNumber, formatPercent } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, type AppEnv } from '../../kernel/http/index.js';
import type { Area } from './regions.queries.js';
import { COMPONENTS, type Ranking } from './targeting.js';
import type { Readiness, Group } from './readiness.js';
import { RankedVillages, type EnrolRaw } from './enrol.views.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function TargetingPage(p: {
  c: C;
  area: Area;
  ranking: Ranking;
  n: number;
  canWrite: boolean;
  today: string;
  notice?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
  enrol?: EnrolRaw;
}) {
  const { c, area, ranking: r } = p;
  const value = (k: string) => p.raw?.[k] ?? String(r.weights[k as keyof typeof r.weights]);
  return (
    <>
      <section class="card">
        <p>
          <a href={`/wilayah/${area.code}`}>← {area.name}</a>
        </p>
        <h1>{tr(c, 'regions.target.title', { name: area.name })}</h1>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <ErrorSummary c={c} errors={p.errors} />
        <h2>{tr(c, 'regions.target.weights')}</h2>
        <p>
          <small>
            {r.weightsFrom
              ? tr(c, 'regions.target.weights_from', { from: r.weightsFrom })
              : tr(c, 'regions.target.weights_default')}
          </small>
        </p>
        {p.canWrite ? (
          <form method="post" action={`/wilayah/${area.code}/bobot`}>
            <Csrf c={c} />
            <input type="hidden" name="n" value={String(p.n)} />
            <div class="row">
              {COMPONENTS.map((k) => (
                <Field
                  name={k}
                  type="number"
                  inputmode="numeric"
                  min={0}
                  max={100}
                  step="1"
                  label={tr(c, `regions.c.${k}`)}
                  value={value(k)}
                  error={p.errors?.[k]}
                  required
                />
              ))}
            </div>
            <button type="submit" class="primary">
              {tr(c, 'regions.target.save')}
            </button>
          </form>
        ) : (
          <ul class="chips">
            {COMPONENTS.map((k) => (
              <li>
                {tr(c, `regions.c.${k}`)} {r.weights[k]}
              </li>
            ))}
          </ul>
        )}
        <p>
          <small class="muted">{tr(c, 'regions.target.explain')}</small>
        </p>
      </section>
      <section class="card" aria-labelledby="rank-h">
        <h2 id="rank-h">{tr(c, 'regions.target.link')}</h2>
        <p>
          {tr(c, 'regions.target.summary', { open: r.notEnrolled, noprofile: r.withoutProfile })}
        </p>
        <form method="get" action={`/wilayah/${area.code}/prioritas`} class="row">
          <Field
            name="n"
            type="number"
            inputmode="numeric"
            min={1}
            max={1000}
            label={tr(c, 'regions.target.n')}
            value={p.n}
          />
          <div class="field">
            <button type="submit">{tr(c, 'regions.target.show')}</button>
          </div>
        </form>
        <p>
          <a href={`/wilayah/${area.code}/prioritas.csv?n=${p.n}`} download>
            {tr(c, 'regions.target.csv')}
          </a>{' '}
          ·{' '}
          <a href={`/wilayah/${area.code}/prioritas.xlsx?n=${p.n}`} download>
            {tr(c, 'regions.target.xlsx')}
          </a>
        </p>
        <RankedVillages
          c={c}
          code={area.code}
          n={p.n}
          villages={r.villages}
          canWrite={p.canWrite}
          today={p.today}
          raw={p.enrol}
          errors={p.errors}
        />
      </section>
    </>
  );
}

const INDICATORS: (keyof Readiness)[] = [
  'villages',
  'povertyShare',
  'electricityShare',
  'signal4g',
  'signalNone',
  'officeInternet',
  'allSeasonRoad',
  'distanceKm',
  'bumdes',
  'koperasi',
];

function show(c: C, k: keyof Readiness, v: number | null): string {
  if (v === null) return '–';
  if (k === 'villages') return formatNumber(c.get('locale'), v);
  if (k === 'distanceKm') return formatNumber(c.get('locale'), v, 1);
  return formatPercent(c.get('locale'), v);
}

export function ReadinessPage(p: {
  c: C;
  groups: Record<Group, Readiness>;
  provinces: { code: string; name: string; group: Group; readiness: Readiness }[];
}) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'regions.readiness.title')}</h1>
      <p>{tr(c, 'regions.readiness.intro')}</p>
      <div class="scroll">
        <table data-testid="kbi-kti">
          <thead>
            <tr>
              <th scope="col">{tr(c, 'regions.readiness.indicator')}</th>
              <th scope="col" class="num">
                KBI
              </th>
              <th scope="col" class="num">
                KTI
              </th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((k) => (
              <tr>
                <th scope="row">{tr(c, `regions.readiness.${k}`)}</th>
                <td class="num">{show(c, k, p.groups.KBI[k])}</td>
                <td class="num">{show(c, k, p.groups.KTI[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.provinces.length ? (
        <>
          <h2>{tr(c, 'regions.readiness.by_province')}</h2>
          <ul class="list">
            {p.provinces.map((x) => (
              <li>
                <a href={`/wilayah/${x.code}`}>{x.name}</a> <small class="muted">{x.group}</small>
                <br />
                <small>
                  {tr(c, 'regions.readiness.villages')} {show(c, 'villages', x.readiness.villages)}{' '}
                  · {tr(c, 'regions.readiness.signal4g')}{' '}
                  {show(c, 'signal4g', x.readiness.signal4g)} ·{' '}
                  {tr(c, 'regions.readiness.allSeasonRoad')}{' '}
                  {show(c, 'allSeasonRoad', x.readiness.allSeasonRoad)} ·{' '}
                  {tr(c, 'regions.readiness.povertyShare')}{' '}
                  {show(c, 'povertyShare', x.readiness.povertyShare)}
                </small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
