// A checkout request: the one zod schema of what a buyer asks for (lines, buyer, delivery,
// payment), shared by the JSON API (its body is this schema plus the cart), the storefront form
// (its fields are mapped onto it) and the batcher (every checkout is parsed by it before
// anything is read). Failures come back as the domain's error codes (ORDERS_BAD_PHONE, …) with
// a message per field, so the API, the form and the agent's screen say the same thing.
import { z } from 'zod';
import { fail, ok, type FieldErrors, type Result } from '../../../kernel/errors/index.js';
import { normaliseMobile, scopeIds, type Actor } from '../../../kernel/auth/index.js';
import type { Channel } from '../orders.tables.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../payment-methods.js';

export const MAX_LINES = 50;
export const MAX_QTY = 999;
export const CHANNELS = [
  'storefront',
  'assisted',
  'partner',
  'api',
] as const satisfies readonly Channel[];
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export const checkoutLine = z
  .object({
    variantId: z.string().min(1).max(40),
    qty: z.number().int().min(1).max(MAX_QTY),
    /** The unit price the buyer saw; a different current price is refused (409). */
    expectedUnitPrice: z.number().int().optional(),
  })
  .strict();

export const deliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pickup'), servicePointId: z.string().min(1).max(40) }).strict(),
  z
    .object({
      kind: z.literal('address'),
      villageCode: z.string().regex(VILLAGE_CODE, { message: 'orders.err.bad_region' }),
      address: z.string().trim().min(5, 'orders.err.bad_address').max(300),
    })
    .strict(),
]);

const buyerSchema = z
  .object({
    name: z.string().trim().min(2, 'orders.err.bad_name').max(100, 'orders.err.bad_name'),
    /** Required but for assisted orders (a villager without a phone); normalised to E.164. */
    phone: z.string().max(30).nullable().optional(),
  })
  .strict();

/** The fields every checkout has, whoever sends it. */
export const checkoutFields = z
  .object({
    lines: z.array(checkoutLine).min(1).max(MAX_LINES),
    buyer: buyerSchema,
    delivery: deliverySchema,
    paymentMethod: z.enum(PAYMENT_METHODS),
    /** A client-minted id (`grp_…`) for a NEW group; a group another checkout made is refused. */
    groupId: z.string().max(40).optional(),
  })
  .strict();

/** A phone that is given must be a mobile number; only an assisted order may have none. */
export function phoneRule(
  v: { buyer: { phone?: string | null }; channel?: string },
  ctx: z.RefinementCtx,
) {
  // Runs even when other fields failed (so every problem shows at once): buyer may be missing.
  const phone = (v.buyer?.phone ?? '').trim();
  if (phone ? !normaliseMobile(phone) : v.channel !== 'assisted')
    ctx.addIssue({ code: 'custom', path: ['buyer', 'phone'], message: 'orders.err.bad_phone' });
}

/** A checkout as the batcher takes it: the fields, plus who places it and through which door. */
export const checkoutRequest = checkoutFields
  .extend({
    buyer: buyerSchema.extend({ userId: z.string().max(40).nullable().optional() }),
    channel: z.enum(CHANNELS),
    partnerId: z.string().max(40).nullable().optional(),
    agentServicePointId: z.string().max(40).nullable().optional(),
    /** Assisted orders: the villager agreed to their name (and phone) being recorded. */
    consent: z.boolean().optional(),
  })
  .superRefine(phoneRule);

export type PlaceOrderInput = z.input<typeof checkoutRequest>;
export type Delivery = z.infer<typeof deliverySchema>;

/** A parsed checkout: lines merged per variant, name trimmed, phone in E.164, buyer's account decided. */
export type Prepared = Omit<z.infer<typeof checkoutRequest>, 'buyer'> & {
  buyer: { name: string; phone: string | null; userId: string | null };
};

export interface PlacedOrder {
  id: string;
  number: string;
  umkmId: string;
  total: number;
}

export interface Placed {
  groupId: string;
  orders: PlacedOrder[];
  total: number;
  paymentMethod: PaymentMethod;
}

type Failure = { code: string; field?: string; params?: Record<string, unknown> };

