// Request bodies of the community JSON API: camelCase (one convention for /api/v1) over the
// same field rules as the web forms, which keep their snake_case field names. Each input lists
// its fields and maps them to the service's input; JSON gets JSON types (consent is `true`,
// coordinates and household size are numbers, services an array). Unknown fields are refused.
import { z } from '@hono/zod-openapi';
import { camelField as camel } from '../../kernel/errors/index.js';
import {
  agentSchema,
  certificationRules,
  certificationSchema,
  INDONESIA_BOUNDS,
  organisationSchema,
  personRules,
  personSchema,
  registerUmkmSchema,
  SERVICES,
  servicePointRules,
  servicePointSchema,
  type AgentInput,
  type CertificationInput,
  type OrganisationInput,
  type PersonInput,
  type RegisterUmkmInput,
  type ServicePointInput,
} from './community.schema.js';

const consent = z
  .literal(true, { message: 'community.consent_required' })
  .openapi({ description: 'The person agreed to the recorded purpose (UU PDP 27/2022): `true`' });

const O = organisationSchema.shape;
export const OrganisationIn = z
  .object({ villageCode: O.village_code, kind: O.kind, name: O.name })
  .strict()
  .openapi('OrganisationIn');
export const organisationInput = (v: z.infer<typeof OrganisationIn>): OrganisationInput => ({
  village_code: v.villageCode,
  kind: v.kind,
  name: v.name,
});

const U = registerUmkmSchema.shape;
export const RegisterUmkmIn = z
  .object({
    consent,
    ownerName: U.owner_name,
    phone: U.phone,
    whatsapp: U.whatsapp,
    name: U.name,
    businessType: U.business_type,
    villageCode: U.village_code.openapi({
      description: 'Empty or left out: the village of the registering organisation or point',
    }),
    organisationId: U.organisation_id,
    story: U.story,
  })
  .strict()
  .openapi('RegisterUmkmIn');
export const registerUmkmInput = (v: z.infer<typeof RegisterUmkmIn>): RegisterUmkmInput => ({
  consent: true,
  owner_name: v.ownerName,
  phone: v.phone,
  whatsapp: v.whatsapp,
  name: v.name,
  business_type: v.businessType,
  village_code: v.villageCode,
  organisation_id: v.organisationId,
  story: v.story,
});

const C = certificationSchema.shape;
export const CertificationIn = z
  .object({ kind: C.kind, number: C.number, issuedOn: C.issued_on, expiresOn: C.expires_on })
  .strict()
  .superRefine((v, ctx) => certificationRules(certificationInput(v), ctx, camel))
  .openapi('CertificationIn');
export function certificationInput(v: {
  kind: CertificationInput['kind'];
  number: string;
  issuedOn: string;
  expiresOn: string | null;
}): CertificationInput {
  return { kind: v.kind, number: v.number, issued_on: v.issuedOn, expires_on: v.expiresOn };
}

const coordinate = (min: number, max: number) =>
  z
    .number()
    .min(min, { message: 'community.outside_indonesia' })
    .max(max, { message: 'community.outside_indonesia' })
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const S = servicePointSchema.shape;
export const ServicePointIn = z
  .object({
    name: S.name,
    villageCode: S.village_code,
    organisationId: S.organisation_id,
    lat: coordinate(INDONESIA_BOUNDS.latMin, INDONESIA_BOUNDS.latMax),
    lng: coordinate(INDONESIA_BOUNDS.lngMin, INDONESIA_BOUNDS.lngMax),
    openingHours: S.opening_hours,
    services: z.array(z.enum(SERVICES)).min(1, { message: 'community.services_required' }),
  })
  .strict()
  .superRefine((v, ctx) => servicePointRules(v, ctx, camel))
  .openapi('ServicePointIn');
export const servicePointInput = (v: z.infer<typeof ServicePointIn>): ServicePointInput => ({
  name: v.name,
  village_code: v.villageCode,
  organisation_id: v.organisationId,
  lat: v.lat,
  lng: v.lng,
  opening_hours: v.openingHours,
  services: v.services,
});

const A = agentSchema.shape;
export const AgentIn = z
  .object({ displayName: A.display_name, phone: A.phone })
  .strict()
  .openapi('AgentIn');
export const agentInput = (v: z.infer<typeof AgentIn>): AgentInput => ({
  display_name: v.displayName,
  phone: v.phone,
});

const P = personSchema.shape;
export const PersonIn = z
  .object({
    consent,
    fullName: P.full_name,
    phone: P.phone,
    roleTitle: P.role_title,
    householdSize: z
      .number()
      .int({ message: 'community.household_size' })
      .min(1, { message: 'community.household_size' })
      .max(40, { message: 'community.household_size' }),
    umkmId: P.umkm_id,
    organisationId: P.organisation_id,
  })
  .strict()
  .superRefine((v, ctx) =>
    personRules({ umkm_id: v.umkmId, organisation_id: v.organisationId }, ctx, camel),
  )
  .openapi('PersonIn');
export const personInput = (v: z.infer<typeof PersonIn>): PersonInput => ({
  consent: true,
  full_name: v.fullName,
  phone: v.phone,
  role_title: v.roleTitle,
  household_size: v.householdSize,
  umkm_id: v.umkmId,
  organisation_id: v.organisationId,
});
