// KPI pages: the programme figures of one area, poverty by level, and the pseudonymised
// village panel export. Every read is filtered to the area, and the area must lie inside the
// actor's scope (a regency officer cannot ask for another regency or the nation).
import { Hono } from 'hono';
import { page, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { audit } from '../../kernel/audit/index.js';
import { readSource, runRead } from '../../kernel/offloop/index.js';
import { bothFormats, sendSheet } from '../../kernel/xlsx/index.js';
import { cellsAsOf, kpiPageRead, panelSheetRead, povertyRowsRead } from './kpi.reads.js';
import { summaryWaves } from './area-summary.queries.js';
import { defaultFocus, IMPACT_READERS, mayRead } from './evaluation.service.js';
import { areasFor } from './areas.queries.js';
import { regionName } from './regions.queries.js';
import { KpiPage, PovertyPage } from './kpi.views.js';
import { ProduceKpiSection, produceKpisOf } from './produce-kpi.views.js';
import { Freshness } from './sales-summary.views.js';
import type { Level } from './region-groups.js';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Db } from '../../kernel/db/index.js';
import { collectiveKpiSection } from '../collective/index.js';

const FOCUS_RE = /^(all|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;

/** The requested area, checked against the actor's scope (403 outside it, 404 when malformed). */
function focusOf(c: any, actor: Parameters<typeof mayRead>[0]): string {
  const focus = c.req.query('region') || defaultFocus(actor);
  if (!FOCUS_RE.test(focus)) throw new AppError('NOT_FOUND');
  if (!mayRead(actor, focus)) throw new AppError('FORBIDDEN');
  return focus;
}

/** The survey waves of a scope, latest first: from the precomputed cells when they serve it. */
async function surveyWaves(db: Db, scope: 'all' | string[]): Promise<number[]> {
  if ((await cellsAsOf(db, scope)) !== null) return summaryWaves(db, scope);
  const rows = await db
    .selectFrom('household_surveys')
    .select('wave_year')
    .distinct()
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .orderBy('wave_year', 'desc')
    .execute();
  return rows.map((r) => r.wave_year);
}

export function kpiPages() {
  const app = new Hono<AppEnv>();

  app.get('/impact', async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const db = c.get('deps').h.db;
    const l = c.get('locale');
    const focus = focusOf(c, actor);
    const name =
      focus === 'all' ? t(l, 'impact.lines.national') : ((await regionName(db, focus)) ?? focus);
    const {
      k,
      children,
      westEast: we,
      salesAsOf,
      areasAsOf,
    } = await runRead(c.get('deps'), kpiPageRead, focus);
    const areas = await areasFor(db, actor, l);
    const produce = await produceKpisOf(db, focus);
    // Cycles and group buys (collective's figures, its own section).
    const collective = await collectiveKpiSection(db, focus, l);
    return page(
      c,
      { title: t(l, 'impact.kpi.title', { name }) },
      <>
        <KpiPage
          c={c}
          focus={focus}
          name={name}
          areas={areas}
          k={k}
          children={children}
          westEast={we}
        />
        <Freshness
          l={l}
          salesAsOf={salesAsOf}
          areasAsOf={areasAsOf}
          source={await readSource(c.get('deps'))}
        />
        <ProduceKpiSection l={l} k={produce} />
        {collective}
      </>,
    );
  });

  app.get('/impact/poverty', async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const db = c.get('deps').h.db;
    const focus = focusOf(c, actor);
    const level = (
      ['province', 'regency', 'district', 'village'].includes(c.req.query('level') ?? '')
        ? c.req.query('level')
        : 'district'
    ) as Level;
    const scope = focus === 'all' ? 'all' : [focus];
    const years = await surveyWaves(db, scope);
    const asked = Number(c.req.query('year'));
    const year = years.includes(asked) ? asked : (years[0] ?? null);
    const { rows, areasAsOf } =
      year === null
        ? { rows: [], areasAsOf: null }
        : await runRead(c.get('deps'), povertyRowsRead, scope, level, year);
    const areas = await areasFor(db, actor, c.get('locale'));
    return page(
      c,
      { title: t(c.get('locale'), 'impact.poverty.title') },
      <>
        <PovertyPage
          c={c}
          focus={focus}
          level={level}
          year={year}
          years={years}
          rows={rows}
          areas={areas}
        />
        <Freshness
          l={c.get('locale')}
          areasAsOf={areasAsOf}
          source={await readSource(c.get('deps'))}
        />
      </>,
    );
  });

  app.on('GET', bothFormats('/impact/export'), async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const db = c.get('deps').h.db;
    const focus = focusOf(c, actor);
    const sheet = await runRead(
      c.get('deps'),
      panelSheetRead,
      focus === 'all' ? 'all' : [focus],
      c.get('deps').config.secret,
    );
    await audit(db, {
      actorId: actor.userId,
      action: 'impact.panel.exported',
      entityType: 'panel_export',
      entityId: focus,
    });
    c.header('cache-control', 'no-store');
    return sendSheet(c, `lumbung-panel-${focus.replace(/\./g, '')}`, sheet);
  });
  return app;
}
