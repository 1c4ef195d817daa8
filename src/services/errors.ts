import type { ConflictReportView } from './views.js';

/** Errors the services raise; the API maps each to an HTTP status. Validation errors are DomainErrors. */
export class NotFoundError extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} "${id}" not found`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  /** The field the caller may not write (a financial field), when the refusal is about one. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'ForbiddenError';
    if (field !== undefined) this.field = field;
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = 'sign in first') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A rights-out deal that collides with what is sold, held back or not held. Nothing was written. */
export class RightsConflictError extends Error {
  constructor(readonly report: ConflictReportView) {
    super(conflictMessage(report));
    this.name = 'RightsConflictError';
  }
}

/** The record changed since the caller read it. */
export class StaleVersionError extends Error {
  constructor(readonly entity: string, readonly id: string, readonly expected: number, readonly actual: number) {
    super(`${entity} "${id}" was changed by someone else (version ${actual}, you had ${expected}); reload and try again`);
    this.name = 'StaleVersionError';
  }
}

function conflictMessage(report: ConflictReportView): string {
  const rows = report.blocks.flatMap((b) => b.conflicts);
  const first = rows[0];
  if (!first) return 'the deal conflicts with existing rights';
  const why = first.reasons.map((r) => r.message).join('; ');
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more)` : '';
  return `The deal conflicts: ${first.territoryLabel}, ${first.mediaLabel}, ${first.start} to ${first.end ?? 'perpetuity'}: ${why}${more}. Save with an override reason to record it anyway.`;
}
