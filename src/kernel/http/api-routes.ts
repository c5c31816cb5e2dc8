// What a domain's JSON API file starts with: its sub-app, a `route()` that fills in the tags and
// security every route of the file shares, and the request's database. A domain's API file then
// declares only what is its own per route (method, path, summary, request, responses).
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Tx } from '../db/index.js';
import { createApiApp } from './app-factory.js';

type Shared = Pick<RouteConfig, 'tags' | 'security'>;

/** A domain's API sub-app and its `route()`: createRoute with `shared` filled in. */
export function createApiRoutes(shared: Shared) {
  const app = createApiApp();
  // Method and path first, then the shared parts: the document's operations keep their key order.
  const route = <R extends Omit<RouteConfig, keyof Shared>>({ method, path, ...rest }: R) =>
    createRoute({ method, path, ...shared, ...rest });
  return { app, route };
}

/** The request's database handle (the app's, set on every request). */
export const dbOf = (c: { get(k: 'deps'): { h: { db: Tx } } }): Tx => c.get('deps').h.db;
