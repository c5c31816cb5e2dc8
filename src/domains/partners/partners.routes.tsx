// Routes of partner feeds, orders in, webhooks and incentives.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { partnersApi } from './partners.api.js';
import { partnerPages } from './platforms.routes.js';
import { registrationPages } from './registration.routes.js';
import { decisionPages } from './decisions.routes.js';
import { incentivePages } from './incentives.routes.js';

export function partnersRoutes() {
  const app = createApiApp();
  partnersApi(app);
  partnerPages(app);
  registrationPages(app);
  decisionPages(app);
  incentivePages(app);
  return app;
}
