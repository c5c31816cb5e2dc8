// The treasurer's lot pages (JS off, 360 px): forming a lot from intakes, the trace of every
// kilo, losses, split and merge, the sale, the settlement, the payout and the statements.
import { SettleForm } from './settle.views.js';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { formatDate } from '../../kernel/i18n/index.js';
import { commodityName, gradeShort, kg, tr } from './display.js';
import { OrganisationField, type FormState, type OrgOption } from './producers.views.js';
import type { IntakeRow } from './intake.views.js';
import type { ProduceLotsTable } from './produce.tables.js';
import type { lotTrace, statementsOfLot } from './produce.queries.js';

type C = Context<AppEnv>;
type Lot = ProduceLotsTable;

export function LotList(p: { c: C; rows: Lot[] }) {
  const { c } = p;
  if (!p.rows.length) return <p>{tr(c, 'produce.home.none')}</p>;
  return (
    <ul>
      {p.rows.map((l) => (
        <li>
          <a href={`/produksi/lot/${l.id}`}>{l.number}</a> · {l.name} ·{' '}
          {tr(c, 'produce.kg', { kg: kg(c.get('locale'), l.weight_g) })} ·{' '}
          {tr(c, `produce.status.${l.status}`)}
        </li>
      ))}
    </ul>
  );
}

export function NewLotForm(p: { c: C; orgs: OrgOption[]; intakes: IntakeRow[] } & FormState) {
  const { c, raw = {}, errors = {} } = p;
  const l = c.get('locale');
  return (
    <section>
      <h1>{tr(c, 'produce.lot.new')}</h1>
      <p>{tr(c, 'produce.lot.new_hint')}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action="/produksi/lot" class="card">
        <Csrf c={c} />
        <OrganisationField
          c={c}
          orgs={p.orgs}
          value={raw.organisation_id}
          error={errors.organisation_id}
        />
        <Field
          name="name"
          label={tr(c, 'produce.f.lot_name')}
          value={raw.name}
          error={errors.name}
          required
        />
        <fieldset class={errors.intake_ids ? 'field invalid' : 'field'} id="f-intake_ids">
          <legend>{tr(c, 'produce.f.intakes')}</legend>
          {errors.intake_ids ? <p class="error">{errors.intake_ids}</p> : null}
          {p.intakes.length ? (
            p.intakes.map((i) => (
              <label class="inline">
                <input type="checkbox" name="intake_ids" value={i.id} /> {i.number} ·{' '}
                {i.full_name ?? '—'} · {commodityName(c, i.commodity)}{' '}
                {gradeShort(c, i.commodity, i.grade)} ·{' '}
                {tr(c, 'produce.kg', { kg: kg(l, i.net_g) })}
                <br />
              </label>
            ))
          ) : (
            <p>{tr(c, 'produce.home.none')}</p>
          )}
        </fieldset>
        <button type="submit">{tr(c, 'produce.save')}</button>
      </form>
    </section>
  );
}

type Trace = Awaited<ReturnType<typeof lotTrace>>;
type Statements = Awaited<ReturnType<typeof statementsOfLot>>;

