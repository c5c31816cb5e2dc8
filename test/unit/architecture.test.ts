// DESIGN.md's layout rules, enforced: the kernel imports no domain; domains import each other
// only through index.ts; src/lib imports nothing of ours; no import cycles; no huge files;
// no test or source file reads outside the repository; production code never imports test
// support (test/support), so fixtures cannot leak into the running app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}

const all = files(src);
const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYN_RE = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const cand of [base + '.ts', base + '.tsx', join(base, 'index.ts')])
    if (existsSync(cand)) return cand;
  return null;
}

interface Edge {
  to: string;
  typeOnly: boolean;
}
const graph = new Map<string, Edge[]>();
for (const f of all) {
  const text = readFileSync(f, 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const to = resolveImport(f, m[3]);
    if (to) edges.push({ to, typeOnly: !!m[2] });
  }
  for (const m of text.matchAll(DYN_RE)) {
    const to = resolveImport(f, m[1]);
    if (to) edges.push({ to, typeOnly: false });
  }
  graph.set(f, edges);
}

const rel = (p: string) => relative(src, p).split(sep).join('/');
const isTest = (p: string) => /\.test\.tsx?$/.test(p);

test('the kernel imports no domain and nothing above it', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    if (!rel(f).startsWith('kernel/')) continue;
    for (const e of edges) {
      const support = isTest(f) && !e.to.startsWith(src + sep); // a kernel test's test support
      if (!rel(e.to).startsWith('kernel/') && !support) bad.push(`${rel(f)} → ${rel(e.to)}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('src/lib imports nothing of ours', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    const r = rel(f);
    if (!r.startsWith('lib/')) continue;
    const lib = r.split('/')[1];
    for (const e of edges)
      if (!rel(e.to).startsWith(`lib/${lib}/`)) bad.push(`${r} → ${rel(e.to)}`);
  }
  assert.deepEqual(bad, []);
});

test('domains import each other only through index.ts', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    const r = rel(f);
    if (!r.startsWith('domains/')) continue;
    const own = r.split('/')[1];
    for (const e of edges) {
      const t = rel(e.to);
      if (!t.startsWith('domains/')) continue;
      const other = t.split('/')[1];
      // Tests may reach into their own domain only; other domains through index.ts.
      if (other !== own && t !== `domains/${other}/index.ts`) bad.push(`${r} → ${t}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('production code never imports test support', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    if (isTest(f)) continue;
    for (const e of edges)
      if (!e.to.startsWith(src + sep)) bad.push(`${rel(f)} → ${relative(root, e.to)}`);
  }
  // Nothing that looks like test support may live in src/ either.
  for (const f of all)
    if (/(^|\/)testing(\.ts|\/)|\.testing\.ts$|\.cases\.ts$/.test(rel(f)))
      bad.push(`${rel(f)} is test support in src/`);
  assert.deepEqual(bad, []);
});

test('no import cycles (runtime imports)', () => {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]) => {
    state.set(f, 1);
    for (const e of graph.get(f) ?? []) {
      if (e.typeOnly || isTest(f)) continue;
      const s = state.get(e.to);
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(e.to)), e.to].map(rel).join(' → '));
      else if (!s) visit(e.to, [...stack, e.to]);
    }
    state.set(f, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f, [f]);
  assert.deepEqual(cycles, []);
});

test('no source file over 500 lines', () => {
  const big = all.filter((f) => readFileSync(f, 'utf8').split('\n').length > 500).map(rel);
  assert.deepEqual(big, []);
});

// Tests and source read only files inside the repository, so `npm test` passes in a clean
// clone on any machine. A static scan of the string literals (template pieces included) of
// every .ts/.tsx file under src/ and test/, parsed with the TypeScript compiler:
// - absolute filesystem paths (/work/, /home/, /Users/, C:\ …) and `~/`;
// - any path naming the shared data folder (`shared/data`, `../shared`);
// - relative paths (`../…`) that, resolved from the file's own folder, land outside the
//   repository (as `new URL('../../x', import.meta.url)` or `join(import.meta.dirname, …)` do);
// - `process.env.HOME`, `process.env.USERPROFILE` and `homedir()`.
// Its limits: it cannot see paths built at run time from pieces that are not literals
// (`join(root, '..', name)` with `name` from elsewhere), from environment variables with other
// names or from command-line arguments, nor reads done by child processes or shell commands.
// `/media/` and `/data/` are not in the list: they are URL paths of our own routes.
// bench/ and scripts/ are not scanned: benchmarks may read the shared data folder.
const ALLOWED_OUTSIDE: Record<string, string[]> = {
  // The browser suite launches the system's Chromium (an executable, not data it reads).
  'test/browser/support.ts': ['/usr/bin/chromium'],
};
const ABSOLUTE_RE = /^(\/(work|home|Users|root|mnt|opt|srv|var|tmp|etc|usr)(\/|$)|[A-Za-z]:\\|~\/)/;
const SHARED_RE = /(^|\/)shared\/data(\/|$)|(^|\/)\.\.\/shared(\/|$)/;

