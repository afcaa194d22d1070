// Every answer the worker gives in these tests is checked against its own OpenAPI document
// (GET /v1/openapi.json) with Ajv: the status must be documented for the operation, and a JSON
// body must match the documented schema. A mismatch throws, which fails the test.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { exports } from 'cloudflare:workers';

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const DOCUMENT_PATH = '/v1/openapi.json';

interface Checker {
  document: Document;
  routes: { pattern: RegExp; path: string }[];
  validator: (pointer: string) => ValidateFunction;
}

const escapePointer = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');

async function loadChecker(origin: string): Promise<Checker> {
  const response = await exports.default.fetch(new Request(origin + DOCUMENT_PATH));
  if (response.status !== 200) throw new Error(`GET ${DOCUMENT_PATH}: ${response.status}`);
  const document = await response.json<Document>();
  // OpenAPI 3.0 schemas are JSON Schema with a few words of their own (nullable, example,
  // discriminator): Ajv knows nullable, and ignores the others outside strict mode.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  const routes = Object.keys(document.paths).map((path) => ({
    path,
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return {
    document,
    routes,
    validator(pointer) {
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `openapi#${pointer}` });
        compiled.set(pointer, validate);
      }
      return validate;
    },
  };
}

let checker: Promise<Checker> | undefined;

/** The documented responses of this request's operation; for another method, those of its path. */
function documentedResponses(c: Checker, method: string, pathname: string) {
  const route = c.routes.find((r) => r.pattern.test(pathname));
  if (!route) return null;
  const operations = c.document.paths[route.path]!;
  const operation = operations[method.toLowerCase()];
  if (operation) return { route: route.path, method: method.toLowerCase(), responses: operation.responses };
  return { route: route.path, method: null, responses: null };
}

function schemaPointer(route: string, method: string, status: string) {
  const json = escapePointer('application/json');
  return `/paths/${escapePointer(route)}/${method}/responses/${status}/content/${json}/schema`;
}

interface Asked {
  method: string;
  url: string;
}

function fail(request: Asked, status: number, why: string): never {
  throw new Error(
    `${request.method} ${new URL(request.url).pathname} answered ${status}, which the OpenAPI document ` +
      `does not allow: ${why}`,
  );
}

/** Throws when the answer does not match the document. Leaves the response's body unread. */
export async function checkAgainstDocument(request: Asked, response: Response): Promise<void> {
  const url = new URL(request.url);
  // CORS preflights are answered by the CORS middleware, and the document does not describe itself.
  if (request.method === 'OPTIONS' || url.pathname === DOCUMENT_PATH) return;
  checker ??= loadChecker(url.origin);
  const c = await checker;
  const status = String(response.status);
  const contentType = response.headers.get('Content-Type') ?? '';
  const body = response.status === 101 || response.body === null ? null : await response.clone().text();
  const documented = documentedResponses(c, request.method, url.pathname);

  let pointer: string;
  if (documented?.responses) {
    const entry = documented.responses[status];
    if (!entry) fail(request, response.status, `documented: ${Object.keys(documented.responses).join(', ')}`);
    if (!entry.content) {
      if (body) fail(request, response.status, 'a body where none is documented');
      return;
    }
    if (!entry.content['application/json']) fail(request, response.status, 'an undocumented content type');
    pointer = schemaPointer(documented.route, documented.method!, status);
  } else {
    // An unknown path, or a method its path does not have: an error in the one error shape.
    if (response.status < 400) fail(request, response.status, 'no such operation');
    pointer = `/components/schemas/ApiError`;
  }
  if (!contentType.startsWith('application/json'))
    fail(request, response.status, `content type ${contentType || 'none'}, not JSON`);
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    fail(request, response.status, 'a body that is not JSON');
  }
  const validate = c.validator(pointer);
  if (!validate(json)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    fail(request, response.status, `${errors} in ${JSON.stringify(json).slice(0, 500)}`);
  }
}

/** The worker's fetch handler, every answer checked against the document. */
export async function fetchWorker(request: Request): Promise<Response> {
  const asked = { method: request.method, url: request.url };
  const response = await exports.default.fetch(request);
  await checkAgainstDocument(asked, response);
  return response;
}
