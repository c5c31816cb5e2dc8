import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 08xx so the whole app's migrations sort by domain.
export const trainingMigrations: Migrations = {};
