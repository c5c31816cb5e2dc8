// Demo data of the impact domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedImpact(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
