// The day a bank statement line and a ledger entry are compared on. A statement line carries
// only a date, in the bank's own calendar: Indonesian banks book in Western Indonesian Time
// (WIB, UTC+7), whatever the branch's province. The ledger stores instants in UTC. So the one
// consistent rule is to turn each ledger instant into the bank's calendar day, and a period of
// bank days into the UTC instants it covers: [from 00:00 WIB, to + 1 day 00:00 WIB). Taking the
// UTC date of the instant instead puts a transfer made between 00:00 and 07:00 WIB on the day
// before the one the bank prints, and both sides then report it as missing.
const BANK_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The bank's calendar day (YYYY-MM-DD) of an instant. */
export function bankDay(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + BANK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instants [start, end) that the bank days `from`..`to` (inclusive) cover. */
export function bankDaysRange(from: string, to: string): { start: string; end: string } {
  const start = Date.parse(`${from}T00:00:00.000Z`) - BANK_OFFSET_MS;
  const end = Date.parse(`${to}T00:00:00.000Z`) + DAY_MS - BANK_OFFSET_MS;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}
