// The one CLI: `lumbung serve | migrate | seed | audit verify | import … | did …`.
import { readFileSync } from 'node:fs';
import { loadConfig } from './kernel/config.js';
import { connect, migrateToLatest, type DbHandle } from './kernel/db/index.js';
import { createLogger, serveApp } from './kernel/http/index.js';
import { startWorker } from './kernel/jobs/index.js';
import { collectWhenQuiet, setWorkerYoungGeneration } from './kernel/offloop/index.js';
import { verifyAudit } from './kernel/audit/index.js';
import { commandUsages, findCommand, progressBar, runStartupTasks } from './kernel/cli/index.js';
import { allMigrations } from './migrations.js';
import { buildApp } from './app.js';
import { readWorkersFor, replicaReadsFor, startCheckoutWriter } from './read-workers.js';
import { composeDomains } from './domains.js';
import { productionRefusal } from './domains/accounts/index.js';
import { openApiDocument } from './api-docs.js';
import { DEMO_PASSWORD, demoLogins, isEmpty, seedDemo } from './seed/index.js';

const USAGE = `Usage: lumbung <command>
  serve                 migrate, seed the demo into an empty database (demo mode), and serve HTTP
  migrate               apply database migrations
  seed                  seed the demo world into an empty database
  audit verify          check the audit log's hash chain
  openapi               print the API's OpenAPI 3.1 document (JSON)
  did --data FILE ...   staggered difference-in-differences (see README)`;

async function open(): Promise<DbHandle> {
  const config = loadConfig();
  const h = connect({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    synchronous: config.sqliteSynchronous,
  });
  const bar = progressBar('migrate');
  const applied = await migrateToLatest(h, allMigrations);
  bar.done(applied.length ? `${applied.length} applied` : 'up to date');
  await runStartupTasks(h);
  return h;
}

async function seedIfEmpty(h: DbHandle, force: boolean) {
  if (!(await isEmpty(h))) {
    if (force) console.log('seed: database is not empty, nothing seeded');
    return null;
  }
  const bar = progressBar('seed');
  const logins = await seedDemo(h, bar);
  bar.done(`${logins.length} demo users`);
  return logins;
}

async function main(argv: string[]): Promise<number> {
  composeDomains();
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'serve': {
      const config = loadConfig();
      const h = await open();
      if (config.mode === 'production') {
        // The demo accounts' password is public: never serve production with them in the database.
        const refusal = await productionRefusal(h.db);
        if (refusal) {
          console.error(refusal);
          await h.close();
          return 1;
        }
      }
      if (config.mode === 'demo') await seedIfEmpty(h, false);
      const logins = config.mode === 'demo' ? await demoLogins(h) : [];
      const log = createLogger(config.logLevel);
      // Heavy dashboard reads run in a worker thread on a SQLite file, or on the PostgreSQL
      // replica when one is configured (kernel/offloop).
      const reads =
        h.dialect === 'sqlite' && config.sqlitePath !== ':memory:'
          ? readWorkersFor(config.sqlitePath)
          : h.dialect === 'postgres' && config.replicaUrl
            ? replicaReadsFor(config.replicaUrl)
            : undefined;
      // Threads started from here on (writer, read worker, solver) get 16 MiB semi-spaces: the
      // checkout writer at 2 MiB spent a quarter of its time collecting (kernel/offloop/worker-heap.ts).
      setWorkerYoungGeneration(16);
      // Checkout batches commit in a writer thread with its own connection, on a SQLite file or
      // PostgreSQL (orders/checkout/writer.ts).
      const writer =
        h.dialect === 'postgres' && config.databaseUrl
          ? startCheckoutWriter(h, { databaseUrl: config.databaseUrl })
          : h.dialect === 'sqlite' && config.sqlitePath !== ':memory:'
            ? startCheckoutWriter(h, {
                sqlitePath: config.sqlitePath,
                synchronous: config.sqliteSynchronous,
              })
            : undefined;
      const app = buildApp({ h, config, reads }, log);
      const stopWorker = startWorker(h.db);
      const server = serveApp(app, { port: config.port, hostname: config.host, log }, (info) => {
        console.log(
          `\nLumbung is running: http://localhost:${info.port}/  (${config.mode} mode, ${h.dialect})`,
        );
        if (config.mode === 'demo') {
          console.log(
            `Demo logins at http://localhost:${info.port}/login (password for all: ${DEMO_PASSWORD}):`,
          );
          if (logins.length === 0) console.log('  (no demo users in this database)');
          for (const l of logins)
            console.log(
              `  ${l.role.padEnd(18)} ${l.login.padEnd(14)} ${l.name}${l.scope ? ` · ${l.scope}` : ''}`,
            );
        }
      });
      // A heap grown under a burst of requests is given back a second after it ends.
      const stopCollecting = collectWhenQuiet(server);
      const shutdown = async () => {
        stopCollecting();
        server.close();
        await stopWorker();
        await reads?.close();
        await writer?.close();
        await h.close();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      return -1;
    }
    case 'migrate': {
      const h = await open();
      await h.close();
      return 0;
    }
    case 'seed': {
      const h = await open();
      await seedIfEmpty(h, true);
      await h.close();
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify') break;
      const h = await open();
      const r = await verifyAudit(h.db);
      await h.close();
      if (r.ok) console.log(`audit log intact: ${r.rows} rows`);
      else
        console.error(
          `audit log broken at row ${r.brokenAt}: ${r.reason} (${r.rows} rows verified before it)`,
        );
      return r.ok ? 0 : 1;
    }
    case 'openapi': {
      // The document depends on the routes only: an empty in-memory database is enough.
      const h = connect({ databaseUrl: undefined, sqlitePath: ':memory:' });
      const app = buildApp({ h, config: loadConfig() }, createLogger('silent'));
      process.stdout.write(JSON.stringify(openApiDocument(app), null, 2) + '\n');
      await h.close();
      return 0;
    }
    case 'did': {
      const { runDidCli } = await import('./lib/did/cli.js');
      return runDidCli(rest, {
        readFile: (p) => readFileSync(p, 'utf8'),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    }
    default: {
      const found = findCommand(argv);
      if (found)
        return found.command.run(found.args, {
          open,
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
        });
      break;
    }
  }
  console.error([USAGE, ...commandUsages()].join('\n'));
  return cmd ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
