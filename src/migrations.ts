// Every migration of the app, kernel first then domains in dependency order. Names are
// numbered by domain (accounts 01xx, regions 02xx, community 03xx, catalog 04xx,
// innovation 05xx, orders 06xx, logistics 07xx, training 08xx, partners 09xx, impact 10xx).
import type { Migrations } from './kernel/db/index.js';
import { kernelMigrations } from './kernel/db/index.js';
import { accountsMigrations } from './domains/accounts/index.js';
import { regionsMigrations } from './domains/regions/index.js';
import { communityMigrations } from './domains/community/index.js';
import { catalogMigrations } from './domains/catalog/index.js';
import { innovationMigrations } from './domains/innovation/index.js';
import { ordersMigrations } from './domains/orders/index.js';
import { logisticsMigrations } from './domains/logistics/index.js';
import { trainingMigrations } from './domains/training/index.js';
import { partnersMigrations } from './domains/partners/index.js';
import { impactMigrations } from './domains/impact/index.js';

export const allMigrations: Migrations = {
  ...kernelMigrations,
  ...accountsMigrations,
  ...regionsMigrations,
  ...communityMigrations,
  ...catalogMigrations,
  ...innovationMigrations,
  ...ordersMigrations,
  ...logisticsMigrations,
  ...trainingMigrations,
  ...partnersMigrations,
  ...impactMigrations,
};
