// Plain fetch helpers with a time limit, for loops that must never hang.

/**
 * @param {string | URL} url
 * @param {string} path
 * @param {{
 *   method?: string, token?: string, body?: unknown, headers?: Record<string, string>, timeoutMs?: number
 * }} [options]
 */
export async function request(
  url,
  path,
  { method = 'GET', token, body, headers = {}, timeoutMs = 15_000 } = {},
) {
  const res = await fetch(new URL(path, url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON; the caller looks at `text`.
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** Runs `task(i)` for i in 0..count-1 with at most `concurrency` at a time. */
export async function pool(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
