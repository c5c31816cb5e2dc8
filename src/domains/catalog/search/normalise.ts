// Text normalisation shared by indexing and querying, so both sides agree: lower case, no
// diacritics, only [a-z0-9] tokens, and a light Indonesian stemmer. The stemmer strips one
// particle (-lah/-kah/-pun), one possessive (-ku/-mu/-nya), one derivational suffix
// (-kan/-an/-i) and one prefix (meN-/ber-/di-/ke-/pe(r)-/se-/ter-), each only while at least
// four letters remain, so short roots survive ("ikan", "kopi", "beras" stay whole) and
// "perikanan" → "ikan", "sayuran" → "sayur", "anyaman" → "anyam", "menenun" → "tenun".
// The index stores every token and its stem; a query token matches as a prefix or by its stem.

const MIN_ROOT = 4;

export function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && t.length <= 40);
}

function dropSuffix(w: string, suffixes: readonly string[]): string {
  for (const s of suffixes)
    if (w.endsWith(s) && w.length - s.length >= MIN_ROOT) return w.slice(0, -s.length);
  return w;
}

const VOWEL = /^[aiueo]/;

function dropPrefix(w: string): string {
  const rest = (n: number) => (w.length - n >= MIN_ROOT ? w.slice(n) : null);
  // meN-/peN- change the root's first consonant: men+tenun, mem+pakai, meny+sapu, meng+kirim.
  for (const p of ['me', 'pe']) {
    if (!w.startsWith(p)) continue;
    const after = w.slice(2);
    if (after.startsWith('ny') && VOWEL.test(after.slice(2)))
      return rest(4) !== null ? 's' + after.slice(2) : w;
    if (after.startsWith('ng')) return rest(4) ?? w;
    if (after.startsWith('n') && VOWEL.test(after.slice(1)))
      return rest(3) !== null ? 't' + after.slice(1) : w;
    if (after.startsWith('m') && VOWEL.test(after.slice(1)))
      return rest(3) !== null ? 'p' + after.slice(1) : w;
    if (/^[mn]/.test(after)) return rest(3) ?? w;
  }
  for (const p of ['ber', 'per', 'ter', 'di', 'ke', 'se']) {
    if (w.startsWith(p)) return rest(p.length) ?? w;
  }
  return w;
}

/** The stem of one normalised token. */
export function stem(token: string): string {
  if (/\d/.test(token) || token.length <= MIN_ROOT) return token;
  let w = dropSuffix(token, ['lah', 'kah', 'pun']);
  w = dropSuffix(w, ['nya', 'ku', 'mu']);
  w = dropSuffix(w, ['kan', 'an', 'i']);
  return dropPrefix(w);
}

/** Index text: each token, followed by its stem when the stem differs. */
export function indexText(text: string): string {
  const out: string[] = [];
  for (const t of tokens(text)) {
    out.push(t);
    const s = stem(t);
    if (s !== t) out.push(s);
  }
  return out.join(' ');
}

/** A query as terms: what the user typed (matched as a prefix) and its stem (matched whole). At most 8 terms. */
export function queryTerms(q: string): { token: string; stem: string }[] {
  return tokens(q)
    .slice(0, 8)
    .map((t) => ({ token: t, stem: stem(t) }));
}
