// Navigation entries contributed by domains; the layout shows those the actor's roles allow.
import type { Role } from '../auth/access.js';
import type { Tx } from '../db/types.js';

/** A count shown beside a menu entry for the signed-in person (unread notifications). */
export type NavBadge = (db: Tx, userId: string) => Promise<number>;

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label: string;
  /** Roles that see it; empty = everyone, 'anonymous' = only signed-out visitors. */
  roles: Role[] | 'anonymous' | 'public';
  order: number;
  /** A per-person count (one cheap indexed query), shown when above zero. */
  badge?: NavBadge;
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

/** The badge counts of the entries these roles see (href → count above zero). */
export async function navBadges(
  roles: Role[],
  db: Tx,
  userId: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const i of navFor(roles))
    if (i.badge) {
      const n = await i.badge(db, userId);
      if (n > 0) out.set(i.href, n);
    }
  return out;
}
