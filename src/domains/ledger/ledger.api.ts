// JSON API of the ledger under /api/v1/ledger: balances, an account's statement and the trial
// balance, each in the caller's scope (access.ts). camelCase, problem+json errors.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, requireRole } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { hasRole } from '../../kernel/auth/index.js';
import { LEDGER_READERS, accountsOfActor, mayReadAccount, mayReconcile } from './access.js';
import { reconcileOrganisation } from './organisation-reconciliation.js';
import { balances, statement, trialBalance } from './reports.js';
import { periodOf } from './period.js';

const tags = ['ledger'];
const security = [{ bearer: [] }];
const P = '/api/v1/ledger';
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: z.any() } },
};
const jsonOf = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const dateSchema = z.string().max(10).refine(isDate, { message: 'validation.bad_format' });
const accountSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z_]+(:[A-Za-z0-9_]{1,64})?$/, { message: 'validation.bad_format' });

const BalanceList = z
  .object({
    date: z.string().nullable(),
    items: z.array(z.object({ account: z.string(), balance: z.number().int() })),
  })
  .openapi('LedgerBalances');
const Statement = z
  .object({
    account: z.string(),
    from: z.string(),
    to: z.string(),
    opening: z.number().int(),
    closing: z.number().int(),
    lines: z.array(
      z.object({
        transactionId: z.string(),
        kind: z.string(),
        postedAt: z.string(),
        orderId: z.string().nullable(),
        amount: z.number().int(),
        balance: z.number().int(),
      }),
    ),
  })
  .openapi('LedgerStatement');
const Trial = z
  .object({
    total: z.number().int(),
    transactions: z.number().int(),
    unbalanced: z.array(z.string()),
    rows: z.array(
      z.object({
        kind: z.string(),
        debits: z.number().int(),
        credits: z.number().int(),
        net: z.number().int(),
      }),
    ),
  })
  .openapi('LedgerTrialBalance');

const Reconciliation = z
  .object({
    from: z.string(),
    to: z.string(),
    bankTotal: z.number().int(),
    ledgerTotal: z.number().int(),
    matched: z.number().int(),
    rows: z.array(
      z.object({
        kind: z.enum(['in_bank_only', 'in_ledger_only', 'amount_differs']),
        bookedOn: z.string().nullable(),
        reference: z.string().nullable(),
        description: z.string().nullable(),
        bank: z.number().int(),
        ledger: z.number().int(),
      }),
    ),
  })
  .openapi('LedgerOrganisationReconciliation');

export function ledgerApi() {
  const app = createApiApp();
  const db = (c: { get(k: 'deps'): { h: { db: any } } }) => c.get('deps').h.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/balances`,
      tags,
      security,
      summary: 'Balances of the caller’s accounts (all accounts for national staff) at a date',
      request: {
        query: z.object({ date: dateSchema.optional(), account: accountSchema.optional() }),
      },
      responses: {
        200: jsonOf(BalanceList, 'Balances'),
        401: problem,
        403: problem,
        404: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...LEDGER_READERS);
      const q = c.req.valid('query');
      let accounts: string[] | undefined;
      if (q.account) {
        if (!(await mayReadAccount(db(c), actor, q.account)))
          throw new AppError('LEDGER_NOT_FOUND');
        accounts = [q.account];
      } else if (!hasRole(actor, 'national_admin')) accounts = accountsOfActor(actor);
      const items = await balances(db(c), { accounts, date: q.date });
      return c.json({ date: q.date ?? null, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/accounts/{code}/statement`,
      tags,
      security,
      summary: 'Statement of one ledger account with its running balance',
      request: {
        params: z.object({ code: accountSchema }),
        query: z.object({ from: dateSchema.optional(), to: dateSchema.optional() }),
      },
      responses: {
        200: jsonOf(Statement, 'Statement'),
        401: problem,
        403: problem,
        404: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...LEDGER_READERS);
      const { code } = c.req.valid('param');
      const q = c.req.valid('query');
      // Another owner's account does not exist for this caller.
      if (!(await mayReadAccount(db(c), actor, code))) throw new AppError('LEDGER_NOT_FOUND');
      const period = periodOf(q.from, q.to);
      if (!period.ok) throw new AppError(period.code);
      const s = await statement(db(c), code, period.value);
      return c.json({ account: code, ...period.value, ...s }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/trial-balance`,
      tags,
      security,
      summary: 'Trial balance of the whole ledger at a date (national staff)',
      request: { query: z.object({ date: dateSchema.optional() }) },
      responses: {
        200: jsonOf(Trial, 'Trial balance'),
        401: problem,
        403: problem,
        422: problem,
      },
    }),
    async (c) => {
      requireRole(c, 'national_admin');
      const tb = await trialBalance(db(c), { date: c.req.valid('query').date });
      return c.json(tb, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/organisations/{organisationId}/reconciliation`,
      tags,
      security,
      summary:
        "A BUMDes/koperasi's imported bank statement against its cash account (its managers, national staff)",
      request: {
        params: z.object({ organisationId: z.string().min(1).max(64) }),
        query: z.object({ from: dateSchema.optional(), to: dateSchema.optional() }),
      },
      responses: {
        200: jsonOf(Reconciliation, 'What the bank and the ledger disagree on'),
        401: problem,
        403: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'community_manager', 'national_admin');
      const { organisationId } = c.req.valid('param');
      if (!mayReconcile(actor, organisationId)) throw new AppError('FORBIDDEN');
      const q = c.req.valid('query');
      const period = periodOf(q.from, q.to);
      if (!period.ok) throw new AppError(period.code);
      return c.json(
        await reconcileOrganisation(db(c), organisationId, period.value.from, period.value.to),
        200,
      );
    },
  );
  return app;
}
