// Demand the catalogue cannot meet, aggregated for the coordinator: agents record villagers'
// requests at their points (orders' `/agen/pesan`, read here through orders' index); the
// coordinator sees them by village and week, one row per thing asked for, to source it (or to
// open a group buy once a producer lists it). Pure: grouping and summing only.
import type { DemandRow } from '../orders/index.js';

export interface DemandGroup {
  villageCode: string;
  villageName: string;
  /** Monday of the request's week (YYYY-MM-DD, UTC). */
  week: string;
  /** What was asked for, as first written (case and spacing ignored when grouping). */
  what: string;
  requests: number;
  open: number;
  /** Summed when every quantity is a number with the same unit ("50 kg" + "20 kg" = "70 kg"). */
  total: string | null;
  quantities: string[];
}

export function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

const QTY = /^(\d+(?:[.,]\d+)?)\s*(.*)$/;

function total(quantities: string[]): string | null {
  let sum = 0;
  let unit: string | null = null;
  for (const q of quantities) {
    const m = QTY.exec(q.trim());
    if (!m) return null;
    const u = m[2].trim().toLowerCase();
    if (unit !== null && u !== unit) return null;
    unit = u;
    sum += Number(m[1].replace(',', '.'));
  }
  return `${Math.round(sum * 100) / 100}${unit ? ` ${unit}` : ''}`;
}

/** Requests grouped by village, week and thing asked for; newest week first, most asked first. */
export function aggregateDemand(rows: DemandRow[]): DemandGroup[] {
  const groups = new Map<string, DemandGroup>();
  // Oldest first, so a group is named as its first request wrote it.
  const oldestFirst = [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const r of oldestFirst) {
    const week = weekOf(r.created_at);
    const key = `${r.village_code}|${week}|${r.what.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        villageCode: r.village_code,
        villageName: r.village_name ?? r.village_code,
        week,
        what: r.what,
        requests: 0,
        open: 0,
        total: null,
        quantities: [],
      };
      groups.set(key, g);
    }
    g.requests++;
    if (r.state === 'open') g.open++;
    g.quantities.push(r.quantity);
  }
  const list = [...groups.values()];
  for (const g of list) g.total = total(g.quantities);
  return list.sort(
    (a, b) =>
      b.week.localeCompare(a.week) ||
      a.villageName.localeCompare(b.villageName) ||
      b.requests - a.requests ||
      a.what.localeCompare(b.what),
  );
}
