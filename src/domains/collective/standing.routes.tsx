// `/langganan`: the signed-in buyer's (and the point agent's) standing orders and their
// actions. Subscribing happens on the cycle's shop page (`/pasar/:id`, its second button).
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireActor, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { isId } from '../../kernel/ids/index.js';
import { agentPoints } from './access.js';
import { standingFor } from './standing.queries.js';
import { STANDING_ACTIONS, changeStanding, type StandingAction } from './standing.service.js';
import { StandingPage } from './standing.views.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;

async function show(c: C, message?: string, status: 200 | 409 = 200) {
  const actor = requireActor(c);
  const items = await standingFor(db(c), actor.userId, agentPoints(actor));
  return page(
    c,
    { title: t(c.get('locale'), 'collective.standing.title'), status },
    <StandingPage c={c} items={items} message={message} />,
  );
}

export function standingRoutes(app: Hono<AppEnv>) {
  app.get('/langganan', async (c) => {
    const done = c.req.query('selesai') ?? '';
    const l = c.get('locale');
    const message =
      done === 'created'
        ? t(l, 'collective.standing.created')
        : (STANDING_ACTIONS as string[]).includes(done)
          ? t(l, `collective.standing.done.${done}`)
          : undefined;
    return show(c, message);
  });

  app.post('/langganan/:id/:action', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    const action = c.req.param('action') as StandingAction;
    if (!isId(id, 'sto') || !STANDING_ACTIONS.includes(action)) throw new AppError('NOT_FOUND');
    const r = await changeStanding(db(c), actor, id, action);
    if (r.ok) return c.redirect(`/langganan?selesai=${action}#${id}`, 303);
    if (r.code === 'NOT_FOUND') throw new AppError('NOT_FOUND');
    const l = c.get('locale');
    return show(
      c,
      t(l, errorSpec(r.code).message, {
        ...r.params,
        status: t(l, `collective.standing.status.${String(r.params?.status ?? '')}`),
      }),
      409,
    );
  });
}
