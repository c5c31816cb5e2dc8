// Test worlds: a migrated database (SQLite, or PostgreSQL with LUMBUNG_TEST_DATABASE_URL),
// the full app on it, and quick ways to act as a user with a given role and scope.
import { loadConfig } from '../../src/kernel/config.js';
import { createLogger, type Logger } from '../../src/kernel/http/index.js';
import type { Database, DbHandle } from '../../src/kernel/db/index.js';
import { createTestDb, TestClient } from './kernel/index.js';
import type { Actor, Role } from '../../src/kernel/auth/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import {
  createToken,
  createUser,
  grantRole,
  hashToken,
  sessionCookieName,
} from '../../src/domains/accounts/index.js';
import { importRegions } from '../../src/domains/regions/index.js';
import { allMigrations } from '../../src/migrations.js';
import { buildApp, type LumbungApp } from '../../src/app.js';
import type { ReadRunner } from '../../src/kernel/offloop/index.js';

export interface World {
  h: DbHandle;
  app: LumbungApp;
  client(): TestClient;
  /** A client signed in as a new user holding `role` at `scope` (several grants allowed). */
  as(
    grants: [Role, string | null][] | Role,
    scope?: string | null,
  ): Promise<TestClient & { userId: string }>;
  close(): Promise<void>;
}

let phoneSeq = 0;
/** A unique valid Indonesian mobile number for fixtures. */
export function testPhone(): string {
  phoneSeq++;
  return `+62812${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(5, '0')}`;
}

/** The demo regencies every test world holds: Ngada (NTT, WITA) and Banyuwangi (Jawa Timur, WIB). */
export const DEMO_REGENCIES = ['53.09', '35.10'];

export async function createWorld(
  opts: {
    sqlitePath?: string;
    env?: Record<string, string>;
    regions?: string[];
    /** Read workers for heavy reads (kernel/offloop); by default they run inline. */
    reads?: ReadRunner;
    /** Where the app logs (silent by default). */
    log?: Logger;
  } = {},
): Promise<World> {
  // All provinces and regencies, plus the districts and villages of the demo regencies.
  const prefixes = opts.regions ?? DEMO_REGENCIES;
  const h = await createTestDb(allMigrations, {
    sqlitePath: opts.sqlitePath,
    template: {
      key: `regions_${prefixes.join('_').replaceAll('.', '')}`,
      fill: async (t) => void (await importRegions(t.db, { prefixes })),
    },
  });
  const config = {
    ...loadConfig({ LUMBUNG_SECRET: 'test-secret', LUMBUNG_LOG_LEVEL: 'silent', ...opts.env }),
    sqlitePath: ':memory:',
  };
  const app = buildApp({ h, config, reads: opts.reads }, opts.log ?? createLogger('silent'));
  let n = 0;
  let closing: Promise<void> | undefined;
  return {
    h,
    app,
    client: () => new TestClient(app),
    async as(grants, scope = null) {
      const list: [Role, string | null][] = typeof grants === 'string' ? [[grants, scope]] : grants;
      const userId = unwrap(
        await createUser(h.db, { displayName: `Test ${list[0][0]} ${++n}`, phone: testPhone() }),
      );
      await h.db.updateTable('users').set({ status: 'active' }).where('id', '=', userId).execute();
      for (const [role, s] of list) unwrap(await grantRole(h.db, null, userId, role, s));
      // A session row made directly: argon2 per fixture user would slow the suite for nothing.
      const token = `test-${userId}`;
      const now = new Date().toISOString();
      await h.db
        .insertInto('sessions')
        .values({
          id: hashToken(token),
          user_id: userId,
          created_at: now,
          last_seen_at: now,
          idle_ms: 1800_000,
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
        })
        .execute();
      const c = new TestClient(app) as TestClient & { userId: string };
      c.cookies.set(sessionCookieName(config.mode === 'production'), token);
      c.userId = userId;
      return c;
    },
    // Idempotent: a world served by a test server and owned by a fixture may be closed by both.
    close: () => (closing ??= h.close()),
  };
}

/** Statuses an allowed request answers with: the page, the created record, or the redirect after a write. */
export type AllowStatus = 200 | 201 | 204 | 302 | 303;
/** Statuses a denied request answers with; 'login' is the redirect (303) of a signed-out GET to /login. */
export type DenyStatus = 401 | 403 | 404 | 'login';

/** One row of the access matrix: who asks, what, and the status the design gives that caller. */
export interface AccessCase {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  /** null = anonymous visitor. */
  as: [Role, string | null][] | null;
  /**
   * The designed answer, asserted exactly. A deny must have an allow case with the same method
   * and path (so a 404 cannot pass because the route or record does not exist), and a denied
   * write must leave the row count of every table unchanged.
   */
  expect: AllowStatus | DenyStatus;
  /**
   * Only for a refusal that no caller may pass on this exact path (an unlisted product's public
   * page, a photo addressed through another product) or whose allowed form the matrix cannot
   * send (a multipart upload; the one mentor assigned to a UMKM, a person rather than a role):
   * `METHOD path` of an allowed case on the same record, which proves the route and record
   * exist. Every other refusal is paired by its own method and path.
   */
  twin?: string;
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

/** True when the case's designed answer is a refusal. */
export const isDeny = (expect: AccessCase['expect']): expect is DenyStatus =>
  expect === 'login' || expect >= 400;

/** Each domain's `test/support/access/<domain>.cases.ts` exports this: it builds its fixtures and lists its cases. */
export type AccessCases = (w: World) => Promise<AccessCase[]>;

/** A new API token bound to the user's first grant (what an app or a partner platform sends). */
export async function apiToken(
  w: World,
  userId: string,
  name = 'aplikasi',
): Promise<{ id: string; token: string }> {
  const grant = await w.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return unwrap(await createToken(w.h.db, { userId } as Actor, name, grant.id));
}

/** Rows in `table` (a refused write must leave the count unchanged). */
export async function countRows(w: World, table: keyof Database & string): Promise<number> {
  const r = await w.h.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
