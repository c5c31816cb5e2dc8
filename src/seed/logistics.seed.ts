// Demo data of the logistics domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedLogistics(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
