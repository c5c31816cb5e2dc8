// Reading the CSV statements Indonesian banks export (BCA, Mandiri, BRI, BNI and look-alikes):
// `,` or `;` or tab delimiters, quoted fields, account/period lines before the table and
// balance lines after it, `dd/mm/yyyy` dates (BCA: `'dd/mm` plus the period's year), amounts
// with thousand separators either way (125.500,00 / 125,500.00 / 125500.00 / 125500), and
// debit/credit as separate columns, a CR/DB marker, or a sign. Every record of the file gets
// exactly one outcome here, so what staff see always adds up to the file. An XLSX upload
// (first sheet) is read into the same records, its sheet rows standing for the lines.
import { parse } from 'csv-parse/sync';
import {
  looksLikeXlsx,
  readTable,
  recordsAsCsvText,
  type TableInput,
} from '../../../kernel/xlsx/index.js';

export type Direction = 'credit' | 'debit';

/** One record of the file: a transaction, or a line skipped/rejected with its reason. */
export type ParsedLine =
  | {
      line: number;
      kind: 'transaction';
      bookedOn: string;
      description: string;
      amount: number;
      direction: Direction;
    }
  | {
      line: number;
      kind: 'skipped' | 'rejected';
      reason: StatementReason;
      text: string;
      /** For a rejected line: the column whose cell was not understood (its heading, else its number). */
      column?: string;
    };

export type StatementReason =
  | 'blank'
  | 'preamble'
  | 'header'
  | 'summary'
  | 'bad_date'
  | 'bad_amount'
  | 'fraction'
  | 'pending'
  | 'no_direction';

type Role = 'date' | 'description' | 'amount' | 'debit' | 'credit' | 'marker' | 'balance' | 'other';

// Header words as the banks print them, letters only, lower case.
const HEADER_WORDS: [Role, RegExp][] = [
  [
    'date',
    /^(tanggal(transaksi)?|tgl(tran|transaksi)?|date|postdate|transactiondate|txndate|tanggalposting)$/,
  ],
  [
    'description',
    /^(keterangan|deskripsi|description|uraian(transaksi)?|desktran|remark|berita|catatan|transactiondescription)$/,
  ],
  ['debit', /^(debet|debit|mutasidebet|mutasidebit|db|keluar|uangkeluar)$/],
  ['credit', /^(kredit|credit|mutasikredit|cr|masuk|uangmasuk)$/],
  ['amount', /^(jumlah|mutasi|amount|nominal|nilai|jumlahmutasi)$/],
  ['marker', /^(dbcr|crdb|dk|tipe|type|jenis|dc)$/],
  ['balance', /^(saldo|balance|saldoakhir|saldoakhirmutasi|runningbalance)$/],
];
const SUMMARY =
  /^(saldo\s*(awal|akhir)|mutasi\s*(kredit|debet|debit)|total|opening\s*balance|closing\s*balance|ending\s*balance|beginning\s*balance|end of statement|jumlah)/i;
const MARKER = /^(CR|DB|DR|K|D|C)$/i;

const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function roleOf(cell: string): Role {
  const w = letters(cell);
  for (const [role, re] of HEADER_WORDS) if (re.test(w)) return role;
  return 'other';
}

/** Column roles when `cells` is the table's header row (a date column and an amount or credit column), else null. */
function headerRoles(cells: string[]): Role[] | null {
  const roles = cells.map(roleOf);
  if (!roles.includes('date')) return null;
  if (!roles.includes('amount') && !roles.includes('credit')) return null;
  // The first date column is the booking date; later ones (value date) are left alone.
  let seen = false;
  return roles.map((r) => (r === 'date' ? (seen ? 'other' : ((seen = true), 'date')) : r));
}

/**
 * Parses a rupiah amount written any way a bank writes it; returns whole rupiah, or a reason.
 * A lone separator followed by exactly three digits groups thousands (125.500, 125,500);
 * followed by one or two digits it is the decimal mark (125500.00, 125500,5).
 */
