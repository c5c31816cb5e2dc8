// `lumbung did` command: reads a long-format CSV, runs the full DiD report and prints either
// readable tables or the JSON document (see README.md). Exit codes: 0 ok, 2 bad input or
// usage, 1 unexpected failure. No direct I/O: the caller passes readFile/stdout/stderr.
import { parseCsv } from './csv.ts';
import { DidError } from './errors.ts';
import { makePanel, type Label } from './panel.ts';
import { didReport, type DidReport, type ReportOptions } from './report.ts';

export interface CliIo {
  readFile(path: string): string;
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `usage: lumbung did --data FILE.csv --id COL --time COL --cohort COL --outcome COL
                  [--control never|notyet] [--base varying|universal] [--anticipation K]
                  [--cluster COL] [--bootstrap N --seed S] [--json]`;

interface Args {
  data: string;
  id: string;
  time: string;
  cohort: string;
  outcome: string;
  cluster?: string;
  json: boolean;
  opts: ReportOptions;
}

function usageError(msg: string): never {
  throw new DidError('BAD_INPUT', `${msg}\n${USAGE}`);
}

function parseArgs(argv: string[]): Args {
  const v: Record<string, string> = {};
  let json = false;
  const known = new Set([
    'data',
    'id',
    'time',
    'cohort',
    'outcome',
    'control',
    'base',
    'anticipation',
    'cluster',
    'bootstrap',
    'seed',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') {
      json = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m || !known.has(m[1])) usageError(`unknown argument '${a}'`);
    const val = m[2] ?? argv[++i];
    if (val === undefined || (m[2] === undefined && val.startsWith('--')))
      usageError(`--${m[1]} needs a value`);
    v[m[1]] = val;
  }
  for (const k of ['data', 'id', 'time', 'cohort', 'outcome'])
    if (!v[k]) usageError(`--${k} is required`);
  const opts: ReportOptions = {};
  if (v.control) {
    if (v.control !== 'never' && v.control !== 'notyet')
      usageError(`--control must be never or notyet, got '${v.control}'`);
    opts.control = v.control;
  }
  if (v.base) {
    if (v.base !== 'varying' && v.base !== 'universal')
      usageError(`--base must be varying or universal, got '${v.base}'`);
    opts.base = v.base;
  }
  const int = (k: string, min: number): number | undefined => {
    if (v[k] === undefined) return undefined;
    const x = Number(v[k]);
    if (!Number.isInteger(x) || x < min)
      usageError(`--${k} must be an integer ≥ ${min}, got '${v[k]}'`);
    return x;
  };
  opts.anticipation = int('anticipation', 0);
  opts.bootstrap = int('bootstrap', 2);
  opts.seed = int('seed', 0);
  if (opts.seed !== undefined && !opts.bootstrap)
    usageError('--seed only makes sense with --bootstrap');
  return {
    data: v.data,
    id: v.id,
    time: v.time,
    cohort: v.cohort,
    outcome: v.outcome,
    cluster: v.cluster,
    json,
    opts,
  };
}

/** Converts a CSV column to numbers; `allowEmpty` maps '' to null (cohort, outcome). */
function numericColumn(
  rows: string[][],
  j: number,
  name: string,
  lines: number[],
  allowEmpty: boolean,
): (number | null)[] {
  return rows.map((r, i) => {
    const s = r[j].trim();
    if (s === '' || s.toUpperCase() === 'NA') {
      if (allowEmpty) return null;
      throw new DidError('NOT_NUMERIC', `row ${lines[i]}, column ${name}: empty value`, {
        column: name,
        rows: [lines[i]],
      });
    }
    const x = Number(s);
    if (!Number.isFinite(x))
      throw new DidError('NOT_NUMERIC', `row ${lines[i]}, column ${name}: '${s}' is not a number`, {
        column: name,
        rows: [lines[i]],
      });
    return x;
  });
}

function labelColumn(rows: string[][], j: number): Label[] {
  const raw = rows.map((r) => r[j].trim());
  const numeric = raw.every((s) => s !== '' && Number.isFinite(Number(s)));
  return numeric ? raw.map(Number) : raw;
}

function fmt(x: number | null, d = 4): string {
  return x === null ? 'NA' : x.toFixed(d);
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]): string => r.map((c, j) => c.padStart(w[j])).join('  ');
  return [line(head), w.map((k) => '-'.repeat(k)).join('  '), ...rows.map(line)].join('\n');
}