export function LotPage(p: {
  c: C;
  lot: Lot;
  trace: Trace;
  statements: Statements;
  others: Lot[];
  canManage: boolean;
  /** The catalogue panel (listing form or state), rendered before the sale. */
  catalogue?: Child;
  /** A listed lot's proceeds from completed catalogue orders: it settles from those. */
  catalogueProceeds?: number;
  notice?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
}) {
  const { c, lot, trace } = p;
  const l = c.get('locale');
  const errors = p.errors ?? {};
  const raw = p.raw ?? {};
  const input = trace.rows.reduce((s, r) => s + r.net_g, 0);
  const farmers = new Set(trace.rows.map((r) => r.producer_id)).size;
  const open = lot.status === 'open';
  const act = (path: string) => `/produksi/lot/${lot.id}/${path}`;
  return (
    <section>
      <h1>{tr(c, 'produce.lot.title', { number: lot.number, name: lot.name })}</h1>
      {p.notice ? (
        <p role="status" class="notice">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary c={c} errors={errors} />
      <p>
        {commodityName(c, lot.commodity)} · {tr(c, `produce.status.${lot.status}`)}
        <br />
        {tr(c, 'produce.lot.weight')}: {tr(c, 'produce.kg', { kg: kg(l, lot.weight_g) })} ·{' '}
        {tr(c, 'produce.lot.input')}: {tr(c, 'produce.kg', { kg: kg(l, input) })} ·{' '}
        {tr(c, 'produce.lot.farmers')}: {farmers}
      </p>
      <p>
        <a href={`/lot/${lot.number}`}>{tr(c, 'produce.lot.public')}</a>
      </p>
      {trace.from.length ? (
        <p>
          {tr(c, 'produce.lot.from')}:{' '}
          {trace.from.map((f) => (
            <a href={`/produksi/lot/${f.id}`}>{f.number} </a>
          ))}
        </p>
      ) : null}
      {trace.to.length ? (
        <p>
          {tr(c, 'produce.lot.to')}:{' '}
          {trace.to.map((f) => (
            <a href={`/produksi/lot/${f.id}`}>{f.number} </a>
          ))}
        </p>
      ) : null}
      <h2>{tr(c, 'produce.lot.trace')}</h2>
      <ul>
        {trace.rows.map((r) => (
          <li>
            {r.full_name ?? tr(c, 'produce.producer.erased')} ·{' '}
            {gradeShort(c, lot.commodity, r.grade)} · {tr(c, 'produce.kg', { kg: kg(l, r.net_g) })}{' '}
            · {tr(c, 'produce.lot.intake')} {r.number} (
            {formatDate(l, `${r.received_on}T00:00:00Z`)})
          </li>
        ))}
      </ul>
      <h2>{tr(c, 'produce.lot.losses')}</h2>
      {trace.losses.length ? (
        <ul>
          {trace.losses.map((x) => (
            <li>
              {tr(c, `produce.stage.${x.stage}`)}:{' '}
              {tr(c, 'produce.kg', { kg: kg(l, x.weight_before_g) })} → {kg(l, x.weight_after_g)} kg
              · {x.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr(c, 'produce.home.none')}</p>
      )}
      {p.canManage && open ? (
        <>
          <form method="post" action={act('susut')} class="card">
            <h3>{tr(c, 'produce.lot.record_loss')}</h3>
            <Csrf c={c} />
            <SelectField
              name="stage"
              label={tr(c, 'produce.f.stage')}
              value={raw.stage}
              error={errors.stage}
              options={['drying', 'hulling', 'sorting', 'other'].map((s) => ({
                value: s,
                label: tr(c, `produce.stage.${s}`),
              }))}
            />
            <Field
              name="weight_after_kg"
              label={tr(c, 'produce.f.weight_after_kg')}
              value={raw.weight_after_kg}
              error={errors.weight_after_kg}
              inputmode="decimal"
              required
            />
            <Field
              name="reason"
              label={tr(c, 'produce.f.reason')}
              value={raw.reason}
              error={errors.reason}
              required
            />
            <button type="submit">{tr(c, 'produce.save')}</button>
          </form>
          <form method="post" action={act('pecah')} class="card">
            <h3>{tr(c, 'produce.lot.split')}</h3>
            <Csrf c={c} />
            <Field
              name="weight_kg"
              label={tr(c, 'produce.f.weight_kg')}
              value={raw.weight_kg}
              error={errors.weight_kg}
              inputmode="decimal"
              required
            />
            <Field
              name="name"
              label={tr(c, 'produce.f.lot_name')}
              value={raw.name}
              error={errors.name}
              required
            />
            <button type="submit">{tr(c, 'produce.save')}</button>
          </form>
          {p.others.length ? (
            <form method="post" action={act('gabung')} class="card">
              <h3>{tr(c, 'produce.lot.merge')}</h3>
              <Csrf c={c} />
              <SelectField
                name="other_lot_id"
                label={tr(c, 'produce.f.other_lot')}
                value={raw.other_lot_id}
                error={errors.other_lot_id}
                options={p.others.map((o) => ({ value: o.id, label: `${o.number} · ${o.name}` }))}
              />
              <Field
                name="merge_name"
                label={tr(c, 'produce.f.lot_name')}
                value={raw.merge_name}
                error={errors.merge_name}
                required
              />
              <button type="submit">{tr(c, 'produce.save')}</button>
            </form>
          ) : null}
          <form method="post" action={act('jual')} class="card">
            <h3>{tr(c, 'produce.lot.record_sale')}</h3>
            <Csrf c={c} />
            <Field
              name="buyer_name"
              label={tr(c, 'produce.f.buyer_name')}
              value={raw.buyer_name}
              error={errors.buyer_name}
              required
            />
            <Field
              name="price_total"
              label={tr(c, 'produce.f.price_total')}
              value={raw.price_total}
              error={errors.price_total}
              inputmode="numeric"
              required
            />
            <Field
              name="sold_on"
              type="date"
              label={tr(c, 'produce.f.sold_on')}
              value={raw.sold_on}
              error={errors.sold_on}
              required
            />
            <Field
              name="documents"
              label={tr(c, 'produce.f.documents')}
              value={raw.documents}
              error={errors.documents}
            />
            <button type="submit">{tr(c, 'produce.save')}</button>
          </form>
        </>
      ) : null}
      {p.catalogue}
      {trace.sale ? (
        <>
          <h2>{tr(c, 'produce.lot.sale')}</h2>
          <p>
            {trace.sale.buyer_name} · {formatRupiah(trace.sale.price_total)} ·{' '}
            {formatDate(l, `${trace.sale.sold_on}T00:00:00Z`)}
            {trace.sale.documents ? ` · ${trace.sale.documents}` : ''}
          </p>
        </>
      ) : null}
      {p.canManage && (lot.status === 'sold' || (open && p.catalogueProceeds !== undefined)) ? (
        <SettleForm
          c={c}
          action={act('selesai')}
          catalogueProceeds={open ? p.catalogueProceeds : undefined}
          errors={errors}
          raw={raw}
        />
      ) : null}
      {trace.settlement ? (
        <>
          <h2>{tr(c, 'produce.lot.settlement')}</h2>
          <ul>
            <li>
              {tr(c, 'produce.f.proceeds')}: {formatRupiah(trace.settlement.proceeds)}
            </li>
            <li>
              {tr(c, 'produce.f.margin_pct')}: {formatRupiah(trace.settlement.margin_amount)}
            </li>
            <li>
              {tr(c, 'produce.f.processing_cost')}: {formatRupiah(trace.settlement.processing_cost)}
            </li>
            <li>
              {tr(c, 'produce.f.logistics_cost')}: {formatRupiah(trace.settlement.logistics_cost)}
            </li>
            <li>
              {tr(c, 'produce.f.platform_fee')}: {formatRupiah(trace.settlement.platform_fee)}
            </li>
            <li>
              <strong>
                {tr(c, 'produce.lot.distributable')}: {formatRupiah(trace.settlement.distributable)}
              </strong>
            </li>
          </ul>
        </>
      ) : null}
      {p.canManage && lot.status === 'settled' ? (
        <form method="post" action={act('bayar')} class="card">
          <p>{tr(c, 'produce.lot.pay_out_hint')}</p>
          <Csrf c={c} />
          <button type="submit">{tr(c, 'produce.lot.pay_out')}</button>
        </form>
      ) : null}
      {p.statements.length ? (
        <>
          <h2>{tr(c, 'produce.lot.statements')}</h2>
          <ul>
            {p.statements.map((s) => (
              <li>
                <a href={`/produksi/pernyataan/${s.id}`}>{s.number}</a> ·{' '}
                {s.full_name ?? tr(c, 'produce.producer.erased')} ·{' '}
                {tr(c, `produce.statement.kind.${s.kind}`)} · {formatRupiah(s.total)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.canManage && lot.status === 'paid' ? (
        <form method="post" action={act('koreksi')} class="card">
          <h3>{tr(c, 'produce.lot.correct')}</h3>
          <Csrf c={c} />
          <Field
            name="delta"
            label={tr(c, 'produce.f.delta')}
            value={raw.delta}
            error={errors.delta}
            required
          />
          <Field
            name="reason"
            label={tr(c, 'produce.f.reason')}
            value={raw.reason}
            error={errors.reason}
            required
          />
          <button type="submit">{tr(c, 'produce.save')}</button>
        </form>
      ) : null}
    </section>
  );
}
