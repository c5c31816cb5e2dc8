// Confirmation pages are reached by a signed link: group ids are time-ordered, so the HMAC
// (not the id) is what keeps one buyer from opening another buyer's confirmation.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function groupSig(secret: string, groupId: string): string {
  return createHmac('sha256', secret).update(`order-group:${groupId}`).digest('hex').slice(0, 32);
}

export function confirmationPath(secret: string, groupId: string): string {
  return `/pesanan/selesai/${groupId}/${groupSig(secret, groupId)}`;
}

export function validSig(secret: string, groupId: string, sig: string): boolean {
  const want = Buffer.from(groupSig(secret, groupId));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}
