import type { Hook } from '@hono/zod-openapi';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

import type { ApiErrorCode } from '../../shared/errors';
import { ApiFailure, errorBody, issueDetails, renderFailure, unsupportedMediaType } from '../errors';
import { message, type MessageKey, requestLanguage } from '../i18n/messages';
import type { AppEnv } from './context';

/** Status codes Hono's own helpers throw, mapped to our error codes. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const TARGET_MESSAGES: Record<string, MessageKey> = {
  json: 'invalid_body',
  form: 'invalid_body',
  query: 'invalid_query',
  param: 'invalid_param',
  header: 'invalid_header',
};

/** Every zod failure of a route's params, query, headers or body: 400 with the issues. */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const language = requestLanguage(c);
  const key = TARGET_MESSAGES[result.target] ?? 'invalid_body';
  return c.json(
    errorBody('invalid_input', message(language, key), issueDetails(result.error, language)),
    400,
  );
};

/** Expected failures become their JSON error; anything else is a real fault: 500 without internals. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const language = requestLanguage(c);
  if (error instanceof ApiFailure) {
    for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
    return c.json(renderFailure(error, language), error.status);
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message))
      return c.json(errorBody('invalid_json', message(language, 'invalid_json')), 400);
    // readBody decides first; should a route's own JSON check still refuse, it answers like readBody.
    if (error.status === 415) return c.json(renderFailure(unsupportedMediaType(), language), 415);
    const code = HTTP_EXCEPTION_CODES[error.status];
    if (code) return c.json(errorBody(code, message(language, 'refused')), error.status as 400);
  }
  // Names only: a message could quote input, and no secret may reach the logs.
  console.error(
    `unhandled error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.name : typeof error}`,
  );
  return c.json(errorBody('internal', message(language, 'internal')), 500);
};

/** 404 for an unknown path; 405 with `Allow` for a known path asked with another method. */
export const notFoundOrWrongMethod = (allowedAt: (path: string) => string[]): NotFoundHandler<AppEnv> =>
  function notFoundOrWrongMethod(c) {
    const language = requestLanguage(c);
    const params = { method: c.req.method, path: c.req.path };
    const allowed = allowedAt(c.req.path);
    if (allowed.length === 0)
      return c.json(errorBody('not_found', message(language, 'route_unknown', params)), 404);
    const allow = allowed.join(', ');
    c.header('Allow', allow);
    return c.json(
      errorBody('method_not_allowed', message(language, 'method_not_allowed', { ...params, allow })),
      405,
    );
  };
