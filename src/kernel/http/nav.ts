// Navigation entries contributed by domains; the layout shows those the actor's roles allow.
import type { Role } from '../auth/access.js';

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label: string;
  /** Roles that see it; empty = everyone, 'anonymous' = only signed-out visitors. */
  roles: Role[] | 'anonymous' | 'public';
  order: number;
}

const items: NavItem[] = [];

export function registerNav(item: NavItem): void {
  if (!items.some((i) => i.href === item.href)) items.push(item);
  items.sort((a, b) => a.order - b.order);
}

export function navFor(roles: Role[] | null): NavItem[] {
  return items.filter((i) => {
    if (i.roles === 'public') return true;
    if (i.roles === 'anonymous') return roles === null;
    return roles !== null && (i.roles.length === 0 || i.roles.some((r) => roles.includes(r)));
  });
}
