// OpenAPI 3.1 generated from the zod schemas at /api/openapi.json, and a readable docs page at
// /api/docs rendered on the server from the same document (nothing loaded from the internet).
// `lumbung openapi` prints the same document (CI lints it and the partner client is generated from it).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { page, Problem, SECURITY_SCHEMES, type AppEnv } from './kernel/http/index.js';

const INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Lumbung API',
    version: '1',
    description:
      'Village e-commerce programme: regions, community, catalog, orders, logistics, partners, impact. ' +
      'JSON field names are camelCase. Errors are RFC 9457 problem+json (`Problem`). See docs/API.md for authentication, idempotency and conditional requests.',
    license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
  },
  servers: [{ url: '/', description: 'The Lumbung instance serving this document' }],
  tags: [
    'accounts',
    'regions',
    'community',
    'catalog',
    'innovation',
    'orders',
    'payments',
    'logistics',
    'training',
    'partners',
    'impact',
  ].map((name) => ({ name, description: `The ${name} domain` })),
};

type Doc = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

/** The API document of an app whose routes are all mounted. */
export function openApiDocument(app: OpenAPIHono<AppEnv>): Doc {
  return app.getOpenAPI31Document(INFO);
}

export function apiDocs(app: OpenAPIHono<AppEnv>) {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  app.openAPIRegistry.register('Problem', Problem);
  app.doc31('/api/openapi.json', INFO);
  app.get('/api/docs', (c) => {
    const doc = openApiDocument(app) as any;
    const paths = Object.entries(doc.paths ?? {}) as [string, Record<string, any>][];
    return page(
      c,
      { title: 'API' },
      <section class="card">
        <h1>Lumbung API v1</h1>
        <p>
          OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are RFC 9457
          problem+json; writes that can be retried take an <code>Idempotency-Key</code> header.
        </p>
        {paths.map(([path, ops]) => (
          <article class="api-op">
            {Object.entries(ops).map(([method, op]) => (
              <div>
                <h2>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h2>
                {op.summary ? <p>{op.summary}</p> : null}
                {(op.parameters ?? []).length ? (
                  <ul>
                    {(op.parameters as any[]).map((p) => (
                      <li>
                        <code>{p.name}</code> ({p.in}
                        {p.required ? ', required' : ''}) {p.description ?? ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {op.requestBody ? (
                  <details>
                    <summary>Request body</summary>
                    <pre>
                      {JSON.stringify(
                        op.requestBody.content?.['application/json']?.schema ?? {},
                        null,
                        1,
                      )}
                    </pre>
                  </details>
                ) : null}
                <p>Responses: {Object.keys(op.responses ?? {}).join(', ')}</p>
              </div>
            ))}
          </article>
        ))}
      </section>,
    );
  });
}
