import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z, ZodError } from 'zod';

import type { ApiError, ApiErrorCode, IssueDetail } from '../shared/errors';
import type { StreamLimit } from '../shared/limits';
import { type Language, message, type MessageKey, type MessageParams } from './i18n/messages';
import { zodLocaleText as localeText } from './i18n/zod-locales';

type Path = (string | number)[];

/** What a failure says about single fields: zod issues, or our own messages. */
export type FailureDetails = { zod: ZodError; prefix?: Path } | { fields: { path: Path; key: MessageKey }[] };

/**
 * An expected failure that becomes a JSON error answer, in the caller's language; thrown by
 * middleware and handlers.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly key: MessageKey,
    readonly options: {
      params?: MessageParams;
      details?: FailureDetails;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(key);
    this.name = 'ApiFailure';
  }
}

export function errorBody(code: ApiErrorCode, message: string, details?: IssueDetail[]): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * zod's own message in the caller's language. Messages our schemas set themselves, and messages that
 * quoted the input (which the issue no longer holds), stay as they were.
 */
function localizedIssueMessage(issue: z.core.$ZodIssue, language: Language): string {
  if (language === 'en' || localeText('en', issue) !== issue.message) return issue.message;
  return localeText(language, issue) ?? issue.message;
}

/** Issues as `{path, message}`: enough to point at the field, nothing of the input echoed back. */
export function issueDetails(error: ZodError, language: Language, prefix: Path = []): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: localizedIssueMessage(issue, language),
  }));
}

function renderDetails(details: FailureDetails, language: Language): IssueDetail[] {
  if ('zod' in details) return issueDetails(details.zod, language, details.prefix);
  return details.fields.map(({ path, key }) => ({ path, message: message(language, key) }));
}

export function renderFailure(failure: ApiFailure, language: Language): ApiError {
  const { params, details } = failure.options;
  return errorBody(
    failure.code,
    message(language, failure.key, params),
    details && renderDetails(details, language),
  );
}

export const invalidInput = (error: ZodError, prefix: Path = []) =>
  new ApiFailure(400, 'invalid_input', 'invalid_body', { details: { zod: error, prefix } });

export const unauthorized = (key: MessageKey = 'key_missing') => new ApiFailure(401, 'unauthorized', key);

export const forbidden = (key: MessageKey, params?: MessageParams) =>
  new ApiFailure(403, 'forbidden', key, { params });

export const notFound = (key: MessageKey, params?: MessageParams) =>
  new ApiFailure(404, 'not_found', key, { params });

export const unsupportedMediaType = (types = 'application/json') =>
  new ApiFailure(415, 'unsupported_media_type', 'media_type', { params: { types } });

const STREAM_LIMIT_MESSAGES: Record<StreamLimit, MessageKey> = {
  socketsPerKey: 'streams_per_key',
  socketsPerTenant: 'streams_per_tenant',
  socketsPerEnrolment: 'streams_per_enrolment',
  unusedTicketsPerKey: 'tickets_per_key',
  unusedTicketsPerTenant: 'tickets_per_tenant',
  waitsPerKey: 'waits_per_key',
};

/** A stream cap was reached; streams end or tickets expire within a minute, hence the Retry-After. */
export const tooManyStreams = ({ limit, max }: { limit: StreamLimit; max: number }) =>
  new ApiFailure(429, 'too_many_streams', STREAM_LIMIT_MESSAGES[limit], {
    params: { max },
    headers: { 'Retry-After': '60' },
  });
