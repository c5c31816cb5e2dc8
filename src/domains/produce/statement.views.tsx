// A farmer's statement (printable at 58 mm, as WhatsApp/SMS text, and as CSV) and the public
// page of a lot: the story buyers read (origin villages, farmers, grades, harvest period).
import type { Context } from 'hono';
import type { AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { formatDate, formatNumber } from '../../kernel/i18n/index.js';
import { commodityName, gradeShort, kg, tr } from './display.js';
import type { statementDetail, lotStory } from './produce.queries.js';

type C = Context<AppEnv>;
export type StatementData = NonNullable<Awaited<ReturnType<typeof statementDetail>>>;

/** Each line in words, e.g. "Bagian Mutu 1: 62 kg × faktor 1 … Rp 1.240.000". */
export function lineText(c: C, s: StatementData, line: StatementData['lines'][number]): string {
  const l = c.get('locale');
  const label =
    line.kind === 'share'
      ? tr(c, 'produce.statement.line.share', {
          grade: gradeShort(c, s.commodity, line.grade ?? ''),
          kg: kg(l, line.net_g ?? 0),
          factor: formatNumber(l, (line.factor_permille ?? 0) / 1000, 2),
        }) +
        (line.price_per_kg
          ? ` (${tr(c, 'produce.statement.price_basis', { price: formatRupiah(line.price_per_kg) })})`
          : '')
      : line.kind === 'advance'
        ? tr(c, 'produce.statement.line.advance')
        : tr(c, 'produce.statement.line.correction', { note: line.note ?? '' });
  return `${label}: ${formatRupiah(line.amount)}`;
}

export function statementText(c: C, s: StatementData, org: string): string {
  return tr(c, 'produce.statement.text', {
    number: s.number,
    org,
    name: s.full_name ?? tr(c, 'produce.producer.erased'),
    lot: `${s.lot_number} ${s.lot_name}`,
    lines: s.lines.map((x) => lineText(c, s, x)).join('; '),
    total: formatRupiah(s.total),
    paid: formatRupiah(s.paid_amount),
  });
}

export function StatementPage(p: { c: C; s: StatementData; org: string }) {
  const { c, s } = p;
  const l = c.get('locale');
  const text = statementText(c, s, p.org);
  const wa = s.phone
    ? `https://wa.me/${s.phone.replace(/^\+/, '')}?text=${encodeURIComponent(text)}`
    : null;
  return (
    <section>
      <h1 class="noprint">{tr(c, 'produce.statement.title', { number: s.number })}</h1>
      <div class="slip printable">
        <h2>{tr(c, `produce.statement.kind.${s.kind}`).toUpperCase()}</h2>
        <p>
          {p.org}
          <br />
          {s.number} · {formatDate(l, s.issued_at)}
        </p>
        <p>
          {s.full_name ?? tr(c, 'produce.producer.erased')}
          <br />
          {s.lot_number} · {s.lot_name} · {commodityName(c, s.commodity)}
        </p>
        <ul>
          {s.lines.map((x) => (
            <li>{lineText(c, s, x)}</li>
          ))}
        </ul>
        <p>
          <strong>
            {tr(c, 'produce.statement.total')}: {formatRupiah(s.total)}
          </strong>
          <br />
          {tr(c, 'produce.statement.paid')}: {formatRupiah(s.paid_amount)}
        </p>
      </div>
      <div class="noprint">
        <p>
          <a href={`/produksi/pernyataan/${s.id}/csv`}>{tr(c, 'produce.statement.csv')}</a> ·{' '}
          <a href={`/produksi/pernyataan/${s.id}/xlsx`}>{tr(c, 'produce.statement.xlsx')}</a>
        </p>
        <h2>{tr(c, 'produce.receipt.whatsapp')}</h2>
        <p class="wa-text">{text}</p>
        {wa ? (
          <p>
            <a href={wa} rel="noopener">
              {tr(c, 'produce.receipt.send_wa')}
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

export type Story = NonNullable<Awaited<ReturnType<typeof lotStory>>>;

export function PublicLotPage(p: { c: C; story: Story }) {
  const { c, story } = p;
  const l = c.get('locale');
  const day = (d: string) => formatDate(l, `${d}T00:00:00Z`);
  return (
    <section>
      <h1>{story.lot.name}</h1>
      <p>
        {commodityName(c, story.lot.commodity)} · {story.lot.number}
      </p>
      <dl>
        <dt>{tr(c, 'produce.public.origin')}</dt>
        <dd>{story.villages.join(', ')}</dd>
        <dt>{tr(c, 'produce.public.farmers')}</dt>
        <dd>{story.farmers}</dd>
        <dt>{tr(c, 'produce.public.grades')}</dt>
        <dd>
          {story.grades
            .map(([g, grams]) => `${gradeShort(c, story.lot.commodity, g)}: ${kg(l, grams)} kg`)
            .join(' · ')}
        </dd>
        <dt>{tr(c, 'produce.public.harvest')}</dt>
        <dd>
          {story.harvestFrom && story.harvestTo
            ? `${day(story.harvestFrom)} – ${day(story.harvestTo)}`
            : '—'}
        </dd>
        <dt>{tr(c, 'produce.public.weight')}</dt>
        <dd>{tr(c, 'produce.kg', { kg: kg(l, story.lot.weight_g) })}</dd>
      </dl>
    </section>
  );
}
