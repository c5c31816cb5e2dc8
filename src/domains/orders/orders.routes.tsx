// Routes of storefront, cart, checkout and orders: one sub-app per area, mounted here.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function ordersRoutes() {
  const app = createApiApp();
  return app;
}
