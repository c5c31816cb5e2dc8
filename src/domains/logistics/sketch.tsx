// A server-rendered SVG sketch of a day's routes: no map tiles (nothing is downloaded),
// just the hub and the stops placed by their coordinates, numbered in visiting order.
// Routes differ by dash pattern as well as colour, so the sketch reads in black and white.
export interface SketchRoute {
  stops: { lat: number; lng: number; seq: number }[];
}

const COLOURS = ['#0b5394', '#8a2d0b', '#245c2e', '#5b2a86'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

export function RouteSketch(p: {
  hub: { lat: number; lng: number };
  routes: SketchRoute[];
  title: string;
  width?: number;
  height?: number;
}) {
  const W = p.width ?? 320;
  const H = p.height ?? 240;
  const pad = 18;
  const all = [p.hub, ...p.routes.flatMap((r) => r.stops)];
  const midLat = all.reduce((a, s) => a + s.lat, 0) / all.length;
  const k = Math.cos((midLat * Math.PI) / 180);
  const xs = all.map((s) => s.lng * k);
  const ys = all.map((s) => -s.lat);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (W - 2 * pad) / Math.max(x1 - x0, 1e-6),
    (H - 2 * pad) / Math.max(y1 - y0, 1e-6),
  );
  const px = (s: { lat: number; lng: number }) =>
    [pad + (s.lng * k - x0) * scale, pad + (-s.lat - y0) * scale] as const;
  const [hx, hy] = px(p.hub);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={p.title}
      class="route-sketch"
    >
      <title>{p.title}</title>
      <rect x="0" y="0" width={W} height={H} fill="#fbfaf7" stroke="#ccc" />
      {p.routes.map((r, i) => (
        <polyline
          fill="none"
          stroke={COLOURS[i % 4]}
          stroke-width="2"
          stroke-dasharray={DASHES[i % 4] || undefined}
          points={[p.hub, ...r.stops, p.hub]
            .map((s) =>
              px(s)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join(' ')}
        />
      ))}
      {p.routes.map((r, i) =>
        r.stops.map((s) => {
          const [x, y] = px(s);
          return (
            <g>
              <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r="9" fill={COLOURS[i % 4]} />
              <text
                x={x.toFixed(1)}
                y={(y + 4).toFixed(1)}
                text-anchor="middle"
                font-size="11"
                fill="#fff"
                font-family="sans-serif"
              >
                {s.seq}
              </text>
            </g>
          );
        }),
      )}
      <rect x={(hx - 8).toFixed(1)} y={(hy - 8).toFixed(1)} width="16" height="16" fill="#222" />
    </svg>
  );
}
