// Pages of the literacy index, the question bank and the training KPIs.
import { Hono, type Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import {
  canInRegion,
  regionScope,
  regionWhere,
  type Actor,
  type Role,
} from '../../kernel/auth/index.js';
import { targetForm } from './training.schema.js';
import { TRAINING_STAFF } from './sessions.service.js';
import { editQuestionBank, pillarAverages, questionBank } from './assessment.service.js';
import { setTarget, trainingKpis } from './kpis.js';
import { placeChoices, regionNames } from '../regions/index.js';
import { BankPage, KpiPage, LiteracyPage } from './insights.views.js';
import { failureFields, failureText } from './sessions.routes.js';

type C = Context<AppEnv>;
const OFFICERS: Role[] = ['national_admin', 'regional_officer'];

/** The region a page is about: `?wilayah=` when inside the actor's scope, else the actor's own. */
function chosenRegion(c: C, actor: Actor, roles: Role[]): string | 'all' {
  const asked = c.req.query('wilayah');
  const scope = regionScope(actor, roles);
  if (asked) {
    if (!canInRegion(actor, roles, asked)) throw new AppError('FORBIDDEN');
    return asked;
  }
  return scope === 'all'
    ? 'all'
    : (scope[0] ??
        (() => {
          throw new AppError('FORBIDDEN');
        })());
}

export function insightRoutes() {
  const app = new Hono<AppEnv>();
  const db = (c: C) => c.get('deps').h.db;
  const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
  const nameOf = async (c: C, code: string | 'all') =>
    code === 'all' ? 'Indonesia' : ((await regionNames(db(c), [code])).get(code) ?? code);

  app.get('/pelatihan/literasi', async (c) => {
    const actor = requireRole(c, ...TRAINING_STAFF);
    const prefix = chosenRegion(c, actor, TRAINING_STAFF);
    const avg = await pillarAverages(db(c), prefix);
    const codes = (
      await db(c)
        .selectFrom('assessments')
        .select('region_code')
        .distinct()
        .where((eb) => regionWhere(eb, 'region_code', prefix === 'all' ? 'all' : [prefix]))
        .orderBy('region_code')
        .limit(50)
        .execute()
    ).map((r) => r.region_code);
    const names = await regionNames(db(c), codes);
    const places = await Promise.all(
      codes
        .filter((x) => x !== prefix)
        .map(async (code) => ({
          code,
          name: names.get(code) ?? code,
          avg: await pillarAverages(db(c), code),
        })),
    );
    return page(
      c,
      { title: tr(c, 'training.literacy.title') },
      <LiteracyPage
        c={c}
        prefix={prefix}
        regionName={await nameOf(c, prefix)}
        avg={avg}
        places={places}
      />,
    );
  });

  const bankRegion = (actor: Actor): string | null => {
    const scope = regionScope(actor, OFFICERS);
    return scope === 'all' ? null : (scope[0] ?? null);
  };
  const bankPage = async (
    c: C,
    extra: { notice?: string; message?: string; status?: 200 | 422 } = {},
  ) => {
    const actor = requireRole(c, ...OFFICERS);
    const region = bankRegion(actor);
    return page(
      c,
      { title: tr(c, 'training.bank.title'), status: extra.status },
      <BankPage
        c={c}
        region={region === null ? 'Indonesia' : await nameOf(c, region)}
        questions={await questionBank(db(c), region)}
        {...extra}
      />,
    );
  };
  app.get('/pelatihan/pertanyaan', (c) =>
    bankPage(c, { notice: c.req.query('ok') ? tr(c, 'training.created') : undefined }),
  );
  app.post('/pelatihan/pertanyaan', async (c) => {
    const actor = requireRole(c, ...OFFICERS);
    const body = await c.req.parseBody({ all: true });
    const ids = ([] as unknown[])
      .concat(body.id ?? [])
      .filter((x): x is string => typeof x === 'string');
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    const edits = ids.map((id) => ({
      id,
      textId: str(`text_id_${id}`),
      textEn: str(`text_en_${id}`),
      active: body[`active_${id}`] === '1',
    }));
    if (edits.some((e) => e.textId.length < 5 || e.textId.length > 400 || e.textEn.length > 400))
      return bankPage(c, { message: tr(c, 'errors.validation'), status: 422 });
    const r = await editQuestionBank(
      db(c),
      actor,
      bankRegion(actor),
      edits.map((e) => ({ ...e, textEn: e.textEn || e.textId })),
    );
    if (!r.ok) return bankPage(c, { message: failureText(c, r), status: 422 });
    return c.redirect('/pelatihan/pertanyaan?ok=1', 303);
  });

  const kpiPage = async (
    c: C,
    extra: { errors?: Record<string, string>; notice?: string; status?: 200 | 422 } = {},
  ) => {
    const actor = requireRole(c, ...TRAINING_STAFF);
    const prefix = chosenRegion(c, actor, TRAINING_STAFF);
    const year = Number(c.req.query('tahun')) || new Date().getUTCFullYear();
    const k = await trainingKpis(db(c), prefix === 'all' ? '' : prefix, year);
    const names = await regionNames(
      db(c),
      k.perRegency.map((r) => r.regencyCode),
    );
    // Targets are set per regency, chosen by name from those in the officer's scope.
    const officerScope = regionScope(actor, OFFICERS);
    const choices =
      officerScope === 'all' || officerScope.length > 0
        ? await placeChoices(db(c), officerScope, { levels: [2], groupBy: 1 })
        : null;
    const regencies = choices && choices.groups.length ? choices : null;
    return page(
      c,
      { title: tr(c, 'training.kpi.title', { year }), status: extra.status },
      <KpiPage
        c={c}
        k={k}
        regionName={await nameOf(c, prefix)}
        names={names}
        regencies={regencies}
        {...extra}
      />,
    );
  };
  app.get('/pelatihan/kpi', (c) =>
    kpiPage(c, { notice: c.req.query('ok') ? tr(c, 'training.created') : undefined }),
  );
  app.post('/pelatihan/kpi/target', async (c) => {
    const actor = requireRole(c, ...OFFICERS);
    const form = await readForm(c, targetForm);
    if (!form.ok) return kpiPage(c, { errors: form.errors, status: 422 });
    const r = await setTarget(
      db(c),
      actor,
      form.data.region_code,
      form.data.year,
      form.data.person_times,
    );
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      return kpiPage(c, { errors: failureFields(c, r), status: 422 });
    }
    return c.redirect(
      `/pelatihan/kpi?wilayah=${encodeURIComponent(form.data.region_code)}&tahun=${form.data.year}&ok=1`,
      303,
    );
  });
  return app;
}
