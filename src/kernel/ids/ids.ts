// Prefixed, time-sortable ids (`ord_01J…`): 48-bit millisecond time + 80 random bits in
// Crockford base32, like ULID. Clients (an offline agent's phone) may mint them too, so the
// server accepts any well-formed id with the right prefix and relies on unique keys.
import { randomArray } from './random.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

function encode(time: number, random: Uint8Array): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  // 80 random bits → 16 base32 chars
  let bits = 0;
  let value = 0;
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A new id with the given prefix, monotonic within this process. */
export function newId(prefix: string, now = Date.now()): string {
  let random: Uint8Array;
  if (now <= lastTime) {
    // Same millisecond: increment the random part so ids stay strictly ordered.
    random = lastRandom.slice();
    for (let i = random.length - 1; i >= 0; i--) {
      random[i] = (random[i] + 1) & 255;
      if (random[i] !== 0) break;
    }
    now = lastTime;
  } else {
    random = randomArray(10);
  }
  lastTime = now;
  lastRandom = random;
  return `${prefix}_${encode(now, random)}`;
}

/** The smallest id with `prefix` minted at or after `time` (a range scan's lower bound). */
export function idFloor(prefix: string, time: number): string {
  return `${prefix}_${encode(time, new Uint8Array(10))}`;
}

const ID_RE = /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `id` is a well-formed id with `prefix`. */
export function isId(id: unknown, prefix: string): id is string {
  return typeof id === 'string' && ID_RE.test(id) && id.startsWith(prefix + '_');
}

/** The friendly number people read and say aloud, e.g. LMB-2026-000123. */
export function friendlyNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}
