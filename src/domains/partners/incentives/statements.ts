// Incentive rules and statements. Officers define rules per month and scope; a statement is
// computed from delivered, not-returned partner orders and frozen when issued: its lines are
// never edited. Issuing again for the same month gives a correction statement holding only
// the differences, so every rupiah stays traceable to an order and a rule.
import { newId } from '../../../kernel/ids/index.js';
import { inTransaction, nowIso, isPostgres, type Tx } from '../../../kernel/db/index.js';
import { audit } from '../../../kernel/audit/index.js';
import { canInRegion, hasRole, type Actor } from '../../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { sql } from 'kysely';
import type { IncentiveRuleKind } from '../partners.tables.js';
import { computeLines, correctionLines, type Line } from './compute.js';
import { eligibleOrders, rulesFor } from './incentives.queries.js';
import { incentiveIssued } from './events.js';
import { orderSellers } from '../../orders/index.js';

/** May the actor set incentives for this scope ('' = national)? */
export function canManageIncentives(actor: Actor, scopeCode: string): boolean {
  if (hasRole(actor, 'national_admin')) return true;
  return scopeCode !== '' && canInRegion(actor, ['regional_officer'], scopeCode);
}

export async function defineRule(
  db: Tx,
  actor: Actor,
  r: {
    period: string;
    scopeCode: string;
    kind: IncentiveRuleKind;
    amount: number;
    count: number | null;
  },
): Promise<Result<string>> {
  if (!canManageIncentives(actor, r.scopeCode)) return fail('FORBIDDEN');
  if (r.kind === 'first_sales_bonus' && !(r.count && r.count > 0))
    return fail('VALIDATION_FAILED', {}, { count: { key: 'partners.count_required' } });
  if (r.kind === 'poverty_multiplier' && r.amount < 1000)
    return fail('VALIDATION_FAILED', {}, { amount: { key: 'partners.multiplier_min' } });
  if (r.kind === 'gmv_percent' && r.amount > 10000)
    return fail('VALIDATION_FAILED', {}, { amount: { key: 'partners.percent_max' } });
  const issued = await db
    .selectFrom('incentive_statements')
    .select('id')
    .where('period', '=', r.period)
    .where('scope_code', '=', r.scopeCode)
    .executeTakeFirst();
  const id = newId('inr');
  await db
    .insertInto('incentive_rules')
    .values({
      id,
      period: r.period,
      scope_code: r.scopeCode,
      kind: r.kind,
      amount: r.amount,
      count: r.kind === 'first_sales_bonus' ? r.count : null,
      created_by: actor.userId,
      created_at: nowIso(),
    })
    .execute();
  await audit(db, {
    actorId: actor.userId,
    action: 'incentive.rule',
    entityType: 'incentive_rule',
    entityId: id,
    data: {
      period: r.period,
      scope: r.scopeCode,
      kind: r.kind,
      amount: r.amount,
      afterIssue: !!issued,
    },
  });
  return ok(id);
}

export async function previewStatement(
  db: Tx,
  partnerId: string,
  period: string,
  scopeCode: string,
): Promise<Line[]> {
  return computeLines(
    await rulesFor(db, period, scopeCode),
    await eligibleOrders(db, partnerId, period, scopeCode),
  );
}

export async function issueStatement(
  db: Tx,
  actor: Actor,
  partnerId: string,
  period: string,
  scopeCode: string,
): Promise<Result<{ id: string; number: string; total: number; correction: boolean }>> {
  if (!canManageIncentives(actor, scopeCode)) return fail('FORBIDDEN');
  const partner = await db
    .selectFrom('partners')
    .select('id')
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) return fail('NOT_FOUND');
  if (period >= nowIso().slice(0, 7)) return fail('PARTNERS_PERIOD_OPEN');
  return inTransaction(db, async (tx) => {
    // One issuer at a time per database, so two clicks cannot issue the month twice.
    if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(7270009)`.execute(tx);
    const earlier = await tx
      .selectFrom('incentive_statements')
      .select('id')
      .where('partner_id', '=', partnerId)
      .where('period', '=', period)
      .where('scope_code', '=', scopeCode)
      .orderBy('issued_at')
      .execute();
    const now = await previewStatement(tx, partnerId, period, scopeCode);
    let lines = now;
    if (earlier.length) {
      const issued = await tx
        .selectFrom('incentive_lines')
        .select(['order_id', 'rule_id', 'kind', 'base', 'amount', 'note'])
        .where(
          'statement_id',
          'in',
          earlier.map((s) => s.id),
        )
        .execute();
      lines = correctionLines(
        issued.map((l) => ({
          orderId: l.order_id,
          ruleId: l.rule_id,
          kind: l.kind as IncentiveRuleKind,
          base: Number(l.base),
          amount: Number(l.amount),
          note: l.note,
        })),
        now,
      );
      if (lines.length === 0) return fail('PARTNERS_STATEMENT_UNCHANGED');
    }
    const seq =
      Number(
        (
          await tx
            .selectFrom('incentive_statements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('period', '=', period)
            .executeTakeFirstOrThrow()
        ).n,
      ) + 1;
    const id = newId('ins');
    const number = `INS-${period}-${String(seq).padStart(4, '0')}`;
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const issuedAt = nowIso();
    await tx
      .insertInto('incentive_statements')
      .values({
        id,
        number,
        partner_id: partnerId,
        period,
        scope_code: scopeCode,
        corrects_id: earlier[0]?.id ?? null,
        total,
        issued_at: issuedAt,
        issued_by: actor.userId,
      })
      .execute();
    if (lines.length) {
      await tx
        .insertInto('incentive_lines')
        .values(
          lines.map((l) => ({
            id: newId('inl'),
            statement_id: id,
            order_id: l.orderId,
            rule_id: l.ruleId,
            kind: l.kind,
            base: l.base,
            amount: l.amount,
            note: l.note,
          })),
        )
        .execute();
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'incentive.issue',
      entityType: 'incentive_statement',
      entityId: id,
      data: { partnerId, period, total, lines: lines.length },
    });
    await incentiveIssued.publish(tx, { statementId: id, partnerId, total, issuedAt });
    return ok({ id, number, total, correction: earlier.length > 0 });
  });
}

/** A statement with its lines and each line's order number, for the page, CSV and print. */
export async function statementWithLines(db: Tx, id: string) {
  const st = await db
    .selectFrom('incentive_statements')
    .innerJoin('partners', 'partners.id', 'incentive_statements.partner_id')
    .selectAll('incentive_statements')
    .select('partners.name as partner_name')
    .where('incentive_statements.id', '=', id)
    .executeTakeFirst();
  if (!st) return null;
  const rows = await db
    .selectFrom('incentive_lines')
    .select(['id', 'order_id', 'kind', 'base', 'amount', 'note'])
    .where('statement_id', '=', id)
    .orderBy('order_id')
    .orderBy('kind')
    .execute();
  // Each line names its order by number and seller: one batched read from orders.
  const orders = await orderSellers(
    db,
    rows.flatMap((l) => (l.order_id ? [l.order_id] : [])),
  );
  const lines = rows.map((l) => ({
    id: l.id,
    order_id: l.order_id,
    order_number: (l.order_id && orders.get(l.order_id)?.number) || null,
    umkm_id: (l.order_id && orders.get(l.order_id)?.umkmId) || null,
    kind: l.kind,
    base: l.base,
    amount: l.amount,
    note: l.note,
  }));
  return { ...st, lines };
}
