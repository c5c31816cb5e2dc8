// What the logistics API's route files share: the path prefix, tag, security, response shapes
// and the tracked parcel's schema.
import { z } from '@hono/zod-openapi';

export const P = '/api/v1/logistics';
export const tags = ['logistics'];
export const security = [{ bearer: [] }];
export const jsonOf = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const TrackedParcel = z
  .object({
    trackingNumber: z.string(),
    status: z.string(),
    returning: z.boolean(),
    deliveredAt: z.string().nullable(),
    scans: z.array(
      z.object({
        kind: z.string(),
        at: z.string(),
        locationId: z.string().nullable(),
        nodeIndex: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('TrackedParcel');
export const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: z.any() } },
};
export const body = (schema: z.ZodType) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
