/**
 * Outcomes: what the rule says of one cell on one day (docs/domain.md,
 * "Reasons"): a status (available, on hold, depends, unavailable) and the reasons for
 * it, each with the contracts that cause it.
 *
 * The engine makes the same few outcomes millions of times, so they are
 * interned in an OutcomeTable: equal status and reasons give the same object,
 * compared with ===. A table is owned by whoever computes answers (the
 * RightsIndex keeps one, and forgets an answer's outcomes once it is made:
 * forgetAll); makeOutcome and the functions that take a table as an optional
 * last argument use one shared table for callers that keep none of their own.
 */

export type ReasonCode =
  | 'no-rights-in'
  | 'rights-in-non-exclusive'
  | 'rights-out-exist'
  | 'holdback'
  | 'on-hold'
  | 'not-yet-started'
  | 'expired'
  | 'window-not-met'
  | 'depends';

/** Reasons are listed in this order. */
export const REASON_CODES: readonly ReasonCode[] = [
  'no-rights-in',
  'not-yet-started',
  'expired',
  'rights-in-non-exclusive',
  'rights-out-exist',
  'holdback',
  'depends',
  'on-hold',
  'window-not-met',
];

export interface Reason {
  code: ReasonCode;
  /** Contract references that cause it, sorted. */
  contracts: string[];
}

/**
 * `depends`: the cell's answer waits for an event not yet dated (docs/domain.md, "Windows that
 * depend on events"): not available at worst, not unavailable for reasons of its own at best.
 * It is never free: not for the match types, the minimum window, conflicts or offers.
 */
export type AvailStatus = 'available' | 'on-hold' | 'depends' | 'unavailable';

/** Every status, best first (the order rows are sorted in). */
export const AVAIL_STATUSES: readonly AvailStatus[] = ['available', 'on-hold', 'depends', 'unavailable'];

export interface Outcome {
  status: AvailStatus;
  reasons: Reason[];
  /** Identity of the outcome: equal keys, equal status and reasons. */
  key: string;
  /** A small number standing for the outcome in hashes (unique within its table). */
  id: number;
}

/**
 * Reasons (in REASON_CODES order, contracts sorted and each once) as an outcome. `owned`: the
 * reasons and their lists were made for this outcome and are kept as they are; otherwise copied.
 */
function newOutcome(status: AvailStatus, reasons: readonly Reason[], id: number, owned = false): Outcome {
  const kept = owned ? (reasons as Reason[]) : reasons.map((r) => ({ code: r.code, contracts: [...r.contracts] }));
  // one flat string (join, not a chain of concatenations), from parts in an array made to their
  // number (an array grown by push is made again as it grows: a grid makes dozens of outcomes)
  const parts = new Array<string>(2 + 4 * kept.length);
  parts[0] = status;
  parts[1] = '|';
  for (let i = 0, j = 2; i < kept.length; i++) {
    const r = kept[i];
    parts[j++] = i ? ';' : '';
    parts[j++] = r.code;
    parts[j++] = ':';
    parts[j++] = r.contracts.join(',');
  }
  return { status, reasons: kept, key: parts.join(''), id };
}

/** Available: the outcome of every free cell, the same object in every table. */
export const AVAILABLE: Outcome = newOutcome('available', [], 0);
/** An available run the question's match type or minimum window does not accept, the same object in every table. */
export const WINDOW_NOT_MET: Outcome = newOutcome('unavailable', [{ code: 'window-not-met', contracts: [] }], 1);
const LASTING_OUTCOMES: readonly Outcome[] = [AVAILABLE, WINDOW_NOT_MET];

/**
 * Sorts the first `count` of `contracts`, each once, into the start of `into` and says how many
 * there are (insertion sort: the lists are short; `into` is kept and never shortened, so V8 does
 * not grow it again).
 */
function sortedOnce(contracts: readonly string[], count: number, into: string[]): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const c = contracts[k];
    let i = n;
    while (i > 0 && into[i - 1] > c) i--;
    if (i > 0 && into[i - 1] === c) continue;
    for (let j = n; j > i; j--) into[j] = into[j - 1];
    into[i] = c;
    n++;
  }
  return n;
}

/**
 * Outcomes are found in a trie walked by status, then each reason's code and
 * contracts: the strings are the ones the blocks already hold, whose hashes are
 * cached, so finding a known outcome builds no string. Codes are stepped by a
 * symbol of their own, so no contract can be mistaken for a code. Most nodes
 * have one child, kept inline; a Map is made from the second on.
 */
const CODE_STEP: readonly symbol[] = REASON_CODES.map((c) => Symbol(c));

class OutcomeNode {
  key: string | symbol | null = null;
  child: OutcomeNode | null = null;
  more: Map<string | symbol, OutcomeNode> | null = null;
  outcome: Outcome | null = null;

