// Server-rendered pages of the regions domain under /wilayah. Browsing and search are public;
// profiles, scores, rollout, targeting and imports are staff pages checked against the
// actor's region on every request (regions.access.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireRole, translateFields, type AppEnv } from '../../kernel/http/index.js';
import { AppError, type FieldErrors } from '../../kernel/errors/index.js';
import { bothFormats, sendSheet } from '../../kernel/xlsx/index.js';
import {
  areaOrThrow,
  canRead,
  canWrite,
  READ_ROLES,
  requireRead,
  requireWrite,
} from './regions.access.js';
import {
  childCounts,
  childrenOf,
  findArea,
  regionChain,
  searchRegions,
  timeZoneOf,
  type Area,
} from './regions.queries.js';
import { enrolVillages, REASON_MAX, SELECTION_MAX } from './enrol.service.js';
import type { EnrolRaw } from './enrol.views.js';
import {
  importProfilesCsv,
  saveProfile,
  villageProfiles,
  type ImportReport,
} from './profiles.service.js';
import { PROFILE_FIELDS, profileAsText, type ProfileField } from './profile-fields.js';
import {
  COMPONENTS,
  nextVillages,
  rankingSheet,
  scoreVillage,
  setWeights,
  weightsFor,
  type Weights,
} from './targeting.js';
import { cohortOf, recordRollout, rolloutsIn } from './rollout.service.js';
import { readinessByGroup } from './readiness.js';
import { BrowsePage, DetailPage, type DetailData } from './regions.views.js';
import { ImportForm, ProfileForm } from './profile.views.js';
import { ReadinessPage, TargetingPage } from './targeting.views.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);
const db = (c: C) => c.get('deps').h.db;
const fieldsText = (c: C, f: FieldErrors | undefined) => translateFields(c.get('locale'), f ?? {});

async function detail(c: C, a: Area): Promise<DetailData> {
  const actor = c.get('actor');
  const [chain, counts, children] = await Promise.all([
    regionChain(db(c), a.code),
    childCounts(db(c), a.code),
    a.level < 4 ? childrenOf(db(c), a.code) : Promise.resolve([]),
  ]);
  let staff: DetailData['staff'] = null;
  if (canRead(actor, a.code)) {
    const profile =
      a.level === 4 ? ((await villageProfiles(db(c), [a.code])).get(a.code) ?? null) : null;
    const score = profile ? scoreVillage(profile, (await weightsFor(db(c), a.code)).weights) : null;
    const [cohort, entries] = await Promise.all([
      cohortOf(db(c), a.code),
      a.level >= 2 && a.level < 4 ? rolloutsIn(db(c), a.code) : Promise.resolve([]),
    ]);
    // The cohort names the area whose entry gave it ("lewat Golewa"), not its code.
    const via = cohort
      ? cohort.via === a.code
        ? a
        : chain.find((x) => x.code === cohort.via)
      : null;
    staff = {
      canWrite: canWrite(actor, a.code),
      profile,
      score,
      cohort: cohort ? { ...cohort, viaName: via?.name ?? cohort.via } : null,
      entries,
    };
  }
  return { area: a, chain, counts, zone: timeZoneOf(a.code), children, staff };
}

function clampN(raw: string | undefined): number {
  const n = Number(raw ?? 20);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 20;
}

/** Today's date where the area is (WIB/WITA/WIT), the default join date. */
function todayIn(code: string): string {
  const hours = { WIB: 7, WITA: 8, WIT: 9 }[timeZoneOf(code)];
  return new Date(Date.now() + hours * 3600_000).toISOString().slice(0, 10);
}

type TargetingExtra = {
  notice?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
  enrol?: EnrolRaw;
  status?: 200 | 422;
};

