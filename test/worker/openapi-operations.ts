// The operations of the worker's own OpenAPI document (GET /v1/openapi.json), for tests that walk
// them all: each with its method, path, whether it needs a key and a body, and a URL to call it.
import { exports } from 'cloudflare:workers';

export interface DocumentedOperation {
  method: string;
  /** The document's path, e.g. `/v1/tenants/{id}/keys/{keyId}`. */
  path: string;
  /** Behind a bearer key or the root token. */
  secured: boolean;
  /** The media types of its request body; empty without one. */
  bodyTypes: string[];
  /** Its query parameters by name. */
  query: string[];
  /** Its path parameters by name. */
  params: string[];
  /** The statuses it documents. */
  statuses: string[];
  /** The schema of each request body media type, and of each parameter (by `in` and name). */
  bodySchemas: Record<string, object>;
  parameterSchemas: { in: string; name: string; schema: object }[];
}

/** The document as JSON: `paths`, and the schemas their `$ref`s name. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, object> };
}

interface Parameter {
  in: string;
  name: string;
  schema?: object;
}
interface RawOperation {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export async function openApiDocument(origin = 'https://worker.test'): Promise<OpenApiDocument> {
  const response = await exports.default.fetch(new Request(`${origin}/v1/openapi.json`));
  return response.json<OpenApiDocument>();
}

export async function documentedOperations(document?: OpenApiDocument): Promise<DocumentedOperation[]> {
  document ??= await openApiDocument();
  const operations: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        secured: (operation.security ?? []).length > 0,
        bodyTypes: Object.keys(operation.requestBody?.content ?? {}),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        statuses: Object.keys(operation.responses),
        bodySchemas: Object.fromEntries(Object.entries(content).map(([type, m]) => [type, m.schema ?? {}])),
        parameterSchemas: parameters.map((p) => ({ in: p.in, name: p.name, schema: p.schema ?? {} })),
      });
    }
  }
  return operations;
}

/** The operation's path with its parameters filled in (URL-encoded); a parameter not given stays `x`. */
export function fillPath(operation: DocumentedOperation, values: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
}
