/** A festival edition's line-up as the edition API answers it. */
import type { Ref } from '../../../../src/contract/index.js';

export interface Selection {
  id: string;
  title: Ref & { year?: number | null };
  premiereStatus: string | null;
  slot: string | null;
  withdrawn: boolean;
  withdrawalReason: string | null;
  salesAgent: Ref | null;
  soldLabel: string | null;
  freeLabel: string | null;
  heldLabel: string | null;
  awards: Array<{ id: string; name: string; tied: boolean }>;
}
export interface Award {
  id: string;
  name: string;
  title: Ref;
  person: Ref | null;
  tied: boolean;
}
export interface Lineup {
  edition: { id: string; number: number | null; year: number; start: string | null; end: string | null };
  festival: { id: string; name: string; shortName: string | null };
  /** The day the sold / on hold / free columns answer for (today), all media, exclusive. */
  availability?: { asOf: string; media: string; exclusive: boolean };
  sections: Array<{ id: string | null; name: string; selections: Selection[] }>;
  awards: Award[];
}
