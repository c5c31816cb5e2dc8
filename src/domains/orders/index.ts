// Orders: storefront, cart, checkout and orders.
export { ordersMigrations } from './migrations/index.js';
export { ordersRoutes } from './orders.routes.js';
