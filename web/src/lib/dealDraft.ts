/**
 * The deal editor's working copy of a contract, and how it becomes the API's
 * ContractInput and the conflict check's request (docs/api.md).
 */
import { todayIso } from './format';
import type { Contract, ContractStatus, Direction, Ref } from '../../../src/contract/index.js';

let seq = 0;
export const key = () => `k${++seq}`;

/** A term's end that follows an event (docs/domain.md, "Windows that depend on events"), as typed. */
export interface ConditionDraft {
  event: 'release' | 'broadcast' | 'delivery' | 'festival-premiere';
  /** ISO country code, for a release or a broadcast. */
  territory: string;
  /** For a release: theatrical, streaming, tv, home-video, festival. */
  media: string;
  /** Signed, as typed: "6", "-30". */
  offset: string;
  unit: 'days' | 'months';
}

export const newCondition = (): ConditionDraft => ({ event: 'release', territory: '', media: 'theatrical', offset: '6', unit: 'months' });

type ConditionOut = {
  event: ConditionDraft['event'];
  territory: string | null;
  media: string | null;
  offset: number;
  unit: ConditionDraft['unit'];
};

/** The API's condition from the draft (a non-number offset goes as NaN and the server names the field). */
function conditionOut(c: ConditionDraft | null | undefined): ConditionOut | null {
  if (!c) return null;
  const territory = c.event === 'release' || c.event === 'broadcast' ? c.territory.trim().toUpperCase() || null : null;
  return { event: c.event, territory, media: c.event === 'release' ? c.media : null, offset: Number(c.offset.trim() || '0'), unit: c.unit };
}

function conditionIn(
  c: { event: string; territory?: string | null; media?: string | null; offset: number; unit: string } | null | undefined,
): ConditionDraft | null {
  if (!c) return null;
  return {
    event: c.event as ConditionDraft['event'],
    territory: c.territory ?? '',
    media: c.media ?? 'theatrical',
    offset: String(c.offset),
    unit: c.unit === 'days' ? 'days' : 'months',
  };
}

/** The conditions of a block or holdback for the API: only those set. */
function conditionsOut(x: { startCondition?: ConditionDraft | null; endCondition?: ConditionDraft | null }) {
  const start = conditionOut(x.startCondition);
  const end = conditionOut(x.endCondition);
  return { ...(start ? { startCondition: start } : {}), ...(end ? { endCondition: end } : {}) };
}

export interface BlockDraft {
  key: string;
  /** '' = every title of the contract. */
  titleId: string;
  territories: string;
  media: string;
  languages: string;
  start: string;
  end: string;
  /** The source does not report the term (a press deal): no end is an unknown end, not perpetuity. An end date clears it. */
  termNotReported?: boolean;
  exclusive: boolean;
  /** On a series or season (docs/series.md): reaches titles added later; else only `covers` (null: those there now). */
  includesFuture: boolean;
  covers: string[] | null;
  /** Title ids under it left out, comma-separated as typed. */
  excludes: string;
  /** Instead of `start` / `end`: the term follows an event. */
  startCondition?: ConditionDraft | null;
  endCondition?: ConditionDraft | null;
}

export interface HoldbackDraft {
  key: string;
  titleId: string;
  territories: string;
  media: string;
  start: string;
  end: string;
  startCondition?: ConditionDraft | null;
  endCondition?: ConditionDraft | null;
  description: string;
}

export interface NegotiatorDraft {
  key: string;
  person: Ref | null;
  company: Ref | null;
  side: 'licensor' | 'licensee';
}

export interface Draft {
  ref: string;
  status: ContractStatus;
  direction: Direction | '';
  licensor: Ref | null;
  licensee: Ref | null;
  salesAgent: Ref | null;
  titles: Ref[];
  blocks: BlockDraft[];
  holdbacks: HoldbackDraft[];
  negotiators: NegotiatorDraft[];
  mgAmount: string;
  mgCurrency: string;
  signedOn: string;
  announcedOn: string;
  notes: string;
}