  next(key: string | symbol): OutcomeNode {
    if (this.key === key) return this.child!;
    if (this.key === null) {
      this.key = key;
      return (this.child = new OutcomeNode());
    }
    this.more ??= new Map();
    let n = this.more.get(key);
    if (!n) this.more.set(key, (n = new OutcomeNode()));
    return n;
  }
}

/** Interned outcomes: make() gives one object per distinct status and reasons. */
export class OutcomeTable {
  private roots = new Map<AvailStatus, OutcomeNode>();
  private readonly walk: string[] = [];
  private count = 0;
  private nextId = LASTING_OUTCOMES.length;

  constructor() {
    this.keepLasting();
  }

  /**
   * The outcome of this status and these reasons. A reason's `count`, when given, is how many of
   * its contracts count (the first ones): callers that reuse their lists pass it instead of
   * shortening them, which would make V8 grow them again on the next use; `reasonCount` likewise
   * how many of the reasons count.
   */
  make(status: AvailStatus, allReasons: ReadonlyArray<Reason & { count?: number }>, reasonCount = allReasons.length): Outcome {
    // this runs for every distinct state of a timeline, so the interned outcome is found
    // first and the key and the copy of the reasons are made only for a new one
    let inOrder = true;
    for (let i = 1; i < reasonCount && inOrder; i++)
      inOrder = REASON_CODES.indexOf(allReasons[i - 1].code) <= REASON_CODES.indexOf(allReasons[i].code);
    const ordered = inOrder
      ? allReasons
      : allReasons.slice(0, reasonCount).sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
    let node = this.root(status);
    for (let k = 0; k < reasonCount; k++) {
      const r = ordered[k];
      node = node.next(CODE_STEP[REASON_CODES.indexOf(r.code)]);
      // sorted and each once, in a list kept for the walk: finding a known outcome makes no garbage
      const n = sortedOnce(r.contracts, r.count ?? r.contracts.length, this.walk);
      for (let i = 0; i < n; i++) node = node.next(this.walk[i]);
    }
    if (node.outcome) return node.outcome;
    // the reasons and their lists made to their length (sorted and each once again, as for the walk)
    const reasons = new Array<Reason>(reasonCount);
    for (let k = 0; k < reasonCount; k++) {
      const r = ordered[k];
      reasons[k] = { code: r.code, contracts: this.walk.slice(0, sortedOnce(r.contracts, r.count ?? r.contracts.length, this.walk)) };
    }
    node.outcome = newOutcome(status, reasons, this.nextId++, true);
    this.count++;
    return node.outcome;
  }

  /**
   * Forgets the interned outcomes when there are many (each title's contracts make
   * outcomes of their own). Call it only between two titles' computations, never
   * inside one, where equal outcomes must be the same object; the lasting ones
   * (available, window not met) are kept, so they stay the same object for ever.
   */
  forgetIfMany(): void {
    if (this.count < 100_000) return;
    this.roots = new Map();
    this.count = 0;
    this.keepLasting();
  }

  /**
   * Forgets every outcome but the lasting ones, so that an answer's outcomes live only as long as
   * the answer. Outcomes name the title's own contracts, so another title's answer never finds
   * them; kept in the table, the first young-generation collection after they were made finds them
   * alive and copies them out of the young generation (docs/architecture.md, "The grid's p99":
   * at 10k titles ~1 MB per collection, most of a ~3 ms pause). Call it after an answer is made,
   * never while one is being made.
   */
  forgetAll(): void {
    if (this.count === LASTING_OUTCOMES.length) return;
    // a new Map, not clear(): V8 gives a cleared Map its new table in the old Map's generation, and a
    // dead table in the old generation keeps what it points to alive through young collections
    this.roots = new Map();
    this.count = 0;
    this.keepLasting();
  }

  private root(status: AvailStatus): OutcomeNode {
    let node = this.roots.get(status);
    if (!node) this.roots.set(status, (node = new OutcomeNode()));
    return node;
  }

  private keepLasting(): void {
    for (const o of LASTING_OUTCOMES) {
      let node = this.root(o.status);
      for (const r of o.reasons) {
        node = node.next(CODE_STEP[REASON_CODES.indexOf(r.code)]);
        for (const c of r.contracts) node = node.next(c);
      }
      node.outcome = o;
      this.count++;
    }
  }
}

/** The table of callers that keep none of their own (tests, one-off answers). */
export const SHARED_OUTCOMES = new OutcomeTable();

/** An outcome interned in the shared table. */
export function makeOutcome(status: AvailStatus, reasons: Reason[]): Outcome {
  return SHARED_OUTCOMES.make(status, reasons);
}
