// The standing hostile-input suite (issue 13): every operation of the app's own OpenAPI document
// gets malformed and hostile inputs — wrong types, huge and negative numbers, NUL, a 10 MB body,
// a wrong content type, no auth, a forged bearer token and session cookie, another tenant's
// session — and must answer below 500, every error as problem+json in the caller's language,
// with no row written by a refused request, and every answer (status, content type, body) one
// the document declares for that operation. Driven by the document, so new operations are
// covered the day they are declared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createWorld, type World } from '../support/world.js';
import { Conformance } from '../support/kernel/conformance.js';
import type { Role } from '../../src/kernel/auth/index.js';
import { errorSpec } from '../../src/kernel/errors/index.js';
import { t, type Locale } from '../../src/kernel/i18n/index.js';
import { sessionCookieName } from '../../src/domains/accounts/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { makeOrder } from '../support/orders.js';
import { makeNetwork } from '../support/logistics.js';
import { makeCourse, makeSession } from '../support/training.js';
import { createPartnerRecord } from '../../src/domains/partners/partners.service.js';
import { changedTables, rowCounts, tableNames, type RowCounts } from './support/row-counts.js';
import {
  example,
  fillPath,
  operations,
  params,
  resolve,
  withNul,
  withNumbers,
  wrongTypes,
  type Doc,
  type Operation,
} from './support/openapi-examples.js';

let w: World;
let doc: Doc;
let tables: string[];
/** Fixture ids of tenant A, by the name a property, param or path segment gives them. */
let hints: Record<string, unknown>;
let bySegment: Record<string, string>;
type Caller = { cookie?: string; csrf?: string; bearer?: string; locale: Locale };
let callers: Record<
  'anon' | 'anonEn' | 'forgedBearer' | 'forgedCookie' | 'admin' | 'other',
  Caller
>;

// Bookkeeping a refused request may legitimately touch: rate-limit counters.
const BOOKKEEPING = new Set(['rate_limits']);
// A number no example holds, replaced in the JSON text by the hostile literal.
const BIG = 7777777777777;
const TEN_MB = `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`;

async function session(roles: [Role, string | null][], locale: Locale): Promise<Caller> {
  const c = await w.as(roles);
  await w.h.db.updateTable('users').set({ locale }).where('id', '=', c.userId).execute();
  const csrf = await c.csrf();
  return { cookie: c.cookieHeader(), csrf, locale };
}

before(async () => {
  w = await createWorld();
  const vA = await anyVillage(w.h.db, '53.09');
  const vB = await anyVillage(w.h.db, '35.10');
  const orgA = await makeOrganisation(w.h.db, { villageCode: vA });
  const orgB = await makeOrganisation(w.h.db, { villageCode: vB });
  const umkmA = await makeUmkm(w.h.db, { villageCode: vA, organisationId: orgA });
  const umkmB = await makeUmkm(w.h.db, { villageCode: vB, organisationId: orgB });
  const spA = await makeServicePoint(w.h.db, { villageCode: vA, organisationId: orgA });
  const spB = await makeServicePoint(w.h.db, { villageCode: vB, organisationId: orgB });
  const pA = await makeProduct(w.h, { umkmId: umkmA, stock: 50 });
  await makeProduct(w.h, { umkmId: umkmB, stock: 50 });
  const order = await makeOrder(w.h, {
    umkmId: umkmA,
    variantId: pA.variantId,
    productId: pA.productId,
    servicePointId: spA,
  });
  const net = await makeNetwork(w.h.db, { points: 2 });
  const partnerA = await createPartnerRecord(w.h.db, { name: 'Mitra A', kind: 'marketplace' });
  const partnerB = await createPartnerRecord(w.h.db, { name: 'Mitra B', kind: 'marketplace' });
  const course = await makeCourse(w.h.db);
  const trainingA = await makeSession(w.h.db, { courseId: course, regionCode: '53.09' });
  const cart = (await (await w.client().json('POST', '/api/v1/carts', {})).json()) as {
    id: string;
  };
  hints = {
    variantId: pA.variantId,
    productId: pA.productId,
    umkmId: umkmA,
    umkm_id: umkmA,
    organisationId: orgA,
    servicePointId: spA,
    villageCode: vA,
    village_code: vA,
    regionCode: '53.09',
    region: '53.09',
    hubId: net.kecHub,
    partnerId: partnerA,
    partner: partnerA,
    cartId: cart.id,
    phone: order.phone,
    number: order.number,
    groupId: order.groupId,
  };
  bySegment = {
    organisations: orgA,
    umkm: umkmA,
    products: pA.productId,
    variants: pA.variantId,
    hubs: net.kecHub,
    carts: cart.id,
    sessions: trainingA,
    regions: '53.09',
    'service-points': spA,
    people: 'per_unknown',
    provider: 'qris',
    code: '53.09',
    tracking: 'LMB-TRK-UNKNOWN',
  };
  const grants = (
    region: string,
    org: string,
    umkm: string,
    sp: string,
    partner: string,
  ): [Role, string | null][] => [
    ['community_manager', org],
    ['seller', umkm],
    ['village_agent', sp],
    ['partner', partner],
    ['regional_officer', region],
    ['trainer', region],
    ['mentor', region],
    ['reviewer', region],
    ['buyer', null],
  ];
  const forgedCsrf = await w.client().csrf();
  callers = {
    anon: { locale: 'id' },
    anonEn: { locale: 'en' },
    forgedBearer: { bearer: `lmb_${randomUUID().replace(/-/g, '')}`, locale: 'en' },
    forgedCookie: {
      cookie: `${sessionCookieName(false)}=forged-${randomUUID()}; lumbung_csrf=${forgedCsrf}`,
      csrf: forgedCsrf,
      locale: 'id',
    },
    admin: await session(
      [
        ['national_admin', null],
        ['hub_operator', net.kecHub],
        ['analyst', null],
        ...grants('53.09', orgA, umkmA, spA, partnerA),
      ],
      'en',
    ),
    other: await session(grants('35.10', orgB, umkmB, spB, partnerB), 'id'),
  };
  doc = (await (await w.client().get('/api/openapi.json')).json()) as Doc;
  tables = await tableNames(w.h);
});
after(() => w.close());

