/**
 * How engine answers are shown to people and programs: territory codes and a
 * label as people write it, media leaf ids and a label, dates as ISO days
 * (null for perpetuity), and each reason with the contracts behind it and a
 * sentence that says what it means.
 */
import { toIndices, type Bitset } from '../domain/bitset.js';
import { dayOrNull } from '../domain/dates.js';
import type { AvailStatus, Reason, ReasonCode } from '../domain/avails.js';
import type { ConflictReport } from '../domain/conflicts.js';
import { languageLabel } from '../domain/languages.js';
import { MEDIA, mediaLabel } from '../domain/media.js';
import type { RolledRow } from '../domain/rollup.js';
import { COUNTRIES } from '../domain/countries.js';
import { territoryLabel } from '../domain/territories.js';

/** What an undated block whose term the source did not report waits for, in the words avails give (engineBlocks.ts). */
export const TERM_NOT_REPORTED = 'term not reported';

export interface ReasonView {
  code: ReasonCode;
  contracts: string[];
  message: string;
  /**
   * The contracts of `contracts`, each with its deal id (the editor is at
   * /deals/:id), its parties and the last day of its rights behind this
   * reason (`end`: null for perpetuity). Given by the avails answer and the
   * map, where a reader asks "until when, and which deal?".
   */
  deals?: ReasonDeal[];
}

export interface ReasonDeal {
  ref: string;
  /** null when the reference is not on file. */
  id: string | null;
  licensor: string | null;
  licensee: string | null;
  /** The latest end of the contract's blocks that cause the reason here; null: perpetuity; absent when not known. */
  end?: string | null;
  /** Present (true) when the deal was read from a source nobody has reviewed yet (docs/ingest.md, "Review"). */
  notReviewed?: boolean;
}

/** The deals behind a reason, for the titles, territories and media of the row that gives it. */
export type ReasonDeals = (reason: Reason, scope: { titles: readonly string[]; territories: Bitset; media: Bitset }) => ReasonDeal[];

export interface AvailRowView {
  titles: string[];
  titleIds: string[];
  territories: string[];
  territoryLabel: string;
  media: string[];
  mediaLabel: string;
  languages: string[] | null;
  languagesExcept: string[];
  languageLabel: string;
  start: string | null;
  end: string | null;
  status: AvailStatus;
  reasons: ReasonView[];
}

export interface ConflictReportView {
  clear: boolean;
  blocks: Array<{ block: number; titleId: string; conflicts: AvailRowView[]; holds: AvailRowView[] }>;
}

/** What a contract reference means to a reader: who bought or sold (and, when known, the deal's id). */
export interface ContractParties {
  licensor: string | null;
  licensee: string | null;
  id?: string;
  /** The events its undated windows wait for, in words ("the German theatrical release + 6 months"). */
  waitsFor?: string[];
}

export type PartiesLookup = (ref: string) => ContractParties | undefined;

function withParties(refs: string[], parties: PartiesLookup, who: 'licensor' | 'licensee'): string {
  return refs
    .map((ref) => {
      const p = parties(ref)?.[who];
      return p ? `${ref} (${p})` : ref;
    })
    .join(', ');
}

export function reasonMessage(r: Reason, parties: PartiesLookup): string {
  switch (r.code) {
    case 'no-rights-in':
      return 'we hold no rights here';
    case 'not-yet-started':
      return `our rights start later: ${withParties(r.contracts, parties, 'licensor')}`;
    case 'expired':
      return `our rights have expired: ${withParties(r.contracts, parties, 'licensor')}`;
    case 'rights-in-non-exclusive':
      return `our rights are non-exclusive: ${withParties(r.contracts, parties, 'licensor')}`;
    case 'rights-out-exist':
      return `sold to ${withParties(r.contracts, parties, 'licensee')}`;
    case 'holdback':
      return `holdback in ${r.contracts.join(', ')}`;
    case 'on-hold':
      return `on hold for ${withParties(r.contracts, parties, 'licensee')} (in negotiation)`;
    case 'depends': {
      const words = [...new Set(r.contracts.flatMap((ref) => parties(ref)?.waitsFor ?? []))];
      // a press deal whose term was not reported (docs/domain.md): its end is unknown, not an event to come
      const events = words.filter((w) => w !== TERM_NOT_REPORTED);
      const on = [
        ...(events.length || words.length === 0 ? [`${events.length ? events.join('; ') : 'an event'}, not yet dated`] : []),
        ...(words.includes(TERM_NOT_REPORTED) ? [`a ${TERM_NOT_REPORTED}`] : []),
      ].join(' and ');
      return `depends on ${on}: ${withParties(r.contracts, parties, 'licensee')}`;
    }
    case 'window-not-met':
      return 'available only for part of the requested window, or for less than the minimum window';
  }
}

export function rowView(row: RolledRow, titleName: (id: string) => string, parties: PartiesLookup, deals?: ReasonDeals): AvailRowView {
  const territories = toIndices(row.territories).map((i) => COUNTRIES.codeAt(i));
  const media = toIndices(row.media).map((i) => MEDIA.codeAt(i));
  return {
    titles: row.titles.map(titleName),
    titleIds: row.titles,
    territories,
    territoryLabel: territoryLabel(row.territories),
    media,
    mediaLabel: mediaLabel(row.media),
    languages: row.languages,
    languagesExcept: row.languagesExcept,
    languageLabel:
      row.languages === null
        ? row.languagesExcept.length
          ? `All languages excl. ${languageLabel(row.languagesExcept)}`
          : languageLabel(null)
        : languageLabel(row.languages),
    start: dayOrNull(row.start),
    end: dayOrNull(row.end),
    status: row.outcome.status,
    reasons: row.outcome.reasons.map((r) => ({
      code: r.code,
      contracts: r.contracts,
      message: reasonMessage(r, parties),
      ...(deals && r.contracts.length ? { deals: deals(r, row) } : {}),
    })),
  };
}

export function conflictView(
  reports: Array<{ titleId: string; report: ConflictReport; blockIndex: number[] }>,
  titleName: (id: string) => string,
  parties: PartiesLookup,
): ConflictReportView {
  const blocks: ConflictReportView['blocks'] = [];
  for (const { titleId, report, blockIndex } of reports) {
    for (const b of report.blocks) {
      blocks.push({
        block: blockIndex[b.block],
        titleId,
        conflicts: b.conflicts.map((r) => rowView(r, titleName, parties)),
        holds: b.holds.map((r) => rowView(r, titleName, parties)),
      });
    }
  }
  blocks.sort((a, b) => a.block - b.block);
  return { clear: blocks.every((b) => b.conflicts.length === 0), blocks };
}
