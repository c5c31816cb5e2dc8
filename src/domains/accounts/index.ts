// Accounts: users identified by Indonesian mobile number or email, scoped role grants,
// database sessions, API tokens and invitations.
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../kernel/http/index.js';
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
  const auth = c.req.header('authorization');
  if (auth && /^Bearer\s+/i.test(auth))
    return bearerActor(c.get('deps'), auth.replace(/^Bearer\s+/i, '').trim());
  return actorFromSession(c, db);
}

/** The actor of a bearer token (demo tokens refused in production), or null. */
export function bearerActor(deps: Deps, token: string): Promise<Actor | null> {
  return actorFromToken(deps.h.db, token, { production: deps.config.mode === 'production' });
}

/** Whether the database has no account yet, and the demo logins to print (the demo seed's index). */
export { noAccountsYet, demoLoginGrants } from './demo-accounts.js';
