// Composition root: installs every domain's manifest (src/domains.ts), builds the HTTP app and
// mounts each domain's routes. Cross-domain seams are declared in the manifests (`publishes`,
// `subscribes`, `needs`, `provides`) and connected by `composeDomains`.
import {
  createHttpApp,
  createLogger,
  mergeHttpPaths,
  type Deps,
  type Logger,
} from './kernel/http/index.js';
import {
  authenticate,
  bearerActor,
  sessionCookieName,
  setLocale,
} from './domains/accounts/index.js';
import { CART_COOKIE, storefrontHomeSection } from './domains/orders/index.js';
import { homeRoutes } from './home.routes.js';
import { apiDocs } from './api-docs.js';
import { composeDomains, DOMAINS } from './domains.js';

export function buildApp(deps: Deps, log: Logger = createLogger(deps.config.logLevel)) {
  composeDomains();
  const app = createHttpApp(
    deps,
    {
      authenticate,
      bearer: (token) => bearerActor(deps, token),
      personalCookies: [sessionCookieName(false), sessionCookieName(true), CART_COOKIE],
      // Each domain's cached pages, signed callbacks, public files, large uploads and direct routes.
      paths: mergeHttpPaths(DOMAINS.map((d) => d.http)),
      onLocaleChange: async (c, locale) => {
        const actor = c.get('actor');
        if (actor?.via === 'session') await setLocale(deps.h.db, actor.userId, locale);
      },
    },
    log,
  );
  // The storefront's featured villages and products are the public home page's one section.
  app.route('/', homeRoutes([storefrontHomeSection]));
  for (const d of DOMAINS) {
    if (d.routes) app.route('/', d.routes());
    if (d.api) app.route('/', d.api());
  }
  apiDocs(app);
  return app;
}

export type LumbungApp = ReturnType<typeof buildApp>;
