// Demo data of the regions domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedRegions(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
