// Standing orders: a buyer (signed in) or an agent for a household at their point (with the
// household's consent) subscribes to items of a repeating cycle — e.g. 2 kg beras every market
// day. Each later opening of the series places the order (standing-place.ts); the subscriber
// may skip the next one, pause, resume or cancel. Who may manage one: its buyer, an agent of
// its point, or a coordinator of its organisation.
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { newId } from '../../kernel/ids/index.js';
import { normaliseMobile } from '../../kernel/auth/index.js';
import type { PaymentMethod } from '../orders/index.js';
import type { StandingOrdersTable } from './collective.tables.js';
import { agentPoints, coordinates } from './access.js';
import { recordEvent } from './record.js';

export const MAX_STANDING_QTY = 999;

export interface SubscribeInput {
  cycleId: string;
  lines: { variantId: string; qty: number }[];
  buyer: { name: string; phone?: string | null };
  servicePointId: string;
  paymentMethod: PaymentMethod;
  /** An agent recording it for a household at their own point (cash at the point). */
  assisted?: { agentServicePointId: string; consent: boolean };
}

const fieldFail = (code: string, field: string, key: string) =>
  fail(code, {}, { [field]: { key } });

/** Records a standing order on a repeating cycle's series; nothing is written on bad input. */
export async function subscribe(
  db: Tx,
  actor: Actor | null,
  input: SubscribeInput,
): Promise<Result<string>> {
  if (!actor) return fail('COLLECTIVE_SIGN_IN_TO_SUBSCRIBE');
  const cycle = await db
    .selectFrom('cycles')
    .select(['id', 'series_id', 'organisation_id', 'repeat'])
    .where('id', '=', String(input.cycleId))
    .executeTakeFirst();
  if (!cycle) return fail('NOT_FOUND');
  if (cycle.repeat === 'none' || !cycle.series_id) return fail('COLLECTIVE_NOT_REPEATING');
  const name = (input.buyer?.name ?? '').trim();
  if (name.length < 2 || name.length > 100)
    return fieldFail('COLLECTIVE_STANDING_NAME', 'name', 'collective.err.standing_name');
  const rawPhone = (input.buyer?.phone ?? '').trim();
  const phone = rawPhone ? normaliseMobile(rawPhone) : null;
  // Orders need a phone to reach the buyer, except a household's order kept by its agent.
  if ((rawPhone || !input.assisted) && !phone)
    return fieldFail('COLLECTIVE_STANDING_PHONE', 'phone', 'collective.err.standing_phone');
  const lines = input.lines ?? [];
  if (!lines.length)
    return fieldFail('COLLECTIVE_STANDING_NO_LINES', 'lines', 'collective.err.no_lines');
  if (new Set(lines.map((l) => l.variantId)).size !== lines.length)
    return fieldFail('COLLECTIVE_DUPLICATE', 'lines', 'collective.err.duplicate');
  for (const l of lines)
    if (!Number.isInteger(l.qty) || l.qty < 1 || l.qty > MAX_STANDING_QTY)
      return fieldFail('COLLECTIVE_STANDING_QTY', 'lines', 'collective.err.bad_qty');
  const offered = new Set(
    (
      await db
        .selectFrom('cycle_products')
        .select('variant_id')
        .where('cycle_id', '=', cycle.id)
        .execute()
    ).map((p) => p.variant_id),
  );
  if (lines.some((l) => !offered.has(String(l.variantId)))) return fail('COLLECTIVE_NOT_IN_CYCLE');
  const point = await db
    .selectFrom('cycle_points')
    .select('service_point_id')
    .where('cycle_id', '=', cycle.id)
    .where('service_point_id', '=', String(input.servicePointId))
    .executeTakeFirst();
  if (!point)
    return fieldFail(
      'COLLECTIVE_POINT_NOT_IN_CYCLE',
      'service_point',
      'collective.err.point_not_in_cycle',
    );
  const assisted = input.assisted;
  if (assisted) {
    // The agent records for a household only at their own point, in cash, with consent.
    if (
      !agentPoints(actor).includes(assisted.agentServicePointId) ||
      assisted.agentServicePointId !== point.service_point_id
    )
      return fail('FORBIDDEN');
    if (assisted.consent !== true)
      return fieldFail('ORDERS_CONSENT_REQUIRED', 'consent', 'orders.err.consent_required');
  }
  const method = assisted ? 'cod' : input.paymentMethod;
  if (!['cod', 'transfer', 'qris'].includes(method)) return fail('ORDERS_BAD_METHOD');
  const id = newId('sto');
  const at = nowIso();
  return inTransactionResult(db, async (tx) => {
    await tx
      .insertInto('standing_orders')
      .values({
        id,
        series_id: cycle.series_id!,
        organisation_id: cycle.organisation_id,
        service_point_id: point.service_point_id,
        buyer_name: name,
        buyer_phone: phone,
        buyer_user_id: assisted ? null : actor.userId,
        agent_user_id: assisted ? actor.userId : null,
        consent_at: assisted ? at : null,
        payment_method: method,
        status: 'active',
        skip_next: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await tx
      .insertInto('standing_order_lines')
      .values(lines.map((l) => ({ standing_order_id: id, variant_id: l.variantId, qty: l.qty })))
      .execute();
    await recordEvent(tx, {
      actorId: actor.userId,
      kind: 'collective.standing_created',
      entityType: 'standing_order',
      entityId: id,
      data: { series: cycle.series_id, lines: lines.length, assisted: !!assisted },
    });
    return ok(id);
  });
}

/** True when the actor is the standing order's buyer, an agent of its point or its coordinator. */
export function manages(actor: Actor | null, so: StandingOrdersTable): boolean {
  if (!actor) return false;
  return (
    so.buyer_user_id === actor.userId ||
    agentPoints(actor).includes(so.service_point_id) ||
    coordinates(actor, so.organisation_id)
  );
}

export type StandingAction = 'skip' | 'unskip' | 'pause' | 'resume' | 'cancel';
export const STANDING_ACTIONS: StandingAction[] = ['skip', 'unskip', 'pause', 'resume', 'cancel'];

/** Each action's allowed starting statuses and its effect; a cancelled one is final. */
const MOVES: Record<
  StandingAction,
  { from: StandingOrdersTable['status'][]; set: Partial<StandingOrdersTable> }
> = {
  skip: { from: ['active', 'paused'], set: { skip_next: 1 } },
  unskip: { from: ['active', 'paused'], set: { skip_next: 0 } },
  pause: { from: ['active'], set: { status: 'paused' } },
  resume: { from: ['paused'], set: { status: 'active' } },
  cancel: { from: ['active', 'paused'], set: { status: 'cancelled', skip_next: 0 } },
};

/** Skip the next opening, pause, resume or cancel; a move from the wrong status is refused. */
export async function changeStanding(
  db: Tx,
  actor: Actor | null,
  id: string,
  action: StandingAction,
): Promise<Result<StandingOrdersTable['status']>> {
  const move = MOVES[action];
  if (!move) return fail('COLLECTIVE_BAD_ACTION');
  const so = await db
    .selectFrom('standing_orders')
    .selectAll()
    .where('id', '=', String(id))
    .executeTakeFirst();
  if (!so || !manages(actor, so)) return fail('NOT_FOUND');
  return inTransactionResult(db, async (tx) => {
    // Conditional on the status read: a concurrent cancel wins over a late pause.
    const moved = await tx
      .updateTable('standing_orders')
      .set({ ...move.set, updated_at: nowIso() })
      .where('id', '=', so.id)
      .where('status', 'in', move.from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      return fail('COLLECTIVE_STANDING_STATE', { status: so.status });
    await recordEvent(tx, {
      actorId: actor!.userId,
      kind: `collective.standing_${action}`,
      entityType: 'standing_order',
      entityId: so.id,
    });
    return ok((move.set.status ?? so.status) as StandingOrdersTable['status']);
  });
}
