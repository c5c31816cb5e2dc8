// Inputs of the logistics pages and API, one zod schema each (messages are i18n keys).
import { z } from 'zod';
import { SCAN_KINDS } from './scans.service.js';

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
export const dateSchema = z.string().refine(isDate, { message: 'validation.bad_format' });
export const regionCodeSchema = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'validation.bad_format' });
export const clientScanIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_\-:.]{8,64}$/, { message: 'validation.bad_format' });
export const trackingSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^LP[0-9A-Z]{10}$/, { message: 'logistics.err.unknown_parcel' });

export const hubSchema = z
  .object({
    tier: z.enum(['kabupaten', 'kecamatan']),
    regionCode: regionCodeSchema,
    parentHubId: z.string().max(64).nullable().optional(),
    name: z.string().trim().min(3).max(120),
    lat: z.number().min(-11.5).max(6.5),
    lng: z.number().min(94).max(141.5),
  })
  .strict();

export const assignSchema = z.object({ servicePointId: z.string().min(1).max(64) }).strict();

export const vehicleSchema = z.object({
  name: z.string().trim().min(2).max(80),
  capacity_kg: z.coerce.number().int().min(1).max(40000),
  cost_per_km: z.coerce.number().int().min(0).max(1_000_000),
  speed_kmh: z.coerce.number().int().min(5).max(120).default(30),
});

export const manifestSchema = z.object({ date: dateSchema });
export const planFormSchema = z.object({
  date: dateSchema,
  vehicle: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
export const planApiSchema = z
  .object({ date: dateSchema, vehicleIds: z.array(z.string().max(64)).max(50).optional() })
  .strict();

export const scanFormSchema = z.object({
  tracking: trackingSchema,
  kind: z.enum(SCAN_KINDS as [string, ...string[]]),
  client_scan_id: clientScanIdSchema,
  pickup_code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'logistics.err.bad_code' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  point: z.string().max(64).optional(),
});
export const scanApiSchema = z
  .object({
    tracking: trackingSchema,
    kind: z.enum(SCAN_KINDS as [string, ...string[]]),
    locationId: z.string().min(1).max(64),
    clientScanId: clientScanIdSchema,
    pickupCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    at: z.string().datetime().optional(),
  })
  .strict();

export const kpiQuerySchema = z.object({
  region: regionCodeSchema,
  from: dateSchema,
  to: dateSchema,
});
export const distancesSchema = z.object({ csv: z.string().min(1).max(2_000_000) }).strict();
export const detourSchema = z
  .object({ regencyCode: regionCodeSchema, factor: z.number() })
  .strict();
