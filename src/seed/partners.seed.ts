// Demo data of the partners domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedPartners(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
