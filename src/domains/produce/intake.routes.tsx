// Pages of intakes at the collection point (record, receipt, correction) and the koperasi's
// price bases per grade. Scope is decided by the services' queries: an intake outside the
// caller's reach is 404, a role without produce work is 403.
import type { Context } from 'hono';
import type { Hono } from 'hono';
import type { Actor } from '../../kernel/auth/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { organisationPlaces, servicePointPlaces } from '../community/index.js';
import { correctIntake, recordIntake, visibleIntake } from './intakes.service.js';
import { correctionFormSchema, intakeFormSchema, priceFormSchema } from './produce.schema.js';
import { listPriceBases, setPriceBasis } from './prices.service.js';
import { listProducers, visibleProducer } from './producers.service.js';
import { intakeOrgs, produceReach } from './scope.js';
import { CorrectionForm, IntakeForm, PricesPage, Receipt } from './intake.views.js';
import { tr } from './display.js';
import { db, fieldsOrThrow, intakeWriter, orgOptions, reader, today } from './produce.routes.js';

type C = Context<AppEnv>;

export function intakeRoutes(app: Hono<AppEnv>) {
  // ---- intakes

  const intakeForm = async (
    c: C,
    actor: Actor,
    state: { raw?: Record<string, string>; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) =>
    page(
      c,
      { title: tr(c, 'produce.intake.new'), status },
      <IntakeForm
        c={c}
        producers={(await listProducers(db(c), actor)).filter((p) => !p.erased_at)}
        raw={{ received_on: today(), advance: '0', tare_kg: '0', ...state.raw }}
        errors={state.errors}
      />,
    );

  app.get('/produksi/setoran/baru', async (c) => {
    const { actor } = await intakeWriter(c);
    return intakeForm(c, actor);
  });

  app.post('/produksi/setoran', async (c) => {
    const { actor } = await intakeWriter(c);
    const form = await readForm(c, intakeFormSchema);
    if (!form.ok) return intakeForm(c, actor, { raw: form.raw, errors: form.errors }, 422);
    const d = form.data;
    const r = await recordIntake(db(c), actor, {
      producerId: d.producer_id,
      commodity: d.grade.commodity,
      grade: d.grade.grade,
      grossGrams: d.gross_kg as number,
      tareGrams: d.tare_kg ?? 0,
      moisturePermille: d.moisture_pct as number,
      measure: d.measure,
      receivedOn: d.received_on,
      advance: d.advance,
    });
    if (!r.ok) return intakeForm(c, actor, { raw: form.raw, errors: fieldsOrThrow(c, r) }, 422);
    return c.redirect(`/produksi/setoran/${r.value.id}`, 303);
  });

  app.get('/produksi/setoran/:id', async (c) => {
    const { actor, reach } = await reader(c);
    const i = await visibleIntake(db(c), actor, c.req.param('id'));
    if (!i) throw new AppError('NOT_FOUND');
    const p = await visibleProducer(db(c), actor, i.producer_id);
    const org = (await organisationPlaces(db(c), [i.organisation_id])).get(i.organisation_id);
    const point = i.service_point_id
      ? (await servicePointPlaces(db(c), [i.service_point_id]))[0]
      : undefined;
    return page(
      c,
      { title: tr(c, 'produce.receipt.title', { number: i.number }) },
      <Receipt
        c={c}
        r={{
          ...i,
          org: org?.name ?? '',
          name: p?.full_name ?? tr(c, 'produce.producer.erased'),
          phone: p?.phone ?? null,
          receivedBy: point?.name ?? org?.name ?? '',
          canCorrect: intakeOrgs(reach).includes(i.organisation_id),
        }}
      />,
    );
  });

  const correctionPage = async (
    c: C,
    i: { id: string; number: string },
    state: { raw?: Record<string, string>; errors?: Record<string, string> },
    status: 200 | 409 | 422 = 200,
  ) =>
    page(
      c,
      { title: tr(c, 'produce.intake.correct', { number: i.number }), status },
      <CorrectionForm c={c} id={i.id} number={i.number} {...state} />,
    );

  const writableIntake = async (c: C) => {
    const { actor, orgs } = await intakeWriter(c);
    const i = await visibleIntake(db(c), actor, c.req.param('id') as string);
    if (!i || !orgs.includes(i.organisation_id)) throw new AppError('NOT_FOUND');
    return { actor, i };
  };

  app.get('/produksi/setoran/:id/koreksi', async (c) => {
    const { i } = await writableIntake(c);
    return correctionPage(c, i, {
      raw: {
        grade: `${i.commodity}:${i.grade}`,
        gross_kg: String(i.gross_g / 1000),
        tare_kg: String(i.tare_g / 1000),
        moisture_pct: String(i.moisture_permille / 10),
        measure: i.measure === null ? '' : String(i.measure),
        received_on: i.received_on,
      },
    });
  });

  app.post('/produksi/setoran/:id/koreksi', async (c) => {
    const { actor, i } = await writableIntake(c);
    const form = await readForm(c, correctionFormSchema);
    if (!form.ok) return correctionPage(c, i, { raw: form.raw, errors: form.errors }, 422);
    const d = form.data;
    const r = await correctIntake(db(c), actor, i.id, {
      commodity: d.grade.commodity,
      grade: d.grade.grade,
      grossGrams: d.gross_kg as number,
      tareGrams: d.tare_kg ?? 0,
      moisturePermille: d.moisture_pct as number,
      measure: d.measure,
      receivedOn: d.received_on,
      reason: d.reason,
    });
    if (!r.ok && !r.fields && r.code !== 'NOT_FOUND')
      return correctionPage(
        c,
        i,
        {
          raw: form.raw,
          errors: {
            _: tr(
              c,
              `produce.err.${r.code === 'PRODUCE_INTAKE_POOLED' ? 'intake_pooled' : 'intake_superseded'}`,
            ),
          },
        },
        409,
      );
    if (!r.ok) return correctionPage(c, i, { raw: form.raw, errors: fieldsOrThrow(c, r) }, 422);
    return c.redirect(`/produksi/setoran/${r.value.id}`, 303);
  });

  // ---- price bases

  const pricesPage = async (
    c: C,
    actor: Actor,
    managed: string[],
    state: { raw?: Record<string, string>; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) =>
    page(
      c,
      { title: tr(c, 'produce.prices.title'), status },
      <PricesPage
        c={c}
        orgs={await orgOptions(c, managed)}
        canSet={managed.length > 0}
        rows={await listPriceBases(db(c), actor)}
        {...state}
      />,
    );

  app.get('/produksi/harga', async (c) => {
    const { actor, reach } = await reader(c);
    return pricesPage(c, actor, reach.managed);
  });

  app.post('/produksi/harga', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const reach = await produceReach(db(c), actor);
    if (!reach.managed.length) throw new AppError('FORBIDDEN');
    const form = await readForm(c, priceFormSchema);
    if (!form.ok)
      return pricesPage(c, actor, reach.managed, { raw: form.raw, errors: form.errors }, 422);
    const d = form.data;
    const r = await setPriceBasis(db(c), actor, {
      organisationId: d.organisation_id,
      commodity: d.grade.commodity,
      grade: d.grade.grade,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      pricePerKg: d.price_per_kg,
      traderPricePerKg: d.trader_price_per_kg || null,
    });
    if (!r.ok)
      return pricesPage(
        c,
        actor,
        reach.managed,
        { raw: form.raw, errors: fieldsOrThrow(c, r) },
        422,
      );
    return c.redirect('/produksi/harga', 303);
  });
  return app;
}
