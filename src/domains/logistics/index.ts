// Logistics: the hub network, parcels and routes.
export { logisticsMigrations } from './migrations/index.js';
export { logisticsRoutes } from './logistics.routes.js';
