// Demo data of the community domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedCommunity(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
