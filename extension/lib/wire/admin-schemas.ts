import schemas from 'virtual:wire-schemas/admin';
import { checkSchema, type Checked, type JsonSchema } from './json-schema';
import type { AdminWire, AdminWireName } from './schemas';

/** The JSON Schema of an answer only the options read (a module of its own: the popup does not load it). */
export function adminWireSchema(name: AdminWireName): JsonSchema {
  return (schemas as Record<AdminWireName, JsonSchema>)[name];
}

/** The value, typed, when it matches the shared schema; else what is wrong with it. */
export function checkAdminWire<N extends AdminWireName>(name: N, value: unknown): Checked<AdminWire[N]> {
  return checkSchema<AdminWire[N]>(adminWireSchema(name), value);
}
