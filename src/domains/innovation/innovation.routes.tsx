// Pages of the product innovation centre (server-rendered forms, JS optional) and the mount
// point of its JSON API; the reviewer's pages are in review.routes.tsx. Scope is decided in SQL by the queries; a product outside it is 404.
import type { Context } from 'hono';
import {
  createApiApp,
  page,
  readForm,
  requireActor,
  requireRole,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { canInRegion, scopeIds } from '../../kernel/auth/index.js';
import { t, translateFieldsSafe } from './i18n-fields.js';
import { submitForReview } from './review.service.js';
import { markTaskDone } from './tasks.service.js';
import { canActOnProduct, recordValueAdd, valueAddHistory } from './value-add.service.js';
import { productForReview } from './innovation.queries.js';
import { umkmOfOrganisations } from '../community/index.js';
import { productsOfUmkm, roundsOf, tasksOfProducts } from './pages.queries.js';
import { DASHBOARD, dashboardRegion, dashboardRegions, ownUmkmIds } from './scope.js';
import { valueAddFormSchema } from './innovation.schema.js';
import { innovationStats } from './stats.js';
import { firstActiveVariant } from '../catalog/index.js';
import { placeChoices } from '../regions/index.js';
import {
  ProductsAndTasks,
  Rounds,
  stateLabel,
  SubmitButton,
  TaskList,
  type ProductSummary,
} from './innovation.views.js';
import { DashboardPage, ValueAddForm, ValueAddHistory } from './value-add.views.js';
import { innovationApi } from './innovation.api.js';
import { reviewRoutes } from './review.routes.js';

type C = Context<AppEnv>;

const safeBack = (b: unknown, fallback: string) =>
  typeof b === 'string' && /^\/innovation\/[\w/-]*(\?[\w=&-]*)?$/.test(b) ? b : fallback;

async function summaries(c: C, umkmIds: string[]): Promise<ProductSummary[]> {
  const db = c.get('deps').h.db;
  const products = await productsOfUmkm(db, umkmIds);
  const tasks = await tasksOfProducts(
    db,
    products.map((p) => p.id),
  );
  const out: ProductSummary[] = [];
  for (const p of products)
    out.push({
      ...p,
      tasks: tasks.filter((x) => x.product_id === p.id),
      latest: (await roundsOf(db, p.id)).find((r) => r.state !== 'open' && r.state !== 'withdrawn'),
    });
  return out;
}

async function productPage(
  c: C,
  productId: string,
  o: { notice?: string; raw?: Record<string, string>; errors?: Record<string, string> } = {},
) {
  const actor = requireActor(c);
  const db = c.get('deps').h.db;
  const product = await productForReview(db, productId);
  const own = product ? (await ownUmkmIds(db, actor)).includes(product.umkm_id) : false;
  const staff = product
    ? canInRegion(actor, [...DASHBOARD, 'mentor'], product.village_code)
    : false;
  if (!product || !(own || staff)) throw new AppError('INNOVATION_NOT_FOUND');
  const locale = c.get('locale');
  const [rounds, tasks, records, variant] = await Promise.all([
    roundsOf(db, productId),
    tasksOfProducts(db, [productId]),
    valueAddHistory(db, productId),
    firstActiveVariant(db, productId),
  ]);
  const canValueAdd = await canActOnProduct(db, actor, product);
  const back = `/innovation/products/${productId}`;
  return page(
    c,
    {
      title: t(c, 'innovation.product.title', { title: product.title }),
      status: o.errors ? 422 : 200,
    },
    <>
      <section class="card">
        <h1>{t(c, 'innovation.product.title', { title: product.title })}</h1>
        {o.notice ? (
          <p class="notice" role="status">
            {o.notice}
          </p>
        ) : null}
        <p>
          {product.umkm_name} · {t(c, 'innovation.product.state')}:{' '}
          <strong data-testid="state">{stateLabel(locale, product.listing_state)}</strong>
        </p>
        {own ? (
          <SubmitButton c={c} productId={productId} state={product.listing_state} back={back} />
        ) : null}
        <h2>{t(c, 'innovation.product.rounds')}</h2>
        <Rounds c={c} rounds={rounds} />
        <h2>{t(c, 'innovation.tasks.title')}</h2>
        <TaskList c={c} tasks={tasks} canMark={own} back={back} />
      </section>
      {canValueAdd ? (
        <section class="card">
          <h2>{t(c, 'innovation.value.title')}</h2>
          <ValueAddHistory c={c} records={records} />
          <ValueAddForm
            c={c}
            productId={productId}
            defaults={{ price: variant?.price, weight: variant?.weight_grams }}
            raw={o.raw}
            errors={o.errors}
          />
        </section>
      ) : null}
    </>,
  );
}

export function innovationRoutes() {
  const app = createApiApp();
  reviewRoutes(app);

  app.get('/innovation/products/:id', (c) => {
    const done = c.req.query('done');
    const notice =
      done === 'passed'
        ? t(c, 'innovation.review.done_passed')
        : done === 'changes'
          ? t(c, 'innovation.review.done_changes', { n: Number(c.req.query('n') ?? 0) })
          : done === 'submitted'
            ? t(c, 'innovation.product.submitted')
            : done === 'value'
              ? t(c, 'innovation.value.saved')
              : undefined;
    return productPage(c, c.req.param('id'), { notice });
  });

  app.post('/innovation/products/:id/submit', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    unwrap(await submitForReview(c.get('deps').h.db, actor, c.req.param('id')));
    const back = safeBack(body.back, `/innovation/products/${c.req.param('id')}`);
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}done=submitted`, 303);
  });

  app.post('/innovation/products/:id/value-add', async (c) => {
    const actor = requireActor(c);
    const productId = c.req.param('id');
    const form = await readForm(c, valueAddFormSchema);
    if (!form.ok) {
      // Validate scope first so a foreign product is 404 even with bad input.
      const p = await productForReview(c.get('deps').h.db, productId);
      if (!p || !(await canActOnProduct(c.get('deps').h.db, actor, p)))
        throw new AppError('INNOVATION_NOT_FOUND');
      return productPage(c, productId, { raw: form.raw, errors: form.errors });
    }
    const d = form.data;
    const r = await recordValueAdd(c.get('deps').h.db, actor, productId, {
      rawCostBefore: d.raw_cost_before,
      priceBefore: d.price_before,
      rawCostAfter: d.raw_cost_after,
      priceAfter: d.price_after,
      weightGrams: d.weight_grams ?? null,
      note: d.note ?? null,
    });
    if (!r.ok) {
      if (!r.fields) throw new AppError(r.code, r.params);
      return productPage(c, productId, { raw: form.raw, errors: translateFieldsSafe(c, r.fields) });
    }
    return c.redirect(`/innovation/products/${productId}?done=value`, 303);
  });

  app.post('/innovation/tasks/:id/done', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    unwrap(await markTaskDone(c.get('deps').h.db, actor, c.req.param('id')));
    return c.redirect(safeBack(body.back, '/innovation/mine'), 303);
  });

  app.get('/innovation/mine', async (c) => {
    const actor = requireRole(c, 'seller');
    const done = c.req.query('done');
    const products = await summaries(c, scopeIds(actor, 'umkm', ['seller']));
    return page(
      c,
      { title: t(c, 'innovation.mine.title') },
      <ProductsAndTasks
        c={c}
        title={t(c, 'innovation.mine.title')}
        products={products}
        back="/innovation/mine"
        notice={done === 'submitted' ? t(c, 'innovation.product.submitted') : undefined}
      />,
    );
  });

  app.get('/innovation/community', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const umkm = await umkmOfOrganisations(
      c.get('deps').h.db,
      scopeIds(actor, 'organisation', ['community_manager']),
    );
    const done = c.req.query('done');
    return page(
      c,
      { title: t(c, 'innovation.community.title') },
      <ProductsAndTasks
        c={c}
        title={t(c, 'innovation.community.title')}
        products={await summaries(c, umkm)}
        back="/innovation/community"
        notice={done === 'submitted' ? t(c, 'innovation.product.submitted') : undefined}
      />,
    );
  });

  app.get('/innovation/dashboard', async (c) => {
    const actor = requireRole(c, ...DASHBOARD);
    const region = dashboardRegion(actor, c.req.query('region'));
    const scope = dashboardRegions(actor);
    // The area is chosen by name; national staff may leave it empty for the whole country.
    const areas = await placeChoices(c.get('deps').h.db, scope, {
      levels: [1, 2, 3, 4],
      groupBy: 3,
      q: c.req.query('region_q'),
      keep: region,
    });
    return page(
      c,
      { title: t(c, 'innovation.dashboard.title') },
      <DashboardPage
        c={c}
        stats={await innovationStats(c.get('deps').h.db, region)}
        region={region}
        areas={areas}
        national={scope === 'all'}
      />,
    );
  });

  innovationApi(app);
  return app;
}
