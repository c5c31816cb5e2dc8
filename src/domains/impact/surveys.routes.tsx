// Survey and poverty-line pages: record one answer from the phone form, import a CSV (all or
// nothing, with a report by line and column), list and import BPS poverty lines.
import { Hono, type Context } from 'hono';
import { clientIp, page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { t, formatRupiah } from '../../kernel/i18n/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { hasRole, regionScope, regionWhere } from '../../kernel/auth/index.js';
import { householdFormSchema, salesFormSchema } from './surveys.schema.js';
import { recordHousehold, recordSales, SURVEY_ROLES } from './surveys.service.js';
import { uploadedTable, type TableInput } from '../../kernel/xlsx/index.js';
import { importSurveyCsv } from './survey-import.js';
import type { ImportProblem } from './import-table.js';
import { importLinesCsv, listLines } from './poverty-lines.js';
import { IMPACT_READERS } from './evaluation.service.js';
import { LinesPage, SurveysPage, type SurveyForm } from './surveys.views.js';
import { provinceNames } from './regions.queries.js';
import { placeChoices, isPickerSearch } from '../regions/index.js';

type C = Context<AppEnv>;

async function counts(c: C) {
  const db = c.get('deps').h.db;
  const scope = regionScope(c.get('actor'), SURVEY_ROLES);
  const [hh, sales] = await Promise.all([
    db
      .selectFrom('household_surveys')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => regionWhere(eb, 'village_code', scope))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('umkm_sales_surveys')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => regionWhere(eb, 'village_code', scope))
      .executeTakeFirstOrThrow(),
  ]);
  return { hh: Number(hh.n), sales: Number(sales.n) };
}

/** The villages of the actor's scope, narrowed by the form's search when it is the one posted. */
function places(c: C, form: SurveyForm | undefined, raw: Record<string, string> = {}) {
  const scope = regionScope(c.get('actor'), SURVEY_ROLES);
  const of = (f: SurveyForm) =>
    placeChoices(c.get('deps').h.db, scope, {
      levels: [4],
      groupBy: 3,
      q: form === f ? raw.village_code_q : undefined,
      keep: form === f ? raw.village_code : undefined,
    });
  return Promise.all([of('household'), of('sales')]).then(([household, sales]) => ({
    household,
    sales,
  }));
}

async function surveysPage(
  c: C,
  o: {
    form?: SurveyForm;
    raw?: Record<string, string>;
    errors?: Record<string, string>;
    done?: string;
    problems?: ImportProblem[];
    sheet?: string | null;
    status?: 200 | 201 | 403 | 409 | 422;
  },
) {
  return page(
    c,
    { title: t(c.get('locale'), 'impact.surveys.title'), status: o.status },
    <SurveysPage c={c} counts={await counts(c)} places={await places(c, o.form, o.raw)} {...o} />,
  );
}

/** Reads an uploaded CSV or XLSX file (its bytes) or the pasted text. */
async function csvText(c: C): Promise<{ text: TableInput; fields: Record<string, string> }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' && k !== '_csrf') fields[k] = v;
  return { text: await uploadedTable(body.file, body.csv), fields };
}

/** True when neither a file nor any pasted text came. */
const nothingSent = (input: TableInput) =>
  typeof input === 'string' ? !input.trim() : input.length === 0;

const LINE_IMPORTERS = ['national_admin', 'regional_officer'] as const;

