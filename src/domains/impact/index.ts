// Impact: surveys, KPIs and the impact evaluation.
export { impactMigrations } from './migrations/index.js';
export { impactRoutes } from './impact.routes.js';
