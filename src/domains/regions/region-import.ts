// Loads Indonesia's official administrative areas from the `idn-area-data` package
// (Kemendagri 2025; ODbL). Idempotent: rows are upserted by code, so a second run changes
// nothing and a newer package version renames areas without breaking references.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { readCsv } from '../../kernel/csv/index.js';
import type { Db } from '../../kernel/db/index.js';
import type { RegionsTable } from './regions.tables.js';

const require = createRequire(import.meta.url);

export function dataDir(): string {
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

export function packageVersion(): string {
  return (
    JSON.parse(
      readFileSync(
        join(dirname(require.resolve('idn-area-data/package.json')), 'package.json'),
        'utf8',
      ),
    ) as { version: string }
  ).version;
}

/** Lower-case, accent-free form used for case- and accent-insensitive prefix search. */
export function normaliseName(name: string): string {
  // Apostrophes join (Regapu’u → regapuu) so "regapuu" and "regapu'u" both find it.
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2018\u2019`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The data rows of one of the package's CSV files (its header dropped). */
function packageCsv(file: string): string[][] {
  const read = readCsv(readFileSync(join(dataDir(), file), 'utf8'));
  if (!read.ok) throw new Error(`idn-area-data ${file}: unclosed quote on line ${read.line}`);
  return read.records.slice(1).map((r) => r.cells);
}

/** Village type from the first digit of the last segment: 1 kelurahan, 2 desa, 3 desa adat. */
export function villageKind(code: string): string {
  const d = code.split('.')[3]?.[0];
  return d === '1' ? 'kelurahan' : d === '3' ? 'desa_adat' : 'desa';
}

export function regionRows(filter?: (code: string) => boolean): RegionsTable[] {
  const v = packageVersion();
  const keep = filter ?? (() => true);
  const rows: RegionsTable[] = [];
  for (const [code, name] of packageCsv('provinces.csv'))
    if (keep(code))
      rows.push({
        code,
        parent_code: null,
        level: 1,
        name,
        name_norm: normaliseName(name),
        kind: 'provinsi',
        source_version: v,
      });
  for (const [code, parent, name] of packageCsv('regencies.csv'))
    if (keep(code))
      rows.push({
        code,
        parent_code: parent,
        level: 2,
        name,
        name_norm: normaliseName(name.replace(/^(Kabupaten|Kota)\s+/i, '')),
        kind: /^Kota\s/i.test(name) ? 'kota' : 'kabupaten',
        source_version: v,
      });
  for (const [code, parent, name] of packageCsv('districts.csv'))
    if (keep(code))
      rows.push({
        code,
        parent_code: parent,
        level: 3,
        name,
        name_norm: normaliseName(name),
        kind: 'kecamatan',
        source_version: v,
      });
  for (const [code, parent, name] of packageCsv('villages.csv'))
    if (keep(code))
      rows.push({
        code,
        parent_code: parent,
        level: 4,
        name,
        name_norm: normaliseName(name),
        kind: villageKind(code),
        source_version: v,
      });
  return rows;
}

export interface ImportResult {
  provinces: number;
  regencies: number;
  districts: number;
  villages: number;
  inserted: number;
  updated: number;
  version: string;
}

/** The distinct words of an area's name as search matches them. */
export function nameWords(r: Pick<RegionsTable, 'name' | 'level'>): string[] {
  return [...new Set(normaliseName(r.name).split(' ').filter(Boolean))];
}

/**
 * Upserts the areas in batches inside one transaction, with their search words. Only rows
 * whose name, parent, kind or source version differ are written, so a second run writes
 * nothing. `prefixes` limits the import to some regions (plus all provinces and regencies) —
 * test worlds use it to stay small. Codes that disappear from a newer package are kept:
 * other tables reference them.
 */
export async function importRegions(
  db: Db,
  opts: { prefixes?: string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const prefixes = opts.prefixes;
  const rows = regionRows(
    prefixes
      ? (code) =>
          code.split('.').length <= 2 ||
          prefixes.some((p) => code === p || code.startsWith(p + '.'))
      : undefined,
  );
  const before = await db
    .selectFrom('regions')
    .select(['code', 'name', 'parent_code', 'kind', 'source_version'])
    .execute();
  const existing = new Map(before.map((r) => [r.code, r]));
  const changed = rows.filter((r) => {
    const e = existing.get(r.code);
    return (
      !e ||
      e.name !== r.name ||
      e.parent_code !== r.parent_code ||
      e.kind !== r.kind ||
      e.source_version !== r.source_version
    );
  });
  const renamed = changed
    .filter((r) => existing.has(r.code) && existing.get(r.code)!.name !== r.name)
    .map((r) => r.code);
  const fresh = changed.filter(
    (r) => !existing.has(r.code) || existing.get(r.code)!.name !== r.name,
  );
  const batch = 500;
  // Parents before children, so the foreign keys of the word index always hold.
  const total = changed.length + fresh.length;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < changed.length; i += batch) {
      await tx
        .insertInto('regions')
        .values(changed.slice(i, i + batch))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({
            name: sql`excluded.name`,
            name_norm: sql`excluded.name_norm`,
            parent_code: sql`excluded.parent_code`,
            kind: sql`excluded.kind`,
            source_version: sql`excluded.source_version`,
          }),
        )
        .execute();
      opts.onProgress?.(Math.min(i + batch, changed.length), total);
    }
    for (let i = 0; i < renamed.length; i += batch) {
      await tx
        .deleteFrom('region_words')
        .where('code', 'in', renamed.slice(i, i + batch))
        .execute();
    }
    const words = fresh.flatMap((r) =>
      nameWords(r).map((word) => ({ word, code: r.code, level: r.level })),
    );
    for (let i = 0; i < words.length; i += batch * 2) {
      await tx
        .insertInto('region_words')
        .values(words.slice(i, i + batch * 2))
        .execute();
      opts.onProgress?.(
        changed.length + Math.round(((i + batch * 2) / words.length) * fresh.length),
        total,
      );
    }
  });
  opts.onProgress?.(total, total);
  const count = (lvl: number) => rows.filter((r) => r.level === lvl).length;
  const inserted = changed.filter((r) => !existing.has(r.code)).length;
  return {
    provinces: count(1),
    regencies: count(2),
    districts: count(3),
    villages: count(4),
    inserted,
    updated: changed.length - inserted,
    version: packageVersion(),
  };
}

/** Counts of stored areas by level (provinces, regencies, districts, villages). */
export async function regionCounts(
  db: Db,
): Promise<{ provinces: number; regencies: number; districts: number; villages: number }> {
  const rows = await db
    .selectFrom('regions')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
  const by = (l: number) => Number(rows.find((r) => Number(r.level) === l)?.n ?? 0);
  return { provinces: by(1), regencies: by(2), districts: by(3), villages: by(4) };
}