export function newBlock(): BlockDraft {
  return {
    key: key(),
    titleId: '',
    territories: '',
    media: '',
    languages: '',
    start: todayIso(),
    end: '',
    exclusive: true,
    includesFuture: true,
    covers: null,
    excludes: '',
  };
}

export function emptyDraft(): Draft {
  return {
    ref: '',
    status: 'negotiating',
    direction: 'out',
    licensor: null,
    licensee: null,
    salesAgent: null,
    titles: [],
    blocks: [newBlock()],
    holdbacks: [],
    negotiators: [],
    mgAmount: '',
    mgCurrency: 'USD',
    signedOn: '',
    announcedOn: '',
    notes: '',
  };
}

export function draftFromContract(c: Contract): Draft {
  const allTitles = c.titles.length;
  // A block stored once per title reads back as one block per title; keep them as they are.
  return {
    ref: c.ref,
    status: c.status,
    direction: c.direction,
    licensor: c.licensor,
    licensee: c.licensee,
    salesAgent: c.salesAgent,
    titles: c.titles,
    blocks: (c.blocks ?? []).map((b) => ({
      key: key(),
      titleId: allTitles > 1 ? b.titleId : '',
      territories: b.territories,
      media: b.media,
      languages: b.languages?.join(', ') ?? '',
      start: b.start ?? '',
      end: b.end ?? '',
      termNotReported: b.termReported === false,
      exclusive: b.exclusive,
      includesFuture: b.includesFuture ?? true,
      covers: b.covers ?? null,
      excludes: (b.excludes ?? []).join(', '),
      startCondition: conditionIn(b.startCondition),
      endCondition: conditionIn(b.endCondition),
    })),
    holdbacks: (c.holdbacks ?? []).map((h) => ({
      key: key(),
      titleId: allTitles > 1 ? (h.titleId ?? '') : '',
      territories: h.territories,
      media: h.media,
      start: h.start ?? '',
      end: h.end ?? '',
      startCondition: conditionIn(h.startCondition),
      endCondition: conditionIn(h.endCondition),
      description: h.description,
    })),
    negotiators: (c.negotiators ?? []).map((n) => ({ key: key(), person: n.person, company: n.company, side: n.side })),
    mgAmount: c.mg?.amount ?? '',
    mgCurrency: c.mg?.currency ?? 'USD',
    signedOn: c.signedOn ?? '',
    announcedOn: c.announcedOn ?? '',
    notes: c.notes ?? '',
  };
}

/** Whether the block's term is still "not reported": an end date or an end that follows an event clears it. */
export function termNotReported(b: Pick<BlockDraft, 'termNotReported' | 'end' | 'endCondition'>): boolean {
  return !!b.termNotReported && !b.end && !b.endCondition;
}

function languages(text: string): string[] | null {
  const list = text.split(/[\s,;]+/).filter(Boolean);
  return list.length ? list : null;
}

/**
 * A company typed in a party picker that is not on file: kept in the draft as
 * `new:<kind>:<name>` and created with the deal when it is saved (so an
 * abandoned deal leaves nothing behind).
 */
export function pendingCompany(kind: string, name: string): Ref {
  return { id: `new:${kind}:${name}`, name };
}

function pendingOf(r: Ref | null): { name: string; kind: string } | null {
  const m = r ? /^new:([a-z-]+):(.*)$/s.exec(r.id) : null;
  return m ? { kind: m[1], name: m[2] } : null;
}

/**
 * The API's ContractInput. `financials`: the user has the financial-terms
 * permission. Without it the MG is not sent at all: the server keeps the one
 * on file (absent means unchanged) and refuses an mg, even null, from such a user.
 */
