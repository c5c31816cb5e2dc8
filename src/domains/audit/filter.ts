// The audit filter as people and API clients give it: entity type and id, actor, a date range
// (whole days in the reader's zone) and a paging cursor. Bad input is named per field.
import { z } from '@hono/zod-openapi';
import type { IndonesianZone } from '../../kernel/i18n/index.js';
import type { AuditFilter } from '../../kernel/audit/index.js';

const OFFSET_HOURS: Record<IndonesianZone, number> = { WIB: 7, WITA: 8, WIT: 9 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const FilterQuery = z.object({
  entityType: z
    .string()
    .max(60)
    .regex(/^[a-z_]*$/)
    .optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(60).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  before: z.string().max(12).regex(/^\d*$/).optional(),
});
export type FilterInput = z.infer<typeof FilterQuery>;

export type ReadFilter = Omit<AuditFilter, 'entityTypes'> & { entityType?: string };

function validDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The start of a local day in `zone`, as a UTC ISO instant. */
function dayStart(day: string, zone: IndonesianZone, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays, -OFFSET_HOURS[zone])).toISOString();
}

/** The filter, or the message keys of the fields that are wrong. */
export function parseFilter(
  raw: FilterInput,
  zone: IndonesianZone,
): { ok: true; filter: ReadFilter } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const v = (s: string | undefined) => (s ?? '').trim();
  if (v(raw.from) && !validDay(v(raw.from))) fields.from = 'audit.err.date';
  if (v(raw.to) && !validDay(v(raw.to))) fields.to = 'audit.err.date';
  if (!fields.from && !fields.to && v(raw.from) && v(raw.to) && v(raw.from) > v(raw.to))
    fields.to = 'audit.err.range';
  if (v(raw.entityType) && !/^[a-z_]{1,60}$/.test(v(raw.entityType)))
    fields.entityType = 'audit.err.type';
  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true,
    filter: {
      entityType: v(raw.entityType) || undefined,
      entityId: v(raw.entityId) || undefined,
      actorId: v(raw.actorId) || undefined,
      from: v(raw.from) ? dayStart(v(raw.from), zone) : undefined,
      // "to" is the last day included: rows before the next day's start.
      to: v(raw.to) ? dayStart(v(raw.to), zone, 1) : undefined,
      before: v(raw.before) ? Number(v(raw.before)) : undefined,
    },
  };
}
