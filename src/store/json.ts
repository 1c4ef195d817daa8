/**
 * JSON columns. Both databases store JSON as `text` (one portable type; no
 * jsonb/json1 differences). A column is typed `JsonText<T>`: a string that
 * remembers what it encodes, so `parseJson(row.territory_codes)` is a
 * `string[]` without a cast, and `toJson(value)` only fits a column of the
 * same shape.
 */

declare const encodes: unique symbol;

/** JSON text encoding a `T`. Any string is assignable (rows come back as plain text). */
export type JsonText<T> = string & { readonly [encodes]?: T };

/** Encode a value for a JSON column. `undefined` is refused: say null if you mean it. */
export function toJson<T>(value: T): JsonText<T> {
  if (value === undefined) throw new TypeError('toJson: undefined cannot be stored in a JSON column (use null)');
  return JSON.stringify(value) as JsonText<T>;
}

/** Decode a JSON column. */
export function parseJson<T>(text: JsonText<T>): T;
export function parseJson<T>(text: JsonText<T> | null): T | null;
export function parseJson<T>(text: JsonText<T> | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const preview = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new Error(`parseJson: the column does not hold valid JSON: ${preview}`, { cause });
  }
}
