// Audit: the reader of the kernel's hash-chained audit log for national and regional staff.
// The log and its chain live in the kernel; this domain owns only the page and API, and reads
// the region resolvers other domains declare in their manifests (`auditScopes`).
import { defineDomain } from '../../kernel/domain/index.js';
import { auditMessages } from './messages.js';
import { auditRoutes } from './audit.routes.js';

/** What audit adds to the app: `/audit` and `GET /api/v1/audit`. */
export const auditDomain = defineDomain({
  name: 'audit',
  migrations: {},
  routes: auditRoutes,
  messages: [auditMessages],
  nav: [
    {
      href: '/audit',
      label: 'audit.nav',
      roles: ['national_admin', 'regional_officer'],
      order: 95,
    },
  ],
});
