// The drawing of each demo picture kind: its background colour and its SVG body, made of the
// shapes of demo-shapes.ts. The DEMO label and the SVG document are added by demo-pictures.ts.
// The kinds are this table's keys.
import { bean, beans, bottle, cloth, ellipse, fish, jar, sack } from './demo-shapes.js';

export const DRAW = {
  'coffee-sack': [
    '#e8d9bf',
    sack(
      '#b08a57',
      '#6b4a1d',
      '<circle cx="320" cy="350" r="62" fill="#6b4a1d"/><path d="M292 330Q320 350 348 330M292 370Q320 350 348 370" stroke="#e8d9bf" stroke-width="8" fill="none"/>',
    ) + beans(),
  ],
  'coffee-cup': [
    '#f1e4cc',
    `<path d="M180 300H440V380Q440 500 310 500Q180 500 180 380Z" fill="#ffffff" stroke="#5c4030" stroke-width="8"/>${ellipse(310, 300, 130, 26, '#4a2a12')}<path d="M440 330Q520 330 500 400Q490 440 430 440" stroke="#5c4030" stroke-width="16" fill="none"/>` +
      `${ellipse(310, 520, 200, 26, '#d8c6a6')}<path d="M270 250Q250 210 275 180Q300 150 280 110M340 250Q320 210 345 180Q370 150 350 110" stroke="#a08060" stroke-width="8" fill="none"/>${bean(140, 560, 30)}${bean(500, 565, 120)}`,
  ],
  'green-coffee': [
    '#e9ecd6',
    sack(
      '#c8b98f',
      '#6b5a1d',
      '<path d="M280 330H360M280 370H360" stroke="#6b5a1d" stroke-width="10"/>',
    ) + beans('#8fa36b'),
  ],
  'sugar-block': [
    '#f3e2c4',
    [
      [320, 470],
      [210, 470],
      [430, 470],
      [265, 370],
      [375, 370],
      [320, 270],
    ]
      .map(
        ([x, y]) =>
          `<rect x="${x - 60}" y="${y - 40}" width="120" height="60" fill="#7a4a1d"/>${ellipse(x, y + 20, 60, 20, '#6a3c12')}${ellipse(x, y - 40, 60, 20, '#9a6330')}`,
      )
      .join(''),
  ],
  'sugar-powder': [
    '#f5e8cf',
    `<path d="M140 380H500Q490 520 320 530Q150 520 140 380Z" fill="#8a5a2b"/><path d="M160 380Q320 220 480 380Z" fill="#b98245"/>` +
      Array.from(
        { length: 24 },
        (_, i) =>
          `<circle cx="${200 + ((i * 53) % 240)}" cy="${330 + ((i * 31) % 45)}" r="6" fill="#d6a56a"/>`,
      ).join('') +
      `<rect x="420" y="230" width="150" height="26" rx="12" fill="#c89a6a" transform="rotate(-30 420 240)"/>`,
  ],
  'syrup-bottle': ['#f1e1c6', bottle('#6a3c12', '#2e1a08')],
  'ikat-cloth': ['#efe3cf', cloth('#2b2340', '#7a2e1d', '#e8c070')],
  'ikat-red': ['#f0e0d8', cloth('#7a1d1d', '#1d3b5c', '#f0d8a0')],
  'batik-cloth': [
    '#efe6d6',
    `<rect x="120" y="140" width="400" height="380" fill="#e8d2a0" stroke="#00000040" stroke-width="6"/>` +
      Array.from({ length: 16 }, (_, i) => {
        const x = 170 + (i % 4) * 100;
        const y = 190 + Math.floor(i / 4) * 95;
        return `<circle cx="${x}" cy="${y}" r="32" fill="none" stroke="#5a3212" stroke-width="8"/><path d="M${x - 18} ${y}Q${x} ${y - 22} ${x + 18} ${y}Q${x} ${y + 22} ${x - 18} ${y}" fill="#8a1d1d"/>`;
      }).join(''),
  ],
  'honey-jar': [
    '#fbeecb',
    jar(
      '#d99a1e',
      '#6b4a1d',
      '<path d="M300 335L320 322L340 335V360L320 373L300 360Z" fill="none" stroke="#b07310" stroke-width="8"/><path d="M270 395H370" stroke="#b07310" stroke-width="8"/>',
    ) +
      `<path d="M470 220V470" stroke="#8a5a2b" stroke-width="14"/>${ellipse(470, 480, 24, 34, '#d99a1e')}`,
  ],
  'chips-bag': [
    '#fdf0d0',
    `<path d="M190 130H450L470 540H170Z" fill="#c0392b" stroke="#00000040" stroke-width="6"/><path d="M190 130L200 160H440L450 130" fill="#922b21"/>${ellipse(320, 360, 110, 120, '#fff3c4')}` +
      [
        [290, 320],
        [350, 340],
        [300, 400],
        [360, 410],
        [320, 370],
      ]
        .map(([x, y]) =>
          ellipse(x, y, 34, 24, '#e5b94c', `transform="rotate(${(x % 50) - 25} ${x} ${y})"`),
        )
        .join(''),
  ],
  crackers: [
    '#f6ecd9',
    [
      [230, 420],
      [410, 420],
      [320, 330],
      [250, 260],
      [400, 250],
    ]
      .map(
        ([x, y]) =>
          `${ellipse(x, y, 95, 80, '#f4e2b8', 'stroke="#d9b77a" stroke-width="6"')}` +
          Array.from(
            { length: 8 },
            (_, i) =>
              `<circle cx="${x - 50 + ((i * 37) % 100)}" cy="${y - 35 + ((i * 23) % 70)}" r="5" fill="#e0c088"/>`,
          ).join(''),
      )
      .join(''),
  ],
  'sambal-jar': [
    '#fde6d8',
    jar(
      '#c0392b',
      '#3a3a3a',
      '<path d="M275 355Q320 300 370 340Q340 345 330 370Q300 380 275 355Z" fill="#c0392b"/><path d="M368 340L385 320" stroke="#2e6b30" stroke-width="8"/>',
    ),
  ],
  'dried-fish': [
    '#eef2f5',
    fish(320, 250, '#c9b48a', 0.9) +
      fish(320, 400, '#bfa57a', 0.9) +
      `<path d="M120 500H520" stroke="#8a7a5a" stroke-width="10"/>`,
  ],
  'fresh-fish': [
    '#dbeef7',
    fish(320, 330, '#d9534f', 1.3) +
      `<path d="M120 500Q220 470 320 500T520 500" stroke="#7fb6d4" stroke-width="10" fill="none"/>`,
  ],
  'smoked-fish': [
    '#efe5da',
    fish(320, 250, '#8a5a2b', 0.9) +
      fish(320, 400, '#7a4a1d', 0.9) +
      `<path d="M200 120Q180 90 200 60M320 120Q300 90 320 60M440 120Q420 90 440 60" stroke="#9a9a9a" stroke-width="8" fill="none"/>`,
  ],
  'paste-jar': [
    '#efe6da',
    jar(
      '#3a2418',
      '#8a7a5a',
      '<path d="M270 355H370M270 380H340" stroke="#3a2418" stroke-width="10"/>',
    ),
  ],
  'rice-sack': [
    '#eef0e2',
    sack(
      '#f4f1e6',
      '#2e6b30',
      '<path d="M320 300Q270 350 320 420Q370 350 320 300Z" fill="#c8a94a"/><path d="M320 300V430" stroke="#8a6d1d" stroke-width="5"/>',
    ) +
      Array.from({ length: 18 }, (_, i) =>
        ellipse(
          150 + i * 20,
          535 + (i % 3) * 8,
          8,
          4,
          '#f8f6ee',
          'stroke="#c8c2a8" stroke-width="2"',
        ),
      ).join(''),
  ],
  'fertiliser-sack': [
    '#e3eedd',
    sack(
      '#2e7d32',
      '#1b4d1d',
      '<rect x="250" y="290" width="140" height="140" rx="12" fill="#ffffff"/><path d="M320 410V320M320 360Q280 350 270 310Q310 310 320 350M320 340Q360 330 370 295Q330 295 320 335" stroke="#2e7d32" stroke-width="8" fill="#8bc34a"/>',
    ),
  ],
  hoe: [
    '#e9efe6',
    `<path d="M170 520L450 160" stroke="#8a5a2b" stroke-width="26" stroke-linecap="round"/><path d="M400 150L520 200L500 300L380 250Z" fill="#7d8a96" stroke="#4a545e" stroke-width="6"/>${ellipse(320, 560, 200, 20, '#c9d6c2')}`,
  ],
  'tractor-blade': [
    '#e8ecef',
    [0, 120, 240]
      .map(
        (a) =>
          `<path d="M320 320L320 170Q380 170 400 220L360 320Z" fill="#5d6d7e" stroke="#2c3e50" stroke-width="6" transform="rotate(${a} 320 330)"/>`,
      )
      .join('') +
      `<circle cx="320" cy="330" r="60" fill="#2c3e50"/><circle cx="320" cy="330" r="22" fill="#e8ecef"/>`,
  ],
  basket: [
    '#f2ead8',
    `<path d="M150 300H490L450 520H190Z" fill="#c8a165" stroke="#8a6a35" stroke-width="6"/>` +
      [340, 380, 420, 460, 500]
        .map(
          (y) =>
            `<path d="M${150 + (y - 300) * 0.18} ${y}H${490 - (y - 300) * 0.18}" stroke="#8a6a35" stroke-width="6"/>`,
        )
        .join('') +
      Array.from(
        { length: 9 },
        (_, i) =>
          `<path d="M${180 + i * 35} 300L${200 + i * 28} 520" stroke="#8a6a35" stroke-width="5"/>`,
      ).join('') +
      `<path d="M200 300Q320 120 440 300" stroke="#8a6a35" stroke-width="16" fill="none"/>`,
  ],
  mat: [
    '#efe8d4',
    `<rect x="120" y="170" width="400" height="320" fill="#d9bf7f" stroke="#8a6a35" stroke-width="6"/>` +
      Array.from(
        { length: 10 },
        (_, i) => `<path d="M${140 + i * 40} 170V490" stroke="#b08a4a" stroke-width="14"/>`,
      ).join('') +
      Array.from(
        { length: 8 },
        (_, i) =>
          `<path d="M120 ${190 + i * 40}H520" stroke="#8a6a35" stroke-width="6" stroke-dasharray="20 20" stroke-dashoffset="${(i % 2) * 20}"/>`,
      ).join(''),
  ],
  carving: [
    '#efe4d6',
    `<path d="M300 520V250M340 520V250" stroke="#6b4226" stroke-width="30"/><path d="M320 250L230 170M320 250L410 170" stroke="#6b4226" stroke-width="24" stroke-linecap="round"/>` +
      `<path d="M180 170Q320 60 460 170Z" fill="#8a6a35"/><path d="M295 330H345M295 390H345M295 450H345" stroke="#3a2418" stroke-width="8"/>${ellipse(320, 530, 120, 18, '#c9b59a')}`,
  ],
  'oil-bottle': ['#eef3e0', bottle('#e0c050', '#2e6b30')],
  tea: [
    '#e6f0dc',
    `<path d="M200 320H440V390Q440 490 320 490Q200 490 200 390Z" fill="#ffffff" stroke="#2e6b30" stroke-width="8"/>${ellipse(320, 320, 120, 24, '#a3b84a')}` +
      `${ellipse(320, 510, 180, 22, '#cfdcc0')}<path d="M430 200Q520 180 530 260Q450 280 430 200Z" fill="#4caf50"/><path d="M150 190Q230 160 250 240Q170 260 150 190Z" fill="#66bb6a"/>`,
  ],
  fruit: [
    '#fdf1dc',
    `<circle cx="250" cy="380" r="110" fill="#f39c12"/><circle cx="400" cy="350" r="100" fill="#e84393"/><path d="M400 250L380 200M400 250L430 205M400 250L360 230" stroke="#2e7d32" stroke-width="12" stroke-linecap="round"/>` +
      `<path d="M250 270Q280 220 320 240Q290 280 250 270Z" fill="#2e7d32"/><circle cx="215" cy="350" r="6" fill="#d68910"/><circle cx="275" cy="410" r="6" fill="#d68910"/>`,
  ],
  nuts: [
    '#f4ead8',
    Array.from({ length: 14 }, (_, i) => {
      const x = 190 + (i % 5) * 65 + (Math.floor(i / 5) % 2) * 30;
      const y = 300 + Math.floor(i / 5) * 80;
      return `<path d="M${x - 30} ${y}Q${x - 30} ${y - 45} ${x + 5} ${y - 35}Q${x + 30} ${y - 25} ${x + 20} ${y + 5}Q${x + 5} ${y + 35} ${x - 30} ${y}Z" fill="#e9cf9b" stroke="#b8955a" stroke-width="5"/>`;
    }).join(''),
  ],
  pods: [
    '#efe7dc',
    Array.from(
      { length: 7 },
      (_, i) =>
        `<path d="M${170 + i * 10} ${220 + i * 35}Q320 ${190 + i * 35} ${480 - i * 6} ${240 + i * 35}" stroke="#3a2418" stroke-width="16" stroke-linecap="round" fill="none"/>`,
    ).join('') + `<path d="M150 480H490" stroke="#c8b28a" stroke-width="14"/>`,
  ],
  chocolate: [
    '#f3e6dc',
    `<rect x="170" y="150" width="300" height="380" rx="14" fill="#5a3220" stroke="#3a2014" stroke-width="8"/>` +
      Array.from(
        { length: 8 },
        (_, i) =>
          `<rect x="${190 + (i % 2) * 140}" y="${170 + Math.floor(i / 2) * 90}" width="120" height="70" rx="6" fill="#6e3e28"/>`,
      ).join('') +
      `<path d="M170 420L470 360V530H170Z" fill="#c0392b"/>`,
  ],
  seaweed: [
    '#dff0ec',
    Array.from(
      { length: 5 },
      (_, i) =>
        `<path d="M${200 + i * 60} 540Q${170 + i * 60} 440 ${210 + i * 60} 360T${200 + i * 60} 180" stroke="${i % 2 ? '#1e8449' : '#7d6608'}" stroke-width="22" fill="none" stroke-linecap="round"/>`,
    ).join(''),
  ],
  cookies: [
    '#f6ebd9',
    [
      [230, 280],
      [400, 280],
      [320, 400],
      [200, 460],
      [450, 460],
    ]
      .map(
        ([x, y]) =>
          `<circle cx="${x}" cy="${y}" r="70" fill="#d9a55a" stroke="#a8743a" stroke-width="6"/>` +
          Array.from({ length: 6 }, (_, i) =>
            ellipse(x - 35 + ((i * 29) % 70), y - 30 + ((i * 17) % 60), 6, 3, '#fff3d6'),
          ).join(''),
      )
      .join(''),
  ],
  sweets: [
    '#f5e9dc',
    [
      [220, 300],
      [420, 300],
      [320, 430],
    ]
      .map(
        ([x, y]) =>
          `<path d="M${x - 110} ${y - 40}L${x - 70} ${y}L${x - 110} ${y + 40}Z M${x + 110} ${y - 40}L${x + 70} ${y}L${x + 110} ${y + 40}Z" fill="#e8d8a8"/>` +
          `<rect x="${x - 75}" y="${y - 45}" width="150" height="90" rx="30" fill="#7a4a2b" stroke="#e8d8a8" stroke-width="10"/>`,
      )
      .join(''),
  ],
  leaves: [
    '#e6f2dd',
    `<path d="M320 560V140" stroke="#5d7c2e" stroke-width="8"/>` +
      Array.from({ length: 10 }, (_, i) => {
        const y = 180 + i * 36;
        const d = i % 2 ? 1 : -1;
        return ellipse(
          320 + d * 50,
          y,
          42,
          18,
          i % 3 ? '#4caf50' : '#388e3c',
          `transform="rotate(${d * -20} ${320 + d * 50} ${y})"`,
        );
      }).join(''),
  ],
  headcloth: [
    '#efe6d6',
    `<path d="M120 380Q320 140 520 380Q320 330 120 380Z" fill="#5a3212"/><path d="M150 370Q320 200 490 370" stroke="#e8c070" stroke-width="10" fill="none" stroke-dasharray="24 14"/>` +
      `<path d="M470 360L560 470L500 480Z" fill="#5a3212"/>${ellipse(320, 420, 200, 24, '#d8c6a6')}`,
  ],
} satisfies Record<string, [background: string, body: string]>;

/** A kind of demo picture (a coffee sack, a palm-sugar block, a woven cloth …). */
export type PictureKind = keyof typeof DRAW;
