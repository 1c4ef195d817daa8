/**
 * What an error means to the person who met it. A business refusal (a 4xx
 * with a code the server gives on purpose: a rights conflict, a stale
 * version, a missing right to write) says what happened and what to do; only
 * a server failure (5xx) or an unreachable server is "Something went wrong".
 */
import { ApiError } from './api';
import type { ConflictReport } from '../../../src/contract/index.js';

export interface ErrorDescription {
  /** 'refusal': the server said no on purpose; 'failure': it could not answer. */
  kind: 'refusal' | 'failure';
  title: string;
  /** The server's own words (or the error's). */
  message: string;
  /** What to do next. */
  advice?: string;
  /** Where a refused deal collides ("Germany · SVOD: sold to WB-ALAMODE-DE (Alamode Film)"). */
  details?: string[];
}

const REFUSALS: Record<string, { title: string; advice?: string }> = {
  conflict: {
    title: 'These rights are already sold or on hold.',
    advice: 'Change the territories, media or dates, or record an override with a reason.',
  },
  'stale-version': { title: 'Someone else changed this in the meantime.', advice: 'Reload to see their change, then make yours again.' },
  forbidden: {
    title: 'You cannot do this with your role.',
    advice: 'Ask an administrator for the editor role, or use a token that can write.',
  },
  unauthenticated: { title: 'Your session has ended.', advice: 'Sign in again.' },
  'not-found': { title: 'This is not on file.', advice: 'It may have been deleted or renamed.' },
  invalid: { title: 'This cannot be saved as it is.', advice: 'Correct the value named and try again.' },
  'invalid-data': { title: 'This cannot be saved as it is.', advice: 'Correct the value named and try again.' },
  'unknown-name': { title: 'A name is not known.', advice: 'Check the spelling, or pick one of the suggestions.' },
  'unknown-id': { title: 'Something named here is not on file.', advice: 'It may have been deleted; pick it again.' },
  ambiguous: { title: 'A name fits more than one record.', advice: 'Pick the one you mean from the list.' },
  'in-use': { title: 'This is still in use.', advice: 'Remove what uses it first.' },
  'too-many-attempts': { title: 'Too many attempts.', advice: 'Wait a moment, then try again.' },
  'too-large': { title: 'The file is too large.', advice: 'Split it into smaller files.' },
};

function conflictLines(report: ConflictReport | undefined): string[] {
  if (!report) return [];
  return report.blocks.flatMap((b) =>
    b.conflicts.map((r) => `${r.territoryLabel} · ${r.mediaLabel}: ${r.reasons.map((x) => x.message).join('; ')}`),
  );
}

export function describeError(error: ApiError | Error | string): ErrorDescription {
  if (typeof error === 'string') return { kind: 'failure', title: 'Something went wrong.', message: error };
  if (!(error instanceof ApiError)) return { kind: 'failure', title: 'Something went wrong.', message: error.message };
  const { status, body } = error;
  if (status === 0 || status >= 500) return { kind: 'failure', title: 'Something went wrong.', message: error.message };
  const known = REFUSALS[body.error] ?? (status === 409 ? REFUSALS.conflict : undefined);
  const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  if (!known) return { kind: 'refusal', title: status === 400 ? REFUSALS.invalid.title : 'The server refused this.', message };
  const details = body.error === 'conflict' ? conflictLines(body.conflicts) : [];
  return { kind: 'refusal', title: known.title, message, advice: known.advice, ...(details.length ? { details } : {}) };
}
