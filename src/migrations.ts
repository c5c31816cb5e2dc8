// Every migration of the app, kernel first then domains in dependency order.
import type { Migrations } from './kernel/db/index.js';
import { kernelMigrations } from './kernel/db/index.js';
import { accountsMigrations } from './domains/accounts/index.js';
import { regionsMigrations } from './domains/regions/index.js';
import { communityMigrations } from './domains/community/index.js';
import { catalogMigrations } from './domains/catalog/index.js';

export const allMigrations: Migrations = {
  ...kernelMigrations,
  ...accountsMigrations,
  ...regionsMigrations,
  ...communityMigrations,
  ...catalogMigrations,
};