export function parseAmount(
  raw: string,
):
  | { amount: number; negative: boolean; marker: Direction | null }
  | { error: 'bad_amount' | 'fraction' } {
  let s = raw.trim().replace(/^'/, '');
  let marker: Direction | null = null;
  const m = /\s*(CR|DB|DR|K|D)$/i.exec(s);
  if (m && /\d/.test(s.slice(0, m.index))) {
    marker = /^(CR|K)$/i.test(m[1]) ? 'credit' : 'debit';
    s = s.slice(0, m.index);
  }
  let negative = false;
  s = s.replace(/^(rp\.?|idr)\s*/i, '').replace(/\s/g, '');
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^-/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (/-$/.test(s)) {
    negative = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^\+/, '').replace(/^(rp\.?|idr)/i, '');
  if (!/^\d[\d.,]*$/.test(s)) return { error: 'bad_amount' };
  let intPart = s;
  let frac = '';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const i = s.lastIndexOf(dec);
    intPart = s.slice(0, i);
    frac = s.slice(i + 1);
    const group = dec === '.' ? ',' : '.';
    if (
      !intPart
        .split(group)
        .every((p, i) => (i === 0 ? p.length >= 1 && p.length <= 3 : p.length === 3))
    )
      return { error: 'bad_amount' };
    intPart = intPart.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length === 2 && parts[1].length !== 3) {
      intPart = parts[0];
      frac = parts[1];
    } else if (
      parts.slice(1).every((p) => p.length === 3) &&
      parts[0].length >= 1 &&
      parts[0].length <= 3
    ) {
      intPart = parts.join('');
    } else return { error: 'bad_amount' };
  }
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(frac)) return { error: 'bad_amount' };
  if (/[1-9]/.test(frac)) return { error: 'fraction' };
  const amount = Number(intPart);
  if (!Number.isSafeInteger(amount)) return { error: 'bad_amount' };
  return { amount, negative, marker };
}

/** Parses a booking date to YYYY-MM-DD (dd/mm/yyyy, dd-mm-yy, yyyy-mm-dd, BCA's 'dd/mm with the period's year). */
export function parseDate(raw: string, periodYear: number | null): string | 'pending' | null {
  const s = raw.trim().replace(/^'/, '');
  if (/^pend(ing)?$/i.test(s)) return 'pending';
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(s);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 100) y += 2000;
  } else if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(s)) && periodYear)
    [d, mo, y] = [Number(m[1]), Number(m[2]), periodYear];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

function pickDelimiter(text: string): string {
  const sample = text
    .split(/\r?\n/)
    .slice(0, 40)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: sample.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0].d;
}

/**
 * With `,` as delimiter, an unquoted `125.500,00` arrives as two cells: glue a cell of digits
 * and dots to a following cell of exactly two digits back together when the row has one cell
 * too many for its header.
 */
function mendSplitDecimals(cells: string[], expected: number): string[] {
  const out = [...cells];
  for (let i = out.length - 2; i >= 0 && out.length > expected; i--) {
    if (/^-?\d{1,3}(\.\d{3})+$/.test(out[i]) && /^\d{2}$/.test(out[i + 1]))
      out.splice(i, 2, `${out[i]},${out[i + 1]}`);
  }
  return out;
}

/** Reads the file into one ParsedLine per record; `null` when it has no rows at all. */
export function parseStatement(text: string): ParsedLine[] | null {
  // Control characters (NUL among them) have no place in a statement and PostgreSQL refuses
  // NUL in text: they are dropped before reading, tabs and line breaks kept.
  const clean = text
    .replace(/^\uFEFF/, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+$/, '');
  if (!clean) return null;
  const delimiter = pickDelimiter(clean);
  const records = parse(clean, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const periodYear = (() => {
    const m = /periode?[^0-9]*\d{1,2}[/.-]\d{1,2}[/.-](\d{4})/i.exec(clean);
    return m ? Number(m[1]) : null;
  })();
  let roles: Role[] | null = null;
  let headings: string[] = [];
  let prevEnd = 0;
  let seenTransaction = false;
  const out: ParsedLine[] = [];
  for (const { record, info } of records) {
    const line = prevEnd + 1;
    prevEnd = info.lines;
    const text = record.join(delimiter === '\t' ? ' ' : delimiter).slice(0, 300);
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) {
      out.push({ line, kind: 'skipped', reason: 'blank', text });
      continue;
    }
    const asHeader = headerRoles(cells);
    if (asHeader && !seenTransaction) {
      roles = asHeader;
      headings = cells;
      out.push({ line, kind: 'skipped', reason: 'header', text });
      continue;
    }
    const r = roles
      ? transactionWithHeader(
          mendSplitDecimals(cells, delimiter === ',' ? roles.length : Infinity),
          roles,
          periodYear,
        )
      : transactionWithoutHeader(
          delimiter === ',' ? mendSplitDecimals(cells, 3) : cells,
          periodYear,
        );
    if ('error' in r) {
      // Before the first transaction, lines that are not one are the account/period preamble;
      // after it, balance and total lines are the footer. Anything else was not understood.
      if (!seenTransaction && r.error === 'bad_date')
        out.push({ line, kind: 'skipped', reason: 'preamble', text });
      else if (
        SUMMARY.test(cells[0] ?? '') ||
        (r.error === 'bad_date' && cells.slice(0, 2).some((c) => SUMMARY.test(c)))
      )
        out.push({ line, kind: 'skipped', reason: 'summary', text });
      else
        out.push({
          line,
          kind: 'rejected',
          reason: r.error,
          text,
          column: (roles ? headings[r.col] : '') || String(r.col + 1),
        });
      continue;
    }
    seenTransaction = true;
    out.push({ line, kind: 'transaction', ...r });
  }
  return out;
}

type Reading =
  | { bookedOn: string; description: string; amount: number; direction: Direction }
  | { error: StatementReason; col: number };

