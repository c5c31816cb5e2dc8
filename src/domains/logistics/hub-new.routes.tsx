// `/hub/baru`: a regional officer (inside its region) or a national admin creates a kabupaten
// or kecamatan hub with its service points. Pickers only offer areas inside the actor's scope;
// the service checks the scope again, and any refusal re-renders the form with nothing written.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireRole, translateFields, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { regionScope, type Actor } from '../../kernel/auth/index.js';
import { canShapeNetwork, OVERSEERS } from './logistics.access.js';
import { areaOptions, kabupatenHubs } from './logistics.queries.js';
import { unassignedPoints } from './pages.queries.js';
import { setUpHub } from './hub-setup.service.js';
import { HubNewPage, type HubNewState } from './hub-new.views.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;
const FIELDS = [
  'name',
  'tier',
  'province',
  'regency',
  'district',
  'parent_hub_id',
  'lat',
  'lng',
  'action',
] as const;

/** Areas the actor may shape, or that lead to one (a province above an officer's regency). */
function inScope(actor: Actor, code: string): boolean {
  const scope = regionScope(actor, OVERSEERS);
  return (
    scope === 'all' ||
    scope.some((p) => p === code || p.startsWith(code + '.') || code.startsWith(p + '.'))
  );
}

/** Builds the pickers for the raw input; an area outside the previous choice or the scope is dropped. */
async function stateOf(
  c: C,
  actor: Actor,
  raw: Record<string, string>,
  chosenPoints: string[],
): Promise<HubNewState> {
  // A stale choice (the level above changed) is dropped; an empty one is filled when only one area fits.
  const pick = (opts: { code: string }[], v: string | undefined) =>
    v ? (opts.some((o) => o.code === v) ? v : '') : opts.length === 1 ? opts[0].code : '';
  const provinces = (await areaOptions(db(c), null)).filter((o) => inScope(actor, o.code));
  raw.province = pick(provinces, raw.province);
  const regencies = raw.province
    ? (await areaOptions(db(c), raw.province)).filter((o) => inScope(actor, o.code))
    : null;
  raw.regency = regencies ? pick(regencies, raw.regency) : '';
  const districts = raw.regency
    ? (await areaOptions(db(c), raw.regency)).filter((o) => inScope(actor, o.code))
    : null;
  raw.district = districts ? pick(districts, raw.district) : '';
  const parents = raw.regency ? await kabupatenHubs(db(c), raw.regency) : null;
  const points = raw.district ? await unassignedPoints(db(c), raw.district) : null;
  return { raw, provinces, regencies, districts, parents, points, chosenPoints };
}

/** "-8,7861" or "-8.7861" → number; '' → null; anything else → NaN. */
function coordinate(s: string | undefined): number | null {
  const v = (s ?? '').trim().replace(',', '.');
  if (v === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(v) ? Number(v) : NaN;
}

function validate(c: C, raw: Record<string, string>): Record<string, string> {
  const tr = (k: string) => t(c.get('locale'), k);
  const e: Record<string, string> = {};
  const name = (raw.name ?? '').trim();
  if (name.length < 3 || name.length > 120) e.name = tr('logistics.err.hub_name');
  if (!raw.province) e.province = tr('logistics.err.region_required');
  else if (!raw.regency) e.regency = tr('logistics.err.region_required');
  else if (raw.tier === 'kecamatan' && !raw.district)
    e.district = tr('logistics.err.region_required');
  const lat = coordinate(raw.lat);
  const lng = coordinate(raw.lng);
  if ((lat === null) !== (lng === null))
    e[lat === null ? 'lat' : 'lng'] = tr('logistics.err.coordinates_pair');
  else if (
    lat !== null &&
    lng !== null &&
    !(lat >= -11.5 && lat <= 6.5 && lng >= 94 && lng <= 141.5)
  )
    e.lat = tr('logistics.err.coordinates_range');
  return e;
}

export function hubNewRoutes(app: Hono<AppEnv>) {
  app.get('/hub/baru', async (c) => {
    const actor = requireRole(c, ...OVERSEERS);
    const s = await stateOf(c, actor, { tier: 'kecamatan' }, []);
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.hubnew.title') },
      <HubNewPage c={c} s={s} />,
    );
  });

  app.post('/hub/baru', async (c) => {
    const actor = requireRole(c, ...OVERSEERS);
    const body = await c.req.parseBody({ all: true });
    const raw: Record<string, string> = {};
    for (const k of FIELDS)
      if (typeof body[k] === 'string') raw[k] = (body[k] as string).slice(0, 200);
    raw.tier = raw.tier === 'kabupaten' ? 'kabupaten' : 'kecamatan';
    // Naming an area outside one's region is refused outright, not quietly re-picked.
    for (const k of ['province', 'regency', 'district'] as const)
      if (raw[k] && !inScope(actor, raw[k])) throw new AppError('FORBIDDEN');
    const chosen = ([] as unknown[])
      .concat(body.point ?? [])
      .filter((x): x is string => typeof x === 'string')
      .slice(0, 200);
    const title = t(c.get('locale'), 'logistics.hubnew.title');
    const s = await stateOf(c, actor, raw, chosen);
    if (raw.action !== 'create') return page(c, { title }, <HubNewPage c={c} s={s} />);
    const errors = validate(c, s.raw);
    if (Object.keys(errors).length)
      return page(c, { title, status: 422 }, <HubNewPage c={c} s={s} errors={errors} />);
    const regionCode = raw.tier === 'kabupaten' ? s.raw.regency : s.raw.district;
    if (!canShapeNetwork(actor, regionCode)) throw new AppError('FORBIDDEN');
    const lat = coordinate(raw.lat);
    const r = await setUpHub(db(c), actor, {
      tier: raw.tier as 'kabupaten' | 'kecamatan',
      regionCode,
      name: raw.name.trim(),
      parentHubId:
        raw.tier === 'kecamatan' ? raw.parent_hub_id || s.parents?.[0]?.id || null : null,
      lat,
      lng: coordinate(raw.lng),
      pointIds: chosen,
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      const fields = translateFields(c.get('locale'), r.fields ?? {});
      // The service names the hub's region; the form shows it beside the picker that chose it.
      if (fields.region_code) {
        fields[raw.tier === 'kabupaten' ? 'regency' : 'district'] = fields.region_code;
        delete fields.region_code;
      }
      const message = t(c.get('locale'), errorSpec(r.code).message, r.params);
      return page(
        c,
        { title, status: 422 },
        <HubNewPage
          c={c}
          s={s}
          errors={Object.keys(fields).length ? fields : undefined}
          message={message}
        />,
      );
    }
    return c.redirect(`/hub/${r.value}?created=1`, 303);
  });
}
