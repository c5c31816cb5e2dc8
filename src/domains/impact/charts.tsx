// Server-rendered SVG charts: no script, they print and export. Each chart is an image with a
// title and description for screen readers; the numbers behind it are in a table beside it.
import type { Child } from 'hono/jsx';

const INK = '#1d2a22';
const GRID = '#c9d1cc';
const BAND_UNIFORM = '#cfe3d6';
const BAND_POINT = '#5f9b74';
const DOT = '#0d4f2a';

function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

export interface EventChartPoint {
  e: number;
  att: number | null;
  lo: number | null;
  hi: number | null;
  ulo: number | null;
  uhi: number | null;
}

/** Event-study chart: estimate per event time with pointwise and uniform 95 % bands. */
export function EventStudyChart(p: {
  points: EventChartPoint[];
  title: string;
  desc: string;
  xLabel: string;
  format: (v: number) => string;
}): Child {
  const pts = p.points.filter((q) => q.att !== null);
  const W = 400;
  const H = 260;
  const m = { l: 56, r: 12, t: 14, b: 40 };
  const vals = pts
    .flatMap((q) => [q.att, q.lo, q.hi, q.ulo, q.uhi])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(0, ...vals);
  let hi = Math.max(0, ...vals);
  const pad = (hi - lo || 1) * 0.08;
  lo -= pad;
  hi += pad;
  const es = pts.map((q) => q.e);
  const eMin = Math.min(...es, -1);
  const eMax = Math.max(...es, 0);
  const x = (e: number) => m.l + ((e - eMin + 0.5) / (eMax - eMin + 1)) * (W - m.l - m.r);
  const y = (v: number) => m.t + ((hi - v) / (hi - lo)) * (H - m.t - m.b);
  const bw = Math.max(4, ((W - m.l - m.r) / (eMax - eMin + 1)) * 0.55);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="es-title es-desc"
      class="chart"
      width={W}
      height={H}
    >
      <title id="es-title">{p.title}</title>
      <desc id="es-desc">{p.desc}</desc>
      {niceTicks(lo, hi).map((v) => (
        <g>
          <line
            x1={m.l}
            x2={W - m.r}
            y1={y(v)}
            y2={y(v)}
            stroke={v === 0 ? INK : GRID}
            stroke-width={v === 0 ? 1.2 : 0.6}
          />
          <text x={m.l - 6} y={y(v) + 4} text-anchor="end" font-size="12" fill={INK}>
            {p.format(v)}
          </text>
        </g>
      ))}
      <line
        x1={x(-0.5)}
        x2={x(-0.5)}
        y1={m.t}
        y2={H - m.b}
        stroke={INK}
        stroke-dasharray="4 3"
        stroke-width="0.8"
      />
      {pts.map((q) => (
        <g>
          {q.ulo !== null && q.uhi !== null ? (
            <rect
              x={x(q.e) - bw / 2}
              width={bw}
              y={y(q.uhi)}
              height={Math.max(1, y(q.ulo) - y(q.uhi))}
              fill={BAND_UNIFORM}
            />
          ) : null}
          {q.lo !== null && q.hi !== null ? (
            <line
              x1={x(q.e)}
              x2={x(q.e)}
              y1={y(q.hi)}
              y2={y(q.lo)}
              stroke={BAND_POINT}
              stroke-width="4"
            />
          ) : null}
          <circle cx={x(q.e)} cy={y(q.att!)} r="4" fill={DOT} />
          <text x={x(q.e)} y={H - m.b + 16} text-anchor="middle" font-size="12" fill={INK}>
            {String(q.e)}
          </text>
        </g>
      ))}
      <text x={(m.l + W - m.r) / 2} y={H - 6} text-anchor="middle" font-size="12" fill={INK}>
        {p.xLabel}
      </text>
    </svg>
  );
}

export interface Bar {
  label: string;
  value: number | null;
}

/** Horizontal bar chart (one bar per area); values formatted by `format`. */
export function BarChart(p: {
  bars: Bar[];
  title: string;
  id: string;
  format: (v: number) => string;
  max?: number;
}): Child {
  const bars = p.bars.slice(0, 40);
  const W = 400;
  const row = 22;
  const labelW = 150;
  const valueW = 70;
  const H = 10 + bars.length * row;
  const max = p.max ?? Math.max(1e-9, ...bars.map((b) => b.value ?? 0));
  const width = (v: number) => Math.max(0, (v / max) * (W - labelW - valueW - 10));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${p.id}-title`}
      class="chart"
      width={W}
      height={H}
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      {bars.map((b, i) => (
        <g>
          <text x={labelW - 6} y={5 + i * row + 15} text-anchor="end" font-size="12" fill={INK}>
            {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
          </text>
          {b.value !== null ? (
            <rect
              x={labelW}
              y={5 + i * row + 4}
              height={row - 8}
              width={width(b.value)}
              fill={BAND_POINT}
            />
          ) : null}
          <text
            x={labelW + (b.value !== null ? width(b.value) : 0) + 6}
            y={5 + i * row + 15}
            font-size="12"
            fill={INK}
          >
            {b.value === null ? '–' : p.format(b.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}
