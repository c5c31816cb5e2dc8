// The shapes the demo pictures are drawn from (sacks, jars, bottles, cloths, fish): SVG
// fragments on the 640 × 640 canvas of demo-pictures.ts.

export const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = '') =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}" ${extra}/>`;
export const bean = (x: number, y: number, r: number, fill = '#4a2a12') =>
  `<g transform="rotate(${r} ${x} ${y})">${ellipse(x, y, 22, 15, fill)}<path d="M${x - 16} ${y}Q${x} ${y - 6} ${x + 16} ${y}" stroke="#2a1606" stroke-width="3" fill="none"/></g>`;
export const beans = (fill?: string) =>
  [
    [170, 520, 20],
    [230, 545, 70],
    [300, 530, 130],
    [370, 550, 10],
    [440, 525, 100],
    [500, 548, 45],
  ]
    .map(([x, y, r]) => bean(x, y, r, fill))
    .join('');
export const sack = (body: string, tie: string, mark: string) =>
  `<path d="M190 210Q180 380 170 500Q320 540 470 500Q460 380 450 210Q320 180 190 210Z" fill="${body}" stroke="#00000033" stroke-width="6"/>` +
  `<path d="M200 215Q320 150 440 215L420 160Q320 120 220 160Z" fill="${body}" stroke="#00000033" stroke-width="6"/><rect x="270" y="168" width="100" height="22" rx="8" fill="${tie}"/>${mark}`;
export const jar = (fill: string, lid: string, label: string) =>
  `<rect x="210" y="200" width="220" height="320" rx="40" fill="${fill}" stroke="#00000040" stroke-width="6"/><rect x="225" y="150" width="190" height="60" rx="12" fill="${lid}"/>` +
  `<rect x="235" y="300" width="170" height="110" rx="10" fill="#fffaf0"/>${label}`;
export const bottle = (fill: string, cap: string) =>
  `<path d="M280 120H360V200Q430 240 430 320V520Q430 540 410 540H230Q210 540 210 520V320Q210 240 280 200Z" fill="${fill}" stroke="#00000040" stroke-width="6"/>` +
  `<rect x="272" y="96" width="96" height="40" rx="8" fill="${cap}"/><rect x="232" y="340" width="176" height="110" rx="10" fill="#fffaf0"/><path d="M256 395H384M256 420H350" stroke="#5c574c" stroke-width="8"/>`;
export const cloth = (base: string, band: string, motif: string) => {
  const rows = [230, 330, 430]
    .map(
      (y) =>
        `<rect x="130" y="${y - 40}" width="380" height="80" fill="${band}"/>` +
        [170, 250, 330, 410, 490]
          .map(
            (x) =>
              `<path d="M${x} ${y - 32}L${x + 30} ${y}L${x} ${y + 32}L${x - 30} ${y}Z" fill="${motif}"/>`,
          )
          .join(''),
    )
    .join('');
  const fringe = Array.from(
    { length: 19 },
    (_, i) => `<path d="M${140 + i * 20} 500V545" stroke="${band}" stroke-width="6"/>`,
  ).join('');
  return `<rect x="130" y="150" width="380" height="350" fill="${base}" stroke="#00000040" stroke-width="6"/>${rows}${fringe}<path d="M130 150H510" stroke="${motif}" stroke-width="10"/>`;
};
export const fish = (x: number, y: number, body: string, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><path d="M-150 0Q-60 -80 60 -30L130 -70V70L60 30Q-60 80 -150 0Z" fill="${body}" stroke="#00000040" stroke-width="6"/>` +
  `<circle cx="-105" cy="-10" r="10" fill="#1d1b16"/><path d="M-60 -40Q-40 0 -60 40" stroke="#00000030" stroke-width="6" fill="none"/></g>`;
