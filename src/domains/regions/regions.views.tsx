// Pages for browsing and searching areas, and an area's own page (profile, score, rollout).
import type { Context } from 'hono';
import { t, formatNumber, formatPercent, formatDate } from '../../kernel/i18n/index.js';
import { Csrf, Field, type AppEnv } from '../../kernel/http/index.js';
import type { Area, ChildCounts, SearchHit } from './regions.queries.js';
import type { VillageProfile } from './profiles.service.js';
import type { Score } from './targeting.js';
import type { RolloutRow } from './rollout.service.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function kindLabel(c: C, kind: string): string {
  return tr(c, `regions.kind.${kind}`);
}

function SearchForm(p: { c: C; q?: string; parent?: string }) {
  return (
    <form method="get" action="/wilayah" role="search" class="row">
      {p.parent ? <input type="hidden" name="parent" value={p.parent} /> : null}
      <Field
        name="q"
        type="search"
        inputmode="search"
        label={tr(p.c, 'regions.search.label')}
        hint={tr(p.c, 'regions.search.hint')}
        value={p.q}
        autocomplete="off"
      />
      <div class="field">
        <button type="submit" class="primary">
          {tr(p.c, 'regions.search.submit')}
        </button>
      </div>
    </form>
  );
}

function AreaList(p: { c: C; items: (Area | SearchHit)[] }) {
  return (
    <ul class="list" data-testid="regions">
      {p.items.map((a) => (
        <li>
          <a href={`/wilayah/${a.code}`}>{a.name}</a>{' '}
          <small class="muted">
            {/* The official code beside the name, as the directory's reference (machine text). */}
            {kindLabel(p.c, a.kind)} · <code>{a.code}</code>
          </small>
          {'context' in a && a.context.length ? (
            <>
              <br />
              <small class="muted">
                {a.context.join(', ')}
                {a.match === 'parent' ? ` · ${tr(p.c, 'regions.search.in_district')}` : ''}
              </small>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** /wilayah: search by name, or browse from the provinces (or a parent) down. */
export function BrowsePage(p: {
  c: C;
  q?: string;
  hits?: SearchHit[];
  parent?: Area | null;
  items?: Area[];
}) {
  const { c } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'regions.title')}</h1>
      <SearchForm c={c} q={p.q} parent={p.parent?.code} />
      {p.hits ? (
        <>
          <h2>{tr(c, 'regions.search.results', { q: p.q })}</h2>
          {p.hits.length === 0 ? (
            <p>{tr(c, 'regions.search.none', { q: p.q })}</p>
          ) : (
            <AreaList c={c} items={p.hits} />
          )}
        </>
      ) : (
        <>
          <h2>{p.parent ? p.parent.name : tr(c, 'regions.provinces')}</h2>
          <AreaList c={c} items={p.items ?? []} />
        </>
      )}
    </section>
  );
}

function Breadcrumb(p: { c: C; chain: Area[] }) {
  return (
    <nav aria-label={tr(p.c, 'regions.title')}>
      <ol class="crumbs">
        <li>
          <a href="/wilayah">{tr(p.c, 'regions.title')}</a>
        </li>
        {p.chain.map((a, i) =>
          i === p.chain.length - 1 ? (
            <li aria-current="page">{a.name}</li>
          ) : (
            <li>
              <a href={`/wilayah/${a.code}`}>{a.name}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

const pct = (c: C, v: number | null) =>
  v === null ? tr(c, 'regions.v.unknown') : formatPercent(c.get('locale'), v);
const yn = (c: C, v: number | null) =>
  v === null ? tr(c, 'regions.v.unknown') : tr(c, v ? 'regions.v.yes' : 'regions.v.no');
const opt = (c: C, v: string | null) =>
  v === null ? tr(c, 'regions.v.unknown') : tr(c, `regions.v.${v}`);
const num = (c: C, v: number | null, d = 0) =>
  v === null ? tr(c, 'regions.v.unknown') : formatNumber(c.get('locale'), v, d);

function ProfileFacts(p: { c: C; profile: VillageProfile }) {
  const { c, profile: v } = p;
  const rows: [string, string][] = [
    ['population', num(c, v.population)],
    ['households', num(c, v.households)],
    ['poverty_share', pct(c, v.poverty_share)],
    ['electricity_share', pct(c, v.electricity_share)],
    ['signal', opt(c, v.signal)],
    ['office_internet', yn(c, v.office_internet)],
    ['road_access', opt(c, v.road_access)],
    ['distance_km', num(c, v.distance_km, 1)],
    ['has_bumdes', yn(c, v.has_bumdes)],
    ['has_koperasi', yn(c, v.has_koperasi)],
    ['lat', v.lat === null ? tr(c, 'regions.v.unknown') : `${v.lat}, ${v.lng}`],
  ];
  return (
    <dl class="facts">
      {rows.map(([k, val]) => (
        <>
          <dt>
            {tr(c, k === 'lat' ? 'regions.f.lat' : `regions.f.${k}`)}
            {k === 'lat' ? ` / ${tr(c, 'regions.f.lng')}` : ''}
          </dt>
          <dd>{val}</dd>
        </>
      ))}
    </dl>
  );
}

/** The parts of a score as a short list, one line per component. */
export function ScoreParts(p: { c: C; score: Score }) {
  return (
    <ul class="parts">
      {p.score.parts.map((x) => (
        <li data-component={x.component}>
          {tr(p.c, `regions.c.${x.component}`)}{' '}
          <strong>{formatNumber(p.c.get('locale'), x.points, 2)}</strong>
          {x.value === null ? <small> ({tr(p.c, 'regions.v.unknown')})</small> : null}
        </li>
      ))}
    </ul>
  );
}

export interface DetailData {
  area: Area;
  chain: Area[];
  counts: ChildCounts;
  zone: string;
  children: Area[];
  staff: null | {
    canWrite: boolean;
    profile: VillageProfile | null;
    score: Score | null;
    cohort: { joinedOn: string; via: string; viaName: string } | null;
    entries: RolloutRow[];
  };
}

/** /wilayah/{code}: the area, its parents and children; staff also see profile, score, rollout. */
export function DetailPage(p: {
  c: C;
  d: DetailData;
  notice?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
}) {
  const { c, d } = p;
  const a = d.area;
  const locale = c.get('locale');
  return (
    <>
      <section class="card">
        <Breadcrumb c={c} chain={d.chain} />
        <h1>{a.name}</h1>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <p>
          {kindLabel(c, a.kind)} · {tr(c, 'regions.code')} <code>{a.code}</code> ·{' '}
          {tr(c, 'regions.zone')} {d.zone}
        </p>
        {a.level < 4 ? <p>{tr(c, 'regions.counts', { ...d.counts })}</p> : null}
        {d.staff && a.level <= 2 ? (
          <p>
            <a class="button" href={`/wilayah/${a.code}/prioritas`}>
              {tr(c, 'regions.target.link')}
            </a>
          </p>
        ) : null}
      </section>
      {d.staff && a.level === 4 ? (
        <section class="card" aria-labelledby="profile-h">
          <h2 id="profile-h">{tr(c, 'regions.profile')}</h2>
          {d.staff.profile ? (
            <>
              {d.staff.profile.isDemo ? <p class="warn">{tr(c, 'regions.profile.demo')}</p> : null}
              <ProfileFacts c={c} profile={d.staff.profile} />
            </>
          ) : (
            <p>{tr(c, 'regions.profile.none')}</p>
          )}
          {d.staff.canWrite ? (
            <p>
              <a href={`/wilayah/${a.code}/profil`}>{tr(c, 'regions.profile.edit')}</a>
            </p>
          ) : null}
          {d.staff.score ? (
            <>
              <h3>
                {tr(c, 'regions.score')}:{' '}
                <span data-testid="score">{d.staff.score.score.toFixed(2)}</span>
              </h3>
              <ScoreParts c={c} score={d.staff.score} />
            </>
          ) : null}
        </section>
      ) : null}
      {d.staff && a.level >= 2 ? (
        <section class="card" aria-labelledby="rollout-h">
          <h2 id="rollout-h">{tr(c, 'regions.rollout')}</h2>
          <p data-testid="cohort">
            {d.staff.cohort
              ? tr(c, 'regions.rollout.joined', {
                  date: formatDate(locale, d.staff.cohort.joinedOn, a.code),
                  via: d.staff.cohort.viaName,
                })
              : tr(c, 'regions.rollout.not_joined')}
          </p>
          {d.staff.entries.length ? (
            <>
              <h3>{tr(c, 'regions.rollout.entries')}</h3>
              <ul class="list">
                {d.staff.entries.slice(0, 50).map((e) => (
                  <li>
                    <a href={`/wilayah/${e.code}`}>{e.name}</a> ·{' '}
                    {formatDate(locale, e.joinedOn, e.code)}
                    {e.reason ? (
                      <>
                        <br />
                        <small>{tr(c, 'regions.rollout.reason', { reason: e.reason })}</small>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.staff.canWrite ? (
            <form method="post" action={`/wilayah/${a.code}/bergabung`} class="row">
              <Csrf c={c} />
              <Field
                name="joined_on"
                type="date"
                label={tr(c, 'regions.rollout.date')}
                value={p.raw?.joined_on}
                error={p.errors?.joined_on}
                required
              />
              <div class="field">
                <button type="submit">{tr(c, 'regions.rollout.record')}</button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}
      {d.children.length ? (
        <section class="card">
          <h2>{tr(c, 'regions.children')}</h2>
          <AreaList c={c} items={d.children} />
        </section>
      ) : null}
    </>
  );
}
