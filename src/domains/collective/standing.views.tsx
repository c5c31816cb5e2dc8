// `/langganan`: the subscriber's standing orders, each with its items, pickup point, status,
// the last cycles' outcomes with every notice (an item skipped is always said), and one small
// form per action (skip the next cycle, pause, resume, cancel). Plain forms, JS off.
import type { Context } from 'hono';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { Csrf, type AppEnv } from '../../kernel/http/index.js';
import { errorSpec } from '../../kernel/errors/index.js';
import type { StandingView } from './standing.queries.js';
import type { StandingAction } from './standing.service.js';
import type { Notice } from './standing-place.js';

type C = Context<AppEnv>;

function noticeText(l: Locale, n: Notice): string {
  if (n.reason === 'order_failed')
    return t(l, 'collective.standing.notice.order_failed', {
      reason: t(l, errorSpec(n.code ?? 'INTERNAL').message),
    });
  return t(l, `collective.standing.notice.${n.reason}`, {
    title: n.title ?? '',
    available: n.available ?? 0,
  });
}

function actionsFor(v: StandingView): StandingAction[] {
  const s = v.so.status;
  if (s === 'cancelled') return [];
  const skip: StandingAction = v.so.skip_next ? 'unskip' : 'skip';
  return s === 'active' ? [skip, 'pause', 'cancel'] : [skip, 'resume', 'cancel'];
}

export function StandingPage(p: { c: C; items: StandingView[]; message?: string }) {
  const l = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(l, k, params);
  return (
    <>
      <h1>{tr('collective.standing.title')}</h1>
      <p>{tr('collective.standing.intro')}</p>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      {!p.items.length ? <p>{tr('collective.standing.none')}</p> : null}
      {p.items.map((v) => (
        <section class="card" id={v.so.id}>
          <h2>
            {v.series} · {tr(`collective.standing.status.${v.so.status}`)}
          </h2>
          <p>
            {tr('collective.standing.for', { name: v.so.buyer_name, point: v.point })}
            {v.so.agent_user_id ? ` · ${tr('collective.standing.by_agent')}` : ''}
          </p>
          <ul>
            {v.lines.map((x) => (
              <li>
                {x.qty} × {x.title}
              </li>
            ))}
          </ul>
          {v.so.skip_next && v.so.status !== 'cancelled' ? (
            <p>{tr('collective.standing.skip_next')}</p>
          ) : null}
          {v.runs.length ? (
            <>
              <h3>{tr('collective.standing.history')}</h3>
              <ul>
                {v.runs.map((r) => (
                  <li>
                    {tr(`collective.standing.outcome.${r.outcome}`, { cycle: r.cycle })}
                    {r.notices.length ? (
                      <ul>
                        {r.notices.map((n) => (
                          <li>{noticeText(l, n)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div class="actions">
            {actionsFor(v).map((a) => (
              <form method="post" action={`/langganan/${v.so.id}/${a}`} class="inline">
                <Csrf c={p.c} />
                <button type="submit" class={a === 'cancel' ? 'secondary danger' : 'secondary'}>
                  {tr(`collective.standing.action.${a}`)}
                </button>
              </form>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
