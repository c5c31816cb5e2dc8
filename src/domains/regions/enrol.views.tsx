// The ranked villages of the priority list. Officers who may write get one form: a tick and an
// editable reason (prefilled with the score and its parts) per village, a join date, and one
// button that enrols every ticked village — a plain form, no script.
import type { Context } from 'hono';
import { t, formatNumber } from '../../kernel/i18n/index.js';
import { Csrf, Field, type AppEnv } from '../../kernel/http/index.js';
import type { RankedVillage } from './targeting.js';
import { reasonField, REASON_MAX } from './enrol.service.js';
import { ScoreParts } from './regions.views.js';

type C = Context<AppEnv>;

export interface EnrolRaw {
  picked: string[];
  reasons: Record<string, string>;
  joinedOn: string;
}

/** The reason an officer starts from: the score and each part, in the reader's language. */
export function defaultReason(c: C, v: RankedVillage): string {
  const l = c.get('locale');
  const parts = v.parts
    .map((x) => `${t(l, `regions.c.${x.component}`)} ${formatNumber(l, x.points, 2)}`)
    .join(', ');
  const text = t(l, 'regions.enrol.default_reason', { score: formatNumber(l, v.score, 2), parts });
  return v.missing.length
    ? `${text} ${t(l, 'regions.enrol.default_missing', { fields: v.missing.map((m) => t(l, `regions.c.${m}`)).join(', ') })}`
    : text;
}

function Village(p: { c: C; v: RankedVillage }) {
  const { c, v } = p;
  const tr = (k: string, x?: Record<string, unknown>) => t(c.get('locale'), k, x);
  return (
    <>
      <small class="muted">{v.district}</small>
      <br />
      {tr('regions.target.score')}{' '}
      <strong data-testid="score">{formatNumber(p.c.get('locale'), v.score, 2)}</strong>
      {v.missing.length ? (
        <small>
          {' '}
          ·{' '}
          {tr('regions.target.missing', {
            fields: v.missing.map((m) => tr(`regions.c.${m}`)).join(', '),
          })}
        </small>
      ) : null}
      <ScoreParts c={c} score={v} />
    </>
  );
}

export function RankedVillages(p: {
  c: C;
  code: string;
  n: number;
  villages: RankedVillage[];
  canWrite: boolean;
  today: string;
  raw?: EnrolRaw;
  errors?: Record<string, string>;
}) {
  const { c } = p;
  const tr = (k: string, x?: Record<string, unknown>) => t(c.get('locale'), k, x);
  if (!p.canWrite) {
    return (
      <ol class="rank" data-testid="ranking">
        {p.villages.map((v) => (
          <li data-code={v.code}>
            <a href={`/wilayah/${v.code}`}>{v.name}</a> <Village c={c} v={v} />
          </li>
        ))}
      </ol>
    );
  }
  const picked = new Set(p.raw?.picked ?? []);
  return (
    <form method="post" action={`/wilayah/${p.code}/prioritas/bergabung`} data-testid="enrol">
      <Csrf c={c} />
      <input type="hidden" name="n" value={String(p.n)} />
      <h3>{tr('regions.enrol.title')}</h3>
      <p>{tr('regions.enrol.intro')}</p>
      <fieldset id="f-village" class={p.errors?.village ? 'field invalid' : undefined}>
        <legend>{tr('regions.target.link')}</legend>
        {p.errors?.village ? <p class="error">{p.errors.village}</p> : null}
        <ol class="rank" data-testid="ranking">
          {p.villages.map((v) => {
            const f = reasonField(v.code);
            return (
              <li data-code={v.code}>
                <input
                  type="checkbox"
                  id={`pick-${v.code}`}
                  name="village"
                  value={v.code}
                  checked={picked.has(v.code)}
                />{' '}
                <label for={`pick-${v.code}`} class="inline">
                  <strong>{v.name}</strong>
                </label>{' '}
                <a href={`/wilayah/${v.code}`}>{tr('regions.target.parts')}</a>{' '}
                <Village c={c} v={v} />
                <div class={p.errors?.[f] ? 'field invalid' : 'field'}>
                  <label for={`f-${f}`}>{tr('regions.enrol.reason', { name: v.name })}</label>
                  <textarea
                    id={`f-${f}`}
                    name={f}
                    rows={2}
                    maxlength={REASON_MAX}
                    aria-invalid={p.errors?.[f] ? 'true' : undefined}
                  >
                    {p.raw?.reasons[v.code] ?? defaultReason(c, v)}
                  </textarea>
                  {p.errors?.[f] ? <p class="error">{p.errors[f]}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <Field
        name="joined_on"
        type="date"
        label={tr('regions.enrol.date')}
        value={p.raw?.joinedOn ?? p.today}
        error={p.errors?.joined_on}
        required
      />
      <button type="submit" class="primary">
        {tr('regions.enrol.submit')}
      </button>
    </form>
  );
}
