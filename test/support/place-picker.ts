// Choosing a place by name in a form, as a person does: read the picker's options (after a
// name search when the form asks for one) and take the value whose label is the name.
import assert from 'node:assert/strict';
import type { TestClient } from './kernel/index.js';

/** The value of the option labelled `name` in the picker `field` of a page ('' when absent). */
export function optionByName(html: string, field: string, name: string): string {
  const select = html.match(
    new RegExp(`<select id="f-${field}" name="${field}"[^>]*>([\\s\\S]*?)</select>`),
  );
  if (!select) return '';
  const m = [...select[1].matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].find(
    (o) => o[2] === name,
  );
  return m ? m[1] : '';
}

/** Posts the form's picker search for `name` and returns the chosen value (asserts it exists). */
export async function searchPlace(
  c: TestClient,
  path: string,
  field: string,
  name: string,
  fields: Record<string, string | string[]> = {},
): Promise<string> {
  const res = await c.form(path, { ...fields, [`${field}_q`]: name, action: 'search' });
  assert.equal(res.status, 200, `${path}: the search shows the form again`);
  const html = await res.text();
  assert.doesNotMatch(html, new RegExp(`<input[^>]*name="${field}"`), 'no code is typed');
  const value = optionByName(html, field, name);
  assert.ok(value, `${path}: "${name}" is offered by name`);
  return value;
}
