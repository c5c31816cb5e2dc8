// Bulk writes of the synthetic national world (`lumbung demo national`, issue 19): UMKM rows in
// the demo's shape, many per statement. Only the generator calls this; every row is demo data.
import { nowIso, type Db } from '../../kernel/db/index.js';

export interface SyntheticUmkm {
  id: string;
  villageCode: string;
  name: string;
  businessType: string;
}

/** Rows per INSERT: well under SQLite's 32,766 bound parameters for 17 columns. */
const CHUNK = 500;

/** Inserts synthetic UMKM (demo data, no owner or personal data). */
export async function insertSyntheticUmkm(db: Db, rows: readonly SyntheticUmkm[]): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('umkm')
      .values(
        rows.slice(i, i + CHUNK).map((u) => ({
          id: u.id,
          village_code: u.villageCode,
          organisation_id: null,
          name: u.name,
          business_type: u.businessType,
          owner_name: null,
          owner_user_id: null,
          phone: null,
          whatsapp: null,
          bank_name: null,
          bank_account_number: null,
          bank_account_name: null,
          story: null,
          consent_id: null,
          is_demo: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
}
