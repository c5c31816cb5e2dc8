// The areas an actor may pick on the KPI and evaluation pages: the nation (national roles),
// its own grant regions, and the regencies with survey data inside its scope.
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.js';
import { regionScope, regionWhere, type Actor } from '../../kernel/auth/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { IMPACT_READERS } from './evaluation.service.js';
import { regionNames } from '../regions/index.js';
import { areasRefreshedAt, summarySurveyedRegencies } from './area-summary.queries.js';

export async function areasFor(
  db: Db,
  actor: Actor,
  locale: Locale,
): Promise<{ value: string; label: string }[]> {
  const scope = regionScope(actor, IMPACT_READERS);
  const sub = sql<string>`substr(village_code, 1, 5)`;
  // Once the survey cells are precomputed they list the same regencies (as of their refresh)
  // without reading every answer of the country on each page.
  const withData =
    (await areasRefreshedAt(db)) !== null
      ? await summarySurveyedRegencies(db, scope)
      : (
          await db
            .selectFrom('household_surveys')
            .select(sub.as('code'))
            .distinct()
            .where((eb) => regionWhere(eb, 'village_code', scope))
            .execute()
        ).map((r) => r.code);
  const codes = [...new Set([...(scope === 'all' ? [] : scope), ...withData])].sort();
  const nameOf = await regionNames(db, codes);
  const out = scope === 'all' ? [{ value: 'all', label: t(locale, 'impact.lines.national') }] : [];
  for (const c of codes)
    if (nameOf.has(c)) out.push({ value: c, label: `${nameOf.get(c)} (${c})` });
  return out;
}
