// Composition root: builds the HTTP app and mounts every domain. The only file that knows
// all domains besides migrations.ts and the seed.
import { createHttpApp, createLogger, type Deps, type Logger } from './kernel/http/index.js';
import { accountsApi, accountsRoutes, authenticate, sessionCookieName, setLocale } from './domains/accounts/index.js';
import { regionsRoutes } from './domains/regions/index.js';
import { communityRoutes } from './domains/community/index.js';
import { catalogRoutes } from './domains/catalog/index.js';
import { innovationRoutes } from './domains/innovation/index.js';
import { CART_COOKIE, ordersRoutes, storefrontHomeSection } from './domains/orders/index.js';
import { logisticsRoutes } from './domains/logistics/index.js';
import { trainingRoutes } from './domains/training/index.js';
import { partnersRoutes } from './domains/partners/index.js';
import { impactRoutes } from './domains/impact/index.js';
import { homeRoutes, registerHomeSection } from './home.routes.js';
import { apiDocs } from './api-docs.js';

registerHomeSection(storefrontHomeSection);

export function buildApp(deps: Deps, log: Logger = createLogger(deps.config.logLevel)) {
  const app = createHttpApp(deps, {
    authenticate,
    personalCookies: [sessionCookieName(false), sessionCookieName(true), CART_COOKIE],
    onLocaleChange: async (c, locale) => {
      const actor = c.get('actor');
      if (actor?.via === 'session') await setLocale(deps.h.db, actor.userId, locale);
    },
  }, log);
  app.route('/', homeRoutes());
  app.route('/', accountsRoutes());
  app.route('/', accountsApi());
  app.route('/', regionsRoutes());
  app.route('/', communityRoutes());
  app.route('/', catalogRoutes());
  app.route('/', innovationRoutes());
  app.route('/', ordersRoutes());
  app.route('/', logisticsRoutes());
  app.route('/', trainingRoutes());
  app.route('/', partnersRoutes());
  app.route('/', impactRoutes());
  apiDocs(app);
  return app;
}

export type LumbungApp = ReturnType<typeof buildApp>;
