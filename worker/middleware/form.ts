import { MAX_FORM_FIELDS, MAX_FORM_NAME_SEGMENTS } from '../../shared/events';
import { ApiFailure } from '../errors';

type FormObject = { [key: string]: string | FormObject };

/** Names that would reach an object's prototype instead of a field. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

const conflict = (name: string) =>
  new ApiFailure(400, 'invalid_input', 'form_conflict', {
    details: { fields: [{ path: name.split('.'), key: 'form_field_conflict' }] },
  });

/** `campaign.name=Welcome&campaign.id=7` -> `{campaign: {name: 'Welcome', id: '7'}}`. Values stay text. */
export function parseDottedForm(text: string): FormObject {
  return nestDottedFields(new URLSearchParams(text));
}

/** Fields named with dots, as pairs, nested into objects. */
export function nestDottedFields(fields: Iterable<[string, string]>): FormObject {
  const root: FormObject = {};
  const pairs = [...fields];
  // Bounded before any nesting is built: a deep or wide form costs as little as a refused one.
  if (pairs.length > MAX_FORM_FIELDS) {
    throw new ApiFailure(400, 'invalid_input', 'form_too_many_fields', { params: { max: MAX_FORM_FIELDS } });
  }
  for (const [name, value] of pairs) {
    const segments = name.split('.', MAX_FORM_NAME_SEGMENTS + 1);
    if (segments.length > MAX_FORM_NAME_SEGMENTS) {
      throw new ApiFailure(400, 'invalid_input', 'form_name_too_deep', {
        params: { max: MAX_FORM_NAME_SEGMENTS },
      });
    }
    if (segments.some((s) => s === '' || FORBIDDEN_SEGMENTS.has(s))) throw conflict(name);
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      const child = Object.hasOwn(node, segment) ? node[segment] : (node[segment] = {});
      if (typeof child === 'string') throw conflict(name);
      node = child!;
    }
    const last = segments[segments.length - 1]!;
    if (Object.hasOwn(node, last)) throw conflict(name);
    node[last] = value;
  }
  return root;
}

/**
 * A Marketo webhook token that resolves to nothing still sends its field (`program.id=`): empty values
 * are dropped, and so is an object left with no fields, so the event is judged on what it does say.
 */
export function withoutEmptyFields(form: FormObject): FormObject {
  const kept: FormObject = {};
  for (const [name, value] of Object.entries(form)) {
    const cleaned = typeof value === 'string' ? value : withoutEmptyFields(value);
    if (typeof cleaned === 'string' ? cleaned !== '' : Object.keys(cleaned).length > 0) kept[name] = cleaned;
  }
  return kept;
}
