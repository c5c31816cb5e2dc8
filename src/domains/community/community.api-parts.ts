// Shared parts of the community JSON API's declarations: who may call, the problem answers
// and the body/response helpers, used by both of its route files.
import { z } from '@hono/zod-openapi';
import { problemResponse, SIGNED_IN } from '../../kernel/http/index.js';
import type { Role } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';

export const STAFF: Role[] = [
  'national_admin',
  'regional_officer',
  'community_manager',
  'village_agent',
];
export const READERS: Role[] = [...STAFF, 'seller'];
export const tags = ['community'];
export const security = SIGNED_IN;
export const notStaff = problemResponse('Not community staff of this scope (role or region)');
export const notFound = problemResponse('No such record in your scope');
export const invalid = problemResponse(
  'The input is not valid (`errors` names each field), or names a village, organisation or UMKM that does not exist',
);
export const loginTaken = problemResponse(
  'The phone number belongs to a disabled account, or already has this role here',
);
export const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
export const idParam = z.object({ id: z.string().min(1).max(64) });
export const jsonOf = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const itemsOf = (schema: z.ZodType, description: string) =>
  jsonOf(z.object({ items: z.array(schema) }), description);
export const Created = z.object({
  id: z.string().openapi({ description: 'Id of the new record' }),
});

export const db = (c: { get(k: 'deps'): { h: { db: Tx } } }): Tx => c.get('deps').h.db;
