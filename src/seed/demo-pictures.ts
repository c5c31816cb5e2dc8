// Drawn pictures for the demo catalogue: one flat SVG per kind of product (a coffee sack, a
// palm-sugar block, a woven cloth …), each with a "DEMO" corner label so nobody mistakes it
// for a real photo. Nothing is downloaded: the seed renders each kind once through the
// catalog's photo pipeline and every product of that kind shares the stored files.
// The label's letters are paths, not text, so the picture looks the same without fonts.
import { DRAW, type PictureKind } from './demo-drawings.js';

const S = 640;

/** The "DEMO" label in the top right corner: a dark tag with letters drawn as strokes. */
const DEMO_LABEL =
  `<g transform="translate(452 20)"><rect width="168" height="60" rx="10" fill="#1d1b16" fill-opacity="0.85"/>` +
  `<g transform="translate(22 14) scale(4.6)" fill="none" stroke="#ffffff" stroke-width="1.2" stroke-linecap="round" stroke-linejoin="round">` +
  `<path d="M0 0H2.6Q5 0 5 3.5Q5 7 2.6 7H0Z"/><path d="M12 0H7V7H12M7 3.5H11"/><path d="M14 7V0L16.5 4L19 0V7"/><ellipse cx="23.5" cy="3.5" rx="2.5" ry="3.5"/></g></g>`;

/** The picture of one kind as an SVG document (640 × 640 px, with the DEMO label). */
export function pictureSvg(kind: PictureKind): string {
  const [bg, body] = DRAW[kind];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}"><rect width="${S}" height="${S}" fill="${bg}"/>${body}${DEMO_LABEL}</svg>`;
}
