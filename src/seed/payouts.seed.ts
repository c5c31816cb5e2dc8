// Demo payouts (see JOURNEYS.md, the BUMDes treasurer): after the parcels have travelled and the
// COD buyers paid at the counter, the BUMDes of Ibu Sari pays its UMKM what the ledger owes
// them. It runs after logistics and partners, so it pays only orders whose money is in (an
// UMKM is owed for an order only once it is paid and delivered).
import type { SeedContext } from './context.js';
import type { DemoLogin } from './demo-user.js';
import { payOrganisation } from '../domains/ledger/index.js';

export async function seedPayouts(ctx: SeedContext): Promise<DemoLogin[]> {
  const org = ctx.refs['org:bumdes-sari'];
  const by = ctx.refs['user:bumdes-manager'] ?? ctx.refs['user:national_admin'];
  if (org && by) await payOrganisation(ctx.h.db, org, by);
  return [];
}
