// Inputs of the community domain: one zod schema per input, used by pages and the API alike.
// Refinement messages are i18n keys, so a page and a problem+json both say it in the
// user's language.
import { z } from 'zod';
import { normaliseMobile } from '../../kernel/auth/index.js';

export const ORGANISATION_KINDS = [
  'bumdes',
  'koperasi',
  'koperasi_merah_putih',
  'kelompok_tani',
  'kelompok_nelayan',
  'umkm_group',
] as const;
export const CERTIFICATION_KINDS = [
  'nib',
  'pirt',
  'halal_regular',
  'halal_self_declare',
  'bpom_md',
  'bpom_ml',
] as const;
export const BUSINESS_TYPES = [
  'makanan',
  'minuman',
  'kerajinan',
  'tenun',
  'pertanian',
  'perikanan',
  'perkebunan',
  'jasa',
  'lainnya',
] as const;
export const SERVICES = ['assisted_buying', 'assisted_selling', 'parcels', 'cash_payment'] as const;
export const MEMBER_ROLES = ['ketua', 'sekretaris', 'bendahara', 'pengelola', 'anggota'] as const;
/** Version of the consent text shown before personal data is recorded (see messages.ts). */
export const CONSENT_VERSION = 'pdp-2026-01';

const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^<>]*$/, { message: 'validation.no_html' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^<>]*$/, { message: 'validation.no_html' })
    .optional()
    .transform((v) => (v ? v : null));

export const villageCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'community.village_malformed' });

export const mobileSchema = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const n = normaliseMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return n;
  });

/** An optional mobile number: empty means none; anything else must be a valid Indonesian mobile. */
export const optionalMobileSchema = z
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

/**
 * The person agreed (UU PDP 27/2022). A checkbox posts '1'/'on'; JSON posts true. Anything
 * else — including absence — is refused before any personal data is looked at.
 */
export const consentSchema = z
  .union([z.literal(true), z.literal('1'), z.literal('on'), z.literal('yes')], {
    message: 'community.consent_required',
  })
  .transform(() => true as const);

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'community.date_format' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(s + 'T00:00:00Z')) &&
      new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s,
    { message: 'community.date_format' },
  );

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

export const organisationSchema = z.object({
  village_code: villageCodeSchema,
  kind: z.enum(ORGANISATION_KINDS),
  name: plainText(3, 120),
});

export const registerUmkmSchema = z.object({
  consent: consentSchema,
  owner_name: plainText(2, 120),
  phone: mobileSchema,
  whatsapp: optionalMobileSchema,
  name: plainText(2, 120),
  business_type: z.enum(BUSINESS_TYPES),
  /** Empty: the village of the registering organisation or service point. */
  village_code: z
    .union([z.literal(''), villageCodeSchema])
    .optional()
    .transform((v) => (v ? v : null)),
  organisation_id: optionalId,
  story: optionalText(2000),
});

export const updateUmkmSchema = z.object({
  whatsapp: optionalMobileSchema,
  bank_name: optionalText(60),
  bank_account_number: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
    .refine((v) => v === null || /^\d{6,20}$/.test(v), {
      message: 'community.bank_account_format',
    }),
  bank_account_name: optionalText(120),
  story: optionalText(2000),
});

/** Names a field in the caller's convention (snake_case forms, camelCase JSON) for an issue path. */
export type FieldName = (field: string) => string;
const same: FieldName = (f) => f;
type Ctx = z.core.$RefinementCtx;

const certificationFields = {
  kind: z.enum(CERTIFICATION_KINDS),
  number: plainText(3, 60),
  issued_on: isoDate,
  expires_on: z
    .union([z.literal(''), isoDate])
    .optional()
    .transform((v) => (v ? v : null)),
};

