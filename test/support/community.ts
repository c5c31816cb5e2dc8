// Test fixtures of the community domain for any domain's tests (imported only by tests and
// access cases). Signatures stay stable; the community domain keeps them working.
import { newId } from '../../src/kernel/ids/index.js';
import { nowIso, type Db } from '../../src/kernel/db/index.js';
import type { OrganisationKind } from '../../src/domains/community/community.tables.js';
import '../../src/domains/community/community.tables.js';

/** A real village of the test world: Ngada (53.09) → first desa of its first kecamatan. */
export async function anyVillage(db: Db, regencyCode = '53.09', nth = 0): Promise<string> {
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', `${regencyCode}.%`)
    .orderBy('code')
    .limit(nth + 1)
    .execute();
  if (!rows[nth]) throw new Error(`no village ${nth} in ${regencyCode}`);
  return rows[nth].code;
}

export async function makeOrganisation(
  db: Db,
  o: { villageCode: string; kind?: OrganisationKind; name?: string },
): Promise<string> {
  const id = newId('org');
  await db
    .insertInto('organisations')
    .values({
      id,
      village_code: o.villageCode,
      kind: o.kind ?? 'bumdes',
      name: o.name ?? `BUMDes ${id.slice(-4)}`,
      is_demo: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function makeUmkm(
  db: Db,
  o: {
    villageCode: string;
    organisationId?: string | null;
    name?: string;
    ownerUserId?: string | null;
    phone?: string | null;
  },
): Promise<string> {
  const id = newId('umk');
  const now = nowIso();
  await db
    .insertInto('umkm')
    .values({
      id,
      village_code: o.villageCode,
      organisation_id: o.organisationId ?? null,
      name: o.name ?? `UMKM ${id.slice(-4)}`,
      business_type: 'makanan',
      owner_name: 'Pemilik Uji',
      owner_user_id: o.ownerUserId ?? null,
      phone: o.phone ?? null,
      whatsapp: o.phone ?? null,
      bank_name: null,
      bank_account_number: null,
      bank_account_name: null,
      story: 'Dibuat di desa.',
      consent_id: null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function makeServicePoint(
  db: Db,
  o: { villageCode: string; organisationId?: string | null; name?: string },
): Promise<string> {
  const id = newId('svp');
  await db
    .insertInto('service_points')
    .values({
      id,
      village_code: o.villageCode,
      organisation_id: o.organisationId ?? null,
      name: o.name ?? `Titik Layanan ${id.slice(-4)}`,
      lat: null,
      lng: null,
      opening_hours: '08:00-16:00',
      services: JSON.stringify(['assisted_buying', 'assisted_selling', 'parcels', 'cash_payment']),
      is_demo: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
