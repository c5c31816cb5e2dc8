// `lumbung demo remove`: takes the demo world's accounts out of a database that is to run in
// production (see demo-accounts.ts for exactly what is removed and what stays).
import type { Command } from '../../kernel/cli/index.js';
import { demoAccountsLeft, removeDemoAccounts } from './demo-accounts.js';

export const accountsCommands: Record<string, Command> = {
  'demo remove': {
    usage:
      'demo remove                 disable every demo account (password, phone, grants, sessions, tokens removed) before production',
    async run(_args, ctx) {
      const h = await ctx.open();
      try {
        const removed = await removeDemoAccounts(h.db);
        const left = await demoAccountsLeft(h.db);
        ctx.stdout(
          `demo remove: ${removed} demo account(s) disabled; their sessions, API tokens, grants and invitations deleted.\n` +
            'Demo records (UMKM, products, orders marked is_demo) stay; for a clean production, start from an empty database.\n',
        );
        return left === 0 ? 0 : 1;
      } finally {
        await h.close();
      }
    },
  },
};
