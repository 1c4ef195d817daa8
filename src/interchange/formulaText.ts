/**
 * Text a spreadsheet would run as a formula when it opens a CSV file (= + - @, a tab or a return first): written
 * with an apostrophe before it, so it shows as text (formula injection), and read back without it.
 */
const DANGEROUS = /^[=+\-@\t\r]/;

/** A CSV field a spreadsheet will show as text, never evaluate. */
export function neutralise(s: string): string {
  return DANGEROUS.test(s) ? `'${s}` : s;
}

/** A CSV field as it was before `neutralise` (an apostrophe before = + - @, a tab or a return is taken off). */
export function unneutralise(s: string): string {
  return s.startsWith("'") && DANGEROUS.test(s.slice(1)) ? s.slice(1) : s;
}
