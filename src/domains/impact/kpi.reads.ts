// The impact pages' heavy reads as read models (kernel/offloop): at national scope they take
// about a second of SQLite CPU, so on a SQLite file they run in the read worker and never stall
// other requests. Each returns everything its page needs in one call.
import { readModel } from '../../kernel/offloop/index.js';
import { childBreakdown, kpisFor, westEast, type Focus } from './kpi.queries.js';
import { householdCells, povertyBy } from './outcomes.queries.js';
import { villageCohorts } from './regions.queries.js';
import { regionNames } from '../regions/index.js';
import { lineBook } from './poverty-lines.js';
import { exportPanelSheet } from './export.js';
import type { Level } from './region-groups.js';
import { readsSummary, salesRefreshedAt } from './sales-summary.queries.js';

// The nation and provinces read sales from the precomputed summary once it has been refreshed
// (`salesAsOf` says when, for the page); smaller areas read the orders live.
export const kpiPageRead = readModel('impact.kpi_page', async (db, focus: Focus) => {
  const salesAsOf = readsSummary(focus) ? await salesRefreshedAt(db) : null;
  const summary = salesAsOf !== null;
  return {
    k: await kpisFor(db, focus, undefined, summary),
    children: await childBreakdown(db, focus, undefined, summary),
    westEast: focus === 'all' ? await westEast(db, undefined, summary) : null,
    salesAsOf,
  };
});

/** Poverty by area at `level` for survey wave `year`, with the areas' names. */
export const povertyRowsRead = readModel(
  'impact.poverty_rows',
  async (db, scope: 'all' | string[], level: Level, year: number) => {
    const villages = await villageCohorts(db, scope);
    const cells = await householdCells(
      db,
      scope,
      new Map(villages.map((v) => [v.code, v])),
      await lineBook(db),
      year,
    );
    const pov = povertyBy(cells, level);
    const nameOf = await regionNames(
      db,
      pov.map((r) => r.code),
    );
    return pov.map((r) => ({ ...r, name: nameOf.get(r.code) ?? r.code }));
  },
);

export const panelSheetRead = readModel(
  'impact.panel_sheet',
  (db, scope: 'all' | string[], secret: string) => exportPanelSheet(db, scope, secret),
);

export const impactReads = [kpiPageRead, povertyRowsRead, panelSheetRead];
