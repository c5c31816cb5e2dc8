// CLI of the regions domain: `lumbung import regions`, `lumbung import profiles FILE.csv`, and
// the startup task that loads the official areas on first start (or after a package update).
import { readFileSync } from 'node:fs';
import { progressBar, type Command, type StartupTask } from '../../kernel/cli/index.js';
import type { Db } from '../../kernel/db/index.js';
import { t } from '../../kernel/i18n/index.js';
import { importRegions, packageVersion } from './region-import.js';
import { importProfilesCsv } from './profiles.service.js';

/** True when no areas are stored yet, or they came from another idn-area-data version. */
export async function regionsNeedImport(db: Db): Promise<boolean> {
  const stale = await db
    .selectFrom('regions')
    .select('code')
    .where('source_version', '!=', packageVersion())
    .limit(1)
    .executeTakeFirst();
  if (stale) return true;
  const any = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .limit(1)
    .executeTakeFirst();
  return !any;
}

async function runImport(db: Db): Promise<void> {
  const bar = progressBar('regions');
  const r = await importRegions(db, { onProgress: (d, total) => bar.update(d, total) });
  bar.done(
    `${r.provinces} provinces, ${r.regencies} regencies, ${r.districts} districts, ${r.villages} villages (idn-area-data ${r.version}); ${r.inserted} new, ${r.updated} updated`,
  );
}

/** Loads the official areas on first start, or after an idn-area-data update. */
export const importRegionsAtStartup: StartupTask = async (h) => {
  if (await regionsNeedImport(h.db)) await runImport(h.db);
};

export const regionsCommands: Record<string, Command> = {
  'import regions': {
    usage:
      "import regions              load/update Indonesia's official areas (idn-area-data, Kemendagri 2025)",
    async run(_args, ctx) {
      const h = await ctx.open();
      try {
        await runImport(h.db);
        return 0;
      } finally {
        await h.close();
      }
    },
  },
  'import profiles': {
    usage:
      'import profiles FILE.csv [--valid-rows]   village profiles (PODES-like CSV or XLSX); all or nothing unless --valid-rows',
    async run(args, ctx) {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) {
        ctx.stderr('usage: lumbung import profiles FILE.csv [--valid-rows]\n');
        return 2;
      }
      let text: Uint8Array;
      try {
        // Bytes, not text: the file may be CSV or XLSX (told apart by its first bytes).
        text = new Uint8Array(readFileSync(file));
      } catch {
        ctx.stderr(`cannot read ${file}\n`);
        return 2;
      }
      const h = await ctx.open();
      try {
        const r = await importProfilesCsv(h.db, 'system', text, {
          mode: args.includes('--valid-rows') ? 'valid' : 'all',
        });
        for (const e of r.errors)
          ctx.stderr(`line ${e.line}, ${e.column}: ${t('en', e.key, e.params)}\n`);
        ctx.stdout(
          `profiles: ${r.rows} rows, ${r.imported} imported, ${r.skipped} skipped${r.errors.length && !r.imported ? ' — nothing imported (use --valid-rows to import the valid rows)' : ''}\n`,
        );
        return r.errors.length && r.mode === 'all' ? 1 : 0;
      } finally {
        await h.close();
      }
    },
  },
};
