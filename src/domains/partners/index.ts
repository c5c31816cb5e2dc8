// Partners: partner feeds, orders in, webhooks and incentives.
export { partnersMigrations } from './migrations/index.js';
export { partnersRoutes } from './partners.routes.js';
