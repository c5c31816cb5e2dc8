// Seams for collective trade (order cycles, group buys), which builds on orders and so cannot
// be imported by it: the collective domain provides these ports in its manifest. Without it,
// the buyer's pages show no pickup schedule and village pages no group buys.
import type { Child } from 'hono/jsx';
import type { Tx } from '../../kernel/db/index.js';
import type { Locale } from '../../kernel/i18n/index.js';
import { Port } from '../../kernel/domain/index.js';

/** Per order, a sentence naming its pickup day, window and place (orders of a market-day cycle). */
export type PickupNotes = (
  db: Tx,
  orderIds: string[],
  locale: Locale,
) => Promise<Map<string, string>>;
export const pickupNotes = new Port<PickupNotes>('orders.pickup_notes', async () => new Map());

/** A section of a village page (the village's open group buys and market-day cycles). */
export type VillageSection = (db: Tx, villageCode: string, locale: Locale) => Promise<Child | null>;
export const villageSection = new Port<VillageSection>('orders.village_section', async () => null);
