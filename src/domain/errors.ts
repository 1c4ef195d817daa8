/**
 * Typed errors of the domain. Every error names the field and the bad value,
 * so the API and the CLI can show it next to what the user typed.
 */
export class DomainError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly code: string;
  readonly suggestions: string[];

  constructor(code: string, field: string, value: unknown, message: string, suggestions: string[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.value = value;
    this.suggestions = suggestions;
  }
}

export function invalid(field: string, value: unknown, message: string, suggestions: string[] = []): DomainError {
  return new DomainError('invalid', field, value, message, suggestions);
}

export function unknownName(field: string, value: string, kind: string, suggestions: string[]): DomainError {
  const hint = suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
  return new DomainError('unknown-name', field, value, `${field}: unknown ${kind} "${value}".${hint}`, suggestions);
}

/** Input over one of the server's limits (size, rows, entries): the message names the limit. The API answers 413. */
export function tooLarge(field: string, value: unknown, message: string): DomainError {
  return new DomainError('too-large', field, value, message);
}
