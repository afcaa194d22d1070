/** The values of a text's `{name}` placeholders. */
export type Params = Record<string, string | number>;

/**
 * A text with its `{name}` placeholders filled, for the worker's messages and the extension's
 * catalogs alike: numbers as `formatNumber` writes them (the language's digits and separators,
 * 65,536 or 65 536); a placeholder without a value stays as it is.
 */
export function interpolate(text: string, params: Params, formatNumber: (n: number) => string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
