// Every migration of the app, kernel first then domains in dependency order.
import type { Migrations } from './kernel/db/index.js';
import { kernelMigrations } from './kernel/db/index.js';
import { accountsMigrations } from './domains/accounts/index.js';

export const allMigrations: Migrations = {
  ...kernelMigrations,
  ...accountsMigrations,
};
