// Demo data of the catalog domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedCatalog(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
