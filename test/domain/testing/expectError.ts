import { expect } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';

/** Runs `f`, which must throw a DomainError, and returns it (to check its field, value and suggestions). */
export function domainError(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}
