// Pages of the product innovation centre (server-rendered forms, JS optional) and the mount
// point of its JSON API. Scope is decided in SQL by the queries; a product outside it is 404.
import type { Context } from 'hono';
import {
  createApiApp,
  page,
  readForm,
  requireActor,
  requireRole,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../kernel/http/index.js';
import { AppError, unwrap, type FieldErrors } from '../../kernel/errors/index.js';
import { canInRegion, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { t, translateFieldsSafe } from './i18n-fields.js';
import { checklistFor, missingCertifications, type ChecklistKey } from './checklist.js';
import { completeReview, reviewForReviewer, submitForReview } from './review.service.js';
import { markTaskDone } from './tasks.service.js';
import { canActOnProduct, recordValueAdd, valueAddHistory } from './value-add.service.js';
import { mentorsFor, productForReview, validKindsOf } from './innovation.queries.js';
import { umkmOfOrganisations } from '../community/index.js';
import {
  countOpenReviews,
  countOpenTasks,
  productsOfUmkm,
  reviewQueue,
  roundsOf,
  tasksOfProducts,
} from './pages.queries.js';
import { dashboardRegion, dashboardRegions, ownUmkmIds, reviewerRegions } from './scope.js';
import { reviewFormSchema, valueAddFormSchema } from './innovation.schema.js';
import { innovationStats } from './stats.js';
import { todayIn } from './dates.js';
import { firstActiveVariant, productDossier, ProductDossier } from '../catalog/index.js';
import { placeChoices, regionNames } from '../regions/index.js';
import {
  ProductsAndTasks,
  QueuePage,
  ReviewForm,
  Rounds,
  stateLabel,
  SubmitButton,
  TaskList,
  type ProductSummary,
} from './innovation.views.js';
import { DashboardPage, ValueAddForm, ValueAddHistory } from './value-add.views.js';
import { innovationApi } from './innovation.api.js';

type C = Context<AppEnv>;
const REVIEWERS = ['reviewer', 'national_admin'] as const;
const DASHBOARD = ['reviewer', 'regional_officer', 'national_admin', 'analyst'] as const;

export const innovationNav: NavItem[] = [
  { href: '/innovation/queue', label: 'innovation.nav.queue', roles: [...REVIEWERS], order: 40 },
  { href: '/innovation/mine', label: 'innovation.nav.mine', roles: ['seller'], order: 41 },
  {
    href: '/innovation/community',
    label: 'innovation.nav.community',
    roles: ['community_manager'],
    order: 42,
  },
  {
    href: '/innovation/dashboard',
    label: 'innovation.nav.dashboard',
    roles: [...DASHBOARD],
    order: 43,
  },
];

export const innovationHomePanels: HomePanel[] = [
  {
    roles: ['reviewer'],
    order: 40,
    render: async (c) => {
      const n = await countOpenReviews(c.get('deps').h.db, reviewerRegions(requireActor(c)));
      return (
        <section class="card">
          <h2>{t(c, 'innovation.queue.title')}</h2>
          <p>{t(c, 'innovation.panel.reviewer', { n })}</p>
          <p>
            <a href="/innovation/queue">{t(c, 'innovation.queue.open')}</a>
          </p>
        </section>
      );
    },
  },
  {
    roles: ['seller'],
    order: 40,
    render: async (c) => {
      const n = await countOpenTasks(
        c.get('deps').h.db,
        scopeIds(requireActor(c), 'umkm', ['seller']),
      );
      return (
        <section class="card">
          <h2>{t(c, 'innovation.tasks.title')}</h2>
          <p>{t(c, 'innovation.panel.seller', { n })}</p>
          <p>
            <a href="/innovation/mine">{t(c, 'innovation.nav.mine')}</a>
          </p>
        </section>
      );
    },
  },
];

const safeBack = (b: unknown, fallback: string) =>
  typeof b === 'string' && /^\/innovation\/[\w/-]*(\?[\w=&-]*)?$/.test(b) ? b : fallback;

/** Service field paths (items.packaging.comment) → form field names (packaging_comment). */
function formFields(fields: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /^items\.(\w+)\.(comment|passed|due_on)$/.exec(k);
    out[!m ? k : m[2] === 'due_on' ? 'due_on' : `${m[1]}_${m[2] === 'passed' ? 'result' : m[2]}`] =
      v;
  }
  return out;
}

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

async function reviewPage(
  c: C,
  actor: Actor,
  reviewId: string,
  raw?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const db = c.get('deps').h.db;
  const review = await reviewForReviewer(db, actor, reviewId);
  if (!review) throw new AppError('INNOVATION_NOT_FOUND');
  const product = await productForReview(db, review.product_id);
  if (review.state !== 'open') throw new AppError('INNOVATION_ALREADY_COMPLETED');
  if (!product || product.listing_state !== 'in_review')
    throw new AppError('INNOVATION_NOT_IN_REVIEW');
  const today = todayIn(product.village_code);
  const [valid, dossier] = await Promise.all([
    validKindsOf(db, product.umkm_id, today),
    productDossier(db, product.id),
  ]);
  return page(
    c,
    {
      title: t(c, 'innovation.review.title', { title: product.title }),
      status: errors ? 422 : 200,
    },
    <ReviewForm
      dossier={dossier ? <ProductDossier c={c} product={dossier} /> : null}
      c={c}
      reviewId={reviewId}
      product={product}
      place={(await regionNames(db, [product.village_code])).get(product.village_code) ?? ''}
      round={review.round}
      keys={checklistFor(product.category)}
      missingCerts={missingCertifications(product.category, valid)}
      mentors={await mentorsFor(db, product.village_code)}
      today={today}
      raw={raw}
      errors={errors}
      reopened={review.reopened_items}
    />,
  );
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

  app.get('/innovation/queue', async (c) => {
    const actor = requireRole(c, ...REVIEWERS);
    const rows = await reviewQueue(c.get('deps').h.db, reviewerRegions(actor));
    const places = await regionNames(
      c.get('deps').h.db,
      rows.map((r) => r.village_code),
    );
    return page(
      c,
      { title: t(c, 'innovation.queue.title') },
      <QueuePage c={c} rows={rows} places={places} />,
    );
  });

  app.get('/innovation/reviews/:id', (c) =>
    reviewPage(c, requireRole(c, ...REVIEWERS), c.req.param('id')),
  );

  app.post('/innovation/reviews/:id', async (c) => {
    const actor = requireRole(c, ...REVIEWERS);
    const db = c.get('deps').h.db;
    const review = await reviewForReviewer(db, actor, c.req.param('id'));
    if (!review) throw new AppError('INNOVATION_NOT_FOUND');
    const keys = checklistFor(review.category);
    const form = await readForm(c, reviewFormSchema(keys));
    if (!form.ok) return reviewPage(c, actor, review.id, form.raw, form.errors);
    const d = form.data as Record<string, string | null>;
    const r = await completeReview(db, actor, review.id, {
      items: keys.map((k: ChecklistKey) => ({
        key: k,
        passed: d[`${k}_result`] === 'pass',
        comment: d[`${k}_comment`] ?? '',
        taskTitle: d[`${k}_task`] || null,
      })),
      dueOn: d.due_on ?? null,
      mentorUserId: d.mentor_user_id ?? null,
    });
    if (!r.ok) {
      if (!r.fields || Object.keys(r.fields).length === 0) throw new AppError(r.code, r.params);
      return reviewPage(
        c,
        actor,
        review.id,
        form.raw,
        translateFieldsSafe(c, formFields(r.fields)),
      );
    }
    return c.redirect(
      `/innovation/products/${review.product_id}?done=${r.value.state === 'passed' ? 'passed' : `changes&n=${r.value.taskIds.length}`}`,
      303,
    );
  });

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
