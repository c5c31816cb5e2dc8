// What a person reads on a page, and whether it all comes from the Bahasa catalogue. Used by the
// catalogue-language crawl (test/unit/catalogue-language.test.ts): the visible text nodes and
// the attributes people hear or see (title, aria-label, placeholder, alt, button values), and
// the checks that find English, raw enum values, internal ids, region codes and numbers in
// English form on an Indonesian page.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const SPOKEN_ATTRS = ['title', 'aria-label', 'placeholder', 'alt'];

/** The strings a person sees or hears on the page, each with where it came from. */
export function visibleStrings(html: string): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  let tag = 'document';
  // Machine text people read or type exactly (CSV columns, official codes, audit payloads) is
  // shown in <code>, <kbd> or <samp>, and a <textarea> holds what a person is editing (e.g. the
  // English text of a question); neither is the page's own prose, so neither is checked.
  let machine = 0;
  for (const m of body.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>|<\/[^>]+>|[^<]+/g)) {
    if (m[0].startsWith('</')) {
      if (/^<\/(code|kbd|samp|textarea)\b/i.test(m[0])) machine = Math.max(0, machine - 1);
    } else if (m[1]) {
      tag = m[1].toLowerCase();
      if (['code', 'kbd', 'samp', 'textarea'].includes(tag)) machine++;
      const attrs = m[2] ?? '';
      for (const a of attrs.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        const name = a[1].toLowerCase();
        const value = decodeEntities(a[3] ?? a[4] ?? '').trim();
        if (!value) continue;
        // A <button>'s value is sent, not shown; an input button shows its value.
        const isButtonValue =
          name === 'value' && tag === 'input' && /type\s*=\s*"(submit|button)"/i.test(attrs);
        if (SPOKEN_ATTRS.includes(name) || isButtonValue)
          out.push({ text: value, where: `<${tag} ${name}>` });
      }
    } else if (machine === 0) {
      const text = decodeEntities(m[0]).replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, where: `<${tag}>` });
    }
  }
  return out;
}

/** Words of a text, lower-cased, letters only (a word with digits is a number or a code). */
export function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      .split(/[^\p{L}\d'’_-]+/u)
      .map((w) => w.replace(/^['’_-]+|['’_-]+$/g, ''))
      // A token with digits is a number or a code (SRT-BHB3-ZH68-1MY2), not a word.
      .filter((w) => w.length > 1 && !/\d/.test(w))
  );
}

/** The vocabulary of a catalogue (its words, placeholders left out). */
export function vocabulary(messages: Iterable<string>): Set<string> {
  const v = new Set<string>();
  for (const m of messages) for (const w of words(m.replace(/\{\w+\}/g, ' '))) v.add(w);
  return v;
}

// Common English words that are not Bahasa; an Indonesian page has none of them outside data.
const ENGLISH = new Set(
  `the of and or to for with from by on at is are was be not no yes this that these those
  first last next all any each per sale sales units unit treated untreated order orders
  product products total paid unpaid pending draft open closed cancelled delivered shipped
  packed submitted approved rejected active inactive view edit save delete back home search
  name date status amount price fee fees note notes none unknown error required invalid
  page more less new old settled settle payout payouts partner partners village villages`.split(
    /\s+/,
  ),
);

export interface Finding {
  kind: 'english' | 'enum' | 'id' | 'region-code' | 'key' | 'number';
  text: string;
  where: string;
  token: string;
}

export interface LanguageCheck {
  /** Words of the Bahasa catalogue. */
  idWords: Set<string>;
  /** Words of the English catalogue that are not Bahasa words too. */
  enOnlyWords: Set<string>;
  /** Words of the data on the page (people's, products' and places' names, descriptions). */
  dataWords: Set<string>;
  /** The Bahasa messages that have no placeholders, as shown. */
  messages: Set<string>;
  /** Words allowed everywhere (brands, units), each with its reason in the test. */
  allowed: Set<string>;
}

const ENUM = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const INTERNAL_ID = /\b[a-z]{3,4}_[0-9A-Za-z]{10,}\b/g;
// A bare Kemendagri code: 53.09, 53.09.06, 53.09.06.2024 (a name belongs there).
// A code in brackets after its name ("Kemiren (35.10.15.2004)") is a reference, not bare.
const REGION_CODE = /(?<![\d.,(])\d{2}\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?(?![\d.,])/g;
// 08.00–17.00 WIB, pukul 09.45: a time of day (Indonesian form), not a code.
const TIME_OF_DAY = /^[0-2]\d\.[0-5]\d$/;
const MESSAGE_KEY = /\b[a-z]+(?:\.[a-z][\w]*){2,}\b/g;
// Numbers in English form: 90,000 · 121.3 km · 2.5 % · Rp90,000 · IDR. (Indonesian: 90.000,
// 121,3 km; a time of day 09.45 and dates 03.12.2026 are Indonesian too.)
// A weight to the gram in Indonesian form ("49,961 kg": thousands take dots) is not English.
const ENGLISH_NUMBER =
  /(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])(?!\s?kg\b)|(?<![\d.,])\d+\.\d\s?(?:km|kg|%|g\b|m\b)|(?<![\d.,])\d+\.\d{1,3}\s?(?:km|kg|%)|\bIDR\b|\bRp\s?\d{1,3},\d{3}/g;

/** What on one string is not Bahasa from the catalogue. */
export function findingsIn(s: { text: string; where: string }, check: LanguageCheck): Finding[] {
  const out: Finding[] = [];
  // A whole catalogue message (e.g. a hint "mis. 53.09") is the catalogue's own text.
  if (check.messages.has(s.text)) return out;
  const add = (kind: Finding['kind'], re: RegExp) => {
    for (const m of s.text.matchAll(re))
      out.push({ kind, text: s.text, where: s.where, token: m[0] });
  };
  add('id', INTERNAL_ID);
  add('enum', ENUM);
  const timeContext = /\b(WIB|WITA|WIT|pukul)\b|\d–\d/.test(s.text);
  for (const m of s.text.matchAll(REGION_CODE))
    if (!(timeContext && TIME_OF_DAY.test(m[0])))
      out.push({ kind: 'region-code', text: s.text, where: s.where, token: m[0] });
  add('key', MESSAGE_KEY);
  add('number', ENGLISH_NUMBER);
  for (const w of words(s.text)) {
    if (w.includes('_')) continue;
    if (check.idWords.has(w) || check.dataWords.has(w) || check.allowed.has(w)) continue;
    if (check.enOnlyWords.has(w) || ENGLISH.has(w))
      out.push({ kind: 'english', text: s.text, where: s.where, token: w });
  }
  return out.filter(
    (f) => !(f.kind === 'enum' && (check.dataWords.has(f.token) || check.allowed.has(f.token))),
  );
}
