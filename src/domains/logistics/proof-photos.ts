// Proof-of-delivery photos. The upload is checked and resized exactly like a product photo
// (catalog's processPhoto: JPEG/PNG/WebP by magic bytes, at most 5 MB, sides 200–6000 px,
// EXIF and GPS dropped), but stored under `<uploadDir>/pod/`, which `/media/*` never serves:
// a doorstep photo may show a person or a house, so only the hub operators, overseers and
// agents on the parcel's path and the seller of its order may open it (`/paket/{no}/bukti`).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processPhoto } from '../catalog/index.js';
import { newId } from '../../kernel/ids/index.js';
import { ok, type Result } from '../../kernel/errors/index.js';

/** Widths kept of catalog's three sizes: 320 for the staff page, 640 to zoom in. */
/** The photo file of a form or multipart body, or null when none was chosen. */
export function photoOf(body: { photo?: unknown }): File | null {
  const f = body.photo;
  return f instanceof File && f.size > 0 ? f : null;
}

export const PROOF_WIDTHS = [320, 640] as const;
const STEM_RE = /^pod\/pod_[0-9A-HJKMNP-TV-Z]{26}$/;

/** Checks, resizes and writes a proof photo; returns its stem (`pod/pod_…`). */
export async function storeProof(uploadDir: string, bytes: Uint8Array): Promise<Result<string>> {
  const processed = await processPhoto(bytes);
  if (!processed.ok) return processed;
  const stem = `pod/${newId('pod')}`;
  await mkdir(join(uploadDir, 'pod'), { recursive: true });
  const keep = processed.value.sizes.filter((s) =>
    (PROOF_WIDTHS as readonly number[]).includes(s.width),
  );
  await Promise.all(keep.map((s) => writeFile(join(uploadDir, `${stem}-${s.width}.webp`), s.data)));
  return ok(stem);
}

/** Removes a stored proof whose scan was not recorded (refused, or lost a race). */
export async function discardProof(uploadDir: string, stem: string): Promise<void> {
  if (!STEM_RE.test(stem)) return;
  await Promise.all(
    PROOF_WIDTHS.map((w) => rm(join(uploadDir, `${stem}-${w}.webp`), { force: true })),
  );
}

/** The bytes of one size of a proof photo, or null (unknown stem, missing file). */
export async function readProof(
  uploadDir: string,
  stem: string,
  width: number,
): Promise<Buffer | null> {
  if (!STEM_RE.test(stem) || !(PROOF_WIDTHS as readonly number[]).includes(width)) return null;
  try {
    return await readFile(join(uploadDir, `${stem}-${width}.webp`));
  } catch {
    return null;
  }
}
