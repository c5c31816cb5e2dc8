// Where a community record sits, chosen by name: the desa inside the actor's region scope,
// grouped by kecamatan, narrowed by a name search that posts the form back (regions' picker).
import { regionScope, type Role } from '../../kernel/auth/index.js';
import {
  placeChoices,
  PICKER_SEARCH,
  isPickerSearch,
  type PlaceChoices,
} from '../regions/index.js';
import type { C } from './form-parts.js';

export { PICKER_SEARCH };

/** The villages the actor may place a record in, narrowed by the form's `village_code_q`. */
export function villageChoices(
  c: C,
  roles: readonly Role[],
  raw: Record<string, string> = {},
): Promise<PlaceChoices> {
  return placeChoices(c.get('deps').h.db, regionScope(c.get('actor'), roles), {
    levels: [4],
    groupBy: 3,
    q: raw.village_code_q,
    keep: raw.village_code,
  });
}

/** True when the form was posted by the picker's search button: show it again, save nothing. */
export const isPlaceSearch = (raw: Record<string, string>) => isPickerSearch(raw);
