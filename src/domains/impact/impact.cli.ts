// `lumbung impact export-panel [--region 53.09] [--out FILE]`: the pseudonymised village panel
// as CSV (salted with LUMBUNG_SECRET), ready for `lumbung did` or R/Stata.
import { writeFileSync } from 'node:fs';
import type { Command } from '../../kernel/cli/index.js';
import { loadConfig } from '../../kernel/config.js';
import { exportPanelCsv } from './export.js';

export const impactCommands: Record<string, Command> = {
  'impact export-panel': {
    usage:
      'impact export-panel [--region CODE] [--out FILE]   pseudonymised village panel (CSV) for analysis',
    async run(args, ctx) {
      const opt = (name: string) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const region = opt('--region');
      if (region !== undefined && !/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(region)) {
        ctx.stderr(`invalid --region '${region}' (e.g. 53.09)\n`);
        return 2;
      }
      const h = await ctx.open();
      try {
        const csv = await exportPanelCsv(h.db, region ? [region] : 'all', loadConfig().secret);
        const out = opt('--out');
        if (out) writeFileSync(out, csv);
        else ctx.stdout(csv);
        return 0;
      } finally {
        await h.close();
      }
    },
  },
};