function dateOf(
  raw: string | undefined,
  periodYear: number | null,
  col: number,
): string | { error: StatementReason; col: number } {
  const d = parseDate(raw ?? '', periodYear);
  if (d === 'pending') return { error: 'pending', col };
  return d ?? { error: 'bad_date', col };
}

function transactionWithHeader(cells: string[], roles: Role[], periodYear: number | null): Reading {
  const at = (role: Role) =>
    roles
      .map((r, i) => (r === role ? (cells[i] ?? '') : null))
      .filter((x): x is string => x !== null);
  const bookedOn = dateOf(at('date')[0], periodYear, roles.indexOf('date'));
  if (typeof bookedOn !== 'string') return bookedOn;
  const description = at('description')
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  // A marker column by name, or BCA's unnamed one right of the amount holding CR/DB.
  const markerCell =
    at('marker')[0] ?? cells.find((c, i) => roles[i] === 'other' && MARKER.test(c));
  const marker: Direction | null =
    markerCell && MARKER.test(markerCell)
      ? /^(CR|K|C)$/i.test(markerCell)
        ? 'credit'
        : 'debit'
      : null;
  const credit = (at('credit')[0] ?? '').trim();
  const debit = (at('debit')[0] ?? '').trim();
  const amountCell = (at('amount')[0] ?? '').trim();
  const candidates: [string, Direction | null, number][] = [];
  const creditCol = roles.indexOf('credit');
  if (roles.includes('credit') || roles.includes('debit')) {
    if (credit && !/^0+([.,]0+)?$/.test(credit) && credit !== '-')
      candidates.push([credit, 'credit', creditCol]);
    if (debit && !/^0+([.,]0+)?$/.test(debit) && debit !== '-')
      candidates.push([debit, 'debit', roles.indexOf('debit')]);
    if (candidates.length !== 1)
      return {
        error: candidates.length ? 'no_direction' : 'bad_amount',
        col: creditCol >= 0 ? creditCol : roles.indexOf('debit'),
      };
  } else candidates.push([amountCell, null, roles.indexOf('amount')]);
  const [raw, fromColumn, col] = candidates[0];
  const a = parseAmount(raw);
  if ('error' in a) return { error: a.error, col };
  const direction = fromColumn ?? a.marker ?? marker ?? (a.negative ? 'debit' : 'credit');
  if (a.amount === 0) return { error: 'bad_amount', col };
  return { bookedOn, description, amount: a.amount, direction };
}

/** No header row: `date, description…, amount[, CR|DB]` (our own earlier template among them). */
function transactionWithoutHeader(cells: string[], periodYear: number | null): Reading {
  if (cells.length < 3) return { error: 'bad_date', col: 0 };
  const bookedOn = dateOf(cells[0], periodYear, 0);
  if (typeof bookedOn !== 'string') return bookedOn;
  let last = cells.length - 1;
  let marker: Direction | null = null;
  if (MARKER.test(cells[last])) {
    marker = /^(CR|K|C)$/i.test(cells[last]) ? 'credit' : 'debit';
    last--;
  }
  const a = parseAmount(cells[last] ?? '');
  if ('error' in a) return { error: a.error, col: last };
  if (a.amount === 0) return { error: 'bad_amount', col: last };
  const description = cells
    .slice(1, last)
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  return {
    bookedOn,
    description,
    amount: a.amount,
    direction: a.marker ?? marker ?? (a.negative ? 'debit' : 'credit'),
  };
}

export type StatementRead =
  | { ok: true; sheet: string | null; lines: ParsedLine[] | null }
  | { ok: false; problem: 'unreadable_xlsx' }
  | { ok: false; problem: 'control_chars'; line: number; column: string };

/**
 * Reads pasted CSV text, or the bytes of an uploaded CSV or XLSX file (first sheet; told apart
 * by the first bytes). CSV bytes go through the same lenient reader as pasted text; an XLSX
 * sheet is laid out as CSV text with row N on line N, so line numbers are the sheet's rows.
 */
export async function readStatement(input: TableInput): Promise<StatementRead> {
  // Read as a table first, CSV too, so a control character in any cell (a NUL PostgreSQL
  // refuses) is named by line and column before the lenient reader sees the text.
  const r = await readTable(input, { delimiter: 'auto' });
  if (!r.ok && r.problem === 'control_chars')
    return { ok: false, problem: 'control_chars', line: r.line, column: r.column };
  if (typeof input === 'string') return { ok: true, sheet: null, lines: parseStatement(input) };
  if (!looksLikeXlsx(input))
    return { ok: true, sheet: null, lines: parseStatement(new TextDecoder().decode(input)) };
  if (!r.ok || r.format !== 'xlsx') return { ok: false, problem: 'unreadable_xlsx' };
  return { ok: true, sheet: r.sheet, lines: parseStatement(recordsAsCsvText(r.records)) };
}
