import type { ConflictReportView } from './views.js';

/** Errors the services raise; the API maps each to an HTTP status. Validation errors are DomainErrors. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
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

/**
 * A record cannot be deleted while others refer to it. `uses` counts them by
 * kind ("contracts": 2, "festival selections": 1); nothing was written.
 */
export class InUseError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly uses: Record<string, number>,
    what: string,
    detail?: string,
  ) {
    super(
      `id: ${what} cannot be deleted: ${usesText(uses)} ${Object.values(uses).reduce((a, b) => a + b, 0) === 1 ? 'refers' : 'refer'} to it${detail ? ` (${detail})` : ''}. ${entity === 'title' || entity === 'company' || entity === 'person' ? 'Change those first, or merge it into the record it duplicates.' : 'Change or delete those first.'}`,
    );
    this.name = 'InUseError';
  }
}

/** "2 contracts, 1 festival selection" from {contracts: 2, 'festival selections': 1} (plural keys, singular when one). */
export function usesText(uses: Record<string, number>): string {
  return Object.entries(uses)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${n === 1 ? singular(k) : k}`)
    .join(', ');
}

function singular(k: string): string {
  if (k.endsWith('people')) return k.replace(/people$/, 'person');
  if (k.endsWith('ies')) return `${k.slice(0, -3)}y`;
  return k.endsWith('s') ? k.slice(0, -1) : k;
}

/** The record changed since the caller read it. */
export class StaleVersionError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
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
