// Accounts: users identified by Indonesian mobile number or email, scoped role grants,
// database sessions, API tokens and invitations.
import type { Context } from 'hono';
import { bearerToken, type AppEnv, type Deps } from '../../kernel/http/index.js';
import { defineDomain } from '../../kernel/domain/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { actorFromSession } from './sessions.js';
import { actorFromToken } from './tokens.service.js';
import { accountsErrors, accountsMessages } from './messages.js';
import { accountsMigrations } from './migrations/index.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsCommands } from './accounts.cli.js';
import { accountsApi } from './accounts.api.js';

export { accountsMigrations } from './migrations/index.js';
export { accountsRoutes } from './accounts.routes.js';
export { accountsApi } from './accounts.api.js';
/** The role vocabulary (the kernel knows only the `Role` type it is handed) and who may grant what. */
export { ROLES, ROLE_SCOPE, canGrant } from './roles.js';
/** User facts other domains read (names, holders of a role). */
export {
  displayNames,
  activeHoldersOf,
  contactsOf,
  activeHoldersOn,
  type Contact,
  userByPhone,
  holdsGrant,
  holdersOn,
} from './users.queries.js';
/** Creates a user; active when a password is given. */
export { createUser, grantRole, invite, acceptInvitation, setLocale } from './users.service.js';
/** Signs in by phone/email + password with rate limits. */
export { login, LOGIN_FAILURE_LIMIT } from './login.js';
/** Session helpers (cookie name, start, end). */
export {
  startSession,
  endSession,
  sessionCookieName,
  hashToken,
  STAFF_IDLE_MS,
  STAFF_ABSOLUTE_MS,
} from './sessions.js';
/** API token lifecycle. */
export { createToken, revokeToken, actorFromToken } from './tokens.service.js';
/** Demo accounts: the demo password, the production start refusal and `lumbung demo remove`. */
export {
  DEMO_PASSWORD,
  DEMO_REMOVE_COMMAND,
  demoAccountsLeft,
  productionRefusal,
  removeDemoAccounts,
} from './demo-accounts.js';

/** What accounts adds to the app: sign-in, invitations, tokens and the home link. */
export const accountsDomain = defineDomain({
  name: 'accounts',
  migrations: accountsMigrations,
  routes: accountsRoutes,
  api: accountsApi,
  messages: [accountsMessages],
  errors: accountsErrors,
  commands: accountsCommands,
  nav: [{ href: '/me', label: 'nav.dashboard', roles: [], order: 1 }],
});

/** Resolves the request's actor from a bearer token or the session cookie. */
export async function authenticate(c: Context<AppEnv>): Promise<Actor | null> {
  const db = c.get('deps').h.db;
  const token = bearerToken(c.req.header('authorization'));
  if (token !== null) return bearerActor(c.get('deps'), token);
  return actorFromSession(c, db);
}

/** Per database: token lookups running now, and settled ones with the stamp read before each. */
interface TokenLookups {
  running: Map<string, Promise<Actor | null>>;
  settled: Map<string, { stamp: string; actor: Actor | null }>;
}
const lookupsOf = new WeakMap<Deps['h'], TokenLookups>();
/** Tokens remembered per database: a flood of made-up tokens cannot grow the map past this. */
const SETTLED_MAX = 1024;

/**
 * The actor of a bearer token (demo tokens refused in production), or null. A partner platform
 * or the agent app sends many requests at once with one token:
 * - requests that arrive while a lookup of their token is running share its answer instead of
 *   each asking the database again (on PostgreSQL, 256 connections of one token: 1,513–2,051
 *   orders/s against 1,211–1,723 with a lookup each; bench/README.md, "Direct routes");
 * - on a SQLite file a settled answer is kept while the database's stamp is the one read before
 *   its lookup began: no write here and no commit anywhere since, so the lookup would read the
 *   same rows again. A revocation, a disabled user, any write at all makes it stale at once.
 *   PostgreSQL gives no such stamp (other servers write), so nothing is kept there.
 */
export function bearerActor(deps: Deps, token: string): Promise<Actor | null> {
  let l = lookupsOf.get(deps.h);
  if (!l) lookupsOf.set(deps.h, (l = { running: new Map(), settled: new Map() }));
  const { running, settled } = l;
  const stamp = deps.h.stamp();
  const hit = stamp === null ? undefined : settled.get(token);
  if (hit && hit.stamp === stamp) return Promise.resolve(hit.actor);
  let lookup = running.get(token);
  if (!lookup) {
    lookup = actorFromToken(deps.h.db, token, { production: deps.config.mode === 'production' });
    running.set(token, lookup);
    lookup.then(
      (actor) => {
        running.delete(token);
        if (stamp === null) return;
        if (settled.size >= SETTLED_MAX) settled.clear();
        settled.set(token, { stamp, actor });
      },
      () => running.delete(token),
    );
  }
  return lookup;
}

/** Whether the database has no account yet, and the demo logins to print (the demo seed's index). */
export { noAccountsYet, demoLoginGrants } from './demo-accounts.js';