interface Case {
  name: string;
  caller: Caller;
  path?: string;
  query?: Record<string, string>;
  body?: BodyInit;
  type?: string;
}

/** The few hostile requests one operation gets. */
function casesFor(o: Operation): Case[] {
  const path = fillPath(o.path, (p, seg) => bySegment[seg] ?? bySegment[p] ?? `zz_${p}_unknown`);
  const nulPath = fillPath(o.path, () => 'x\u0000');
  const query = params(doc, o.op, 'query', hints);
  const content = (o.op.requestBody?.content ?? {}) as Record<string, { schema: any }>;
  const [type] = Object.keys(content);
  const sample = type ? example(doc, content[type].schema, '', hints) : undefined;
  const encode = (v: unknown): { body?: BodyInit; type?: string } => {
    if (!type) return {};
    if (type === 'application/json') return { body: JSON.stringify(v), type };
    if (type === 'multipart/form-data') {
      const f = new FormData();
      for (const [k, x] of Object.entries((v ?? {}) as Record<string, unknown>)) {
        if (resolve(doc, content[type].schema).properties?.[k]?.format === 'binary')
          f.append(
            k,
            new Blob([new Uint8Array([0xff, 0xd8, 0, 0])], { type: 'image/jpeg' }),
            'x.jpg',
          );
        else f.append(k, typeof x === 'string' ? x : JSON.stringify(x));
      }
      return { body: f };
    }
    return {
      body: typeof v === 'string' ? `village_code,population\n${v},1\n` : JSON.stringify(v),
      type,
    };
  };
  const allQuery = (n: string) => Object.fromEntries(Object.keys(query).map((k) => [k, n]));
  const { admin, other } = callers;
  const cases: Case[] = [
    { name: 'example, anonymous', caller: callers.anon, path, query, ...encode(sample) },
    { name: 'forged bearer token', caller: callers.forgedBearer, path, query, ...encode(sample) },
    { name: 'forged session cookie', caller: callers.forgedCookie, path, query, ...encode(sample) },
    { name: 'example, signed in', caller: admin, path, query, ...encode(sample) },
    {
      name: 'another tenant, their session on our ids',
      caller: other,
      path,
      query,
      ...encode(sample),
    },
    { name: 'wrong types', caller: admin, path, query, ...encode(wrongTypes(sample)) },
    {
      name: 'NUL everywhere',
      caller: callers.anonEn,
      path: nulPath,
      query: withNul(query) as Record<string, string>,
      ...encode(withNul(sample)),
    },
    {
      name: 'NUL, signed in',
      caller: admin,
      path,
      query: withNul(query) as Record<string, string>,
      ...encode(withNul(sample)),
    },
  ];
  // 2^63 is written out exactly (a JS number would print it rounded): one past int8's range.
  for (const n of ['1e308', '9223372036854775808', '-1']) {
    const enc = encode(withNumbers(sample, BIG));
    const body = typeof enc.body === 'string' ? enc.body.replaceAll(String(BIG), n) : enc.body;
    cases.push({ name: `numbers ${n}`, caller: admin, path, query: allQuery(n), ...enc, body });
  }
  if (o.method !== 'GET') {
    cases.push({
      name: '10 MB body',
      caller: admin,
      path,
      query,
      body: TEN_MB,
      type: 'application/json',
    });
    cases.push({
      name: 'wrong content type',
      caller: admin,
      path,
      query,
      body: JSON.stringify(sample ?? {}),
      type: type === 'text/plain' ? 'application/json' : 'text/plain',
    });
    // With the form's CSRF field, so the request passes CSRF and reaches the route's body handling.
    cases.push({
      name: 'form instead of JSON',
      caller: admin,
      path,
      query,
      body: `_csrf=${admin.csrf}&a=1&b=%00`,
      type: 'application/x-www-form-urlencoded',
    });
  }
  return cases;
}

