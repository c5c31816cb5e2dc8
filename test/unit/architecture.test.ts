// DESIGN.md's layout rules, enforced: the kernel imports no domain; domains import each other
// only through index.ts; src/lib imports nothing of ours; no import cycles; no huge files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';

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
  for (const cand of [base + '.ts', base + '.tsx', join(base, 'index.ts')]) if (existsSync(cand)) return cand;
  return null;
}

interface Edge { to: string; typeOnly: boolean }
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
const isTest = (p: string) => /\.test\.tsx?$/.test(p) || p.endsWith('access.cases.ts');

test('the kernel imports no domain and nothing above it', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    if (!rel(f).startsWith('kernel/')) continue;
    for (const e of edges) if (!rel(e.to).startsWith('kernel/')) bad.push(`${rel(f)} → ${rel(e.to)}`);
  }
  assert.deepEqual(bad, []);
});

test('src/lib imports nothing of ours', () => {
  const bad: string[] = [];
  for (const [f, edges] of graph) {
    const r = rel(f);
    if (!r.startsWith('lib/')) continue;
    const lib = r.split('/')[1];
    for (const e of edges) if (!rel(e.to).startsWith(`lib/${lib}/`)) bad.push(`${r} → ${rel(e.to)}`);
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
      // Tests and other domains' fixtures may use a domain's testing.ts fixtures.
      const fixtures = t === `domains/${other}/testing.ts` && (isTest(r) || r.endsWith('/testing.ts'));
      if (other !== own && t !== `domains/${other}/index.ts` && !fixtures) bad.push(`${r} → ${t}`);
    }
  }
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
