// `/logistik/jarak`: regional officers upload measured road distances as CSV or XLSX (first
// sheet). The whole file is checked first; a bad file is answered 422 with every bad cell by
// sheet, row and column, and nothing is stored.
import type { Context, Hono } from 'hono';
import { Csrf, page, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { formatNumber, t, type Locale } from '../../kernel/i18n/index.js';
import { uploadedTable, XLSX_TYPE } from '../../kernel/xlsx/index.js';
import { OVERSEERS } from './logistics.access.js';
import { importDistanceTable, type CellProblem } from './distances-import.js';

type C = Context<AppEnv>;
const ACCEPT = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;

function DistancesPage(p: {
  l: Locale;
  c: C;
  stored?: number;
  problems?: CellProblem[];
  sheet?: string | null;
}) {
  const { l } = p;
  return (
    <>
      <h1>{t(l, 'logistics.distances.title')}</h1>
      <p>{t(l, 'logistics.distances.intro')}</p>
      {p.stored !== undefined ? (
        <div class="notice" role="status">
          <p>{t(l, 'logistics.distances.stored', { n: formatNumber(l, p.stored) })}</p>
        </div>
      ) : null}
      {p.problems?.length ? (
        <section class="card scroll" aria-labelledby="dist-problems">
          <div class="alert" role="alert">
            <p id="dist-problems">
              {t(l, 'logistics.distances.rejected', { n: formatNumber(l, p.problems.length) })}
            </p>
          </div>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'logistics.distances.sheet')}</th>
                <th scope="col">{t(l, 'logistics.distances.row')}</th>
                <th scope="col">{t(l, 'logistics.distances.column')}</th>
                <th scope="col">{t(l, 'logistics.distances.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {p.problems.map((x) => (
                <tr>
                  <td>{p.sheet ?? t(l, 'logistics.distances.csv')}</td>
                  <td class="num">{x.row ? formatNumber(l, x.row) : '–'}</td>
                  <td>{x.column ?? '–'}</td>
                  <td>{t(l, x.key, x.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section class="card">
        <form method="post" action="/logistik/jarak" enctype="multipart/form-data">
          <Csrf c={p.c} />
          <div class="field">
            <label for="f-file">{t(l, 'logistics.distances.file')}</label>
            <small id="f-file-hint">{t(l, 'logistics.distances.hint')}</small>
            <input
              id="f-file"
              name="file"
              type="file"
              accept={ACCEPT}
              required
              aria-describedby="f-file-hint"
            />
          </div>
          <button type="submit" class="primary">
            {t(l, 'logistics.distances.submit')}
          </button>
        </form>
      </section>
    </>
  );
}

const show = (c: C, o: { stored?: number; problems?: CellProblem[]; sheet?: string | null } = {}) =>
  page(
    c,
    { title: t(c.get('locale'), 'logistics.distances.title'), status: o.problems ? 422 : 200 },
    <DistancesPage l={c.get('locale')} c={c} {...o} />,
  );

export function distanceRoutes(app: Hono<AppEnv>) {
  app.get('/logistik/jarak', (c) => {
    requireRole(c, ...OVERSEERS);
    return show(c);
  });
  app.post('/logistik/jarak', async (c) => {
    const actor = requireRole(c, ...OVERSEERS);
    const body = await c.req.parseBody();
    const r = await importDistanceTable(c.get('deps').h.db, actor, await uploadedTable(body.file));
    if (!r.ok) return show(c, { problems: r.problems, sheet: r.sheet });
    return show(c, { stored: r.rows });
  });
}
