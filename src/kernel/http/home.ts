// Panels on a signed-in user's home page, contributed by domains for the roles they serve.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Role } from '../auth/access.js';
import type { AppEnv } from './env.js';

export interface HomePanel {
  roles: Role[];
  order: number;
  render(c: Context<AppEnv>): Promise<Child> | Child;
}

const panels: HomePanel[] = [];

export function registerHomePanel(p: HomePanel): void {
  panels.push(p);
  panels.sort((a, b) => a.order - b.order);
}

export function homePanelsFor(roles: Role[]): HomePanel[] {
  return panels.filter((p) => p.roles.some((r) => roles.includes(r)));
}
