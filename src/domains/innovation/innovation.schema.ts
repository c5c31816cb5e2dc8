// Inputs of the innovation centre: the review form (fields per applicable checklist item),
// its JSON equivalent, and the value-add record. Text never carries HTML.
import { z } from '@hono/zod-openapi';
import type { ChecklistKey } from './checklist.js';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^<>]*$/, { message: 'validation.no_html' });
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'innovation.err.date' });
const rupiah = z.coerce
  .number({ message: 'validation.wrong_type' })
  .int({ message: 'innovation.err.whole_rupiah' })
  .min(0, { message: 'innovation.err.negative' })
  .max(1_000_000_000);
const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), s.nullable().optional());

/** The review form: `<key>_result` pass|fail, `<key>_comment`, `<key>_task` per item, one due date and mentor. */
export function reviewFormSchema(keys: readonly ChecklistKey[]) {
  const shape: Record<string, z.ZodType> = {
    due_on: optional(date),
    mentor_user_id: optional(z.string().max(40)),
  };
  for (const k of keys) {
    shape[`${k}_result`] = z.enum(['pass', 'fail'], {
      message: 'innovation.err.checklist_incomplete',
    });
    shape[`${k}_comment`] = text(1000).optional().default('');
    shape[`${k}_task`] = text(200).optional().default('');
  }
  return z.object(shape);
}

export const ItemResultSchema = z
  .object({
    key: z.string().max(40).openapi({ example: 'packaging' }),
    passed: z.boolean(),
    comment: text(1000).default(''),
    taskTitle: text(200).nullable().optional().openapi({
      description: 'Own wording of the improvement task; omitted = the suggested task',
    }),
    dueOn: date.nullable().optional(),
  })
  .strict()
  .openapi('ReviewItemResult');

export const CompleteReviewSchema = z
  .object({
    items: z.array(ItemResultSchema).max(20),
    dueOn: date.nullable().optional().openapi({ example: '2026-12-31' }),
    mentorUserId: z.string().max(40).nullable().optional(),
  })
  .strict()
  .openapi('CompleteReview');

export const valueAddFormSchema = z.object({
  raw_cost_before: rupiah,
  price_before: rupiah,
  raw_cost_after: rupiah,
  price_after: rupiah,
  weight_grams: optional(z.coerce.number().int().min(1).max(1_000_000)),
  note: optional(text(500)),
});

export const ValueAddSchema = z
  .object({
    rawCostBefore: z.number().int().min(0, { message: 'innovation.err.negative' }),
    priceBefore: z.number().int().min(0, { message: 'innovation.err.negative' }),
    rawCostAfter: z.number().int().min(0, { message: 'innovation.err.negative' }),
    priceAfter: z.number().int().min(0, { message: 'innovation.err.negative' }),
    weightGrams: z.number().int().min(1).nullable().optional(),
    note: text(500).nullable().optional(),
  })
  .strict()
  .openapi('ValueAddInput');
