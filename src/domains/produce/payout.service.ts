// Payout of a settled lot (settling is settle.service.ts).
// Paying out shares the pool by net kilos × grade factor (payout-split.ts), deducts each
// farmer's advances and issues one statement per farmer, in one transaction that also moves
// the lot from `settled` to `paid` by a conditional UPDATE: an unsettled lot or a second
// payout is refused and writes nothing. An issued statement is never changed: a later change
// of the pool (a late cost, a price adjustment) is a correction statement per farmer holding
// only the difference between the new split and what the earlier statements gave.
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { gradeOf } from './commodities.js';
import { farmerPaid, publishMoneyEvent } from './money-events.js';
import { splitByContribution } from './payout-split.js';
import { priceBasisOn } from './prices.service.js';
import { contributionsOf, managedLot } from './lots.service.js';

const bad = (field: string, key: string) => fail('VALIDATION_FAILED', {}, { [field]: { key } });

interface FarmerShare {
  producerId: string;
  share: number;
  byGrade: { grade: string; netG: number; factor: number; amount: number }[];
}

/** The lot's pool shared by contribution: per farmer, and within a farmer per grade. */
async function shares(tx: Tx, lotId: string, commodity: string, pool: number) {
  const cs = await contributionsOf(tx, lotId);
  const factor = (grade: string) => gradeOf(commodity, grade)?.factorPermille ?? 0;
  const perFarmer = splitByContribution(
    pool,
    cs.map((c) => ({ key: c.producer_id, weight: c.net_g * factor(c.grade) })),
  );
  const out: FarmerShare[] = [];
  for (const [producerId, share] of perFarmer) {
    const grams = new Map<string, number>();
    for (const c of cs.filter((x) => x.producer_id === producerId))
      grams.set(c.grade, (grams.get(c.grade) ?? 0) + c.net_g);
    const perGrade = splitByContribution(
      share,
      [...grams].map(([grade, g]) => ({ key: grade, weight: g * factor(grade) })),
    );
    out.push({
      producerId,
      share,
      byGrade: [...grams].map(([grade, netG]) => ({
        grade,
        netG,
        factor: factor(grade),
        amount: perGrade.get(grade) ?? 0,
      })),
    });
  }
  return { out, contributions: cs };
}

/** Advances of a farmer's intakes in this lot, pro rata to the grams of each intake the lot holds. */
async function advancesIn(
  tx: Tx,
  contributions: { intake_id: string; net_g: number; producer_id: string }[],
) {
  if (!contributions.length) return new Map<string, number>();
  const intakes = await tx
    .selectFrom('produce_intakes')
    .select(['id', 'net_g', 'advance'])
    .where(
      'id',
      'in',
      contributions.map((c) => c.intake_id),
    )
    .execute();
  const byId = new Map(intakes.map((i) => [i.id, i]));
  const out = new Map<string, number>();
  for (const c of contributions) {
    const i = byId.get(c.intake_id);
    if (!i?.advance) continue;
    const part = Number((BigInt(i.advance) * BigInt(c.net_g)) / BigInt(i.net_g));
    out.set(c.producer_id, (out.get(c.producer_id) ?? 0) + part);
  }
  return out;
}

const statementNumber = (id: string, at: string) => `PBY-${at.slice(0, 4)}-${id.slice(-6)}`;

/** Pays out a settled lot: one statement per farmer; refused for an unsettled or paid lot. */
export async function payOutLot(
  db: Tx,
  actor: Actor,
  lotId: string,
): Promise<Result<{ statements: number; paid: number }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (lot.status === 'paid') return fail('PRODUCE_ALREADY_PAID');
  if (lot.status !== 'settled') return fail('PRODUCE_LOT_NOT_SETTLED');
  const at = nowIso();
  return inTransactionResult(db, async (tx) => {
    const r = await tx
      .updateTable('produce_lots')
      .set({ status: 'paid' })
      .where('id', '=', lot.id)
      .where('status', '=', 'settled')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('PRODUCE_ALREADY_PAID');
    const s = await tx
      .selectFrom('produce_settlements')
      .selectAll()
      .where('lot_id', '=', lot.id)
      .executeTakeFirstOrThrow();
    const { out, contributions } = await shares(tx, lot.id, lot.commodity, s.distributable);
    const advances = await advancesIn(tx, contributions);
    const lastDay = await tx
      .selectFrom('produce_intakes')
      .select((eb) => eb.fn.max('received_on').as('d'))
      .where(
        'id',
        'in',
        contributions.map((c) => c.intake_id),
      )
      .executeTakeFirst();
    let paid = 0;
    for (const f of out) {
      const advance = advances.get(f.producerId) ?? 0;
      const lines = [];
      for (const g of f.byGrade) {
        const price = await priceBasisOn(
          tx,
          lot.organisation_id,
          lot.commodity,
          g.grade,
          String(lastDay?.d ?? at.slice(0, 10)),
        );
        lines.push({
          kind: 'share' as const,
          grade: g.grade,
          net_g: g.netG,
          factor_permille: g.factor,
          price_per_kg: price?.price_per_kg ?? null,
          amount: g.amount,
          note: null,
        });
      }
      if (advance > 0)
        lines.push({
          kind: 'advance' as const,
          grade: null,
          net_g: null,
          factor_permille: null,
          price_per_kg: null,
          amount: -advance,
          note: null,
        });
      const total = f.share - advance;
      const amount = Math.max(0, total);
      paid += amount;
      const id = await writeStatement(
        tx,
        actor,
        lot,
        f.producerId,
        'original',
        total,
        amount,
        lines,
        at,
      );
      await publishMoneyEvent(tx, farmerPaid, id, {
        statementId: id,
        lotId: lot.id,
        producerId: f.producerId,
        organisationId: lot.organisation_id,
        share: f.share,
        advanceDeducted: Math.min(advance, f.share),
        amount,
        kind: 'original' as const,
        at,
      });
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_pay_out',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { farmers: out.length, distributable: s.distributable, paid },
    });
    return ok({ statements: out.length, paid });
  });
}

