// Agent app: the village agent's installable offline console (issue 18). The phone keeps the
// catalogue and the point's parcels, queues assisted orders, scans, hand-overs and cash
// entries while there is no signal, and syncs them exactly once through the owning domains'
// own use cases (orders' checkout and cash hand-over, logistics' scans). The JS-off agent
// pages stay as they are; this domain only adds.
import { defineDomain } from '../../kernel/domain/index.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../kernel/http/index.js';
import './agentapp.tables.js';
import { agentappMigrations } from './migrations/index.js';
import { agentappErrors, agentappMessages } from './messages.js';
import { CONSOLE_PATH, consoleRoutes } from './console.routes.js';
import { agentappApi } from './agentapp.api.js';

export { agentappMigrations } from './migrations/index.js';

/** What the agent app adds: the console page, its manifest, service worker, snapshots and sync. */
export const agentappDomain = defineDomain({
  name: 'agentapp',
  migrations: agentappMigrations,
  routes: () => new Hono<AppEnv>().route('/', consoleRoutes()),
  api: agentappApi,
  messages: [agentappMessages],
  errors: agentappErrors,
  http: { publicFiles: ['/agen/app.webmanifest', '/agen/icon-'] },
  nav: [{ href: CONSOLE_PATH, label: 'agentapp.nav', roles: ['village_agent'], order: 22 }],
});
