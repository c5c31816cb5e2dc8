import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 05xx so the whole app's migrations sort by domain.
export const innovationMigrations: Migrations = {};
