// The Hono environment every route sees: dependencies, the resolved actor and locale, the
// request id and the CSRF token to embed in forms.
import type { Config } from '../config.js';
import type { DbHandle } from '../db/types.js';
import type { Actor } from '../auth/access.js';
import type { Locale } from '../i18n/i18n.js';
import type { ReadRunner } from '../offloop/read-model.js';

export interface Deps {
  h: DbHandle;
  config: Config;
  /** Where heavy reads run off the event loop (SQLite files); absent: they run inline. */
  reads?: ReadRunner;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: Actor | null;
    locale: Locale;
    requestId: string;
    csrfToken: string;
    /** Menu badge counts of the signed-in person (set only for their page requests). */
    navBadges: Map<string, number> | undefined;
  };
}
