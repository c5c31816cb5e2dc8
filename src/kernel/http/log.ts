// Structured logs, one JSON object per line. Personal data never reaches them: keys that can
// carry it are dropped, and request lines carry the path without the query string (tracking
// looks up by phone number).
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
const PERSONAL =
  /name|phone|whatsapp|income|email|address|password|token|secret|nik|account_number|cookie|authorization/i;

/** Copies `fields`, replacing values under personal-data keys with "[redacted]". */
export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (PERSONAL.test(k)) out[k] = '[redacted]';
    else if (v && typeof v === 'object' && !Array.isArray(v))
      out[k] = redact(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

let pending = '';
let flushing = false;
let flushAtExit = false;
/** Writes the lines gathered so far in one call. */
function flushLines(): void {
  flushing = false;
  if (!pending) return;
  const out = pending;
  pending = '';
  process.stdout.write(out);
}

/**
 * Standard output, a turn of the event loop at a time: the lines of one turn are written in one
 * call. A write per line cost a cached page 18 % of the process's CPU at 20,000 pages/s (a
 * synchronous write to a file or /dev/null each; bench/README.md, "One write a turn for the
 * request log"). Errors and the last lines at exit are written at once, so a crash keeps them.
 */
function turnBatchedStdout(line: string, urgent = false): void {
  pending += `${line}\n`;
  if (urgent || pending.length >= 64 * 1024) flushLines();
  else if (!flushing) {
    flushing = true;
    if (!flushAtExit) {
      process.on('exit', flushLines);
      flushAtExit = true;
    }
    setImmediate(flushLines);
  }
}

export function createLogger(
  level: Config['logLevel'],
  write: (line: string, urgent?: boolean) => void = turnBatchedStdout,
): Logger {
  const min = LEVELS[level];
  const log = (lvl: keyof typeof LEVELS, msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[lvl] < min) return;
    write(
      JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...redact(fields) }),
      LEVELS[lvl] >= LEVELS.error,
    );
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

/** The request id a request's log line and `x-request-id` carry: the caller's, if well-formed. */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}