export function contractInput(d: Draft, extra: { version?: number; override?: { reason: string }; financials: boolean }) {
  const fresh = { licensor: pendingOf(d.licensor), licensee: pendingOf(d.licensee), salesAgent: pendingOf(d.salesAgent) };
  const newCompanies = Object.fromEntries(Object.entries(fresh).filter(([, v]) => v));
  return {
    ...(d.ref.trim() ? { ref: d.ref.trim() } : {}),
    ...(d.direction ? { direction: d.direction } : {}),
    status: d.status,
    licensorId: fresh.licensor ? null : (d.licensor?.id ?? null),
    licenseeId: fresh.licensee ? null : (d.licensee?.id ?? null),
    salesAgentId: fresh.salesAgent ? null : (d.salesAgent?.id ?? null),
    ...(Object.keys(newCompanies).length ? { newCompanies } : {}),
    titleIds: d.titles.map((t) => t.id),
    blocks: d.blocks.map((b) => ({
      ...(b.titleId ? { titleId: b.titleId } : {}),
      territories: b.territories.trim(),
      media: b.media.trim(),
      languages: languages(b.languages),
      start: b.startCondition ? null : b.start || null,
      end: b.endCondition ? null : b.end || null,
      ...conditionsOut(b),
      ...(termNotReported(b) ? { termReported: false } : {}),
      exclusive: b.exclusive,
      ...scope(b),
    })),
    holdbacks: d.holdbacks.map((h) => ({
      ...(h.titleId ? { titleId: h.titleId } : {}),
      territories: h.territories.trim(),
      media: h.media.trim(),
      start: h.startCondition ? null : h.start || null,
      end: h.endCondition ? null : h.end || null,
      ...conditionsOut(h),
      description: h.description.trim(),
    })),
    negotiators: d.negotiators
      .filter((n) => n.person)
      .map((n) => ({ personId: n.person!.id, companyId: n.company?.id ?? null, side: n.side })),
    ...(extra.financials
      ? { mg: d.mgAmount.trim() ? { amount: amountOut(d.mgAmount), currency: d.mgCurrency.trim().toUpperCase() } : null }
      : {}),
    signedOn: d.signedOn || null,
    announcedOn: d.announcedOn || null,
    notes: d.notes.trim() || null,
    ...(extra.version !== undefined ? { version: extra.version } : {}),
    ...(extra.override ? { override: extra.override } : {}),
  };
}

/**
 * An amount as the API takes it: "1,500,000.00" without its grouping. Anything that does not read
 * as an amount then ("1,5 Mio", "-5000") goes as typed, so the refusal quotes what the user wrote.
 */
function amountOut(typed: string): string {
  const plain = typed.trim().replace(/[\s,]/g, '');
  return /^\d+(\.\d+)?$/.test(plain) ? plain : typed.trim();
}

const BLOCK_LABELS: Record<string, string> = {
  territories: 'Territories',
  media: 'Media',
  start: 'Start',
  startCondition: 'Start',
  end: 'End',
  endCondition: 'End',
  languages: 'Languages',
  titleId: 'Applies to',
  excludes: 'Excluding',
  exclusive: 'Exclusive',
};
const HOLDBACK_LABELS: Record<string, string> = {
  ...BLOCK_LABELS,
  description: 'Description',
  start: 'From',
  startCondition: 'From',
  end: 'Until',
  endCondition: 'Until',
};
const DEAL_LABELS: Record<string, string> = {
  ref: 'Reference',
  status: 'Status',
  direction: 'Kind',
  titleIds: 'Titles',
  licensorId: 'Licensor',
  licenseeId: 'Licensee',
  salesAgentId: 'Sales agent',
  mg: 'Minimum guarantee',
  signedOn: 'Signed on',
  announcedOn: 'Announced on',
  notes: 'Notes',
  override: 'Reason for the override',
};

/**
 * The label the deal editor shows for a field the server named, for the note above the buttons:
 * "titleIds" → "Titles", "mg.amount" → "Minimum guarantee", "mg.currency" → "Currency of the minimum
 * guarantee", "blocks[1].territories" → "Territories of rights block 2". Undefined for a field the
 * editor does not show.
 */
