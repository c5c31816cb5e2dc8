// Routes of storefront, cart, checkout and orders: one sub-app per area, mounted here.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { storefrontRoutes } from './storefront/storefront.routes.js';
import { checkoutApi } from './api/checkout.api.js';
import { sellerRoutes } from './seller/seller.routes.js';
import { paymentPages, paymentsApi } from './payments/payments.routes.js';
import { assistedRoutes } from './assisted/assisted.routes.js';
import { exceptionPages, exceptionsApi } from './payments/exceptions.routes.js';

export function ordersRoutes() {
  const app = createApiApp();
  checkoutApi(app);
  paymentsApi(app);
  exceptionsApi(app);
  app.route('/', storefrontRoutes());
  app.route('/', sellerRoutes());
  app.route('/', paymentPages());
  app.route('/', exceptionPages());
  app.route('/', assistedRoutes());
  return app;
}
