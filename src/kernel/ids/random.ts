// Random bytes for tokens and ids, drawn from the CSPRNG a page at a time. `randomBytes(16)`
// costs ≈ 2.2 µs a call (one trip into OpenSSL each), ≈ 3 % of a first visit's page from the
// cache, which mints a CSRF token; Node's own randomUUID keeps such a batch for the same reason.
// A byte is handed out once and the batch is refilled when used up.
import { randomFillSync } from 'node:crypto';

const batch = Buffer.alloc(4096);
let used = batch.length;

/** Where in the batch `n` (≤ 4096) fresh random bytes start: read them before the next call. */
function take(n: number): number {
  if (used + n > batch.length) {
    randomFillSync(batch);
    used = 0;
  }
  used += n;
  return used - n;
}

/** `n` random bytes, as lowercase hex (a token: 16 bytes → 32 characters). */
export function randomHex(n: number): string {
  const at = take(n);
  return batch.toString('hex', at, at + n);
}

/** `n` random bytes in a new array of their own. */
export function randomArray(n: number): Uint8Array {
  const at = take(n);
  return new Uint8Array(batch.subarray(at, at + n));
}