async function writeStatement(
  tx: Tx,
  actor: Actor,
  lot: { id: string; organisation_id: string; region_code: string },
  producerId: string,
  kind: 'original' | 'correction',
  total: number,
  paidAmount: number,
  lines: {
    kind: 'share' | 'advance' | 'correction';
    grade: string | null;
    net_g: number | null;
    factor_permille: number | null;
    price_per_kg: number | null;
    amount: number;
    note: string | null;
  }[],
  at: string,
): Promise<string> {
  const id = newId('pst');
  await tx
    .insertInto('produce_statements')
    .values({
      id,
      number: statementNumber(id, at),
      lot_id: lot.id,
      producer_id: producerId,
      organisation_id: lot.organisation_id,
      region_code: lot.region_code,
      kind,
      total,
      paid_amount: paidAmount,
      issued_by: actor.userId,
      issued_at: at,
    })
    .execute();
  let n = 0;
  for (const l of lines)
    await tx
      .insertInto('produce_statement_lines')
      .values({ ...l, statement_id: id, line_no: ++n })
      .execute();
  return id;
}

/**
 * Changes a paid lot's pool by `delta` (a late cost is negative, an extra payment from the
 * buyer positive): the new pool is split again and each farmer gets a correction statement
 * with the difference to what the earlier statements shared. Earlier statements stay as issued.
 */
export async function correctPayout(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: { delta: number; reason: string },
): Promise<Result<{ statements: number }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (lot.status !== 'paid') return fail('PRODUCE_LOT_NOT_PAID');
  if (!Number.isSafeInteger(input.delta) || input.delta === 0)
    return bad('delta', 'produce.err.delta');
  const at = nowIso();
  return inTransactionResult(db, async (tx) => {
    const before = await tx
      .selectFrom('produce_statement_lines as l')
      .innerJoin('produce_statements as s', 's.id', 'l.statement_id')
      .select(['s.producer_id', (eb) => eb.fn.sum<number>('l.amount').as('amount')])
      .where('s.lot_id', '=', lot.id)
      .where('l.kind', 'in', ['share', 'correction'])
      .groupBy('s.producer_id')
      .execute();
    const shared = new Map(before.map((b) => [b.producer_id, Number(b.amount)]));
    const pool = [...shared.values()].reduce((a, b) => a + b, 0) + input.delta;
    if (pool < 0) return bad('delta', 'produce.err.delta_too_low');
    const { out } = await shares(tx, lot.id, lot.commodity, pool);
    let n = 0;
    for (const f of out) {
      const diff = f.share - (shared.get(f.producerId) ?? 0);
      if (diff === 0) continue;
      n++;
      const line = {
        kind: 'correction' as const,
        grade: null,
        net_g: null,
        factor_permille: null,
        price_per_kg: null,
        amount: diff,
        note: input.reason,
      };
      const amount = Math.max(0, diff);
      const id = await writeStatement(
        tx,
        actor,
        lot,
        f.producerId,
        'correction',
        diff,
        amount,
        [line],
        at,
      );
      await publishMoneyEvent(tx, farmerPaid, id, {
        statementId: id,
        lotId: lot.id,
        producerId: f.producerId,
        organisationId: lot.organisation_id,
        share: diff,
        advanceDeducted: 0,
        // What is handed over: a negative difference pays nothing (the farmer owes it back).
        amount,
        kind: 'correction' as const,
        at,
      });
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.payout_correct',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { delta: input.delta, statements: n, reason: input.reason },
    });
    return ok({ statements: n });
  });
}