export function dealFieldLabel(path: string): string | undefined {
  const part = /^(blocks|holdbacks|negotiators)\[(\d+)\]\.?(\w*)/.exec(path);
  if (part) {
    const n = Number(part[2]) + 1;
    if (part[1] === 'negotiators') return `${part[3] === 'companyId' ? 'For company' : 'Person'} of negotiator ${n}`;
    const label = (part[1] === 'blocks' ? BLOCK_LABELS : HOLDBACK_LABELS)[part[3]];
    const where = part[1] === 'blocks' ? `rights block ${n}` : `holdback ${n}`;
    return label ? `${label} of ${where}` : `${where.charAt(0).toUpperCase()}${where.slice(1)}`;
  }
  if (path === 'mg.currency') return 'Currency of the minimum guarantee';
  const party = /^newCompanies\.(licensor|licensee|salesAgent)/.exec(path);
  const head = party ? `${party[1]}Id` : path.split(/[.[]/)[0];
  return DEAL_LABELS[head];
}

/**
 * The conflict check's request: one block per (block, title), because the
 * check is per title; `origin[i]` is the editor's block index of request block i.
 */
export function conflictRequest(
  d: Draft,
  excludeContractId?: string,
): { body: { blocks: unknown[]; excludeContractId?: string }; origin: number[]; why?: string } {
  const origin: number[] = [];
  const blocks: unknown[] = [];
  if (!d.titles.length) return { body: { blocks }, origin, why: 'Pick the title(s) of the deal to check its rights.' };
  d.blocks.forEach((b, i) => {
    if (!b.territories.trim() || !b.media.trim()) return;
    const titleIds = b.titleId ? [b.titleId] : d.titles.map((t) => t.id);
    for (const titleId of titleIds) {
      origin.push(i);
      blocks.push({
        titleId,
        territories: b.territories.trim(),
        media: b.media.trim(),
        languages: languages(b.languages),
        // a start that follows an event not yet dated is checked from today, an end that follows one for ever (as the server does)
        start: b.startCondition ? todayIso() : b.start || null,
        end: b.endCondition ? null : b.end || null,
        ...(termNotReported(b) ? { termReported: false } : {}),
        exclusive: b.exclusive,
        ...scope(b),
      });
    }
  });
  if (!blocks.length)
    return {
      body: { blocks },
      origin,
      why: 'Fill in a rights block (territories and media) to check it against what is sold, held and not held.',
    };
  return { body: { blocks, ...(excludeContractId ? { excludeContractId } : {}) }, origin };
}

/** Statuses whose rights the server checks on save (the others save freely). */
export const CHECKED_STATUSES: ContractStatus[] = ['offer', 'negotiating', 'signed', 'announced'];

/**
 * What a deal's status does to its rights, said under the status field (a
 * new deal starts as "negotiating", which already holds the rights).
 */
export function statusConsequence(status: ContractStatus, direction: Direction | ''): string {
  if (direction === 'third-party') return 'Market intelligence: recorded for the picture of the market; it never changes our avails.';
  if (direction === 'in') {
    if (status === 'signed' || status === 'announced') return `${label(status)}: we hold these rights and can sell them.`;
    return `${label(status)}: these rights are not ours to sell until the deal is signed.`;
  }
  switch (status) {
    case 'draft':
      return 'Draft: holds nothing and is not checked; the rights stay available to others.';
    case 'offer':
      return 'Offer: checked against what is sold, but holds nothing; the rights stay available to others.';
    case 'negotiating':
      return 'Negotiating: puts these rights on hold. Avails and the map show them as held, and any other deal for them gets a warning.';
    case 'signed':
    case 'announced':
      return `${label(status)}: these rights are sold; a deal that collides with them is refused unless overridden with a reason.`;
    default:
      return `${label(status)}: its rights no longer count; they are available again.`;
  }
}

function label(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** How far a block on a series or season reaches down, as the API takes it (nothing for the default). */
function scope(b: BlockDraft): { includesFuture?: false; covers?: string[] | null; excludes?: string[] } {
  const excludes = b.excludes
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  return {
    ...(b.includesFuture ? {} : { includesFuture: false as const, covers: b.covers }),
    ...(excludes.length ? { excludes } : {}),
  };
}
