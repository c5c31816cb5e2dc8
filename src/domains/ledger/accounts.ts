// Account codes. An account is its kind, plus the owner for the kinds that have one
// (`umkm_payable:umk_…`, `cash_drawer:spt_…`): the code alone says whose money it is.
import type { AccountKind } from './ledger.tables.js';

/** Kinds held once for the whole platform (no owner). */
export const PLATFORM_KINDS = [
  'buyer_payments',
  'bank_transfer',
  'qris_clearing',
  'cod_clearing',
  'platform_fees',
  'shipping_payable',
  'refunds_due',
  'partner_incentives',
  'bank_payouts',
  'corrections',
] as const satisfies readonly AccountKind[];

/** Kinds held per owner: UMKM, farmer, service point, organisation, lot, partner. */
export const OWNED_KINDS = [
  'umkm_payable',
  'farmer_payable',
  'cash_drawer',
  'agent_commission',
  'organisation',
  'organisation_cash',
  'organisation_costs',
  'lot_pool',
  'partner_payable',
] as const satisfies readonly AccountKind[];

export type PlatformKind = (typeof PLATFORM_KINDS)[number];
export type OwnedKind = (typeof OWNED_KINDS)[number];
export type AccountRef = { kind: PlatformKind } | { kind: OwnedKind; owner: string };

export const ALL_KINDS: readonly AccountKind[] = [...PLATFORM_KINDS, ...OWNED_KINDS];

export function accountCode(a: AccountRef): string {
  return 'owner' in a ? `${a.kind}:${a.owner}` : a.kind;
}

/** Reads a code back into its kind and owner; null for anything that is not an account code. */
export function parseAccountCode(code: string): { kind: AccountKind; owner: string | null } | null {
  const i = code.indexOf(':');
  const kind = (i < 0 ? code : code.slice(0, i)) as AccountKind;
  const owner = i < 0 ? null : code.slice(i + 1);
  if ((PLATFORM_KINDS as readonly string[]).includes(kind))
    return owner === null ? { kind, owner } : null;
  if ((OWNED_KINDS as readonly string[]).includes(kind))
    return owner && /^[A-Za-z0-9_]{1,64}$/.test(owner) ? { kind, owner } : null;
  return null;
}

export const umkmPayable = (umkmId: string): AccountRef => ({
  kind: 'umkm_payable',
  owner: umkmId,
});
export const cashDrawer = (pointId: string): AccountRef => ({
  kind: 'cash_drawer',
  owner: pointId,
});
export const agentCommission = (pointId: string): AccountRef => ({
  kind: 'agent_commission',
  owner: pointId,
});
