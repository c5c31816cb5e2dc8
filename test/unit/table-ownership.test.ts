// Each domain owns its tables (issue 20, step 3): a production file may name only its own
// domain's tables; another domain's data comes through functions that domain exports from its
// index.ts. The kernel's tables (audit log, jobs, idempotency keys, rate limits) are the
// kernel's: domains use the kernel's functions for them.
//
// How it works, without a type checker (fast, and blind to nothing Kysely needs):
// - Ownership comes from the declaration merging itself: every `*.tables.ts` under
//   src/domains/<d>/ adds its tables to `interface Database`, so <d> owns them; the kernel's
//   are in src/kernel/db/kernel-tables.ts. A table declared twice fails the check.
// - A file belongs to the domain folder it sits in (src/domains/<d>/…); src/seed/<d>.seed.ts
//   writes <d>'s demo data and belongs to <d>; src/kernel/ is the kernel; anything else
//   (app.ts, the seed's index, the home page) is the composition root and owns no table.
// - Every production file is parsed with the TypeScript compiler. A table is "named" by the
//   first argument of selectFrom / insertInto / updateTable / deleteFrom / the joins /
//   replaceInto / mergeInto / createTable / alterTable / dropTable / sql.table (a literal
//   'products', 'products as p' or an array of them), and by FROM / JOIN / INTO / UPDATE /
//   TABLE <name> inside a sql`…` template. When the argument is a variable (`table as 'umkm'`),
//   the string literal types of its declared parameter type are the tables it may name; a name
//   that cannot be read statically at all fails the check, so every query stays visible.
// - Subqueries passed as expressions (`stock.as('s')`) are checked where they are built.
// Its limits: it cannot see a table name built from pieces at run time, nor raw SQL passed
// as a plain string to a driver (no production file does either).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}
const rel = (p: string) => relative(src, p).split(sep).join('/');
const parse = (file: string, text: string) =>
  ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

/** Who a file under src/ speaks for: a domain name, 'kernel', or 'app' (owns no table). */
export function ownerOfFile(r: string): string {
  if (r.startsWith('domains/')) return r.split('/')[1];
  if (r.startsWith('kernel/')) return 'kernel';
  const seed = /^seed\/([a-z]+)\.seed\.ts$/.exec(r);
  return seed ? seed[1] : 'app';
}

/** Table → owner, read from the `interface Database` declarations; duplicates reported. */
function tableOwners(paths: string[]): { owners: Map<string, string>; twice: string[] } {
  const owners = new Map<string, string>();
  const twice: string[] = [];
  for (const f of paths) {
    const r = rel(f);
    if (!/\.tables\.ts$|^kernel\/db\/kernel-tables\.ts$/.test(r)) continue;
    const who = ownerOfFile(r);
    const visit = (n: ts.Node): void => {
      if (ts.isInterfaceDeclaration(n) && n.name.text === 'Database')
        for (const m of n.members)
          if (m.name && ts.isIdentifier(m.name)) {
            const prev = owners.get(m.name.text);
            if (prev && prev !== who) twice.push(`${m.name.text}: ${prev} and ${who}`);
            owners.set(m.name.text, who);
          }
      ts.forEachChild(n, visit);
    };
    visit(parse(f, readFileSync(f, 'utf8')));
  }
  return { owners, twice };
}

const METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'replaceInto',
  'mergeInto',
  'createTable',
  'alterTable',
  'dropTable',
  'table',
]);
const SQL_RE = /\b(?:from|join|into|update|table)\s+("?)([a-z_][a-z0-9_]*)\1/gi;

export interface Naming {
  /** `path:line` */
  at: string;
  table: string;
}

/** Every table name a file's source text names (see the header for what counts). */
export function tablesNamed(file: string, text: string): { named: Naming[]; unreadable: string[] } {
  const sf = parse(file, text);
  const named: Naming[] = [];
  const unreadable: string[] = [];
  const at = (n: ts.Node) =>
    `${rel(file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const add = (name: string, n: ts.Node) => named.push({ at: at(n), table: name });
  // The string literal types of the parameter or variable called `name` around `from`.
  const declaredLiterals = (name: string, from: ts.Node): string[] | null => {
    for (let n: ts.Node | undefined = from; n; n = n.parent) {
      const decls: (ts.ParameterDeclaration | ts.VariableDeclaration)[] = [];
      if (ts.isFunctionLike(n)) decls.push(...n.parameters);
      if (ts.isBlock(n) || ts.isSourceFile(n))
        for (const s of n.statements)
          if (ts.isVariableStatement(s)) decls.push(...s.declarationList.declarations);
      const d = decls.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (!d) continue;
      const out: string[] = [];
      const collect = (t: ts.Node): void => {
        if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal.text);
        ts.forEachChild(t, collect);
      };
      if (d.type) collect(d.type);
      return out.length ? out : null;
    }
    return null;
  };
  const argument = (a: ts.Expression, call: ts.Node): void => {
    while (ts.isAsExpression(a) || ts.isParenthesizedExpression(a)) a = a.expression;
    if (ts.isStringLiteralLike(a)) add(a.text.split(/\s+as\s+/)[0].trim(), call);
    else if (ts.isArrayLiteralExpression(a)) for (const e of a.elements) argument(e, call);
    else if (ts.isIdentifier(a)) {
      const lits = declaredLiterals(a.text, a);
      if (lits) for (const l of lits) add(l, call);
      else unreadable.push(`${at(call)} ${a.text}`);
    }
    // Anything else is a subquery or a callback: its own selectFrom is visited.
  };
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      METHODS.has(n.expression.name.text) &&
      n.arguments[0] &&
      // sql.table('x') and db.schema.createTable('x'), not some object's `table` property.
      (n.expression.name.text !== 'table' || n.expression.expression.getText(sf) === 'sql')
    )
      argument(n.arguments[0], n);
    if (ts.isTaggedTemplateExpression(n) && /^sql\b/.test(n.tag.getText(sf))) {
      const t = n.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t.text]
        : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
      for (const p of parts) for (const m of p.matchAll(SQL_RE)) add(m[2], n);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { named, unreadable };
}

const production = files(src);
const { owners, twice } = tableOwners(production);

/** `path:line table (owner)` for every table a file names that its domain does not own. */
function violations(paths: string[]): { bad: string[]; unreadable: string[] } {
  const bad: string[] = [];
  const unreadable: string[] = [];
  for (const f of paths) {
    const me = ownerOfFile(rel(f));
    const found = tablesNamed(f, readFileSync(f, 'utf8'));
    unreadable.push(...found.unreadable);
    for (const { at, table } of found.named) {
      const owner = owners.get(table);
      if (owner && owner !== me) bad.push(`${at} ${table} (${owner})`);
    }
  }
  return { bad, unreadable };
}

// Files that still name another domain's tables, by file: the debt left from before the check,
// paid off on 2026-12-03. It stays empty: a new naming anywhere fails at once.
const NOT_YET_MOVED: Record<string, string[]> = {};

test('every table is declared by exactly one owner', () => {
  assert.deepEqual(twice, []);
  assert.ok(owners.size > 50, `only ${owners.size} tables found: the declaration scan broke`);
});

test('no production file names a table another domain (or the kernel) owns', () => {
  const { bad, unreadable } = violations(production);
  assert.deepEqual(unreadable, [], 'table names the check cannot read');
  const byFile = new Map<string, Set<string>>();
  for (const b of bad) {
    const [file] = b.split(':');
    const table = b.split(' ')[1];
    if (!byFile.has(file)) byFile.set(file, new Set());
    byFile.get(file)?.add(table);
  }
  const unexpected: string[] = [];
  for (const b of bad) {
    const [file] = b.split(':');
    if (!NOT_YET_MOVED[file]?.includes(b.split(' ')[1])) unexpected.push(b);
  }
  const stale = Object.entries(NOT_YET_MOVED).flatMap(([file, tables]) =>
    tables.filter((t) => !byFile.get(file)?.has(t)).map((t) => `${file} ${t}`),
  );
  assert.deepEqual(unexpected, [], 'move these queries behind the owning domain’s index.ts');
  assert.deepEqual(stale, [], 'moved: take these off NOT_YET_MOVED');
});

test('the table scan sees the ways a query names a table', () => {
  const f = join(src, 'domains/innovation/x.ts');
  const { named, unreadable } = tablesNamed(
    f,
    [
      "db.selectFrom('products as p').innerJoin('umkm as u', 'u.id', 'p.umkm_id');",
      "tx.updateTable('products').set({ listed: 1 });",
      "tx.insertInto('stock').values(v); db.deleteFrom(['photos', 'variants']);",
      'sql`SELECT count(*) FROM "orders" o LEFT JOIN order_lines l ON l.order_id = o.id`;',
      "const f = (t: 'service_points' | 'village_profiles') => db.selectFrom(t as 'hubs');",
      'db.selectFrom(someTable); db.selectFrom(sub.as("s")); row.table("x");',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text.
      "db.schema.alterTable('users'); sql`${sql.table('grants')}`;",
    ].join('\n'),
  );
  assert.deepEqual(
    named.map((n) => `${n.at.split(':')[1]} ${n.table}`),
    [
      '1 umkm',
      '1 products',
      '2 products',
      '3 stock',
      '3 photos',
      '3 variants',
      '4 orders',
      '4 order_lines',
      '5 service_points',
      '5 village_profiles',
      '7 users',
      '7 grants',
    ],
  );
  assert.deepEqual(unreadable, ['domains/innovation/x.ts:6 someTable']);
  assert.equal(ownerOfFile('seed/catalog.seed.ts'), 'catalog');
  assert.equal(ownerOfFile('seed/index.ts'), 'app');
});