/** What a zod issue at `path` means to a buyer: the domain's code and the form field it is about. */
function failureAt(path: PropertyKey[], input: PlaceOrderInput): Failure {
  const [head, i, leaf] = path;
  if (head === 'lines') {
    if (path.length === 1)
      return input.lines?.length
        ? { code: 'ORDERS_TOO_MANY_LINES', params: { max: MAX_LINES } }
        : { code: 'ORDERS_EMPTY' };
    const variant = String(input.lines?.[Number(i)]?.variantId ?? '').slice(0, 40);
    if (leaf === 'qty')
      return { code: 'ORDERS_BAD_QTY', field: 'qty', params: { max: MAX_QTY, variant } };
    return { code: 'ORDERS_UNKNOWN_VARIANT', params: { variant } };
  }
  if (head === 'buyer')
    return leaf === 'name' || i === 'name'
      ? { code: 'ORDERS_BAD_NAME', field: 'name' }
      : { code: 'ORDERS_BAD_PHONE', field: 'phone' };
  if (head === 'delivery') {
    if (i === 'villageCode') return { code: 'ORDERS_BAD_REGION', field: 'village' };
    if (i === 'address') return { code: 'ORDERS_BAD_ADDRESS', field: 'address' };
    return { code: 'ORDERS_UNKNOWN_SERVICE_POINT', field: 'service_point' };
  }
  if (head === 'paymentMethod') return { code: 'ORDERS_BAD_METHOD', field: 'payment' };
  if (head === 'consent') return { code: 'ORDERS_CONSENT_REQUIRED', field: 'consent' };
  return { code: 'VALIDATION_FAILED' };
}

const MESSAGE: Record<string, string> = {
  ORDERS_BAD_QTY: 'orders.err.bad_qty',
  ORDERS_BAD_NAME: 'orders.err.bad_name',
  ORDERS_BAD_PHONE: 'orders.err.bad_phone',
  ORDERS_BAD_REGION: 'orders.err.bad_region',
  ORDERS_BAD_ADDRESS: 'orders.err.bad_address',
  ORDERS_UNKNOWN_SERVICE_POINT: 'orders.err.unknown_service_point',
  ORDERS_BAD_METHOD: 'orders.err.bad_method',
  ORDERS_CONSENT_REQUIRED: 'orders.err.consent_required',
};

/**
 * Parses a checkout with the schema, then decides what only the actor can: an assisted order
 * is placed by an agent of that very point, for pickup there, in cash, with consent; a partner
 * order by that partner; a buyer's own order is theirs only when they are signed in. Every
 * field's problem comes back in `fields` (keyed by the form's field names); the code is the first.
 */
export function parseCheckout(input: PlaceOrderInput, actor: Actor | null): Result<Prepared> {
  const r = checkoutRequest.safeParse(input);
  if (!r.success) {
    const fields: FieldErrors = {};
    let first: Failure | null = null;
    for (const issue of r.error.issues) {
      const f = failureAt(issue.path, input);
      first ??= f;
      if (f.field && !fields[f.field] && MESSAGE[f.code])
        fields[f.field] = { key: MESSAGE[f.code], params: f.params };
    }
    return fail(first!.code, first!.params ?? {}, fields);
  }
  const v = r.data;
  const merged = new Map<string, (typeof v.lines)[number]>();
  for (const l of v.lines) {
    const prev = merged.get(l.variantId);
    if (prev) prev.qty += l.qty;
    else merged.set(l.variantId, { ...l });
  }
  for (const l of merged.values())
    if (l.qty > MAX_QTY) return fail('ORDERS_BAD_QTY', { max: MAX_QTY, variant: l.variantId });
  const phone = v.buyer.phone?.trim() ? normaliseMobile(v.buyer.phone) : null;

  let userId: string | null = null;
  if (v.channel === 'assisted') {
    const sp = v.agentServicePointId ?? '';
    if (!scopeIds(actor, 'service_point', ['village_agent']).includes(sp)) return fail('FORBIDDEN');
    if (v.delivery.kind !== 'pickup' || v.delivery.servicePointId !== sp)
      return fail('ORDERS_UNKNOWN_SERVICE_POINT');
    if (v.paymentMethod !== 'cod') return fail('ORDERS_BAD_METHOD');
    if (v.consent !== true)
      return fail(
        'ORDERS_CONSENT_REQUIRED',
        {},
        { consent: { key: 'orders.err.consent_required' } },
      );
  } else if (v.channel === 'partner') {
    if (!v.partnerId || !scopeIds(actor, 'partner', ['partner']).includes(v.partnerId))
      return fail('FORBIDDEN');
  } else {
    userId =
      actor?.via === 'session'
        ? actor.userId
        : v.buyer.userId && actor?.userId === v.buyer.userId
          ? actor.userId
          : null;
  }
  return ok({ ...v, lines: [...merged.values()], buyer: { name: v.buyer.name, phone, userId } });
}
