// Checks an /api/v1 response against the OpenAPI document the app publishes: the status must be
// declared for the operation, the content type must be one declared for that status, and a
// JSON body must match the declared schema — including no undeclared fields, so a generated
// client sees everything the server sends. The test client runs it on every API response.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = Record<string, any>;
type Doc = {
  paths?: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
};

interface Operation {
  template: string;
  method: string;
  op: any;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export class Conformance {
  private ops: { re: RegExp; params: number; ops: Operation[] }[] = [];

  constructor(private doc: Doc) {
    for (const [template, item] of Object.entries(doc.paths ?? {})) {
      const re = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`,
      );
      const ops = METHODS.filter((m) => item[m]).map((m) => ({ template, method: m, op: item[m] }));
      this.ops.push({ re, params: (template.match(/\{/g) ?? []).length, ops });
    }
    // A literal segment wins over a parameter (/orders/track before /orders/{id}).
    this.ops.sort((a, b) => a.params - b.params);
  }

  find(method: string, path: string): Operation | undefined {
    for (const entry of this.ops)
      if (entry.re.test(path)) {
        const hit = entry.ops.find((o) => o.method === method.toLowerCase());
        if (hit) return hit;
      }
    return undefined;
  }

  /** The problems with one response (empty when it conforms). */
  check(
    method: string,
    path: string,
    status: number,
    contentType: string | null,
    body: string,
  ): string[] {
    const where = `${method.toUpperCase()} ${path} → ${status}`;
    const found = this.find(method, path);
    if (!found)
      return status === 404 || status === 405
        ? []
        : [`${where}: no such operation in the document`];
    const declared =
      found.op.responses?.[String(status)] ??
      found.op.responses?.[`${String(status)[0]}XX`] ??
      found.op.responses?.default;
    if (!declared)
      return [
        `${where}: status not declared for ${method.toUpperCase()} ${found.template} (declared: ${Object.keys(found.op.responses ?? {}).join(', ')})`,
      ];
    const content = declared.content as Record<string, { schema?: Schema }> | undefined;
    if (!content || Object.keys(content).length === 0)
      return body.length ? [`${where}: a body where the document declares none`] : [];
    const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const media = content[mime];
    if (!media)
      return [
        `${where}: content type ${mime || '(none)'} not declared (declared: ${Object.keys(content).join(', ')})`,
      ];
    if (!/[/+]json$/.test(mime) || !media.schema) return [];
    let value: Json;
    try {
      value = JSON.parse(body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    return this.validate(media.schema, value, '$').map((e) => `${where}: ${e}`);
  }

  private mergeAllOf(schema: Schema): Schema {
    const { allOf, ...rest } = schema;
    const out: Schema = {
      ...rest,
      type: 'object',
      properties: { ...(rest.properties ?? {}) },
      required: [...(rest.required ?? [])],
    };
    for (const part of allOf as Schema[]) {
      let s = part.$ref
        ? (this.doc.components?.schemas?.[String(part.$ref).replace('#/components/schemas/', '')] ??
          {})
        : part;
      if (s.allOf) s = this.mergeAllOf(s);
      Object.assign(out.properties, s.properties ?? {});
      out.required.push(...(s.required ?? []));
    }
    return out;
  }

  /** A JSON Schema (2020-12 subset used by the generator) check. */
  validate(schema: Schema | boolean, value: Json, at: string): string[] {
    if (schema === true || schema === undefined) return [];
    if (schema === false) return [`${at}: no value allowed`];
    if (schema.$ref) {
      const name = String(schema.$ref).replace('#/components/schemas/', '');
      const target = this.doc.components?.schemas?.[name];
      if (!target) return [`${at}: unresolved ${schema.$ref}`];
      return this.validate(target, value, at);
    }
    // allOf of objects (zod's .extend of a named schema) is one object with all their fields.
    if (schema.allOf) return this.validate(this.mergeAllOf(schema), value, at);
    const errors: string[] = [];
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (!schema[key]) continue;
      const results = (schema[key] as Schema[]).map((s) => this.validate(s, value, at));
      if (!results.some((r) => r.length === 0))
        errors.push(`${at}: matches none of ${key} (${results.map((r) => r[0]).join(' | ')})`);
    }
    if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
      errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
    if (schema.enum && !schema.enum.some((e: Json) => JSON.stringify(e) === JSON.stringify(value)))
      errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
    if (schema.type) {
      const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
      const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
      const ok = types.some(
        (t) =>
          t === actual || (t === 'integer' && typeof value === 'number' && Number.isInteger(value)),
      );
      if (!ok) return [...errors, `${at}: expected ${types.join('|')}, got ${actual}`];
    }
    if (typeof value === 'string') {
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
        errors.push(`${at}: does not match ${schema.pattern}`);
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
        errors.push(`${at}: longer than ${schema.maxLength}`);
      if (schema.minLength !== undefined && [...value].length < schema.minLength)
        errors.push(`${at}: shorter than ${schema.minLength}`);
    }
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum)
        errors.push(`${at}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum)
        errors.push(`${at}: above ${schema.maximum}`);
    }
    if (Array.isArray(value) && schema.items)
      value.forEach((v, i) => errors.push(...this.validate(schema.items, v, `${at}[${i}]`)));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const props: Record<string, Schema> = schema.properties ?? {};
      for (const r of (schema.required ?? []) as string[])
        if (!(r in value)) errors.push(`${at}.${r}: required but missing`);
      for (const [k, v] of Object.entries(value)) {
        if (props[k]) errors.push(...this.validate(props[k], v, `${at}.${k}`));
        else if (schema.additionalProperties !== undefined)
          errors.push(...this.validate(schema.additionalProperties, v, `${at}.${k}`));
        // An object with declared properties declares all of them: an extra field is a contract gap.
        else if (schema.properties) errors.push(`${at}.${k}: not declared`);
      }
    }
    return errors;
  }
}
