// Quiet hours in the village's own clock: a message due at 22:00 WITA waits until the morning,
// wherever the server runs. Indonesia keeps no daylight saving, so each zone is a fixed offset.
import { zoneForRegion, type IndonesianZone } from '../../kernel/i18n/index.js';

const OFFSET_HOURS: Record<IndonesianZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

export interface QuietHours {
  /** Local hour quiet starts (0-23). */
  from: number;
  /** Local hour quiet ends (0-23); equal to `from` means never quiet. */
  to: number;
}

/** Default quiet hours for someone who never chose: 21:00 to 06:00 local time. */
export const DEFAULT_QUIET: QuietHours = { from: 21, to: 6 };

/**
 * When a message due at `now` may go out to someone in `regionCode`: `now` itself outside quiet
 * hours, else the next local `to` o'clock.
 */
export function sendableAt(now: Date, regionCode: string | null, q: QuietHours): Date {
  if (q.from === q.to) return now;
  const offsetMs = OFFSET_HOURS[zoneForRegion(regionCode)] * 3600_000;
  const local = new Date(now.getTime() + offsetMs);
  const hour = local.getUTCHours();
  const quiet = q.from < q.to ? hour >= q.from && hour < q.to : hour >= q.from || hour < q.to;
  if (!quiet) return now;
  const end = new Date(local);
  end.setUTCHours(q.to, 0, 0, 0);
  if (end.getTime() <= local.getTime()) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - offsetMs);
}

/** The calendar day (YYYY-MM-DD) in `regionCode`'s zone at `now`, moved by `plusDays`. */
export function localDay(now: Date, regionCode: string | null, plusDays = 0): string {
  const offsetMs = OFFSET_HOURS[zoneForRegion(regionCode)] * 3600_000;
  return new Date(now.getTime() + offsetMs + plusDays * 86400_000).toISOString().slice(0, 10);
}
