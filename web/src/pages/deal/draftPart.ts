import type { Draft } from '../../lib/dealDraft';

/** What every part of the deal form gets: the draft, a change to it, and the error of a field. */
export interface DraftPart {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  err: (field: string) => string | undefined;
  writable: boolean;
}
