// The treasurer's lot pages and the farmers' statements, plus the public lot page. Writes are
// for the managers of the lot's organisation (others get 404, as if the lot did not exist);
// officers of the region read.
import type { Context } from 'hono';
import type { Hono } from 'hono';
import type { z } from 'zod';
import { AppError, type Result } from '../../kernel/errors/index.js';
import { errorText, page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { sendSheet } from '../../kernel/xlsx/index.js';
import { organisationPlaces, umkmFactsByIds, umkmOfOrganisations } from '../community/index.js';
import { listLotInCatalog, lotListing } from './lot-listing.service.js';
import { LotListingPanel } from './listing.views.js';
import { listIntakes } from './intakes.service.js';
import { createLot, listLots, managedLot, recordLoss, visibleLot } from './lots.service.js';
import { mergeLots, splitLot } from './lot-split.service.js';
import { recordSale } from './lot-sale.service.js';
import { correctPayout, payOutLot } from './payout.service.js';
import { settleLot } from './settle.service.js';
import { lotStory, lotTrace, statementDetail, statementsOfLot } from './produce.queries.js';
import {
  correctionLineFormSchema,
  lossFormSchema,
  lotListingFormSchema,
  lotFormSchema,
  mergeFormSchema,
  saleFormSchema,
  settleFormSchema,
  splitFormSchema,
} from './produce.schema.js';
import { produceReach, produceVisible } from './scope.js';
import { LotList, LotPage, NewLotForm } from './lot.views.js';
import { lineText, PublicLotPage, StatementPage } from './statement.views.js';
import { db, fieldsOrThrow, PRODUCE_ROLES } from './produce.routes.js';
import { tr } from './display.js';
import type { IntakeRow } from './intake.views.js';

type C = Context<AppEnv>;
type State = { raw?: Record<string, string>; errors?: Record<string, string>; notice?: string };

async function manager(c: C) {
  const actor = requireRole(c, 'community_manager');
  const reach = await produceReach(db(c), actor);
  if (!reach.managed.length) throw new AppError('FORBIDDEN');
  return { actor, reach };
}

async function lotPage(c: C, lotId: string, state: State = {}, status: 200 | 409 | 422 = 200) {
  const actor = requireRole(c, ...PRODUCE_ROLES);
  const lot = await visibleLot(db(c), actor, lotId);
  if (!lot) throw new AppError('NOT_FOUND');
  const canManage = !!(await managedLot(db(c), actor, lotId));
  const [trace, statements, all, listing] = await Promise.all([
    lotTrace(db(c), lot.id),
    statementsOfLot(db(c), lot.id),
    canManage ? listLots(db(c), actor) : Promise.resolve([]),
    lotListing(db(c), actor, lot.id),
  ]);
  const canList = canManage && lot.status === 'open' && !listing;
  const umkms = canList
    ? [
        ...(
          await umkmFactsByIds(db(c), await umkmOfOrganisations(db(c), [lot.organisation_id]))
        ).values(),
      ]
    : [];
  const others = all.filter(
    (o) =>
      o.id !== lot.id &&
      o.status === 'open' &&
      o.organisation_id === lot.organisation_id &&
      o.commodity === lot.commodity &&
      o.pool === lot.pool,
  );
  return page(
    c,
    { title: tr(c, 'produce.lot.title', { number: lot.number, name: lot.name }), status },
    <LotPage
      c={c}
      lot={lot}
      trace={trace}
      statements={statements}
      others={others}
      canManage={canManage}
      catalogueProceeds={
        listing && !listing.closed_at && listing.sold.packs > 0 ? listing.sold.proceeds : undefined
      }
      catalogue={
        <LotListingPanel
          c={c}
          lotId={lot.id}
          listing={listing}
          canList={canList}
          umkms={umkms}
          errors={state.errors ?? {}}
          raw={state.raw ?? {}}
        />
      }
      {...state}
    />,
  );
}

const DONE: Record<string, string> = {
  created: 'produce.lot.done.created',
  saved: 'produce.lot.done.saved',
  paid: 'produce.lot.done.paid',
};

/** A lot action: form → service → back to the lot page (303), or the page again with messages. */
function lotAction<S extends z.ZodType>(
  app: Hono<AppEnv>,
  path: string,
  schema: S | null,
  run: (c: C, lotId: string, data: z.infer<S>) => Promise<Result<unknown>>,
  done = 'saved',
) {
  app.post(`/produksi/lot/:id/${path}`, async (c) => {
    const { actor } = await manager(c);
    const lotId = c.req.param('id');
    // Scope first: another organisation's lot is 404 whatever the input.
    if (!(await managedLot(db(c), actor, lotId))) throw new AppError('NOT_FOUND');
    let data: z.infer<S> = undefined as z.infer<S>;
    let raw: Record<string, string> = {};
    if (schema) {
      const form = await readForm(c, schema);
      raw = form.raw;
      if (!form.ok) return lotPage(c, lotId, { raw, errors: form.errors }, 422);
      data = form.data;
    } else await c.req.parseBody();
    const r = await run(c, lotId, data);
    if (!r.ok) {
      if (!r.fields && r.code !== 'NOT_FOUND')
        return lotPage(
          c,
          lotId,
          { raw, errors: { _: errorText(c.get('locale'), r.code, r.params) } },
          409,
        );
      return lotPage(c, lotId, { raw, errors: fieldsOrThrow(c, r) }, 422);
    }
    const next = (r.value as { id?: string } | undefined)?.id ?? lotId;
    return c.redirect(`/produksi/lot/${next}?done=${done}`, 303);
  });
}

async function visibleStatement(c: C) {
  const actor = requireRole(c, ...PRODUCE_ROLES);
  const reach = await produceReach(db(c), actor);
  const row = await db(c)
    .selectFrom('produce_statements')
    .select(['id', 'organisation_id'])
    .where('id', '=', c.req.param('id') as string)
    .where((eb) => produceVisible(eb, 'produce_statements', reach, { clerk: true }))
    .executeTakeFirst();
  const s = row ? await statementDetail(db(c), row.id) : undefined;
  if (!s) throw new AppError('NOT_FOUND');
  const org = (await organisationPlaces(db(c), [s.organisation_id])).get(s.organisation_id);
  return { s, org: org?.name ?? '' };
}

export function lotRoutes(app: Hono<AppEnv>) {
  const newLotPage = async (c: C, state: State = {}, status: 200 | 422 = 200) => {
    const { actor, reach } = await manager(c);
    const orgs = [...(await organisationPlaces(db(c), reach.managed)).values()];
    const intakes: IntakeRow[] = [];
    for (const o of orgs) intakes.push(...(await listIntakes(db(c), actor, { unpooledOf: o.id })));
    return page(
      c,
      { title: tr(c, 'produce.lot.new'), status },
      <NewLotForm
        c={c}
        orgs={orgs.map((o) => ({ id: o.id, name: o.name }))}
        intakes={intakes}
        {...state}
      />,
    );
  };

  app.get('/produksi/lot', async (c) => {
    const actor = requireRole(c, ...PRODUCE_ROLES);
    return page(
      c,
      { title: tr(c, 'produce.lots.title') },
      <section>
        <h1>{tr(c, 'produce.lots.title')}</h1>
        <LotList c={c} rows={await listLots(db(c), actor)} />
      </section>,
    );
  });

  app.get('/produksi/lot/baru', (c) => newLotPage(c));

  app.post('/produksi/lot', async (c) => {
    const { actor } = await manager(c);
    const form = await readForm(c, lotFormSchema);
    if (!form.ok) return newLotPage(c, { raw: form.raw, errors: form.errors }, 422);
    const r = await createLot(db(c), actor, {
      organisationId: form.data.organisation_id,
      name: form.data.name,
      intakeIds: form.data.intake_ids,
    });
    if (!r.ok) return newLotPage(c, { raw: form.raw, errors: fieldsOrThrow(c, r) }, 422);
    return c.redirect(`/produksi/lot/${r.value.id}?done=created`, 303);
  });

  app.get('/produksi/lot/:id', (c) => {
    const done = DONE[c.req.query('done') ?? ''];
    return lotPage(c, c.req.param('id'), { notice: done ? tr(c, done) : undefined });
  });

  const actor = (c: C) => requireRole(c, 'community_manager');
  lotAction(app, 'susut', lossFormSchema, (c, id, d) =>
    recordLoss(db(c), actor(c), id, {
      stage: d.stage,
      weightAfterGrams: d.weight_after_kg as number,
      reason: d.reason,
    }),
  );
  lotAction(app, 'pecah', splitFormSchema, async (c, id, d) => {
    const r = await splitLot(db(c), actor(c), id, {
      weightGrams: d.weight_kg as number,
      name: d.name,
    });
    return r.ok ? { ok: true, value: { id: r.value.ids[0] } } : r;
  });
  lotAction(app, 'gabung', mergeFormSchema, (c, id, d) =>
    mergeLots(db(c), actor(c), id, { otherLotId: d.other_lot_id, name: d.merge_name }),
  );
  lotAction(app, 'jual', saleFormSchema, (c, id, d) =>
    recordSale(db(c), actor(c), id, {
      buyerName: d.buyer_name,
      priceTotal: d.price_total,
      soldOn: d.sold_on,
      documents: d.documents,
    }),
  );
  lotAction(app, 'katalog', lotListingFormSchema, (c, id, d) =>
    listLotInCatalog(db(c), actor(c), id, {
      umkmId: d.umkm_id,
      name: d.name,
      packGrams: d.pack_kg as number,
      pricePerPack: d.price_per_pack,
    }),
  );
  lotAction(app, 'selesai', settleFormSchema, (c, id, d) =>
    settleLot(db(c), actor(c), id, {
      proceeds: d.proceeds,
      marginBp: (d.margin_pct ?? 0) * 10,
      processingCost: d.processing_cost,
      logisticsCost: d.logistics_cost,
      platformFee: d.platform_fee,
    }),
  );
  lotAction(app, 'bayar', null, (c, id) => payOutLot(db(c), actor(c), id), 'paid');
  lotAction(app, 'koreksi', correctionLineFormSchema, (c, id, d) =>
    correctPayout(db(c), actor(c), id, { delta: d.delta, reason: d.reason }),
  );

  app.get('/produksi/pernyataan/:id', async (c) => {
    const { s, org } = await visibleStatement(c);
    return page(
      c,
      { title: tr(c, 'produce.statement.title', { number: s.number }) },
      <StatementPage c={c} s={s} org={org} />,
    );
  });

  app.on('GET', ['/produksi/pernyataan/:id/csv', '/produksi/pernyataan/:id/xlsx'], async (c) => {
    const { s } = await visibleStatement(c);
    const columns = [
      'statement',
      'farmer',
      'lot',
      'line',
      'kind',
      'grade',
      'net_kg',
      'factor',
      { header: 'price_basis_per_kg', type: 'rupiah' as const },
      { header: 'amount', type: 'rupiah' as const },
      'text',
    ];
    const rows: unknown[][] = [
      ...s.lines.map((x) => [
        s.number,
        s.full_name ?? '',
        s.lot_number,
        x.line_no,
        x.kind,
        x.grade ?? '',
        x.net_g === null ? '' : x.net_g / 1000,
        x.factor_permille === null ? '' : x.factor_permille / 1000,
        x.price_per_kg ?? '',
        x.amount,
        lineText(c, s, x),
      ]),
      [s.number, s.full_name ?? '', s.lot_number, '', 'total', '', '', '', '', s.total, ''],
      [s.number, s.full_name ?? '', s.lot_number, '', 'paid', '', '', '', '', s.paid_amount, ''],
    ];
    return sendSheet(c, s.number, { name: s.number, columns, rows });
  });

  app.get('/lot/:number', async (c) => {
    const story = await lotStory(db(c), c.req.param('number'));
    if (!story) throw new AppError('NOT_FOUND');
    return page(
      c,
      { title: story.lot.name, description: tr(c, 'produce.public.origin') },
      <PublicLotPage c={c} story={story} />,
    );
  });
  return app;
}
