// The KPI page of one area: headline figures, charts by sub-area, the breakdown table, the
// KBI/KTI comparison for national readers, and the pseudonymised export.
import type { Context } from 'hono';
import { SelectField, type AppEnv } from '../../kernel/http/index.js';
import {
  t,
  formatNumber,
  formatPercent,
  formatRupiah,
  type Locale,
} from '../../kernel/i18n/index.js';
import { BarChart } from './charts.js';
import type { ChildRow, GroupRow, Kpis } from './kpi.queries.js';
import type { PovertyRow } from './outcomes.queries.js';

function Tile(p: { label: string; value: string; detail?: string; testid?: string }) {
  return (
    <div class="tile" data-testid={p.testid}>
      <p class="muted">{p.label}</p>
      <p class="kpi">{p.value}</p>
      {p.detail ? <p class="muted">{p.detail}</p> : null}
    </div>
  );
}

export function KpiPage(p: {
  c: Context<AppEnv>;
  focus: string;
  name: string;
  areas: { value: string; label: string }[];
  k: Kpis;
  children: ChildRow[];
  westEast: GroupRow[] | null;
}) {
  const l: Locale = p.c.get('locale');
  const { k } = p;
  const none = t(l, 'impact.kpi.no_data');
  const n = (v: number) => formatNumber(l, v);
  const share =
    k.orders && k.orders.itemsTotal > 0
      ? formatPercent(l, k.orders.sellerShare / k.orders.itemsTotal)
      : none;
  return (
    <>
      <section class="card">
        <h1>{t(l, 'impact.kpi.title', { name: p.name })}</h1>
        <form method="get" action="/impact" class="row">
          <SelectField
            name="region"
            label={t(l, 'impact.kpi.area')}
            value={p.focus}
            options={p.areas}
          />
          <button type="submit">{t(l, 'impact.kpi.show')}</button>
        </form>
        <div class="grid">
          <Tile
            testid="kpi-villages"
            label={t(l, 'impact.kpi.villages')}
            value={n(k.enrolledVillages)}
            detail={t(l, 'impact.kpi.of_villages', { n: n(k.villages) })}
          />
          <Tile
            testid="kpi-umkm"
            label={t(l, 'impact.kpi.umkm')}
            value={k.umkm ? n(k.umkm.active) : none}
            detail={k.umkm ? t(l, 'impact.kpi.of_umkm', { n: n(k.umkm.total) }) : undefined}
          />
          <Tile
            label={t(l, 'impact.kpi.market_ready')}
            value={k.marketReady === null ? none : n(k.marketReady)}
          />
          <Tile
            testid="kpi-orders"
            label={t(l, 'impact.kpi.orders')}
            value={k.orders ? n(k.orders.count) : none}
          />
          <Tile
            testid="kpi-gmv"
            label={t(l, 'impact.kpi.gmv')}
            value={k.orders ? formatRupiah(k.orders.gmv) : none}
          />
          <Tile label={t(l, 'impact.kpi.share')} value={share} />
          <Tile
            label={t(l, 'impact.kpi.lead')}
            value={
              k.orders?.leadDays != null
                ? t(l, 'impact.kpi.days', { n: formatNumber(l, k.orders.leadDays, 1) })
                : none
            }
          />
          <Tile
            label={t(l, 'impact.kpi.parcels')}
            value={k.parcels ? n(k.parcels.total) : none}
            detail={
              k.parcels
                ? t(l, 'impact.kpi.parcels_detail', {
                    delivered: n(k.parcels.delivered),
                    failed: n(k.parcels.failed),
                    progress: n(k.parcels.inProgress),
                  }) +
                  (k.parcels.leadDays != null
                    ? ` · ${t(l, 'impact.kpi.days', { n: formatNumber(l, k.parcels.leadDays, 1) })}`
                    : '')
                : undefined
            }
          />
          <Tile
            label={t(l, 'impact.kpi.trained')}
            value={k.trained ? n(k.trained.attended) : none}
            detail={
              k.trained ? t(l, 'impact.kpi.certified', { n: n(k.trained.certified) }) : undefined
            }
          />
          <Tile
            testid="kpi-households"
            label={t(l, 'impact.kpi.households')}
            value={k.households ? n(k.households.below) : none}
            detail={
              k.households
                ? t(l, 'impact.kpi.households_detail', {
                    below: n(k.households.below),
                    above: n(k.households.above),
                    wave: k.households.wave,
                    period: k.households.linePeriod ?? '–',
                    p0: formatPercent(l, k.households.p0),
                    p1: formatNumber(l, k.households.p1, 3),
                  })
                : undefined
            }
          />
        </div>
      </section>
      {p.children.length ? (
        <section class="card">
          <h2>{t(l, 'impact.kpi.breakdown')}</h2>
          <BarChart
            id="chart-enrolled"
            title={t(l, 'impact.kpi.chart_enrolled')}
            bars={p.children.map((r) => ({ label: r.name, value: r.enrolled }))}
            format={(v) => formatNumber(l, v)}
          />
          {p.children.some((r) => r.p0 !== null) ? (
            <BarChart
              id="chart-poverty"
              title={t(l, 'impact.kpi.chart_poverty')}
              bars={p.children.map((r) => ({ label: r.name, value: r.p0 }))}
              format={(v) => formatPercent(l, v)}
              max={1}
            />
          ) : null}
          <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'impact.kpi.name')}</th>
                  <th scope="col" class="num">
                    {t(l, 'impact.kpi.villages')}
                  </th>
                  <th scope="col" class="num">
                    UMKM
                  </th>
                  <th scope="col" class="num">
                    GMV
                  </th>
                  <th scope="col" class="num">
                    P0
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.children.map((r) => (
                  <tr>
                    <td>
                      <a href={`/impact?region=${r.code}`}>{r.name}</a>
                    </td>
                    <td class="num">{`${n(r.enrolled)} / ${n(r.villages)}`}</td>
                    <td class="num">{r.umkm === null ? '–' : n(r.umkm)}</td>
                    <td class="num">{r.gmv === null ? '–' : formatRupiah(r.gmv)}</td>
                    <td class="num">{r.p0 === null ? '–' : formatPercent(l, r.p0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {p.westEast ? <WestEast l={l} rows={p.westEast} /> : null}
      <section class="card">
        <p>
          <a
            class="button"
            href={`/impact/export.csv?region=${encodeURIComponent(p.focus)}`}
            download
          >
            {t(l, 'impact.kpi.export')}
          </a>{' '}
          <a
            class="button"
            href={`/impact/export.xlsx?region=${encodeURIComponent(p.focus)}`}
            download
          >
            {t(l, 'impact.kpi.export_xlsx')}
          </a>
        </p>
        <p class="muted">{t(l, 'impact.kpi.export_hint')}</p>
        <p>
          <a href={`/impact/poverty?region=${encodeURIComponent(p.focus)}`}>
            {t(l, 'impact.poverty.title')}
          </a>{' '}
          ·{' '}
          <a href={`/impact/evaluation?region=${encodeURIComponent(p.focus)}`}>
            {t(l, 'impact.nav.evaluation')}
          </a>
        </p>
      </section>
    </>
  );
}

function WestEast(p: { l: Locale; rows: GroupRow[] }) {
  const { l } = p;
  const pc = (v: number | null) => (v === null ? '–' : formatPercent(l, v));
  return (
    <section class="card" data-testid="west-east">
      <h2>{t(l, 'impact.kpi.west_east')}</h2>
      <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'impact.kpi.group')}</th>
              {p.rows.map((r) => (
                <th scope="col" class="num">
                  {t(l, `impact.eval.sub.${r.group}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t(l, 'impact.kpi.villages')}</th>
              {p.rows.map((r) => (
                <td class="num">{`${formatNumber(l, r.enrolled)} / ${formatNumber(l, r.villages)}`}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(l, 'impact.kpi.signal')}</th>
              {p.rows.map((r) => (
                <td class="num">{pc(r.signal4g)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(l, 'impact.kpi.electricity')}</th>
              {p.rows.map((r) => (
                <td class="num">{pc(r.electricity)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">UMKM</th>
              {p.rows.map((r) => (
                <td class="num">{r.umkm === null ? '–' : formatNumber(l, r.umkm)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">GMV</th>
              {p.rows.map((r) => (
                <td class="num">{r.gmv === null ? '–' : formatRupiah(r.gmv)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(l, 'impact.kpi.mean_pc')}</th>
              {p.rows.map((r) => (
                <td class="num">
                  {r.meanPerCapita === null ? '–' : formatRupiah(Math.round(r.meanPerCapita))}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(l, 'impact.kpi.poverty_rate')}</th>
              {p.rows.map((r) => (
                <td class="num">{pc(r.p0)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PovertyPage(p: {
  c: Context<AppEnv>;
  focus: string;
  level: string;
  year: number | null;
  years: number[];
  rows: (PovertyRow & { name: string })[];
  areas: { value: string; label: string }[];
}) {
  const l = p.c.get('locale');
  const levels = ['province', 'regency', 'district', 'village'].map((v) => ({
    value: v,
    label: t(l, `impact.level.${v}`),
  }));
  return (
    <section class="card">
      <h1>{t(l, 'impact.poverty.title')}</h1>
      <p>{t(l, 'impact.poverty.intro')}</p>
      <form method="get" action="/impact/poverty" class="row">
        <SelectField
          name="region"
          label={t(l, 'impact.kpi.area')}
          value={p.focus}
          options={p.areas}
        />
        <SelectField
          name="level"
          label={t(l, 'impact.poverty.level')}
          value={p.level}
          options={levels}
        />
        <SelectField
          name="year"
          label={t(l, 'impact.surveys.wave_year')}
          value={p.year === null ? '' : String(p.year)}
          options={p.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit">{t(l, 'impact.kpi.show')}</button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t(l, 'impact.kpi.no_data')}</p>
      ) : (
        <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'impact.kpi.name')}</th>
                <th scope="col" class="num">
                  {t(l, 'impact.poverty.households')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'impact.poverty.below')}
                </th>
                <th scope="col" class="num">
                  P0
                </th>
                <th scope="col" class="num">
                  P1
                </th>
                <th scope="col">{t(l, 'impact.lines.period')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-code={r.code}>
                  <td>{`${r.name} (${r.code})`}</td>
                  <td class="num">{formatNumber(l, r.households)}</td>
                  <td class="num">{formatNumber(l, r.poorHouseholds)}</td>
                  <td class="num">{formatPercent(l, r.p0)}</td>
                  <td class="num">{formatNumber(l, r.p1, 3)}</td>
                  <td>{r.linePeriod ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
