// Passwords hashed with argon2id at OWASP's parameters (m=19456 KiB, t=2, p=1). A stored hash
// made with other parameters still verifies, and `needsRehash` tells the login to upgrade it.
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const ALGORITHM_ID = 2; // Algorithm.Argon2id (const enums cannot be imported under isolatedModules)

export async function hashPassword(
  password: string,
  params: { memoryCost: number; timeCost: number; parallelism: number } = ARGON2_PARAMS,
): Promise<string> {
  return hash(password, { ...params, algorithm: ALGORITHM_ID });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when the PHC string was made with parameters other than the current ones. */
export function needsRehash(stored: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!m) return true;
  return (
    Number(m[1]) !== ARGON2_PARAMS.memoryCost ||
    Number(m[2]) !== ARGON2_PARAMS.timeCost ||
    Number(m[3]) !== ARGON2_PARAMS.parallelism
  );
}
