import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 10xx so the whole app's migrations sort by domain.
export const impactMigrations: Migrations = {};
