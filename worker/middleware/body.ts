import { createMiddleware } from 'hono/factory';

import { MAX_BODY_BYTES } from '../../shared/events';
import { ApiFailure, unsupportedMediaType } from '../errors';
import { readUpTo } from '../http/bytes';
import type { AppEnv } from './context';
import { parseDottedForm, withoutEmptyFields } from './form';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;
const FORM_TYPE = 'application/x-www-form-urlencoded';

const tooLarge = () =>
  new ApiFailure(413, 'payload_too_large', 'too_large', { params: { bytes: MAX_BODY_BYTES } });

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads the whole body; an oversized one is read away and refused. */
async function readLimited(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readUpTo(body, limit, discardRest);
  if (bytes === null) throw tooLarge();
  return bytes;
}

/** Past this much, an oversized body is cut off instead of read to its end. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Reads and drops the rest of an oversized body, so the 413 reaches the client: cancelling the
 * stream mid-upload resets the connection, and the client (or a proxy in front) sees no answer.
 */
async function discardRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  readSoFar: number,
): Promise<void> {
  let size = readSoFar;
  try {
    while (size <= DRAIN_LIMIT_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; the 413 is still the answer.
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'invalid_json');
  }
}

/**
 * The one content-type rule of every route with a body: JSON is `application/json` or `application/<x>+json`,
 * parameters (charset) and spaces before them allowed; forms only where the route says so.
 * Enforces the body limit and content type, parses the body once and keeps it in `c.var.body`.
 * The parsed JSON also goes into Hono's body cache, so the route's zod validator sees the same value.
 * A request without a body is let through as `{}`, for routes whose body is optional.
 */
export const readBody = (options: { form?: boolean } = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const declaredLength = c.req.header('Content-Length');
    const raw = c.req.raw.body;
    if (declaredLength !== undefined && Number(declaredLength) > MAX_BODY_BYTES) {
      if (raw) await discardRest(raw.getReader(), 0);
      throw tooLarge();
    }
    const bytes = raw ? await readLimited(raw, MAX_BODY_BYTES) : new Uint8Array(0);
    const mediaType = mediaTypeOf(c.req.header('Content-Type'));
    let body: unknown;
    if (JSON_TYPE.test(mediaType)) body = parseJson(bytes);
    else if (options.form && mediaType === FORM_TYPE)
      body = withoutEmptyFields(parseDottedForm(new TextDecoder().decode(bytes)));
    else if (bytes.byteLength === 0 && mediaType === '') body = {};
    else {
      throw unsupportedMediaType(options.form ? `application/json or ${FORM_TYPE}` : 'application/json');
    }
    c.set('body', body);
    // The stream is used up: later readers (the route's validators) get the same bytes and value, and the
    // plain media type, so that their own content-type check follows the decision made here.
    const headers = new Headers(c.req.raw.headers);
    if (JSON_TYPE.test(mediaType)) headers.set('Content-Type', 'application/json');
    else if (mediaType === FORM_TYPE) headers.set('Content-Type', FORM_TYPE);
    c.req.raw = new Request(c.req.raw, { body: bytes, headers });
    if (JSON_TYPE.test(mediaType)) c.req.bodyCache.json = Promise.resolve(body);
    await next();
  });
