// Where a photo's sizes live and how pages ask for them. Each upload is stored as small WebP
// files `<stem>-<width>.webp`; pages offer them through srcset so an EDGE phone downloads the
// smallest that fits its screen.
export const PHOTO_WIDTHS = [160, 320, 640] as const;

export const photoUrl = (stem: string, width: number) => `/media/${stem}-${width}.webp`;

export const photoSrcset = (stem: string) =>
  PHOTO_WIDTHS.map((w) => `${photoUrl(stem, w)} ${w}w`).join(', ');

/** A stored file name under the upload dir: `p/<id>-<width>.webp`, nothing else (no path tricks). */
export const PHOTO_FILE_RE = /^p\/pho_[0-9A-HJKMNP-TV-Z]{26}-(160|320|640)\.webp$/;