async function send(o: Operation, c: Case): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': c.caller.locale };
  for (const [k, v] of Object.entries(params(doc, o.op, 'header', hints))) headers[k] = v;
  if ('idempotency-key' in headers) headers['idempotency-key'] = `hostile-${randomUUID()}`;
  if (c.caller.bearer) headers.authorization = `Bearer ${c.caller.bearer}`;
  if (c.caller.cookie) headers.cookie = c.caller.cookie;
  if (c.caller.csrf) headers['x-csrf-token'] = c.caller.csrf;
  if (c.type) headers['content-type'] = c.type;
  const qs = new URLSearchParams(c.query ?? {}).toString();
  const url = `http://localhost${c.path ?? o.path}${qs ? `?${qs}` : ''}`;
  return w.app.request(url, {
    method: o.method,
    headers,
    body: o.method === 'GET' ? undefined : c.body,
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const template = (locale: Locale, key: string) =>
  new RegExp(`^${escapeRe(t(locale, key)).replace(/\\\{\w+\\\}/g, '[\\s\\S]*?')}$`);

/** What is wrong with an error response, or null. */
function problemDefect(res: Response, text: string, locale: Locale): string | null {
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
    return `not problem+json: ${res.headers.get('content-type')} ${text.slice(0, 120)}`;
  let p: {
    title?: string;
    detail?: string;
    code?: string;
    status?: number;
    errors?: Record<string, string>;
  };
  try {
    p = JSON.parse(text);
  } catch {
    return `unreadable problem: ${text.slice(0, 120)}`;
  }
  if (!p.code || typeof p.title !== 'string')
    return `problem without code/title: ${text.slice(0, 120)}`;
  if (p.status !== res.status) return `problem status ${p.status} ≠ ${res.status}`;
  const key = errorSpec(p.code).message;
  // The occurrence is told in `detail`, in the caller's language; `title` is stable per type
  // (the code's own text when it has no placeholders, else the status's title).
  if (typeof p.detail !== 'string' || !template(locale, key).test(p.detail))
    return `detail not the ${locale} text of ${p.code}: ${p.detail}`;
  const stable = [
    t(locale, key),
    t(locale, `problem.title.${res.status}`),
    t(locale, 'problem.title.other'),
  ];
  if (!stable.includes(p.title)) return `title of ${p.code} is not stable: ${p.title}`;
  for (const [field, msg] of Object.entries(p.errors ?? {})) {
    if (/^[a-z_]+(\.[a-z_]+)+$/.test(msg)) return `field ${field}: untranslated key ${msg}`;
  }
  return null;
}

test('every operation of the OpenAPI document survives hostile input', {
  timeout: 300_000,
}, async (tc) => {
  const ops = operations(doc);
  assert.ok(ops.length > 20, 'the document lists the API');
  const contract = new Conformance(doc as ConstructorParameters<typeof Conformance>[0]);
  const failures: string[] = [];
  let sent = 0;
  // One count per request: the snapshot after a request is the one before the next.
  let counts: RowCounts = await rowCounts(w.h, tables);
  for (const o of ops) {
    for (const c of casesFor(o)) {
      const res = await send(o, c);
      const text = await res.text();
      sent++;
      const after = await rowCounts(w.h, tables);
      const where = `${o.method} ${o.path} [${c.name}] → ${res.status}`;
      if (res.status >= 500) failures.push(`${where}: ${text.slice(0, 160)}`);
      // The answer is one the document declares (the 10 MB case's path has no body to check).
      const path = (c.path ?? o.path).split('?')[0];
      const undeclared = contract.check(
        o.method,
        path,
        res.status,
        res.headers.get('content-type'),
        text,
      );
      if (undeclared.length) failures.push(`${where} [${c.name}]: ${undeclared[0]}`);
      else if (res.status >= 400) {
        const defect = problemDefect(res, text, c.caller.locale);
        if (defect) failures.push(`${where}: ${defect}`);
        const changed = changedTables(counts, after, BOOKKEEPING);
        if (changed.length) failures.push(`${where}: refused but wrote ${changed.join(', ')}`);
      }
      counts = after;
      if (process.env.HOSTILE_TRACE) console.log('TRACE', res.status, o.method, o.path, c.name);
    }
  }
  tc.diagnostic(`${ops.length} operations, ${sent} requests`);
  assert.deepEqual(failures, [], `${failures.length} defects`);
});
