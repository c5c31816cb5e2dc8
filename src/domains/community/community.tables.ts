// Tables of the community domain: organisations (BUMDes, koperasi, kelompok), UMKM with
// certifications, people/households with consent (UU PDP 27/2022), village service points.
export type OrganisationKind =
  | 'bumdes'
  | 'koperasi'
  | 'koperasi_merah_putih'
  | 'kelompok_tani'
  | 'kelompok_nelayan'
  | 'umkm_group';
export type CertificationKind =
  | 'nib'
  | 'pirt'
  | 'halal_regular'
  | 'halal_self_declare'
  | 'bpom_md'
  | 'bpom_ml';

export interface OrganisationsTable {
  id: string;
  village_code: string;
  kind: OrganisationKind;
  name: string;
  is_demo: number;
  created_at: string;
}

export interface ConsentsTable {
  id: string;
  /** What was agreed, e.g. "data pemilik UMKM untuk program Lumbung". */
  purpose: string;
  /** Version of the consent text shown to the person. */
  text_version: string;
  given_at: string;
  recorded_by: string | null;
  withdrawn_at: string | null;
}

export interface UmkmTable {
  id: string;
  village_code: string;
  organisation_id: string | null;
  name: string;
  business_type: string;
  owner_name: string | null;
  owner_user_id: string | null;
  phone: string | null;
  whatsapp: string | null;
  bank_name: string | null;
  bank_account_number: string | null;
  bank_account_name: string | null;
  /** How it is made, who makes it: shown on product pages. */
  story: string | null;
  consent_id: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface CertificationsTable {
  id: string;
  umkm_id: string;
  kind: CertificationKind;
  number: string;
  issued_on: string;
  expires_on: string | null;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  village_code: string;
  umkm_id: string | null;
  organisation_id: string | null;
  /** Null after erasure; aggregates keep the row without identity. */
  full_name: string | null;
  phone: string | null;
  role_title: string | null;
  household_size: number | null;
  consent_id: string | null;
  erased_at: string | null;
  is_demo: number;
  created_at: string;
}

export interface ServicePointsTable {
  id: string;
  village_code: string;
  organisation_id: string | null;
  name: string;
  lat: number | null;
  lng: number | null;
  opening_hours: string;
  /** JSON array of: assisted_buying, assisted_selling, parcels, cash_payment. */
  services: string;
  is_demo: number;
  created_at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    organisations: OrganisationsTable;
    consents: ConsentsTable;
    umkm: UmkmTable;
    certifications: CertificationsTable;
    people: PeopleTable;
    service_points: ServicePointsTable;
  }
}