/** Rules across a certification's fields, on its parsed value. */
export function certificationRules(
  c: z.infer<z.ZodObject<typeof certificationFields>>,
  ctx: Ctx,
  at: FieldName = same,
): void {
  if (c.kind === 'nib' && !/^\d{13}$/.test(c.number.replace(/\s/g, '')))
    ctx.addIssue({ code: 'custom', path: [at('number')], message: 'community.nib_format' });
  // PIRT and BPOM registrations run for five years; their expiry is on the certificate.
  if ((c.kind === 'pirt' || c.kind === 'bpom_md' || c.kind === 'bpom_ml') && !c.expires_on)
    ctx.addIssue({
      code: 'custom',
      path: [at('expires_on')],
      message: 'community.expiry_required',
    });
  if (c.expires_on && c.expires_on < c.issued_on)
    ctx.addIssue({
      code: 'custom',
      path: [at('expires_on')],
      message: 'community.expiry_before_issue',
    });
}

export const certificationSchema = z
  .object(certificationFields)
  .superRefine((c, ctx) => certificationRules(c, ctx));

const coordinate = (min: number, max: number) =>
  z
    .union([z.literal(''), z.coerce.number()])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v))
    .refine((v) => v === null || (Number.isFinite(v) && v >= min && v <= max), {
      message: 'community.outside_indonesia',
    });

/** Indonesia's bounding box: Sabang (≈95°E, 6°N) to Merauke (≈141°E, 11°S), with a margin at sea. */
export const INDONESIA_BOUNDS = {
  latMin: -11.2,
  latMax: 6.3,
  lngMin: 94.7,
  lngMax: 141.1,
} as const;

const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const servicePointFields = {
  name: plainText(3, 120),
  village_code: villageCodeSchema,
  organisation_id: optionalId,
  lat: coordinate(INDONESIA_BOUNDS.latMin, INDONESIA_BOUNDS.latMax),
  lng: coordinate(INDONESIA_BOUNDS.lngMin, INDONESIA_BOUNDS.lngMax),
  opening_hours: plainText(3, 120),
  services: z.preprocess(
    toArray,
    z.array(z.enum(SERVICES)).min(1, { message: 'community.services_required' }),
  ),
};

/** Coordinates come both or neither. */
export function servicePointRules(
  p: { lat: number | null; lng: number | null },
  ctx: Ctx,
  at: FieldName = same,
): void {
  if ((p.lat === null) !== (p.lng === null))
    ctx.addIssue({
      code: 'custom',
      path: [at(p.lat === null ? 'lat' : 'lng')],
      message: 'community.lat_lng_both',
    });
}

export const servicePointSchema = z
  .object(servicePointFields)
  .superRefine((p, ctx) => servicePointRules(p, ctx));

export const agentSchema = z.object({
  display_name: plainText(2, 120),
  phone: mobileSchema,
});

const personFields = {
  consent: consentSchema,
  full_name: plainText(2, 120),
  phone: optionalMobileSchema,
  role_title: z
    .union([z.literal(''), z.enum(MEMBER_ROLES)])
    .optional()
    .transform((v) => (v ? v : null)),
  household_size: z.coerce
    .number()
    .int({ message: 'community.household_size' })
    .min(1, { message: 'community.household_size' })
    .max(40, { message: 'community.household_size' }),
  umkm_id: optionalId,
  organisation_id: optionalId,
};

/** A person is linked to an UMKM or an organisation (or both). */
export function personRules(
  p: { umkm_id: string | null; organisation_id: string | null },
  ctx: Ctx,
  at: FieldName = same,
): void {
  if (!p.umkm_id && !p.organisation_id)
    ctx.addIssue({
      code: 'custom',
      path: [at('organisation_id')],
      message: 'community.person_link_required',
    });
}

export const personSchema = z.object(personFields).superRefine((p, ctx) => personRules(p, ctx));

export type OrganisationInput = z.infer<typeof organisationSchema>;
export type RegisterUmkmInput = z.infer<typeof registerUmkmSchema>;
export type UpdateUmkmInput = z.infer<typeof updateUmkmSchema>;
export type CertificationInput = z.infer<typeof certificationSchema>;
export type ServicePointInput = z.infer<typeof servicePointSchema>;
export type AgentInput = z.infer<typeof agentSchema>;
export type PersonInput = z.infer<typeof personSchema>;
