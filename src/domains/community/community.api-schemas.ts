// Response schemas of the community JSON API and the mappers that build them from database
// rows: the API names every field in camelCase (one convention for /api/v1) while the tables
// and the pages keep snake_case. Each mapper lists its fields, so a new column never leaks.
import { z } from '@hono/zod-openapi';
import {
  BUSINESS_TYPES,
  CERTIFICATION_KINDS,
  ORGANISATION_KINDS,
  SERVICES,
} from './community.schema.js';
import type { CertificationAlert, CertificationView } from './certifications.js';
import type { ServicePointView } from './service-points.service.js';
import type { OrganisationsTable, UmkmTable } from './community.tables.js';

const flag = (v: number | null | undefined) => Number(v) === 1;

export const ServicePointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    organisationId: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    openingHours: z.string(),
    services: z.array(z.enum(SERVICES)),
  })
  .openapi('CommunityServicePoint');

export const servicePointJson = (p: ServicePointView): z.infer<typeof ServicePointSchema> => ({
  id: p.id,
  name: p.name,
  villageCode: p.village_code,
  villageName: p.village_name,
  organisationId: p.organisation_id,
  lat: p.lat,
  lng: p.lng,
  openingHours: p.opening_hours,
  services: p.services,
});

export const OrganisationSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    umkmCount: z.number().int(),
    memberCount: z.number().int().openapi({ description: 'Members not erased' }),
  })
  .openapi('OrganisationSummary');

export const organisationSummaryJson = (o: {
  id: string;
  name: string;
  kind: OrganisationsTable['kind'];
  village_code: string;
  village_name: string | null;
  umkm_count: number;
  member_count: number;
}): z.infer<typeof OrganisationSummarySchema> => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  villageCode: o.village_code,
  villageName: o.village_name,
  umkmCount: o.umkm_count,
  memberCount: o.member_count,
});

export const UmkmSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    businessType: z.string().openapi({
      description: `One of ${BUSINESS_TYPES.join(', ')} (older records may hold another value)`,
    }),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    ownerName: z.string().nullable(),
  })
  .openapi('UmkmSummary');

export const umkmSummaryJson = (u: {
  id: string;
  name: string;
  business_type: string;
  village_code: string;
  village_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  owner_name: string | null;
}): z.infer<typeof UmkmSummarySchema> => ({
  id: u.id,
  name: u.name,
  businessType: u.business_type,
  villageCode: u.village_code,
  villageName: u.village_name,
  organisationId: u.organisation_id,
  organisationName: u.organisation_name,
  ownerName: u.owner_name,
});

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    villageCode: z.string(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    managers: z.array(z.object({ id: z.string(), displayName: z.string() })),
    members: z.array(
      z.object({
        id: z.string(),
        roleTitle: z.string().nullable(),
        householdSize: z.number().int().nullable(),
        erased: z.boolean(),
      }),
    ),
    umkm: z.array(UmkmSummarySchema),
    servicePoints: z.array(ServicePointSchema),
  })
  .openapi('Organisation');

export const organisationJson = (o: OrganisationsTable) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  villageCode: o.village_code,
  isDemo: flag(o.is_demo),
  createdAt: o.created_at,
});

export const CertificationSchema = z
  .object({
    id: z.string(),
    umkmId: z.string(),
    kind: z.enum(CERTIFICATION_KINDS),
    number: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    createdAt: z.string(),
    state: z.enum(['valid', 'expiring_60', 'expiring_14', 'expired']),
    daysLeft: z.number().int().nullable().openapi({
      description: 'Days until expiry (negative once expired); null without an expiry date',
    }),
  })
  .openapi('Certification');

export const certificationJson = (c: CertificationView): z.infer<typeof CertificationSchema> => ({
  id: c.id,
  umkmId: c.umkm_id,
  kind: c.kind,
  number: c.number,
  issuedOn: c.issued_on,
  expiresOn: c.expires_on,
  createdAt: c.created_at,
  state: c.state,
  daysLeft: c.days_left,
});

export const CertificationAlertSchema = CertificationSchema.extend({
  umkmName: z.string(),
  organisationId: z.string().nullable(),
}).openapi('CertificationAlert');

export const certificationAlertJson = (
  a: CertificationAlert,
): z.infer<typeof CertificationAlertSchema> => ({
  ...certificationJson(a),
  umkmName: a.umkm_name,
  organisationId: a.organisation_id,
});

export const CertificationChangeSchema = z
  .object({
    umkmId: z.string(),
    certificationId: z.string(),
    kind: z.enum(CERTIFICATION_KINDS),
    renewed: z
      .boolean()
      .openapi({ description: 'True when an earlier certificate of the same kind existed' }),
  })
  .openapi('CertificationChange');

const bankField = (description: string) =>
  z
    .string()
    .nullable()
    .optional()
    .openapi({
      description: `${description}; present only for the UMKM's seller and the managers of the organisation that pays it out`,
    });

export const UmkmSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    businessType: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    organisationId: z.string().nullable(),
    ownerName: z.string().nullable(),
    ownerUserId: z.string().nullable(),
    phone: z.string().nullable(),
    whatsapp: z.string().nullable(),
    bankName: bankField('The bank of the settlement account'),
    bankAccountNumber: bankField('The settlement account number'),
    bankAccountName: bankField('The account holder'),
    story: z.string().nullable(),
    consentId: z.string().nullable(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    certifications: z.array(CertificationSchema),
  })
  .openapi('Umkm');

/** An UMKM as the API shows it; the bank account only when `withBank` (see canSeeBankAccount). */
export const umkmJson = (
  u: UmkmTable,
  villageName: string | null,
  certifications: CertificationView[],
  withBank: boolean,
): z.infer<typeof UmkmSchema> => ({
  id: u.id,
  name: u.name,
  businessType: u.business_type,
  villageCode: u.village_code,
  villageName,
  organisationId: u.organisation_id,
  ownerName: u.owner_name,
  ownerUserId: u.owner_user_id,
  phone: u.phone,
  whatsapp: u.whatsapp,
  ...(withBank
    ? {
        bankName: u.bank_name,
        bankAccountNumber: u.bank_account_number,
        bankAccountName: u.bank_account_name,
      }
    : {}),
  story: u.story,
  consentId: u.consent_id,
  isDemo: flag(u.is_demo),
  createdAt: u.created_at,
  updatedAt: u.updated_at,
  certifications: certifications.map(certificationJson),
});

export const PersonExportSchema = z
  .object({
    id: z.string(),
    fullName: z.string().nullable().openapi({ description: 'Null after erasure' }),
    phone: z.string().nullable(),
    roleTitle: z.string().nullable(),
    householdSize: z.number().int().nullable(),
    villageCode: z.string(),
    umkm: z.object({ id: z.string(), name: z.string() }).nullable(),
    organisation: z
      .object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })
      .nullable(),
    createdAt: z.string(),
    erasedAt: z.string().nullable(),
    consent: z
      .object({
        purpose: z.string(),
        textVersion: z.string(),
        givenAt: z.string(),
        recordedBy: z.string().nullable(),
        withdrawnAt: z.string().nullable(),
      })
      .nullable(),
    exportedAt: z.string(),
  })
  .openapi('PersonExport');
