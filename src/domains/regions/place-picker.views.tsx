// The place picker as form fields: a select of area names grouped by their kecamatan (or
// province), and a name search that posts the form back to narrow or fill the list. Names
// only: a person never reads or types a region code here.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import type { PlaceChoices } from './place-picker.js';

type C = Context<AppEnv>;

/** The value of the search button; a route seeing it re-renders the form instead of saving. */
export const PICKER_SEARCH = 'search';

/** `search: false` for lists that always fit one select (e.g. regencies). */
export function PlacePicker(p: {
  c: C;
  name: string;
  label: string;
  choices: PlaceChoices;
  value?: string;
  error?: string;
  hint?: string;
  search?: boolean;
  /** The choice may stay empty (the form has a default, e.g. the organisation's village). */
  optional?: boolean;
  /** The select's id when a page holds two pickers of the same name (default `f-<name>`). */
  id?: string;
}) {
  const tr = (k: string, v?: Record<string, unknown>) => t(p.c.get('locale'), k, v);
  const id = p.id ?? `f-${p.name}`;
  const { groups, mustSearch, q } = p.choices;
  const describedBy =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={p.error ? 'field invalid' : 'field'} data-picker={p.name}>
      <legend>{p.label}</legend>
      {p.hint ? (
        <p class="muted" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {groups.length ? (
        <>
          <label for={id}>{tr('regions.picker.choose')}</label>
          <select
            id={id}
            name={p.name}
            required={!p.optional}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={describedBy}
          >
            <option value="">{tr('regions.picker.none_chosen')}</option>
            {groups.map((g) => (
              <optgroup label={g.name || tr('regions.picker.results')}>
                {g.options.map((o) => (
                  <option value={o.code} selected={o.code === p.value}>
                    {o.code === g.code
                      ? tr(`regions.picker.whole.${o.kind}`, { name: o.name })
                      : o.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </>
      ) : (
        <p id={id} role="status">
          {mustSearch ? tr('regions.picker.search_first') : tr('regions.picker.no_match', { q })}
        </p>
      )}
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
      {p.search === false ? null : (
        <div class="row">
          <div class="field">
            <label for={`${id}_q`}>{tr('regions.picker.search')}</label>
            <input id={`${id}_q`} name={`${p.name}_q`} type="search" value={q} autocomplete="off" />
          </div>
          <div class="field">
            <button type="submit" name="action" value={PICKER_SEARCH} formnovalidate>
              {tr('regions.picker.find')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
