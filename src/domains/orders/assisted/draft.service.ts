// The neighbour's shopping list: the agent adds items from several searches to one draft (one
// per agent and point, kept on the server so it works with JavaScript off and survives a
// dropped connection), sees the full amount to collect — goods, shipping per seller, fees —
// and places it as one assisted order. Every read and write names the agent AND the point,
// so nobody else's list is ever seen or changed. The villager's name and phone are stored
// only together with their consent, and the draft is deleted when the order is placed.
import { inTransactionResult, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { withVariants, type CartItem } from '../orders.queries.js';
import { saleVariantsByIds } from '../../catalog/index.js';
import type { CartSeller, CartView } from '../cart/cart.service.js';
import { previewCart, type Preview } from '../checkout/preview.js';
import { checkoutBatcher } from '../checkout/group-commit.js';
import { MAX_LINES, MAX_QTY } from '../checkout/place-order.js';

export interface Owner {
  agentId: string;
  pointId: string;
}

export interface Draft {
  id: string | null;
  /** The order group this list becomes: minted with the list, so placing it twice places once. */
  groupId: string | null;
  buyerName: string | null;
  buyerPhone: string | null;
  consented: boolean;
  cart: CartView;
}

async function draftRow(db: Tx, o: Owner) {
  return db
    .selectFrom('assisted_drafts')
    .selectAll()
    .where('agent_user_id', '=', o.agentId)
    .where('service_point_id', '=', o.pointId)
    .executeTakeFirst();
}

async function draftItems(db: Tx, draftId: string): Promise<CartItem[]> {
  const lines = await db
    .selectFrom('assisted_draft_lines')
    .select(['variant_id', 'qty'])
    .where('draft_id', '=', draftId)
    .orderBy('added_at')
    .orderBy('variant_id')
    .execute();
  return withVariants(db, lines);
}

/** The lines grouped by seller, as the checkout preview reads them. */
function asCart(id: string, items: CartItem[]): CartView {
  const sellers = new Map<string, CartSeller>();
  let blocked = false;
  for (const it of items) {
    const problem = !it.listed ? 'not_listed' : it.qty > it.available ? 'stock' : null;
    if (problem) blocked = true;
    const s = sellers.get(it.umkm_id) ?? {
      umkmId: it.umkm_id,
      umkmName: it.umkm_name,
      items: [],
      subtotal: 0,
    };
    s.items.push({ ...it, lineTotal: it.price * it.qty, problem });
    s.subtotal += it.price * it.qty;
    sellers.set(it.umkm_id, s);
  }
  const list = [...sellers.values()];
  return {
    id,
    sellers: list,
    itemsTotal: list.reduce((a, s) => a + s.subtotal, 0),
    count: items.reduce((a, i) => a + i.qty, 0),
    blocked,
  };
}

/** The agent's current list at this point (empty when there is none). */
export async function loadDraft(db: Tx, o: Owner): Promise<Draft> {
  const row = await draftRow(db, o);
  const items = row ? await draftItems(db, row.id) : [];
  return {
    id: row?.id ?? null,
    groupId: row?.group_id ?? null,
    buyerName: row?.buyer_name ?? null,
    buyerPhone: row?.buyer_phone ?? null,
    consented: !!row?.consent_at,
    cart: asCart(row?.id ?? '', items),
  };
}

/** What the villager pays: per seller goods + shipping to the point, the agent's commission out of the platform fee. */
export async function priceDraft(db: Tx, d: Draft, pointVillage: string): Promise<Preview> {
  return previewCart(db, d.cart, pointVillage, true);
}

/** Adds quantities to the list (summing with what is there); unknown or unlisted variants are refused. */
export async function addToDraft(
  db: Tx,
  o: Owner,
  lines: { variantId: string; qty: number }[],
): Promise<Result<null>> {
  if (lines.length === 0) return fail('ORDERS_EMPTY');
  for (const l of lines)
    if (!Number.isInteger(l.qty) || l.qty <= 0 || l.qty > MAX_QTY)
      return fail('ORDERS_BAD_QTY', { max: MAX_QTY });
  return inTransactionResult(db, async (tx) => {
    const known = await saleVariantsByIds(
      tx,
      lines.map((l) => l.variantId),
    );
    const buyable = (id: string) => !!known.get(id)?.active && !!known.get(id)?.listed;
    const bad = lines.find((l) => !buyable(l.variantId));
    if (bad) return fail('ORDERS_UNKNOWN_VARIANT', { variant: bad.variantId.slice(0, 40) });
    const at = nowIso();
    let row = await draftRow(tx, o);
    if (!row) {
      row = {
        id: newId('adr'),
        agent_user_id: o.agentId,
        service_point_id: o.pointId,
        buyer_name: null,
        buyer_phone: null,
        consent_at: null,
        group_id: newId('grp'),
        created_at: at,
        updated_at: at,
      };
      await tx.insertInto('assisted_drafts').values(row).execute();
    }
    const have = new Map(
      (
        await tx
          .selectFrom('assisted_draft_lines')
          .select(['variant_id', 'qty'])
          .where('draft_id', '=', row.id)
          .execute()
      ).map((r) => [r.variant_id, r.qty]),
    );
    for (const l of lines) {
      const before = have.get(l.variantId);
      const qty = Math.min(MAX_QTY, (before ?? 0) + l.qty);
      if (before === undefined) {
        if (have.size >= MAX_LINES) return fail('ORDERS_DRAFT_FULL', { max: MAX_LINES });
        await tx
          .insertInto('assisted_draft_lines')
          .values({ draft_id: row.id, variant_id: l.variantId, qty, added_at: at })
          .execute();
      } else
        await tx
          .updateTable('assisted_draft_lines')
          .set({ qty })
          .where('draft_id', '=', row.id)
          .where('variant_id', '=', l.variantId)
          .execute();
      have.set(l.variantId, qty);
    }
    await tx
      .updateTable('assisted_drafts')
      .set({ updated_at: at })
      .where('id', '=', row.id)
      .execute();
    return ok(null);
  });
}

/** Takes one line off the agent's own list (someone else's list is never touched). */
export async function removeFromDraft(db: Tx, o: Owner, variantId: string): Promise<void> {
  const row = await draftRow(db, o);
  if (!row) return;
  await db
    .deleteFrom('assisted_draft_lines')
    .where('draft_id', '=', row.id)
    .where('variant_id', '=', variantId)
    .execute();
}

/** Keeps the villager's name and phone on the list, only when they consented. */
export async function keepBuyer(
  db: Tx,
  o: Owner,
  buyer: { name: string; phone: string; consent: boolean },
): Promise<void> {
  if (!buyer.consent) return;
  await db
    .updateTable('assisted_drafts')
    .set({
      buyer_name: buyer.name.trim().slice(0, 100) || null,
      buyer_phone: buyer.phone.trim().slice(0, 20) || null,
      consent_at: nowIso(),
      updated_at: nowIso(),
    })
    .where('agent_user_id', '=', o.agentId)
    .where('service_point_id', '=', o.pointId)
    .execute();
}

/**
 * Places the list as one assisted order (cash at the point) at the prices and total the agent
 * showed the villager: a price, shipping or stock that moved since is refused with the new
 * total, and nothing is placed. The list is deleted with the order placed.
 */
export async function placeDraft(
  db: Tx,
  o: Owner,
  pointVillage: string,
  input: { name: string; phone: string; consent: boolean; expectedTotal: number },
  actor: Actor,
): Promise<Result<{ groupId: string }>> {
  const d = await loadDraft(db, o);
  if (!d.id || d.cart.count === 0) return fail('ORDERS_DRAFT_EMPTY');
  if (!input.consent) return fail('ORDERS_CONSENT_REQUIRED');
  const price = await priceDraft(db, d, pointVillage);
  if (price.total !== input.expectedTotal) {
    await keepBuyer(db, o, input);
    return fail('ORDERS_TOTAL_CHANGED', { total: formatRupiah(price.total) });
  }
  const r = await checkoutBatcher(db).place(
    {
      lines: d.cart.sellers.flatMap((s) =>
        s.items.map((i) => ({ variantId: i.variant_id, qty: i.qty, expectedUnitPrice: i.price })),
      ),
      buyer: { name: input.name, phone: input.phone },
      delivery: { kind: 'pickup', servicePointId: o.pointId },
      paymentMethod: 'cod',
      channel: 'assisted',
      agentServicePointId: o.pointId,
      consent: true,
      groupId: d.groupId ?? undefined,
    },
    actor,
  );
  if (r.ok || (r.code === 'ORDERS_GROUP_TAKEN' && d.groupId)) {
    // Taken: placed before, and the list outlived it (a crash between the two): it is that order.
    await dropDraft(db, d.id);
    return ok({ groupId: r.ok ? r.value.groupId : d.groupId! });
  }
  await keepBuyer(db, o, input);
  return r;
}

async function dropDraft(db: Tx, id: string): Promise<void> {
  await inTransactionResult(db, async (tx) => {
    await tx.deleteFrom('assisted_draft_lines').where('draft_id', '=', id).execute();
    await tx.deleteFrom('assisted_drafts').where('id', '=', id).execute();
    return ok(null);
  });
}
