// Where a redirect chosen by the visitor (`next` after sign-in, the language switch's `back`)
// may lead: only to a path on this site. Browsers read `/\evil`, `/<TAB>/evil`, `//evil` and
// `/.//evil` as other hosts, so the value is resolved the way a browser would, against our own
// origin, and kept only when it stays there; what we send is the parser's own serialisation.

/** An origin no request can name: resolution against it tells whether the value leaves the site. */
const HOME = 'https://lumbung.invalid';

/** `raw` as a same-origin path (with query and fragment), or `fallback` when it is anything else. */
export function sameOriginPath(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.length > 2048)
    return fallback;
  // Backslashes and control characters have no business in a path we link to; browsers strip
  // or reinterpret them, which is how `/\evil` and `/\tevil` turn into other hosts.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes is read as another host when sent back as Location.
  return path.startsWith('//') ? fallback : path;
}
