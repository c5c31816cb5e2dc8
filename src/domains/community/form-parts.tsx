// Small form pieces the kernel's Field does not cover: checkbox, checkbox group, text area,
// and the state badge of a certification. Same markup conventions as kernel Field.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import type { CertificationState } from './certifications.js';

export type C = Context<AppEnv>;
export const trOf = (c: C) => (k: string, params?: Record<string, unknown>) =>
  t(c.get('locale'), k, params);

export function Checkbox(p: {
  name: string;
  label: string;
  checked?: boolean;
  error?: string;
  value?: string;
}) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <input
        type="checkbox"
        id={id}
        name={p.name}
        value={p.value ?? '1'}
        checked={p.checked}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-err` : undefined}
      />{' '}
      <label for={id} class="inline-label">
        {p.label}
      </label>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxGroup(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
}) {
  const id = `f-${p.name}`;
  return (
    <fieldset
      id={id}
      class={p.error ? 'field invalid' : 'field'}
      aria-describedby={p.error ? `${id}-err` : undefined}
    >
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <div>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            name={p.name}
            value={o.value}
            checked={p.checked.includes(o.value)}
          />{' '}
          <label for={`${id}-${o.value}`} class="inline-label">
            {o.label}
          </label>
        </div>
      ))}
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function TextArea(p: {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
}) {
  const id = `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <small id={`${id}-hint`}>{p.hint}</small> : null}
      <textarea
        id={id}
        name={p.name}
        rows={3}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {p.value ?? ''}
      </textarea>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function StateBadge(p: { c: C; state: CertificationState; days: number | null }) {
  const tr = trOf(p.c);
  const cls = p.state === 'valid' ? 'badge ok' : p.state === 'expired' ? 'badge bad' : 'badge soon';
  return (
    <span class={cls} data-state={p.state}>
      {tr(`community.state.${p.state}`, { days: p.days ?? '' })}
    </span>
  );
}
