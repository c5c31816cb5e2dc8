// The partner API's JSON shapes (camelCase like the rest of the API), named so a client
// generated from /api/openapi.json gets one type per shape.
import { z } from '@hono/zod-openapi';
import { PAYMENT_METHODS } from '../orders/index.js';

const time = (description: string) => z.string().openapi({ format: 'date-time', description });

export const PartnerQuery = z.object({
  partner: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'Which of your partners to act for, when your grants name several' }),
});

export const FeedQuery = PartnerQuery.extend({
  updatedSince: z.string().datetime({ offset: true }).optional().openapi({
    description:
      'ISO time; lists what changed since, including items that dropped out (available=false)',
  }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional()
    .openapi({ description: 'Page from 1' }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'Items per page, 1–500 (default 100)' }),
});

export const FeedItem = z
  .object({
    id: z.string().openapi({ description: 'Variant id: what you order' }),
    productId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    price: z.number().int().openapi({ description: 'Integer rupiah' }),
    currency: z.literal('IDR'),
    weightGrams: z.number().int(),
    sku: z.string(),
    stock: z.number().int(),
    available: z.boolean(),
    link: z.string().openapi({ format: 'uri' }),
    imageLink: z.string().nullable().openapi({ format: 'uri' }),
    umkm: z.object({ id: z.string(), name: z.string() }),
    village: z.object({ code: z.string(), name: z.string() }),
    updatedAt: time('Last change of price, stock or listing'),
  })
  .openapi('FeedItem');

export const FeedPage = z
  .object({
    items: z.array(FeedItem),
    page: z.number().int(),
    hasMore: z.boolean(),
    nextPage: z.number().int().nullable(),
  })
  .openapi('FeedPage');

export const PartnerOrderIn = z
  .object({
    externalId: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: 'Your own reference, echoed back' }),
    lines: z
      .array(
        z
          .object({ variantId: z.string().min(1).max(40), qty: z.number().int().min(1).max(999) })
          .strict(),
      )
      .min(1)
      .max(50),
    buyer: z
      .object({ name: z.string().trim().min(1).max(120), phone: z.string().max(20) })
      .strict(),
    delivery: z.discriminatedUnion('kind', [
      z
        .object({ kind: z.literal('pickup'), servicePointId: z.string().max(40) })
        .strict()
        .openapi('PickupDelivery'),
      z
        .object({
          kind: z.literal('address'),
          villageCode: z.string().max(20),
          address: z.string().min(5).max(300),
        })
        .strict()
        .openapi('AddressDelivery'),
    ]),
    paymentMethod: z.enum(PAYMENT_METHODS),
  })
  .strict()
  .openapi('PartnerOrderIn');

export const PartnerOrderPlaced = z
  .object({
    groupId: z.string(),
    externalId: z.string(),
    orders: z.array(
      z.object({ id: z.string(), number: z.string(), umkmId: z.string(), total: z.number().int() }),
    ),
    total: z.number().int(),
  })
  .openapi('PartnerOrderPlaced');

const ORDER_STATUSES = ['placed', 'cancelled', 'completed'] as const;
const PAYMENT_STATUSES = ['unpaid', 'paid', 'refunded'] as const;
const FULFILMENT_STATUSES = [
  'unfulfilled',
  'packed',
  'handed_over',
  'in_transit',
  'ready_for_pickup',
  'delivered',
  'returned',
] as const;

export const PartnerOrder = z
  .object({
    id: z.string(),
    number: z.string(),
    groupId: z.string(),
    umkmId: z.string(),
    umkmName: z.string(),
    status: z.enum(ORDER_STATUSES),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    fulfilmentStatus: z.enum(FULFILMENT_STATUSES),
    paymentMethod: z.enum(PAYMENT_METHODS),
    delivery: z.object({
      kind: z.enum(['pickup', 'address']),
      servicePointId: z.string().nullable(),
      villageCode: z.string(),
      address: z.string().nullable(),
    }),
    buyerName: z.string(),
    itemsTotal: z.number().int(),
    shipping: z.number().int(),
    total: z.number().int(),
    lines: z.array(
      z.object({
        variantId: z.string(),
        productId: z.string(),
        title: z.string(),
        label: z.string(),
        qty: z.number().int(),
        unitPrice: z.number().int(),
        lineTotal: z.number().int(),
      }),
    ),
    placedAt: time('When the order was placed'),
    updatedAt: time('Last change'),
    deliveredAt: time('When it was delivered').nullable(),
  })
  .openapi('PartnerOrder');

export const PartnerOrdersQuery = PartnerQuery.extend({
  status: z
    .enum(ORDER_STATUSES)
    .optional()
    .openapi({ description: 'Only orders with this status' }),
  updatedSince: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'ISO time; only orders changed since' }),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Orders per page, 1–200 (default 50)' }),
});

export const PartnerOrderPage = z
  .object({
    items: z.array(PartnerOrder),
    page: z.number().int(),
    hasMore: z.boolean(),
    nextPage: z.number().int().nullable(),
  })
  .openapi('PartnerOrderPage');

export const ServicePoint = z
  .object({
    id: z.string(),
    name: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    openingHours: z.string(),
    services: z
      .array(z.string())
      .openapi({ description: 'assisted_buying, assisted_selling, parcels, cash_payment' }),
  })
  .openapi('ServicePoint');

export const ServicePointsQuery = PartnerQuery.extend({
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)
    .optional()
    .openapi({ description: 'Region code prefix: 53, 53.09, 53.09.06 or a village code' }),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  perPage: z.coerce.number().int().min(1).max(500).optional(),
});

export const ServicePointPage = z
  .object({
    items: z.array(ServicePoint),
    page: z.number().int(),
    hasMore: z.boolean(),
    nextPage: z.number().int().nullable(),
  })
  .openapi('ServicePointPage');

export const WebhookDelivery = z
  .object({
    id: z.string(),
    orderId: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: time('When the event happened'),
    deliveredAt: time('When your endpoint accepted it').nullable(),
  })
  .openapi('WebhookDelivery');

export const Statement = z
  .object({
    id: z.string(),
    number: z.string(),
    period: z.string(),
    scopeCode: z.string(),
    correctsId: z.string().nullable(),
    total: z.number().int(),
    issuedAt: time('When it was issued'),
  })
  .openapi('IncentiveStatement');
