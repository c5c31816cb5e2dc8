// Test helper: reads the QR code in an SVG the way a phone camera would read the printed
// image — modules from the drawing, format bits, unmasking, the zig-zag bit order, block
// de-interleaving and the numeric/alphanumeric/byte segments — so tests settle a payment
// with what the image carries, never with a value taken from the database. It assumes an
// undamaged code (no error correction needed). Only the standard's capacity tables (blocks
// per version and level, alignment positions) are borrowed from the qrcode package.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ecc = require('qrcode/lib/core/error-correction-code.js') as {
  getBlocksCount(v: number, l: unknown): number;
  getTotalCodewordsCount(v: number, l: unknown): number;
};
const levels = require('qrcode/lib/core/error-correction-level.js') as Record<
  'L' | 'M' | 'Q' | 'H',
  unknown
>;
const align = require('qrcode/lib/core/alignment-pattern.js') as {
  getRowColCoords(v: number): number[];
};

/** Dark modules of the qrcode package's SVG (`M x y h n m dx dy …` strokes, one row each). */
export function modulesFromSvg(svg: string): boolean[][] {
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="[^"]*" d="([^"]+)"/.exec(svg);
  if (!box || !path) throw new Error('not a qrcode SVG');
  const full = Number(box[1]);
  const grid = Array.from({ length: full }, () => new Array<boolean>(full).fill(false));
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path[1].matchAll(/([MmHh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    if (op === 'M') {
      x = Number(a);
      y = Number(b);
    } else if (op === 'm') {
      x += Number(a);
      y += Number(b);
    } else {
      for (let i = 0; i < Number(a); i++) grid[Math.floor(y)][x + i] = true;
      x += Number(a);
    }
  }
  // Crop the quiet zone: the first dark row/column is the finder pattern's edge.
  const top = grid.findIndex((r) => r.some(Boolean));
  const left = Math.min(...grid.map((r) => r.indexOf(true)).filter((i) => i >= 0));
  const size = full - 2 * top;
  return grid.slice(top, top + size).map((r) => r.slice(left, left + size));
}

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];
const LEVEL_BITS: Record<'L' | 'M' | 'Q' | 'H', number> = { L: 1, M: 0, Q: 3, H: 2 };

function formatBits(level: number, mask: number): number {
  const data = (level << 3) | mask;
  let rem = data << 10;
  for (let d = 14; d >= 10; d--) if (rem & (1 << d)) rem ^= 0x537 << (d - 10);
  return ((data << 10) | rem) ^ 0x5412;
}

/** The text a QR code matrix carries. */
export function readQr(m: boolean[][]): string {
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1) throw new Error(`bad size ${size}`);
  // Format: the copy beside the top-left finder, bit i at (row, 8).
  let read = 0;
  for (let i = 0; i < 15; i++) if (m[i < 6 ? i : i < 8 ? i + 1 : size - 15 + i][8]) read |= 1 << i;
  const found = (Object.keys(LEVEL_BITS) as ('L' | 'M' | 'Q' | 'H')[])
    .flatMap((l) => MASKS.map((_, k) => ({ l, k })))
    .find(({ l, k }) => formatBits(LEVEL_BITS[l], k) === read);
  if (!found) throw new Error('format bits not readable');
  const reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const block = (r0: number, c0: number, h: number, w: number) => {
    for (let r = r0; r < r0 + h; r++)
      for (let c = c0; c < c0 + w; c++)
        if (r >= 0 && c >= 0 && r < size && c < size) reserved[r][c] = true;
  };
  block(0, 0, 9, 9);
  block(0, size - 8, 9, 8);
  block(size - 8, 0, 8, 9);
  block(6, 0, 1, size);
  block(0, 6, size, 1);
  const pos = align.getRowColCoords(version);
  const [first, last] = [pos[0], pos[pos.length - 1]];
  for (const r of pos)
    for (const c of pos)
      if (!((r === first && (c === first || c === last)) || (r === last && c === first)))
        block(r - 2, c - 2, 5, 5);
  if (version >= 7) {
    block(0, size - 11, 6, 3);
    block(size - 11, 0, 3, 6);
  }
  const bits: number[] = [];
  let upward = true;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let n = 0; n < size; n++) {
      const row = upward ? size - 1 - n : n;
      for (const c of [col, col - 1])
        if (!reserved[row][c]) bits.push(Number(m[row][c] !== MASKS[found.k](row, c)));
    }
    upward = !upward;
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8)
    bytes.push(parseInt(bits.slice(i, i + 8).join(''), 2));
  // De-interleave the data codewords of the blocks (group 2 blocks hold one more).
  const level = levels[found.l];
  const blocks = ecc.getBlocksCount(version, level);
  const dataTotal = bytes.length - ecc.getTotalCodewordsCount(version, level);
  const short = Math.floor(dataTotal / blocks);
  const longCount = dataTotal % blocks;
  const lens = Array.from({ length: blocks }, (_, b) => short + (b >= blocks - longCount ? 1 : 0));
  const per = lens.map(() => [] as number[]);
  let k = 0;
  for (let i = 0; i < short + 1; i++)
    for (let b = 0; b < blocks; b++) if (i < lens[b]) per[b].push(bytes[k++]);
  return segments(per.flat(), version);
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function segments(data: number[], version: number): string {
  const bits = data.map((b) => b.toString(2).padStart(8, '0')).join('');
  let i = 0;
  const take = (n: number) => {
    const v = parseInt(bits.slice(i, i + n), 2);
    i += n;
    return v;
  };
  const sizeIdx = version < 10 ? 0 : version < 27 ? 1 : 2;
  let out = '';
  while (i + 4 <= bits.length) {
    const mode = take(4);
    if (mode === 0) break;
    if (mode === 1) {
      let n = take([10, 12, 14][sizeIdx]);
      for (; n >= 3; n -= 3) out += String(take(10)).padStart(3, '0');
      if (n === 2) out += String(take(7)).padStart(2, '0');
      if (n === 1) out += String(take(4));
    } else if (mode === 2) {
      let n = take([9, 11, 13][sizeIdx]);
      for (; n >= 2; n -= 2) {
        const v = take(11);
        out += ALNUM[Math.floor(v / 45)] + ALNUM[v % 45];
      }
      if (n === 1) out += ALNUM[take(6)];
    } else if (mode === 4) {
      const n = take([8, 16, 16][sizeIdx]);
      out += Buffer.from(Array.from({ length: n }, () => take(8))).toString('utf8');
    } else throw new Error(`unsupported QR mode ${mode}`);
  }
  return out;
}

/** Reads the QR image inside the page's `.qris` box. */
export function readQrFromHtml(html: string): string {
  const svg = /class="qris"[^>]*>\s*(<svg[\s\S]*?<\/svg>)/.exec(html);
  if (!svg) throw new Error('no QR image on the page');
  return readQr(modulesFromSvg(svg[1]));
}