/** The problems of one file's source text; `file` is its absolute path. */
function outsideReads(file: string, text: string): string[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const own = relative(root, file).split(sep).join('/');
  const allowed = ALLOWED_OUTSIDE[own] ?? [];
  const bad: string[] = [];
  const at = (n: ts.Node) => `${own}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteralLike(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      const s = n.text;
      const climbs =
        /^(\.\.\/)+|^\.\.$/.test(s) && relative(root, resolve(dirname(file), s)).startsWith('..');
      if (!allowed.includes(s) && (ABSOLUTE_RE.test(s) || SHARED_RE.test(s) || climbs))
        bad.push(`${at(n)} '${s}'`);
    } else if (
      ts.isPropertyAccessExpression(n) &&
      /^(HOME|USERPROFILE)$/.test(n.name.text) &&
      n.expression.getText(sf) === 'process.env'
    ) {
      bad.push(`${at(n)} ${n.getText(sf)}`);
    } else if (ts.isCallExpression(n) && /(^|\.)homedir$/.test(n.expression.getText(sf))) {
      bad.push(`${at(n)} ${n.getText(sf)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return bad;
}

test('no test or source file reads outside the repository', () => {
  // This file is left out: it holds the examples the scan must catch.
  const scanned = [...all, ...files(join(root, 'test'))].filter((f) => f !== import.meta.filename);
  const bad = scanned.flatMap((f) => outsideReads(f, readFileSync(f, 'utf8')));
  assert.deepEqual(bad, []);
});

test('the outside-read scan sees the known ways out', () => {
  const f = join(root, 'src/lib/did/x.test.ts');
  const found = outsideReads(
    f,
    [
      "readFileSync('/work/shared/data/did/mpdta.csv');",
      'const dir = `/home/ana/data/${name}`;',
      "const d = new URL('../../../../shared/data', import.meta.url);",
      "join(import.meta.dirname, '../../../../outside.csv');",
      'readFileSync(join(process.env.HOME, "x"));',
      'const h = os.homedir();',
      "const ok = [new URL('./fixtures/a.csv', import.meta.url), '../vrp/index.ts', '/api/v1/orders'];",
    ].join('\n'),
  );
  assert.deepEqual(
    found.map((s) => s.replace(/ .*/, '')),
    [1, 2, 3, 4, 5, 6].map((l) => `src/lib/did/x.test.ts:${l}`),
  );
});

// The kernel holds no domain vocabulary: roles come to it as a type (accounts/roles.ts), and the
// paths it treats specially (cached pages, signed callbacks, photos) from the manifests' `http`.
test('the kernel names no role and no domain path', async () => {
  const { ROLES } = await import('../../src/domains/accounts/index.js');
  // 'partner' is also a scope type (ScopeType, what a grant's scopeId names), still the kernel's.
  const roles = ROLES.filter((r) => r !== 'partner').map((r) => `'${r}'`);
  const paths = ['/api/v1/webhooks', '/photos', '/media', '/desa', '/produk', '/cari', '/kategori'];
  const words = [...roles, ...paths.flatMap((p) => [`'${p}`, `\`${p}`, `/^\\${p}`])];
  const bad: string[] = [];
  for (const f of all.filter((p) => rel(p).startsWith('kernel/') && !isTest(p))) {
    const text = readFileSync(f, 'utf8');
    for (const w of words) if (text.includes(w)) bad.push(`${rel(f)}: ${w}`);
  }
  assert.deepEqual(bad, []);
});

// A domain's Kysely table types are its own: another domain reads its data through the
// functions its index.ts exports, never by typing rows of its tables.
test('no index.ts exports a table type', () => {
  const bad: string[] = [];
  for (const f of all.filter((p) => /\/domains\/[^/]+\/index\.ts$/.test(p))) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements)
          if (/Table$/.test(el.name.text)) bad.push(`${rel(f)} ${el.name.text}`);
      if (
        (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) &&
        st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
        /Table$/.test(st.name.text)
      )
        bad.push(`${rel(f)} ${st.name.text}`);
    }
  }
  assert.deepEqual(bad, [], 'keep table types private to the domain');
});

// The file roles of docs/ARCHITECTURE.md ("File roles"): `name.<role>.ts(x)`; a name without a
// role is a plain module.
const FILE_ROLES = new Set([
  'routes',
  'api',
  'api-schemas',
  'api-inputs',
  'api-parts',
  'views',
  'panel',
  'service',
  'queries',
  'reads',
  'access',
  'tables',
  'schema',
  'messages',
  'cli',
  'test',
]);
test('every domain file has a role from the file-role table (or none)', () => {
  const bad: string[] = [];
  for (const f of all.filter((p) => rel(p).startsWith('domains/'))) {
    const name = f.split(sep).pop()!;
    const m = /^([^.]+)\.([^.]+)\.tsx?$/.exec(name);
    if (!m) continue;
    // messages.<part>.ts is a part of the catalogue, like <part>.messages.ts.
    if (m[1] === 'messages' || FILE_ROLES.has(m[2])) continue;
    bad.push(rel(f));
  }
  assert.deepEqual(bad, [], 'name the file by a role of docs/ARCHITECTURE.md "File roles"');
});
