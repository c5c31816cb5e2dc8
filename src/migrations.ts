// Every migration of the app, kernel first then domains in dependency order. Names are
// numbered by domain (accounts 01xx, regions 02xx, community 03xx, catalog 04xx,
// innovation 05xx, orders 06xx, logistics 07xx, training 08xx, partners 09xx, impact 10xx).
import { kernelMigrations, type Migrations } from './kernel/db/index.js';
import { migrationsOf } from './kernel/domain/index.js';
import { DOMAINS } from './domains.js';

export const allMigrations: Migrations = migrationsOf(kernelMigrations, DOMAINS);
