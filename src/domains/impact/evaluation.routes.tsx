// Evaluation pages: choose settings, start a background run, watch its progress, read it.
import { Hono } from 'hono';
import { clientIp, page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { isId } from '../../kernel/ids/index.js';
import {
  defaultFocus,
  evalSettingsSchema,
  getRun,
  IMPACT_READERS,
  mayRead,
  recentRuns,
  startEvaluation,
} from './evaluation.service.js';
import { areasFor } from './areas.queries.js';
import { EvaluationForm, RunFailed, RunProgress, RunResult } from './evaluation.views.js';

export function evaluationPages() {
  const app = new Hono<AppEnv>();
  const title = (c: any) => t(c.get('locale'), 'impact.eval.title');

  app.get('/impact/evaluation', async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const db = c.get('deps').h.db;
    const region = c.req.query('region') ?? defaultFocus(actor);
    if (!mayRead(actor, region)) throw new AppError('FORBIDDEN');
    const [areas, recent] = await Promise.all([
      areasFor(db, actor, c.get('locale')),
      recentRuns(db, actor),
    ]);
    return page(
      c,
      { title: title(c) },
      <EvaluationForm c={c} areas={areas} recent={recent} raw={{ region }} />,
    );
  });

  app.post('/impact/evaluation', async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const db = c.get('deps').h.db;
    const form = await readForm(c, evalSettingsSchema);
    if (!form.ok) {
      const [areas, recent] = await Promise.all([
        areasFor(db, actor, c.get('locale')),
        recentRuns(db, actor),
      ]);
      return page(
        c,
        { title: title(c), status: 422 },
        <EvaluationForm c={c} areas={areas} recent={recent} raw={form.raw} errors={form.errors} />,
      );
    }
    const r = await startEvaluation(db, actor, form.data, clientIp(c));
    if (!r.ok) throw new AppError(r.code);
    return c.redirect(`/impact/evaluation/runs/${r.value}`, 303);
  });

  app.get('/impact/evaluation/runs/:id', async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const id = c.req.param('id');
    const run = isId(id, 'evr') ? await getRun(c.get('deps').h.db, actor, id) : null;
    if (!run) throw new AppError('NOT_FOUND');
    if (run.status === 'queued' || run.status === 'running') {
      c.header('cache-control', 'no-store');
      return page(c, { title: title(c) }, <RunProgress c={c} run={run} />);
    }
    if (run.status === 'failed' || !run.result)
      return page(c, { title: title(c) }, <RunFailed c={c} run={run} />);
    return page(c, { title: title(c) }, <RunResult c={c} run={run} result={run.result} />);
  });
  return app;
}
