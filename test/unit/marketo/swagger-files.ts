// Adobe's Swagger 2.0 files, kept in test/fixtures/reference/marketo-openapi (MIT, copied unchanged).
import { readFileSync } from 'node:fs';

const OPENAPI_DIR = new URL('../../fixtures/reference/marketo-openapi/', import.meta.url);

export type SwaggerFile = 'swagger-identity.json' | 'swagger-mapi.json' | 'swagger-asset.json';

export function loadSwagger(file: SwaggerFile): { definitions: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(new URL(file, OPENAPI_DIR), 'utf8'));
}
