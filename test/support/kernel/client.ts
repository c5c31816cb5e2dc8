// A small in-process HTTP client for tests: keeps cookies like a browser, and adds the CSRF
// token to forms so tests exercise the same path a real form post takes. Every /api/v1 response
// it receives is checked against the app's own OpenAPI document (status, content type, body):
// a response the document does not describe fails the test that caused it.
import type { Hono } from 'hono';
import { Conformance } from './conformance.js';

const contracts = new WeakMap<object, Promise<Conformance | null>>();

/** The app's published API document, fetched once per app (null for apps that publish none). */
function contractOf(app: { request: Hono['request'] }): Promise<Conformance | null> {
  let c = contracts.get(app);
  if (!c) {
    c = Promise.resolve(app.request('http://localhost/api/openapi.json')).then(async (res) =>
      res.status === 200 ? new Conformance(await res.json()) : null,
    );
    contracts.set(app, c);
  }
  return c;
}

export class ConformanceError extends Error {
  constructor(readonly problems: string[]) {
    super(`response does not match the OpenAPI document:\n  ${problems.slice(0, 10).join('\n  ')}`);
    this.name = 'ConformanceError';
  }
}

export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    private app: { request: Hono['request'] },
    readonly host = 'localhost',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    const set = (res.headers as any).getSetCookie?.() as string[] | undefined;
    for (const line of set ?? []) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    if (!headers.has('host')) headers.set('host', this.host);
    const res = await this.app.request(`http://${this.host}${path}`, { ...init, headers });
    this.remember(res);
    if (path.startsWith('/api/v1/')) await this.conform(init.method ?? 'GET', path, res);
    return res;
  }

  private async conform(method: string, path: string, res: Response) {
    const contract = await contractOf(this.app);
    if (!contract) return;
    const body = method.toUpperCase() === 'HEAD' ? '' : await res.clone().text();
    const problems = contract.check(
      method,
      path.split('?')[0],
      res.status,
      res.headers.get('content-type'),
      body,
    );
    if (problems.length) throw new ConformanceError(problems);
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.fetch(path, { headers });
  }

  /** The CSRF token the server gave this client (fetches a page first if needed). */
  async csrf(): Promise<string> {
    if (!this.cookies.has('lumbung_csrf')) await this.get('/healthz');
    return this.cookies.get('lumbung_csrf')!;
  }

  /** Posts an urlencoded form as a same-origin browser would, with the CSRF field. */
  async form(
    path: string,
    data: Record<string, string | number | string[]>,
    opts: { csrf?: string | null; headers?: Record<string, string> } = {},
  ) {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? await this.csrf() : opts.csrf;
    if (token !== null) body.set('_csrf', token);
    for (const [k, v] of Object.entries(data)) {
      if (Array.isArray(v)) for (const x of v) body.append(k, x);
      else body.set(k, String(v));
    }
    return this.fetch(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    });
  }

  /** Sends JSON; cookie-authenticated calls carry the CSRF header like the page's script would. */
  async json(method: string, path: string, data: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
    if (this.cookies.size && !h['x-csrf-token'] && !h.authorization)
      h['x-csrf-token'] = await this.csrf();
    return this.fetch(path, {
      method,
      body: typeof data === 'string' ? data : JSON.stringify(data),
      headers: h,
    });
  }
}
