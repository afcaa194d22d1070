/** A route as Hono lists it (`app.routes`): middleware is listed with the method ALL. */
export interface ListedRoute {
  method: string;
  path: string;
}

const patternOf = (path: string) =>
  new RegExp(
    '^' +
      path
        .split('/')
        .map((part) =>
          part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/') +
      '$',
  );

/**
 * The methods the routes answer at `path`, for the `Allow` header of a 405; empty for an unknown path.
 * HEAD comes with GET (Hono answers it from the GET handler).
 */
export function allowedMethodsFinder(routes: readonly ListedRoute[]): (path: string) => string[] {
  const known = routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, pattern: patternOf(r.path) }));
  return (path) => {
    const methods = new Set(known.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
