// Demo data of the innovation domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedInnovation(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
