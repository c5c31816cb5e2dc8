// What the collective API's route declarations share: the path prefix, tag and response shapes.
import { z } from '@hono/zod-openapi';
import { Problem, PROBLEM_MIME } from '../../kernel/http/index.js';

export const tags = ['collective'];
export const P = '/api/v1';
export const jsonOf = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const problem = {
  description: 'Problem (RFC 9457)',
  content: { [PROBLEM_MIME]: { schema: Problem } },
};
export const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
export const idParam = z.object({ id: z.string().min(1).max(64) });
export const int = z.number().int();
export const db = (c: { get(k: 'deps'): { h: { db: any } } }) => c.get('deps').h.db;
