// The collection-point clerk's pages: the intake form (weights in kg as typed, one grade
// select grouped by commodity), the intake list, the receipt (58 mm print and a WhatsApp/SMS
// text) and the correction form. Also the treasurer's price bases.
import type { Context } from 'hono';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { formatDate } from '../../kernel/i18n/index.js';
import { COMMODITIES, COMMODITY_KEYS } from './commodities.js';
import { commodityName, gradeName, gradeShort, kg, pct, tr } from './display.js';
import { OrganisationField, type FormState, type OrgOption } from './producers.views.js';

type C = Context<AppEnv>;

export function GradeSelect(p: { c: C; value?: string; error?: string }) {
  const { c } = p;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for="f-grade">{tr(c, 'produce.f.grade')}</label>
      <select
        id="f-grade"
        name="grade"
        required
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? 'f-grade-err' : undefined}
      >
        <option value="">—</option>
        {COMMODITY_KEYS.map((k) => (
          <optgroup label={commodityName(c, k)}>
            {COMMODITIES[k].grades.map((g) => (
              <option value={`${k}:${g.key}`} selected={p.value === `${k}:${g.key}`}>
                {`${commodityName(c, k)} · ${gradeName(c, k, g.key)}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {p.error ? (
        <p class="error" id="f-grade-err">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

function WeighingFields(p: { c: C } & FormState) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <>
      <GradeSelect c={c} value={raw.grade} error={errors.grade} />
      <Field
        name="gross_kg"
        label={tr(c, 'produce.f.gross_kg')}
        value={raw.gross_kg}
        error={errors.gross_kg}
        inputmode="decimal"
        required
      />
      <Field
        name="tare_kg"
        label={tr(c, 'produce.f.tare_kg')}
        value={raw.tare_kg}
        error={errors.tare_kg}
        inputmode="decimal"
      />
      <Field
        name="moisture_pct"
        label={tr(c, 'produce.f.moisture_pct')}
        value={raw.moisture_pct}
        error={errors.moisture_pct}
        inputmode="decimal"
        required
      />
      <Field
        name="measure"
        label={tr(c, 'produce.f.measure')}
        value={raw.measure}
        error={errors.measure}
        inputmode="numeric"
      />
      <Field
        name="received_on"
        type="date"
        label={tr(c, 'produce.f.received_on')}
        value={raw.received_on}
        error={errors.received_on}
        required
      />
    </>
  );
}

export function IntakeForm(
  p: { c: C; producers: { id: string; full_name: string | null }[] } & FormState,
) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <section>
      <h1>{tr(c, 'produce.intake.new')}</h1>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action="/produksi/setoran" class="card">
        <Csrf c={c} />
        <SelectField
          name="producer_id"
          label={tr(c, 'produce.f.producer')}
          value={raw.producer_id}
          error={errors.producer_id}
          options={[
            { value: '', label: '—' },
            ...p.producers.flatMap((x) =>
              x.full_name ? [{ value: x.id, label: x.full_name }] : [],
            ),
          ]}
          required
        />
        <WeighingFields c={c} raw={raw} errors={errors} />
        <Field
          name="advance"
          label={tr(c, 'produce.f.advance')}
          value={raw.advance}
          error={errors.advance}
          inputmode="numeric"
        />
        <button type="submit">{tr(c, 'produce.save')}</button>
      </form>
    </section>
  );
}

export function CorrectionForm(p: { c: C; id: string; number: string } & FormState) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <section>
      <h1>{tr(c, 'produce.intake.correct', { number: p.number })}</h1>
      <p>{tr(c, 'produce.intake.correct_hint')}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={`/produksi/setoran/${p.id}/koreksi`} class="card">
        <Csrf c={c} />
        <WeighingFields c={c} raw={raw} errors={errors} />
        <Field
          name="reason"
          label={tr(c, 'produce.f.reason')}
          value={raw.reason}
          error={errors.reason}
          required
        />
        <button type="submit">{tr(c, 'produce.save')}</button>
      </form>
    </section>
  );
}

export interface IntakeRow {
  id: string;
  number: string;
  full_name: string | null;
  commodity: string;
  grade: string;
  net_g: number;
  received_on: string;
  advance: number;
  corrects_id: string | null;
  superseded: boolean;
  pooled: boolean;
}

export function IntakeList(p: { c: C; rows: IntakeRow[] }) {
  const { c } = p;
  const l = c.get('locale');
  if (!p.rows.length) return <p>{tr(c, 'produce.home.none')}</p>;
  return (
    <ul>
      {p.rows.map((r) => (
        <li>
          <a href={`/produksi/setoran/${r.id}`}>{r.number}</a> · {r.full_name ?? '—'} ·{' '}
          {commodityName(c, r.commodity)} {gradeShort(c, r.commodity, r.grade)} ·{' '}
          {tr(c, 'produce.kg', { kg: kg(l, r.net_g) })} ·{' '}
          {formatDate(l, `${r.received_on}T00:00:00Z`)}
          {r.corrects_id ? ` · ${tr(c, 'produce.intake.correction_of')}` : ''}
          {r.superseded ? ` · ${tr(c, 'produce.intake.superseded')}` : ''}
          {r.pooled ? ` · ${tr(c, 'produce.intake.pooled')}` : ''}
        </li>
      ))}
    </ul>
  );
}

export interface ReceiptData {
  number: string;
  org: string;
  name: string;
  phone: string | null;
  commodity: string;
  grade: string;
  gross_g: number;
  tare_g: number;
  net_g: number;
  moisture_permille: number;
  received_on: string;
  advance: number;
  receivedBy: string;
  canCorrect: boolean;
  id: string;
}

/** The receipt as one line of text for WhatsApp or SMS (a basic phone reads it too). */
export function receiptText(c: C, r: ReceiptData): string {
  const l = c.get('locale');
  return tr(c, 'produce.receipt.text', {
    number: r.number,
    org: r.org,
    name: r.name,
    date: formatDate(l, `${r.received_on}T00:00:00Z`),
    commodity: commodityName(c, r.commodity),
    grade: gradeShort(c, r.commodity, r.grade),
    net: kg(l, r.net_g),
    gross: kg(l, r.gross_g),
    tare: kg(l, r.tare_g),
    moisture: pct(l, r.moisture_permille),
    advance: formatRupiah(r.advance),
  });
}

export function Receipt(p: { c: C; r: ReceiptData }) {
  const { c, r } = p;
  const l = c.get('locale');
  const text = receiptText(c, r);
  const wa = r.phone
    ? `https://wa.me/${r.phone.replace(/^\+/, '')}?text=${encodeURIComponent(text)}`
    : null;
  return (
    <section>
      <h1 class="noprint">{tr(c, 'produce.receipt.title', { number: r.number })}</h1>
      <div class="slip printable">
        <h2>{tr(c, 'produce.receipt.heading')}</h2>
        <p>
          {r.org}
          <br />
          {r.number}
        </p>
        <dl>
          <dt>{tr(c, 'produce.receipt.farmer')}</dt>
          <dd>{r.name}</dd>
          <dt>{tr(c, 'produce.receipt.date')}</dt>
          <dd>{formatDate(l, `${r.received_on}T00:00:00Z`)}</dd>
          <dt>{tr(c, 'produce.f.commodity')}</dt>
          <dd>
            {commodityName(c, r.commodity)} · {gradeName(c, r.commodity, r.grade)}
          </dd>
          <dt>{tr(c, 'produce.f.gross_kg')}</dt>
          <dd>{tr(c, 'produce.kg', { kg: kg(l, r.gross_g) })}</dd>
          <dt>{tr(c, 'produce.f.tare_kg')}</dt>
          <dd>{tr(c, 'produce.kg', { kg: kg(l, r.tare_g) })}</dd>
          <dt>{tr(c, 'produce.f.net_kg')}</dt>
          <dd>
            <strong>{tr(c, 'produce.kg', { kg: kg(l, r.net_g) })}</strong>
          </dd>
          <dt>{tr(c, 'produce.f.moisture_pct')}</dt>
          <dd>{pct(l, r.moisture_permille)}</dd>
          <dt>{tr(c, 'produce.f.advance')}</dt>
          <dd>{formatRupiah(r.advance)}</dd>
          <dt>{tr(c, 'produce.receipt.received_by')}</dt>
          <dd>{r.receivedBy}</dd>
        </dl>
      </div>
      <div class="noprint">
        <h2>{tr(c, 'produce.receipt.whatsapp')}</h2>
        <p class="wa-text">{text}</p>
        {wa ? (
          <p>
            <a href={wa} rel="noopener">
              {tr(c, 'produce.receipt.send_wa')}
            </a>
          </p>
        ) : null}
        {r.canCorrect ? (
          <p>
            <a href={`/produksi/setoran/${r.id}/koreksi`}>
              {tr(c, 'produce.intake.correct', { number: r.number })}
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

export function PricesPage(
  p: {
    c: C;
    orgs: OrgOption[];
    canSet: boolean;
    rows: {
      commodity: string;
      grade: string;
      valid_from: string;
      valid_to: string;
      price_per_kg: number;
      trader_price_per_kg: number | null;
    }[];
  } & FormState,
) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <section>
      <h1>{tr(c, 'produce.prices.title')}</h1>
      <ul>
        {p.rows.map((r) => (
          <li>
            {commodityName(c, r.commodity)} · {gradeShort(c, r.commodity, r.grade)} · {r.valid_from}{' '}
            – {r.valid_to}: {formatRupiah(r.price_per_kg)}/kg
            {r.trader_price_per_kg
              ? ` (${tr(c, 'produce.prices.trader')} ${formatRupiah(r.trader_price_per_kg)}/kg)`
              : ''}
          </li>
        ))}
      </ul>
      {p.canSet ? (
        <form method="post" action="/produksi/harga" class="card">
          <ErrorSummary c={c} errors={errors} />
          <Csrf c={c} />
          <OrganisationField
            c={c}
            orgs={p.orgs}
            value={raw.organisation_id}
            error={errors.organisation_id}
          />
          <GradeSelect c={c} value={raw.grade} error={errors.grade} />
          <Field
            name="valid_from"
            type="date"
            label={tr(c, 'produce.f.valid_from')}
            value={raw.valid_from}
            error={errors.valid_from}
            required
          />
          <Field
            name="valid_to"
            type="date"
            label={tr(c, 'produce.f.valid_to')}
            value={raw.valid_to}
            error={errors.valid_to}
            required
          />
          <Field
            name="price_per_kg"
            label={tr(c, 'produce.f.price_per_kg')}
            value={raw.price_per_kg}
            error={errors.price_per_kg}
            inputmode="numeric"
            required
          />
          <Field
            name="trader_price_per_kg"
            label={tr(c, 'produce.f.trader_price_per_kg')}
            value={raw.trader_price_per_kg}
            error={errors.trader_price_per_kg}
            inputmode="numeric"
          />
          <button type="submit">{tr(c, 'produce.save')}</button>
        </form>
      ) : null}
    </section>
  );
}