export function surveyPages() {
  const app = new Hono<AppEnv>();

  app.get('/impact/surveys', (c) => {
    requireRole(c, ...SURVEY_ROLES);
    return surveysPage(c, {});
  });

  const record = (form: 'household' | 'sales') => async (c: C) => {
    const actor = requireRole(c, ...SURVEY_ROLES);
    const l = c.get('locale');
    const parsed =
      form === 'household'
        ? await readForm(c, householdFormSchema)
        : await readForm(c, salesFormSchema);
    // The picker's "search" narrows the village list and shows the form again; nothing is saved.
    if (isPickerSearch(parsed.raw)) return surveysPage(c, { form, raw: parsed.raw });
    if (!parsed.ok)
      return surveysPage(c, { form, raw: parsed.raw, errors: parsed.errors, status: 422 });
    const db = c.get('deps').h.db;
    const r =
      form === 'household'
        ? await recordHousehold(db, actor, parsed.data as any, clientIp(c))
        : await recordSales(db, actor, parsed.data as any, clientIp(c));
    if (!r.ok) {
      if (r.code === 'FORBIDDEN')
        return surveysPage(c, {
          form,
          raw: parsed.raw,
          errors: { village_code: t(l, 'impact.err.outside_scope') },
          status: 403,
        });
      const errors = Object.fromEntries(
        Object.entries(r.fields ?? {}).map(([k, v]) => [k, t(l, v.key, v.params)]),
      );
      return surveysPage(c, {
        form,
        raw: parsed.raw,
        errors,
        status: r.code === 'IMPACT_UNKNOWN_VILLAGE' ? 422 : 409,
      });
    }
    const d: any = parsed.data;
    const done =
      form === 'household'
        ? t(l, 'impact.surveys.saved', {
            pc: formatRupiah(Math.round(d.income_monthly / d.household_size)),
          })
        : t(l, 'impact.surveys.saved_sales');
    return surveysPage(c, { done, status: 201 });
  };
  app.post('/impact/surveys/household', record('household'));
  app.post('/impact/surveys/sales', record('sales'));

  app.post('/impact/surveys/import', async (c) => {
    const actor = requireRole(c, ...SURVEY_ROLES);
    const l = c.get('locale');
    const { text, fields } = await csvText(c);
    const kind = fields.kind === 'umkm' ? 'umkm' : 'household';
    if (nothingSent(text))
      return surveysPage(c, {
        form: 'import',
        raw: fields,
        errors: { file: t(l, 'impact.err.file_required') },
        status: 422,
      });
    const r = await importSurveyCsv(c.get('deps').h.db, actor, kind, text, clientIp(c));
    if (!r.ok)
      return surveysPage(c, {
        form: 'import',
        raw: fields,
        problems: r.problems,
        sheet: r.sheet,
        status: 422,
      });
    return surveysPage(c, {
      done: t(l, 'impact.surveys.imported', { n: r.imported }),
      status: 201,
    });
  });

  const linesPage = async (
    c: C,
    o: {
      done?: string;
      problems?: ImportProblem[];
      sheet?: string | null;
      errors?: Record<string, string>;
      status?: 200 | 201 | 422;
    } = {},
  ) => {
    const actor = c.get('actor');
    const db = c.get('deps').h.db;
    const provinces = await provinceNames(db);
    return page(
      c,
      { title: t(c.get('locale'), 'impact.lines.title'), status: o.status },
      <LinesPage
        c={c}
        lines={await listLines(db)}
        provinces={provinces}
        canImport={hasRole(actor, ...LINE_IMPORTERS)}
        {...o}
      />,
    );
  };
  app.get('/impact/poverty-lines', (c) => {
    requireRole(c, ...IMPACT_READERS);
    return linesPage(c);
  });
  app.post('/impact/poverty-lines', async (c) => {
    const actor = requireRole(c, ...LINE_IMPORTERS);
    const l = c.get('locale');
    const { text } = await csvText(c);
    if (nothingSent(text))
      return linesPage(c, { errors: { file: t(l, 'impact.err.file_required') }, status: 422 });
    const r = await importLinesCsv(c.get('deps').h.db, actor, text, clientIp(c));
    if (!r.ok) {
      if (r.problems.every((p) => p.key === 'impact.err.outside_scope'))
        throw new AppError('FORBIDDEN');
      return linesPage(c, { problems: r.problems, sheet: r.sheet, status: 422 });
    }
    return linesPage(c, { done: t(l, 'impact.surveys.imported', { n: r.imported }), status: 201 });
  });
  return app;
}
