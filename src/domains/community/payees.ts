// The UMKM an organisation pays out to, with the bank account they gave (the settlement ledger
// reads them to build a treasurer's transfer list; it never reads the umkm table itself).
import type { Tx } from '../../kernel/db/index.js';

export interface Payee {
  id: string;
  name: string;
  organisationId: string;
  bankName: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
}

/** UMKM of the given organisations, by name. */
export async function payeesOfOrganisations(db: Tx, organisationIds: string[]): Promise<Payee[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('umkm')
    .select([
      'id',
      'name',
      'organisation_id',
      'bank_name',
      'bank_account_number',
      'bank_account_name',
    ])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisationId: r.organisation_id!,
    bankName: r.bank_name,
    bankAccountNumber: r.bank_account_number,
    bankAccountName: r.bank_account_name,
  }));
}

/** The organisation each UMKM belongs to (null when it belongs to none). */
export async function organisationOfUmkm(db: Tx, umkmIds: string[]) {
  if (umkmIds.length === 0) return new Map<string, string | null>();
  const rows = await db
    .selectFrom('umkm')
    .select(['id', 'organisation_id'])
    .where('id', 'in', umkmIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.organisation_id]));
}
