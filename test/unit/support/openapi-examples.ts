// Values built from an OpenAPI 3.1 document: a plausible example for a schema (so a request
// gets past the first check and reaches the deeper ones), and hostile rewrites of it. Driven by
// the document only; `hints` supplies real fixture ids by property or path-segment name.
export type Schema = Record<string, any>;
export type Doc = {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
};

export function resolve(doc: Doc, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++)
    cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
  return cur;
}

const typeOf = (s: Schema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;

/** A value the schema accepts, as far as can be told without running its refinements. */
export function example(
  doc: Doc,
  raw: Schema | undefined,
  name: string,
  hints: Record<string, unknown>,
  depth = 0,
): unknown {
  const s = resolve(doc, raw);
  if (depth > 8) return null;
  if (name in hints) return hints[name];
  const alt = s.oneOf ?? s.anyOf;
  if (Array.isArray(alt) && alt.length)
    return example(
      doc,
      alt.find((x: Schema) => resolve(doc, x).type !== 'null') ?? alt[0],
      name,
      hints,
      depth + 1,
    );
  if (Array.isArray(s.allOf) && s.allOf.length)
    return example(doc, s.allOf[0], name, hints, depth + 1);
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {}))
        out[k] = example(doc, v, k, hints, depth + 1);
      return out;
    }
    case 'array':
      return [example(doc, s.items, name, hints, depth + 1)];
    case 'integer':
      return Math.max(1, Math.ceil(s.minimum ?? 1));
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'date') return new Date().toISOString().slice(0, 10);
      if (s.format === 'binary') return 'binary';
      return 'x'.repeat(Math.max(1, Math.min(s.minLength ?? 1, 64)));
    }
    default:
      return 'x';
  }
}

/** Every leaf replaced by a value of another type (string → number, number → string, …). */
export function wrongTypes(v: unknown): unknown {
  if (Array.isArray(v)) return { not: 'an array' };
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrongTypes(x)]));
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return 'seribu';
  if (typeof v === 'boolean') return 'ya';
  return [];
}

/** Every number replaced by `n`; strings that look like numbers too (query params are strings). */
export function withNumbers(v: unknown, n: number | string): unknown {
  if (Array.isArray(v)) return v.map((x) => withNumbers(x, n));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withNumbers(x, n)]));
  if (typeof v === 'number') return n;
  return v;
}

/** Every string with a NUL (and a BEL) appended. */
export function withNul(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withNul);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withNul(x)]));
  if (typeof v === 'string') return `${v}\u0000\u0007`;
  return v;
}

export interface Operation {
  method: string;
  path: string;
  op: Record<string, any>;
}

export function operations(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
        out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

/** Fills `{param}` placeholders: a fixture id named by the param or the segment before it. */
export function fillPath(path: string, pick: (param: string, segment: string) => string): string {
  const segs = path.split('/');
  return segs
    .map((seg, i) =>
      seg.replace(/^\{(\w+)\}$/, (_, p: string) => encodeURIComponent(pick(p, segs[i - 1] ?? ''))),
    )
    .join('/');
}

/** Query and header params of an operation, with example values. */
export function params(
  doc: Doc,
  op: Record<string, any>,
  where: 'query' | 'header',
  hints: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of (op.parameters ?? []) as Schema[]) {
    if (p.in !== where) continue;
    out[p.name] = String(example(doc, p.schema, p.name, hints));
  }
  return out;
}
