// Innovation: the product innovation centre.
export { innovationMigrations } from './migrations/index.js';
export { innovationRoutes } from './innovation.routes.js';
