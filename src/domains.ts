// Every domain of the app, in dependency order. The composition root (app.ts), the CLI
// (main.ts) and the migration list read this one array.
import { accountsDomain } from './domains/accounts/index.js';
import { regionsDomain } from './domains/regions/index.js';
import { communityDomain } from './domains/community/index.js';
import { catalogDomain } from './domains/catalog/index.js';
import { innovationDomain } from './domains/innovation/index.js';
import { ordersDomain } from './domains/orders/index.js';
import { logisticsDomain } from './domains/logistics/index.js';
import { ledgerDomain } from './domains/ledger/index.js';
import { trainingDomain } from './domains/training/index.js';
import { partnersDomain } from './domains/partners/index.js';
import { produceDomain } from './domains/produce/index.js';
import { impactDomain } from './domains/impact/index.js';
import { collectiveDomain } from './domains/collective/index.js';
import { notificationsDomain } from './domains/notifications/index.js';
import { auditDomain } from './domains/audit/index.js';
import { agentappDomain } from './domains/agentapp/index.js';
import { defineDomain, installDomains, type DomainManifest } from './kernel/domain/index.js';
import { homeMessages } from './home.routes.js';
import { nationalCommand } from './seed/national.js';

/** The app's own page (home), which belongs to no domain. */
const appShell = defineDomain({
  name: 'app',
  migrations: {},
  messages: [homeMessages],
  // The public home page is the same for every anonymous visitor: a shared cache may serve it.
  http: { cachedPages: [/^\/$/] },
  // Spans every domain's bulk writers, so it belongs to the composition root.
  commands: { 'demo national': nationalCommand },
});

export const DOMAINS: readonly DomainManifest[] = [
  appShell,
  accountsDomain,
  regionsDomain,
  communityDomain,
  catalogDomain,
  innovationDomain,
  ordersDomain,
  logisticsDomain,
  trainingDomain,
  partnersDomain,
  ledgerDomain,
  collectiveDomain,
  produceDomain,
  impactDomain,
  notificationsDomain,
  auditDomain,
  agentappDomain,
];

/** Installs every manifest (idempotent); fails when a domain's need is unmet. */
export function composeDomains(): void {
  installDomains(DOMAINS);
}
