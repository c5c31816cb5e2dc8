// Routes of catalog pages, search and API, one sub-app per audience.
// OpenAPIHono sub-apps: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { publicRoutes } from './public.routes.js';
import { sellerRoutes } from './seller.routes.js';
import { apiRoutes } from './catalog.api.js';
import { sellerApiRoutes } from './seller.api.js';
import { photoApiRoutes } from './photos.api.js';

export function catalogRoutes() {
  const app = createApiApp();
  app.route('/', publicRoutes());
  app.route('/', sellerRoutes());
  app.route('/', apiRoutes());
  app.route('/', sellerApiRoutes());
  app.route('/', photoApiRoutes());
  return app;
}
