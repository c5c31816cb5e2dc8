// Form inputs of the partners domain (pages post urlencoded forms; values arrive as strings).
import { z } from 'zod';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.bad_format');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.bad_format');
const httpsUrl = z
  .string()
  .max(500)
  .url('validation.bad_format')
  .refine((u) => /^https?:\/\//.test(u), 'validation.bad_format');

export const registerPartnerSchema = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(['marketplace', 'social_commerce', 'retailer', 'aggregator']),
  webhook_url: z.union([z.literal(''), httpsUrl]).optional(),
  contact_name: z.string().trim().min(2).max(120),
  contact_phone: z.string().trim().min(8).max(20),
});

export const webhookSchema = z.object({
  webhook_url: z.union([z.literal(''), httpsUrl]),
  rotate: z.literal('1').optional(),
});

export const offerSchema = z.object({
  target: z.string().regex(/^(umkm|organisation):[A-Za-z0-9_]{4,40}$/, 'partners.unknown_target'),
  commission_pct: z.coerce.number().min(0).max(50),
  ships_by: z.enum(['lumbung', 'partner']),
  terms: z.string().trim().min(5).max(2000),
  starts_on: isoDate,
  ends_on: z.union([z.literal(''), isoDate]).optional(),
});

export const ruleSchema = z.object({
  period,
  scope_code: z.union([
    z.literal(''),
    z.string().regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/, 'validation.bad_format'),
  ]),
  kind: z.enum(['gmv_percent', 'first_sales_bonus', 'poverty_multiplier', 'monthly_cap']),
  amount: z.coerce.number().int().min(0).max(1_000_000_000),
  count: z.union([z.literal(''), z.coerce.number().int().min(1).max(1000)]).optional(),
});

export const issueSchema = z.object({
  partner_id: z.string().min(4).max(40),
  period,
  scope_code: z.union([
    z.literal(''),
    z.string().regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/, 'validation.bad_format'),
  ]),
});
