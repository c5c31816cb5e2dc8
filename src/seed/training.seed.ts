// Demo data of the training domain (see JOURNEYS.md).
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';

export async function seedTraining(_ctx: SeedContext): Promise<DemoLogin[]> {
  return [];
}
