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
import { areasRefreshedAt, summaryCells } from './area-summary.queries.js';
import type { Db } from '../../kernel/db/index.js';

// The nation and provinces read sales and the other blocks from the precomputed summaries once
// each has been refreshed (`salesAsOf`, `areasAsOf` say when, for the page); until then, and
// for smaller areas, they read live.
export const kpiPageRead = readModel('impact.kpi_page', async (db, focus: Focus) => {
  const salesAsOf = readsSummary(focus) ? await salesRefreshedAt(db) : null;
  const areasAsOf = readsSummary(focus) ? await areasRefreshedAt(db) : null;
  const from = { sales: salesAsOf, areas: areasAsOf };
  const children = await childBreakdown(db, focus, undefined, from);
  return {
    k: await kpisFor(db, focus, undefined, from),
    children,
    // The national breakdown is the page's own children: computed once.
    westEast: focus === 'all' ? await westEast(db, undefined, from, children) : null,
    salesAsOf,
    areasAsOf,
  };
});

/** When a scope's survey figures come from the precomputed cells: its refresh time, else null. */
export async function cellsAsOf(db: Db, scope: 'all' | string[]): Promise<string | null> {
  const national = scope === 'all' || (scope.length === 1 && readsSummary(scope[0]!));
  return national ? areasRefreshedAt(db) : null;
}

/** Poverty by area at `level` for survey wave `year`, with the areas' names (cells as above). */
export const povertyRowsRead = readModel(
  'impact.poverty_rows',
  async (db, scope: 'all' | string[], level: Level, year: number) => {
    const areasAsOf = await cellsAsOf(db, scope);
    const cells =
      areasAsOf !== null
        ? await summaryCells(db, scope, year)
        : await householdCells(
            db,
            scope,
            new Map((await villageCohorts(db, scope)).map((v) => [v.code, v])),
            await lineBook(db),
            year,
          );
    const pov = povertyBy(cells, level);
    const nameOf = await regionNames(
      db,
      pov.map((r) => r.code),
    );
    return { rows: pov.map((r) => ({ ...r, name: nameOf.get(r.code) ?? r.code })), areasAsOf };
  },
);

export const panelSheetRead = readModel(
  'impact.panel_sheet',
  (db, scope: 'all' | string[], secret: string) => exportPanelSheet(db, scope, secret),
);

export const impactReads = [kpiPageRead, povertyRowsRead, panelSheetRead];
