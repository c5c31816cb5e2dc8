// Demo data of the orders domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedOrders(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
