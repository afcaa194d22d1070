import type { z } from 'zod';

/** The top-level keys that zod's issues point at. */
function failingKeys(error: z.ZodError): Set<string> {
  return new Set(error.issues.flatMap((issue) => (typeof issue.path[0] === 'string' ? [issue.path[0]] : [])));
}

/**
 * The facts of an e-mail that fit `schema`: a fact that does not fit is dropped (an optional one) or
 * emptied (a required text), so the notification keeps the rest. Null only when that is not enough.
 */
export function fitObject<S extends z.ZodObject>(
  schema: S,
  candidate: Record<string, unknown>,
): z.output<S> | null {
  const first = schema.safeParse(candidate);
  if (first.success) return first.data;
  const fitted: Record<string, unknown> = { ...candidate };
  for (const key of failingKeys(first.error)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    if (field === undefined || field.safeParse(undefined).success) delete fitted[key];
    else if (typeof fitted[key] === 'string') fitted[key] = '';
  }
  const second = schema.safeParse(fitted);
  return second.success ? second.data : null;
}

/**
 * One event of an e-mail as `schema` takes it; the facts it names as not fitting are left out once
 * (a link too long once encoded, say), and the event is dropped only when it still does not fit.
 */
export function fitEvent<S extends z.ZodType>(schema: S, candidate: unknown): z.output<S> | null {
  const first = schema.safeParse(candidate);
  if (first.success) return first.data;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const fitted: Record<string, unknown> = { ...(candidate as Record<string, unknown>) };
  for (const key of failingKeys(first.error)) if (key !== 'type') delete fitted[key];
  const second = schema.safeParse(fitted);
  return second.success ? second.data : null;
}
