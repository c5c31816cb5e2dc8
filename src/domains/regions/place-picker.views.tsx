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
/** The value of the form's hidden default button (Enter in any field, JavaScript on or off). */
export const PICKER_ENTER = 'enter';

/**
 * True when the form asks for the picker's search step rather than a save: its search button was
 * pressed, or Enter was pressed (the hidden default button) while a place search is pending — a
 * search text changed since the page was shown, or typed with no place chosen yet. Enter in the
 * search field so never saves the form around it, and Enter elsewhere still saves.
 */
export function isPickerSearch(raw: Record<string, string | undefined>): boolean {
  if (raw.action === PICKER_SEARCH) return true;
  if (raw.action !== PICKER_ENTER) return false;
  return Object.keys(raw).some((k) => {
    if (!k.endsWith('_q') || raw[`${k}_was`] === undefined) return false;
    const q = (raw[k] ?? '').trim();
    return q !== (raw[`${k}_was`] ?? '').trim() || (q !== '' && !raw[k.slice(0, -2)]);
  });
}

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
          {/* The form's default button when the picker comes before its other buttons (every
              form here): Enter in a field presses it, so the route decides with
              isPickerSearch whether Enter meant "find the place" or "save". Without it Enter
              pressed the visible search button, and Enter in the last field never saved. */}
          <button type="submit" name="action" value={PICKER_ENTER} formnovalidate hidden>
            {tr('regions.picker.find')}
          </button>
          <input type="hidden" name={`${p.name}_q_was`} value={q} />
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
