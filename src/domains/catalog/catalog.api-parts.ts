// Declarations the catalog's JSON API files share: the problem+json answer.
import { z } from '@hono/zod-openapi';

export const Problem = {
  content: {
    'application/problem+json': {
      schema: z.object({
        type: z.string(),
        title: z.string(),
        status: z.number(),
        code: z.string(),
      }),
    },
  },
  description: 'RFC 9457 problem',
};