function human(r: DidReport): string {
  const out: string[] = [];
  const bootNote = r.bootstrap
    ? ` (bootstrap SEs, ${r.bootstrap.draws} draws, seed ${r.bootstrap.seed})`
    : ' (analytic SEs)';
  out.push(`Callaway & Sant'Anna group-time ATT${bootNote}`);
  out.push(
    table(
      ['group', 'time', 'ATT', 'SE'],
      r.attgt.map((c) => [String(c.group), String(c.time), fmt(c.att), fmt(c.se)]),
    ),
  );
  if (r.bootstrap) out.push(`uniform 95% band critical value: ${fmt(r.bootstrap.crit.attgt, 3)}`);
  out.push('', 'Aggregations');
  out.push(
    table(
      ['type', 'ATT', 'SE'],
      (['simple', 'dynamic', 'group', 'calendar'] as const).map((t) => [
        t,
        fmt(r.aggregations[t].att),
        fmt(r.aggregations[t].se),
      ]),
    ),
  );
  const keyName = { dynamic: 'event time', group: 'cohort', calendar: 'period' } as const;
  for (const t of ['dynamic', 'group', 'calendar'] as const) {
    out.push('', `${t} (${keyName[t]})`);
    out.push(
      table(
        [keyName[t], 'ATT', 'SE'],
        (r.aggregations[t].by ?? []).map((b) => [String(b.key), fmt(b.att), fmt(b.se)]),
      ),
    );
  }
  out.push(
    '',
    `Pre-trend Wald test: W = ${fmt(r.pretest.stat)}, df = ${r.pretest.df}, p = ${fmt(r.pretest.p, 5)}`,
  );
  out.push(
    '',
    `TWFE: beta = ${fmt(r.twfe.beta, 6)}; SE cr0 = ${fmt(r.twfe.se.cr0, 6)}, cr1 = ${fmt(r.twfe.se.cr1, 6)}, fixest = ${fmt(r.twfe.se.fixest, 6)}`,
  );
  out.push('', 'Goodman-Bacon decomposition of the TWFE coefficient');
  out.push(
    table(
      ['type', 'treated', 'control', 'estimate', 'weight'],
      r.bacon.map((b) => [
        b.type,
        String(b.treated),
        b.control === 0 ? 'never' : String(b.control),
        fmt(b.estimate),
        fmt(b.weight),
      ]),
    ),
  );
  if (r.warnings.length) out.push('', 'Warnings:', ...r.warnings.map((w) => `- ${w}`));
  return out.join('\n') + '\n';
}

/** Runs `lumbung did` with the given arguments; returns the process exit code. */
export function runDidCli(argv: string[], io: CliIo): number {
  try {
    const a = parseArgs(argv);
    let text: string;
    try {
      text = io.readFile(a.data);
    } catch (e) {
      throw new DidError('BAD_INPUT', `cannot read ${a.data}: ${(e as Error).message}`);
    }
    const csv = parseCsv(text);
    const col = (name: string): number => {
      const j = csv.header.indexOf(name);
      if (j < 0)
        throw new DidError(
          'UNKNOWN_COLUMN',
          `column '${name}' is not in ${a.data}; columns are: ${csv.header.join(', ')}`,
          { column: name },
        );
      return j;
    };
    const jId = col(a.id);
    const jT = col(a.time);
    const jG = col(a.cohort);
    const jY = col(a.outcome);
    const jC = a.cluster ? col(a.cluster) : -1;
    const panel = makePanel(
      {
        id: labelColumn(csv.rows, jId),
        time: numericColumn(csv.rows, jT, a.time, csv.lines, false) as number[],
        cohort: numericColumn(csv.rows, jG, a.cohort, csv.lines, true),
        y: numericColumn(csv.rows, jY, a.outcome, csv.lines, true),
        cluster: jC >= 0 ? labelColumn(csv.rows, jC) : undefined,
      },
      {
        names: { id: a.id, time: a.time, cohort: a.cohort, y: a.outcome, cluster: a.cluster },
        rowOffset: 2,
      },
    );
    const report = didReport(panel, a.opts);
    io.stdout(a.json ? JSON.stringify(report, null, 2) + '\n' : human(report));
    return 0;
  } catch (e) {
    if (e instanceof DidError) {
      io.stderr(`lumbung did: ${e.message}\n`);
      return 2;
    }
    io.stderr(`lumbung did: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
