// The seam to the ledger for settling a catalogue lot: how much the UMKM is still owed per
// order. A lot settles out of the UMKM's payable, so an order its organisation already paid the
// seller out for must not be settled again (the farmers would be paid money the UMKM has
// already received). The ledger imports produce, so produce asks through this port; it is
// required (no fallback): without the ledger there is no safe answer.
import type { Tx } from '../../kernel/db/index.js';
import { Port } from '../../kernel/domain/index.js';

/** For each given order, what the UMKM's payable still holds for it (0 when paid out). */
export type OwedToUmkm = (
  tx: Tx,
  umkmId: string,
  orderIds: string[],
) => Promise<Map<string, number>>;

export const owedToUmkm = new Port<OwedToUmkm>('produce.owed_to_umkm');