async function targeting(c: C, a: Area, extra: TargetingExtra = {}, nRaw?: string) {
  if (a.level > 2) throw new AppError('REGIONS_WEIGHTS_SCOPE');
  const n = clampN(nRaw ?? c.req.query('n'));
  const ranking = await nextVillages(db(c), a.code, n);
  // People read the name of the area whose weights apply, not its code.
  const from = ranking.weightsFrom
    ? ((await findArea(db(c), ranking.weightsFrom))?.name ?? null)
    : null;
  return page(
    c,
    { title: tr(c, 'regions.target.title', { name: a.name }), status: extra.status },
    <TargetingPage
      c={c}
      area={a}
      ranking={{ ...ranking, weightsFrom: from }}
      n={n}
      canWrite={canWrite(c.get('actor'), a.code)}
      today={todayIn(a.code)}
      notice={extra.notice}
      errors={extra.errors}
      raw={extra.raw}
      enrol={extra.enrol}
    />,
  );
}

export function regionsPages(app: OpenAPIHono<AppEnv>) {
  app.get('/wilayah', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const parentCode = c.req.query('parent');
    const parent = parentCode ? await areaOrThrow(db(c), parentCode) : null;
    const title = tr(c, 'regions.title');
    if (q.trim())
      return page(
        c,
        { title },
        <BrowsePage
          c={c}
          q={q}
          parent={parent}
          hits={await searchRegions(db(c), q, { limit: 50, within: parent?.code })}
        />,
      );
    return page(
      c,
      { title },
      <BrowsePage c={c} parent={parent} items={await childrenOf(db(c), parent?.code ?? null)} />,
    );
  });

  app.get('/wilayah/kesiapan', async (c) => {
    requireRole(c, ...READ_ROLES);
    const r = await readinessByGroup(db(c));
    return page(
      c,
      { title: tr(c, 'regions.readiness.title') },
      <ReadinessPage c={c} groups={r.groups} provinces={r.provinces} />,
    );
  });

  const importPage = (c: C, report?: ImportReport, error?: string, status: 200 | 422 = 200) =>
    page(
      c,
      { title: tr(c, 'regions.import.title'), status },
      <ImportForm c={c} report={report} error={error} />,
    );
  app.get('/wilayah/impor', (c) => {
    requireRole(c, 'national_admin', 'regional_officer');
    return importPage(c);
  });
  app.post('/wilayah/impor', async (c) => {
    const actor = requireRole(c, 'national_admin', 'regional_officer');
    const body = await c.req.parseBody();
    const file = body.file;
    const mode = body.mode === 'valid' ? 'valid' : 'all';
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, undefined, tr(c, 'regions.import.no_file'), 422);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await importProfilesCsv(db(c), actor, bytes, { mode });
    return importPage(
      c,
      report,
      undefined,
      report.imported === 0 && report.errors.length ? 422 : 200,
    );
  });

  app.get('/wilayah/:code', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    const notice =
      c.req.query('saved') === 'profile'
        ? tr(c, 'regions.profile.saved')
        : c.req.query('saved') === 'rollout'
          ? tr(c, 'regions.rollout.saved')
          : undefined;
    return page(c, { title: a.name }, <DetailPage c={c} d={await detail(c, a)} notice={notice} />);
  });

  app.post('/wilayah/:code/bergabung', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    const actor = requireWrite(c, a.code);
    const body = await c.req.parseBody();
    const joinedOn = typeof body.joined_on === 'string' ? body.joined_on.trim() : '';
    const r = await recordRollout(db(c), actor, a.code, joinedOn);
    if (r.ok) return c.redirect(`/wilayah/${a.code}?saved=rollout`, 303);
    if (r.code !== 'VALIDATION_FAILED') throw new AppError(r.code, r.params);
    return page(
      c,
      { title: a.name, status: 422 },
      <DetailPage
        c={c}
        d={await detail(c, a)}
        errors={fieldsText(c, r.fields)}
        raw={{ joined_on: joinedOn }}
      />,
    );
  });

  app.get('/wilayah/:code/profil', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    requireWrite(c, a.code);
    if (a.level !== 4) throw new AppError('REGIONS_NOT_A_VILLAGE', { code: a.code });
    const p = (await villageProfiles(db(c), [a.code])).get(a.code);
    return page(
      c,
      { title: tr(c, 'regions.profile.edit') },
      <ProfileForm c={c} area={a} raw={profileAsText(p)} />,
    );
  });
  app.post('/wilayah/:code/profil', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    const actor = requireWrite(c, a.code);
    const body = await c.req.parseBody();
    const raw = Object.fromEntries(
      PROFILE_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']),
    ) as Record<ProfileField, string>;
    const r = await saveProfile(db(c), actor, a.code, raw);
    if (r.ok) return c.redirect(`/wilayah/${a.code}?saved=profile`, 303);
    if (r.code !== 'VALIDATION_FAILED') throw new AppError(r.code, r.params);
    return page(
      c,
      { title: tr(c, 'regions.profile.edit'), status: 422 },
      <ProfileForm c={c} area={a} raw={raw} errors={fieldsText(c, r.fields)} />,
    );
  });

  app.get('/wilayah/:code/prioritas', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    requireRead(c, a.code);
    const enrolled = Number(c.req.query('enrolled'));
    const notice = c.req.query('saved')
      ? tr(c, 'regions.target.saved')
      : Number.isInteger(enrolled) && enrolled > 0
        ? tr(c, 'regions.enrol.done', { count: enrolled })
        : undefined;
    return targeting(c, a, { notice });
  });
  app.post('/wilayah/:code/prioritas/bergabung', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    const actor = requireWrite(c, a.code);
    if (a.level > 2) throw new AppError('REGIONS_WEIGHTS_SCOPE');
    const body = await c.req.parseBody({ all: true });
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const picked = ([] as unknown[])
      .concat(body.village ?? [])
      .filter((x): x is string => typeof x === 'string')
      .slice(0, SELECTION_MAX + 1);
    const reasons: Record<string, string> = {};
    for (const [k, v] of Object.entries(body))
      if (k.startsWith('reason_') && typeof v === 'string')
        reasons[k.slice('reason_'.length)] = v.slice(0, REASON_MAX + 1);
    const joinedOn = str(body.joined_on).trim();
    const n = str(body.n) || undefined;
    const r = await enrolVillages(
      db(c),
      actor,
      a.code,
      joinedOn,
      picked.map((code) => ({ code, reason: reasons[code] ?? '' })),
    );
    if (r.ok)
      return c.redirect(
        `/wilayah/${a.code}/prioritas?enrolled=${r.value.enrolled}&n=${clampN(n)}`,
        303,
      );
    if (r.code !== 'VALIDATION_FAILED') throw new AppError(r.code, r.params);
    return targeting(
      c,
      a,
      { errors: fieldsText(c, r.fields), enrol: { picked, reasons, joinedOn }, status: 422 },
      n,
    );
  });
  app.on('GET', bothFormats('/wilayah/:code/prioritas'), async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code') ?? '');
    requireRead(c, a.code);
    if (a.level > 2) throw new AppError('REGIONS_WEIGHTS_SCOPE');
    const sheet = rankingSheet(await nextVillages(db(c), a.code, clampN(c.req.query('n'))));
    return sendSheet(c, `prioritas-${a.code}`, sheet);
  });
  app.post('/wilayah/:code/bobot', async (c) => {
    const a = await areaOrThrow(db(c), c.req.param('code'));
    const actor = requireWrite(c, a.code);
    const body = await c.req.parseBody();
    const raw: Record<string, string> = {};
    const w = {} as Weights;
    for (const k of COMPONENTS) {
      raw[k] = typeof body[k] === 'string' ? (body[k] as string).trim() : '';
      w[k] = /^\d+$/.test(raw[k]) ? Number(raw[k]) : NaN;
    }
    const n = typeof body.n === 'string' ? body.n : undefined;
    const r = await setWeights(db(c), actor, a.code, w);
    if (r.ok) return c.redirect(`/wilayah/${a.code}/prioritas?saved=1&n=${clampN(n)}`, 303);
    if (r.code !== 'VALIDATION_FAILED') throw new AppError(r.code, r.params);
    return targeting(c, a, { errors: fieldsText(c, r.fields), raw, status: 422 }, n);
  });
}
