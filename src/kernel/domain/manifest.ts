// A domain's manifest: everything it contributes to the running app, as data. Domains never
// register anything when imported; the composition root (src/app.ts) hands the manifests to
// `installDomains`, so reading app.ts and the manifests tells what the app is made of.
import type { Hono } from 'hono';
import type { Migrations } from '../db/index.js';
import {
  registerHomePanel,
  registerNav,
  type AppEnv,
  type HomePanel,
  type HttpPaths,
  type NavItem,
} from '../http/index.js';
import { registerMessages, type Messages } from '../i18n/index.js';
import { defineErrors, type ErrorSpec } from '../errors/index.js';
import { registerJob, type JobHandler } from '../jobs/index.js';
import {
  registerCommand,
  registerStartupTask,
  type Command,
  type StartupTask,
} from '../cli/index.js';
import {
  registerScopeLabeller,
  registerScopeResolver,
  type ScopeLabeller,
  type ScopeOwnerResolver,
  type ScopeResolver,
  type ScopeType,
} from '../auth/index.js';
import { registerAuditScope, type AuditScopeResolver } from '../audit/index.js';
import type { ReadModel } from '../offloop/index.js';
import type { Port, Provision, Subscription, Topic } from './ports.js';

export interface MessageTable {
  id: Messages;
  en: Messages;
}

export interface DomainManifest {
  name: string;
  migrations: Migrations;
  /** The domain's pages and API as one Hono sub-app, mounted at `/`. */
  routes?: () => Hono<AppEnv>;
  /** A JSON API kept apart from the pages (mounted at `/` after `routes`). */
  api?: () => Hono<AppEnv>;
  nav?: NavItem[];
  homePanels?: HomePanel[];
  /** Paths the HTTP layer treats specially: cached public pages, signed callbacks, photos. */
  http?: HttpPaths;
  messages?: MessageTable[];
  errors?: Record<string, ErrorSpec>;
  jobs?: Record<string, JobHandler>;
  /** CLI subcommands by name (may be two words, e.g. `import regions`). */
  commands?: Record<string, Command>;
  /** Work after migrations whenever the CLI opens the database. */
  startup?: StartupTask[];
  /** How a grant on one of this domain's entities finds its region. */
  scopes?: Partial<Record<ScopeType, ScopeResolver>>;
  /** Which organisation runs each scoped entity (a community manager grants only inside its own). */
  scopeOwners?: Partial<Record<ScopeType, ScopeOwnerResolver>>;
  /** How people's pages name this domain's scoped entities (a grant shows "Kopi Bajawa", not an id). */
  scopeLabels?: Partial<Record<ScopeType, ScopeLabeller>>;
  /** Per audited entity type, how to find the region of a batch of its ids (audit readers' scope). */
  auditScopes?: Record<string, AuditScopeResolver>;
  /** Events this domain publishes; app.ts subscribes other domains to them. */
  publishes?: Record<string, Topic<any>>;
  /** Implementations this domain needs from others (each connected by some domain's `provides`). */
  needs?: Record<string, Port<any>>;
  /** Other domains' topics this domain reacts to. */
  subscribes?: Subscription<any>[];
  /** This domain's implementations of other domains' ports. */
  provides?: Provision<any>[];
  /** Reads heavy enough to run off the event loop (kernel/offloop), run by name in a worker. */
  reads?: ReadModel<any[], any>[];
}

/** Declares a manifest (an identity function that checks its shape). */
export const defineDomain = <M extends DomainManifest>(m: M): M => m;

// Messages, errors, jobs, commands and navigation are process-wide catalogues (pure data and
// handlers keyed by name); installing a manifest twice (one app per test world) adds nothing.
const installed = new WeakSet<DomainManifest>();

/** Puts each manifest's contributions into the kernel's catalogues, once per manifest. */
export function installDomains(manifests: readonly DomainManifest[]): void {
  const names = new Set<string>();
  for (const m of manifests) {
    if (names.has(m.name)) throw new Error(`domain ${m.name} listed twice`);
    names.add(m.name);
    if (installed.has(m)) continue;
    installed.add(m);
    for (const table of m.messages ?? []) registerMessages(table);
    if (m.errors) defineErrors(m.errors);
    for (const [type, handler] of Object.entries(m.jobs ?? {})) registerJob(type, handler);
    for (const [name, command] of Object.entries(m.commands ?? {})) registerCommand(name, command);
    for (const task of m.startup ?? []) registerStartupTask(task);
    for (const [type, resolver] of Object.entries(m.scopes ?? {}) as [ScopeType, ScopeResolver][])
      registerScopeResolver(type, resolver, m.scopeOwners?.[type]);
    for (const [type, labeller] of Object.entries(m.scopeLabels ?? {}) as [
      ScopeType,
      ScopeLabeller,
    ][])
      registerScopeLabeller(type, labeller);
    for (const [type, resolve] of Object.entries(m.auditScopes ?? {}))
      registerAuditScope(type, m.name, resolve);
    for (const item of m.nav ?? []) registerNav(item);
    for (const panel of m.homePanels ?? []) registerHomePanel(panel);
    for (const s of m.subscribes ?? []) s.topic.subscribe(m.name, s.run, s.runMany);
    for (const p of m.provides ?? []) p.port.connect(m.name, p.impl);
  }
  assertNeedsMet(manifests);
}

/** Throws at start when a required port of any domain was left unconnected. */
export function assertNeedsMet(manifests: readonly DomainManifest[]): void {
  const unmet = manifests.flatMap((m) =>
    Object.values(m.needs ?? {})
      .filter((p) => p.required && !p.connectedTo)
      .map((p) => `${m.name}: ${p.name}`),
  );
  if (unmet.length) throw new Error(`unmet domain needs: ${unmet.join(', ')}`);
}

/** One line per seam: who publishes what to whom, who provides what to whom (docs, tests). */
export function describeWiring(manifests: readonly DomainManifest[]): string[] {
  const lines: string[] = [];
  for (const m of manifests) {
    for (const t of Object.values(m.publishes ?? {}))
      lines.push(`${m.name} publishes ${t.name} -> ${t.subscribers.join(', ') || '(none)'}`);
    for (const p of Object.values(m.needs ?? {}))
      lines.push(
        `${m.name} needs ${p.name} <- ${p.connectedTo ?? (p.required ? 'UNMET' : '(own fallback)')}`,
      );
  }
  return lines;
}

/** Every migration of the given domains, after the kernel's own. */
export function migrationsOf(kernel: Migrations, manifests: readonly DomainManifest[]): Migrations {
  return Object.assign({}, kernel, ...manifests.map((m) => m.migrations));
}
