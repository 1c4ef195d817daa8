import type { Bitset } from './bitset.js';
import { isEmpty } from './bitset.js';
import { checkTerm, type Day } from './dates.js';
import { invalid } from './errors.js';

/**
 * What a rights block does to availability:
 * - `in`: rights granted to us (a signed rights-in contract);
 * - `out`: rights we granted onward (a signed rights-out contract);
 * - `hold`: rights-out under negotiation: a soft hold, shown as held, not sold;
 * - `holdback`: no exploitation of these media in these territories in this term.
 * Contracts between two other companies (market intelligence) never become blocks.
 */
export type BlockKind = 'in' | 'out' | 'hold' | 'holdback';

/** A language set: null means all languages; otherwise BCP 47 tags. */
export type Languages = readonly string[] | null;

export interface RightsBlock {
  /** The contract reference, as people quote it ("NEON-ONE-SECOND-NA"). */
  contract: string;
  kind: BlockKind;
  territories: Bitset;
  media: Bitset;
  languages: Languages;
  /** Inclusive term; `end` is PERPETUITY for an open end. */
  start: Day;
  end: Day;
  /** Ignored for holdbacks. */
  exclusive: boolean;
  /**
   * A start or end is a condition whose event is not dated (conditions.ts): the term above is
   * widened to every day the block could cover, and the rule answers `depends` where it matters.
   */
  undated?: boolean;
}

export function checkBlock(b: RightsBlock, field = 'block'): RightsBlock {
  if (isEmpty(b.territories)) throw invalid(`${field}.territories`, '', `${field}.territories: the block names no territory`);
  if (isEmpty(b.media)) throw invalid(`${field}.media`, '', `${field}.media: the block names no media`);
  if (b.languages !== null && b.languages.length === 0) {
    throw invalid(`${field}.languages`, [], `${field}.languages: an empty language list; leave it out to mean all languages`);
  }
  if (!Number.isInteger(b.start) || !Number.isInteger(b.end))
    throw invalid(`${field}.start`, b.start, `${field}: term days must be integers`);
  checkTerm(b.start, b.end, field);
  return b;
}

/** Does the block's language set share at least one language with the atoms? */
export function coversLanguage(langs: Languages, atom: string): boolean {
  if (langs === null) return true;
  return atom !== OTHER_LANGUAGES && langs.includes(atom);
}

/** The language atom standing for "every language no block names". */
export const OTHER_LANGUAGES = '*';
