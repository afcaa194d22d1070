// Adobe's Swagger 2.0 files, beside the repository (the CI checkout has `shared/` there too).
import { readFileSync } from 'node:fs';

const OPENAPI_DIR = new URL('../../../../shared/reference/marketo-openapi/', import.meta.url);

export function loadSwagger(file) {
  return JSON.parse(readFileSync(new URL(file, OPENAPI_DIR), 'utf8'));
}
