// What a partner's integration looks like with a client generated from Lumbung's OpenAPI
// document (openapi-typescript types + openapi-fetch): a scheduled feed pull that costs a 304
// when nothing changed, an order pushed with an Idempotency-Key (safe to retry), and the order
// read back. Only generated types are used: no casts, no hand-written shapes.
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

export type FeedItem = components['schemas']['FeedItem'];
export type PartnerOrderIn = components['schemas']['PartnerOrderIn'];
export type PartnerOrder = components['schemas']['PartnerOrder'];
export type Problem = components['schemas']['Problem'];

export function partnerClient(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}
export type PartnerClient = ReturnType<typeof partnerClient>;

export type FeedPull =
  | { changed: false; etag: string }
  | { changed: true; etag: string | null; items: FeedItem[]; hasMore: boolean };

/** One page of the feed; `changed: false` when the copy with `etag` is still current (304). */
export async function pullFeed(client: PartnerClient, etag?: string, page = 1): Promise<FeedPull> {
  const { data, error, response } = await client.GET('/api/v1/partner/feed', {
    params: { query: { page, perPage: 100 }, header: etag ? { 'if-none-match': etag } : {} },
  });
  if (response.status === 304 && etag) return { changed: false, etag };
  if (!data) throw new Error(`feed: ${response.status} ${problemText(error)}`);
  return {
    changed: true,
    etag: response.headers.get('etag'),
    items: data.items,
    hasMore: data.hasMore,
  };
}

/** Places an order; calling again with the same key returns the first answer (`replayed`). */
export async function placeOrder(
  client: PartnerClient,
  idempotencyKey: string,
  order: PartnerOrderIn,
) {
  const { data, error, response } = await client.POST('/api/v1/partner/orders', {
    params: { header: { 'idempotency-key': idempotencyKey } },
    body: order,
  });
  if (!data) throw new Error(`order: ${response.status} ${problemText(error)}`);
  return { ...data, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** One of your orders with its statuses and lines, or null when it is not yours. */
export async function readOrder(client: PartnerClient, id: string): Promise<PartnerOrder | null> {
  const { data, error, response } = await client.GET('/api/v1/partner/orders/{id}', {
    params: { path: { id } },
  });
  if (response.status === 404) return null;
  if (!data) throw new Error(`read: ${response.status} ${problemText(error)}`);
  return data;
}

function problemText(error: Problem | string | undefined): string {
  if (!error) return '';
  return typeof error === 'string' ? error : `${error.code}: ${error.detail ?? error.title}`;
}
