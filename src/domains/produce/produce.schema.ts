// Inputs of the produce domain, one zod schema per input. Pages post kilograms and percents as
// a person types them ("62,5"); the API posts whole grams and per mille. Both reach the same
// services, which check the rules that need the database (scope, grade table, price basis) and
// answer every bad value with a field message key in the user's language.
import { z } from 'zod';
import { normaliseMobile } from '../../kernel/auth/index.js';
import { COMMODITY_KEYS } from './commodities.js';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, { message: min <= 1 ? 'validation.required' : 'validation.too_short' })
    .max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
const id = z.string().trim().min(1).max(64);
export const dateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'produce.err.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'produce.err.date' });
const villageCode = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'produce.err.village' });
const optionalMobile = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = normaliseMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return n;
  });
const consent = z
  .union([z.literal(true), z.literal('1'), z.literal('on')], {
    message: 'produce.err.consent',
  })
  .transform(() => true as const);
const commodity = z.enum(COMMODITY_KEYS as [string, ...string[]], {
  message: 'produce.err.commodity',
});

/**
 * A decimal a person typed ("62,5", "62.5") scaled to an integer: kilograms → grams (1000),
 * percent → per mille (10). Negative numbers get their own message; more decimals than the
 * scale holds are refused rather than rounded.
 */
export const scaled = (scale: 10 | 1000, opts: { required: boolean }) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') {
        if (opts.required) ctx.addIssue({ code: 'custom', message: 'validation.required' });
        return opts.required ? z.NEVER : null;
      }
      const s = v.replace(',', '.');
      if (/^-/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.negative' });
        return z.NEVER;
      }
      const decimals = scale === 1000 ? 3 : 1;
      if (!new RegExp(`^\\d{1,7}(\\.\\d{1,${decimals}})?$`).test(s)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.number' });
        return z.NEVER;
      }
      const [whole, frac = ''] = s.split('.');
      return Number(whole) * scale + Number(frac.padEnd(decimals, '0'));
    });
const rupiahText = (required: boolean) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const s = v.replace(/[.\s]/g, '');
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: 'validation.required' });
        return required ? z.NEVER : 0;
      }
      if (/^-/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.negative' });
        return z.NEVER;
      }
      if (!/^\d{1,13}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.rupiah' });
        return z.NEVER;
      }
      return Number(s);
    });

// ---- producers

export const producerFormSchema = z.object({
  consent,
  full_name: text(2, 120),
  phone: optionalMobile,
  organisation_id: id,
  village_code: villageCode,
  commodity: commodity,
  area_m2: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,9}$/.test(v) || Number(v) === 0) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.area' });
        return z.NEVER;
      }
      return Number(v);
    }),
});

export const producerApiSchema = z
  .object({
    consent: z.literal(true, { message: 'produce.err.consent' }),
    fullName: text(2, 120),
    phone: z.string().trim().max(20).nullable().optional(),
    organisationId: id,
    villageCode,
    plots: z
      .array(
        z
          .object({
            commodity,
            areaM2: z.number().int().positive().max(1_000_000_000).nullable().optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();

// ---- intakes

/** A form's grade select posts `commodity:grade` (one select, grouped by commodity, no script). */
const commodityGrade = z
  .string()
  .trim()
  .regex(/^[a-z_]{2,32}:[a-z0-9]{1,8}$/, { message: 'produce.err.grade' })
  .transform((v) => {
    const [commodity, grade] = v.split(':');
    return { commodity, grade };
  });

export const intakeFormSchema = z.object({
  producer_id: id,
  grade: commodityGrade,
  gross_kg: scaled(1000, { required: true }),
  tare_kg: scaled(1000, { required: false }),
  moisture_pct: scaled(10, { required: true }),
  measure: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (/^-/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.negative' });
        return z.NEVER;
      }
      if (!/^\d{1,6}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.number' });
        return z.NEVER;
      }
      return Number(v);
    }),
  received_on: dateSchema,
  advance: rupiahText(false),
});

export const intakeApiSchema = z
  .object({
    producerId: id,
    commodity,
    grade: z.string().trim().min(1).max(16),
    grossGrams: z.number().int().max(100_000_000),
    tareGrams: z.number().int().max(100_000_000).default(0),
    moisturePermille: z.number().int().min(0).max(1000),
    measure: z.number().int().min(0).max(1_000_000).nullable().optional(),
    receivedOn: dateSchema,
    advance: z.number().int().min(0).max(1_000_000_000_000).default(0),
  })
  .strict();

export const correctionFormSchema = intakeFormSchema
  .omit({ producer_id: true, advance: true })
  .extend({ reason: text(3, 300) });

// ---- prices

export const priceFormSchema = z.object({
  organisation_id: id,
  grade: commodityGrade,
  valid_from: dateSchema,
  valid_to: dateSchema,
  price_per_kg: rupiahText(true),
  trader_price_per_kg: rupiahText(false),
});

// ---- lots

export const lotFormSchema = z.object({
  organisation_id: id,
  name: text(3, 120),
  intake_ids: z.union([id, z.array(id)]).transform((v) => (Array.isArray(v) ? v : [v])),
});

export const lossFormSchema = z.object({
  stage: z.enum(['drying', 'hulling', 'sorting', 'other'], { message: 'validation.not_allowed' }),
  weight_after_kg: scaled(1000, { required: true }),
  reason: text(3, 300),
});

export const splitFormSchema = z.object({
  weight_kg: scaled(1000, { required: true }),
  name: text(3, 120),
});

export const mergeFormSchema = z.object({ other_lot_id: id, merge_name: text(3, 120) });

export const saleFormSchema = z.object({
  buyer_name: text(2, 160),
  price_total: rupiahText(true),
  sold_on: dateSchema,
  documents: optionalText(1000),
});

/** "Jual lewat katalog": the seller UMKM, the product name, kilos per pack, price per pack. */
export const lotListingFormSchema = z.object({
  umkm_id: z.string().trim().max(64),
  name: text(3, 120),
  pack_kg: scaled(1000, { required: true }),
  price_per_pack: rupiahText(true),
});

export const settleFormSchema = z.object({
  // Not asked for a catalogue lot (its orders say what came in); a trader lot's 0 is refused.
  proceeds: z.preprocess((v) => v ?? '', rupiahText(false)),
  margin_pct: scaled(10, { required: false }),
  processing_cost: rupiahText(false),
  logistics_cost: rupiahText(false),
  platform_fee: rupiahText(false),
});

export const correctionLineFormSchema = z.object({
  delta: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const s = v.replace(/[.\s]/g, '');
      if (!/^-?\d{1,13}$/.test(s) || Number(s) === 0) {
        ctx.addIssue({ code: 'custom', message: 'produce.err.delta' });
        return z.NEVER;
      }
      return Number(s);
    }),
  reason: text(3, 300),
});
