// Routes of storefront, cart, checkout and orders: one sub-app per area, mounted here.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { storefrontRoutes } from './storefront/storefront.routes.js';
import { checkoutApi } from './api/checkout.api.js';

export function ordersRoutes() {
  const app = createApiApp();
  checkoutApi(app);
  app.route('/', storefrontRoutes());
  return app;
}
