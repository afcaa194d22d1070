import schemas from 'virtual:wire-schemas/options';

import { type Checked, checkSchema, type JsonSchema } from './json-schema';
import type { OptionsWireName, Wire } from './schemas';

/** The JSON Schema of an answer only the options read (the popup's are in ./schemas.ts). */
export function optionsWireSchema(name: OptionsWireName): JsonSchema {
  return (schemas as Record<OptionsWireName, JsonSchema>)[name];
}

/** The value, typed, when it matches the shared schema; else what is wrong with it. */
export function checkOptionsWire<N extends OptionsWireName>(name: N, value: unknown): Checked<Wire[N]> {
  return checkSchema<Wire[N]>(optionsWireSchema(name), value);
}
