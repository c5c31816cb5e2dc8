// Bahasa Indonesia first, English second. Domains register their own message tables at
// import time; a missing English string falls back to Indonesian, a missing key shows the key
// (visible in tests, never a crash).
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export type Messages = Record<string, string>;

const tables: Record<Locale, Map<string, string>> = { id: new Map(), en: new Map() };

/** Registers messages for both languages; keys must be unique across the app. */
export function registerMessages(messages: { id: Messages; en: Messages }): void {
  for (const locale of LOCALES) {
    for (const [k, v] of Object.entries(messages[locale])) tables[locale].set(k, v);
  }
}

/** Every message of one language, key to text (read-only), for the catalogue checks. */
export function catalogue(locale: Locale): ReadonlyMap<string, string> {
  return tables[locale];
}

export function hasMessage(key: string): boolean {
  return tables.id.has(key);
}

/** Translates `key`, replacing `{name}` placeholders with params. */
export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const raw = tables[locale].get(key) ?? tables.id.get(key) ?? key;
  return raw.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

export function isLocale(x: unknown): x is Locale {
  return x === 'id' || x === 'en';
}

/** Picks a locale from an Accept-Language header, Indonesian when nothing matches. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return 'id';
}
