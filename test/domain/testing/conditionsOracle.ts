/**
 * The oracle for windows that depend on events (docs/domain.md, "Windows that
 * depend on events"), cell by cell and day by day: each block's term is
 * resolved here from the events known, with its own arithmetic; on each day,
 * every undated block that could be active is tried both active and not, and
 * the cell is
 * - available (or on hold) when no such case is unavailable: the answer of the
 *   worst case (undated rights-in off, undated sales and holdbacks on);
 * - unavailable for its own reasons when every case is: the reasons of the best case;
 * - otherwise status `depends` with reason `depends`, naming the undated contracts in play.
 * Offsets here are in days (the engine's months are checked by unit tests).
 */
import { has } from '../../../src/domain/bitset.js';
import { BEGINNING, PERPETUITY, type Day } from '../../../src/domain/dates.js';
import type { AvailsQuestion } from '../../../src/domain/avails.js';
import type { RightsBlock } from '../../../src/domain/rights.js';
import type { ConditionalBlock } from '../../../src/domain/conditions.js';
import { dayStatus, oracleAvails, type OracleCell } from './oracle.js';

type OracleBlock = RightsBlock & { undated: boolean };

function endDay(t: ConditionalBlock['start'], events: ReadonlyMap<string, Day>, open: Day): { day: Day; known: boolean } {
  if (t.condition === null) return { day: t.date ?? open, known: true };
  const c = t.condition;
  const key = c.event === 'release' ? `release:${c.territory}:${c.media}` : c.event === 'broadcast' ? `release:${c.territory}:tv` : c.event;
  const e = events.get(key);
  return e === undefined ? { day: open, known: false } : { day: e + c.offset, known: true };
}

/**
 * The events of a title with titles above it (chain: the title's own events first, then its
 * season's, its series'): for each event, looked up title by title from the nearest.
 */
export function oracleChainEvents(chain: ReadonlyArray<ReadonlyMap<string, Day>>): Map<string, Day> {
  const keys = new Set(chain.flatMap((m) => [...m.keys()]));
  const out = new Map<string, Day>();
  for (const k of keys) {
    for (let i = 0; i < chain.length; i++) {
      const d = chain[i].get(k);
      if (d !== undefined) {
        out.set(k, d);
        break;
      }
    }
  }
  return out;
}

/** The blocks as the oracle reads them: dated terms, or widened terms marked undated; empty terms dropped. */
export function oracleBlocks(blocks: readonly ConditionalBlock[], events: ReadonlyMap<string, Day>): OracleBlock[] {
  const out: OracleBlock[] = [];
  for (const { id: _id, start, end, ...b } of blocks) {
    const s = endDay(start, events, BEGINNING);
    const e = endDay(end, events, PERPETUITY);
    const undated = !s.known || !e.known;
    if (!undated && e.day < s.day) continue;
    out.push({ ...b, start: s.day, end: e.day, undated });
  }
  return out;
}

/** One cell on one day: every case of the undated blocks that could be active that day. */
function conditionalDay(blocks: readonly RightsBlock[], country: number, media: number, language: string, day: Day, exclusive: boolean) {
  const bs = blocks as readonly OracleBlock[];
  const here = (b: OracleBlock) =>
    has(b.territories, country) && has(b.media, media) && (b.languages === null || b.languages.includes(language));
  const maybe = bs.filter((b) => b.undated && here(b) && b.start <= day && day <= b.end);
  // undated blocks not active that day change no status; an undated rights-in still tells when rights start or end
  const sure = bs.filter((b) => !maybe.includes(b));
  const cases: Array<{ on: OracleBlock[]; result: ReturnType<typeof dayStatus> }> = [];
  for (let mask = 0; mask < 1 << maybe.length; mask++) {
    const on = maybe.filter((_, i) => (mask & (1 << i)) !== 0);
    cases.push({ on, result: dayStatus([...sure, ...on], country, media, language, day, exclusive) });
  }
  const isWorst = (on: OracleBlock[]) => maybe.every((b) => (b.kind === 'in') !== on.includes(b));
  const isBest = (on: OracleBlock[]) => maybe.every((b) => (b.kind === 'in') === on.includes(b));
  if (cases.every((c) => c.result.status !== 'unavailable')) return cases.find((c) => isWorst(c.on))!.result;
  if (cases.every((c) => c.result.status === 'unavailable')) return cases.find((c) => isBest(c.on))!.result;
  const inPlay = maybe.filter((b) => b.kind === 'in' || b.kind === 'holdback' || (b.kind === 'out' && (exclusive || b.exclusive)));
  return {
    status: 'depends' as const,
    reasons: [{ code: 'depends' as const, contracts: [...new Set(inPlay.map((b) => b.contract))].sort() }],
  };
}

/** Every cell of the question, events resolved cell by cell. */
export function conditionsOracle(
  blocks: readonly ConditionalBlock[],
  events: ReadonlyMap<string, Day>,
  q: AvailsQuestion,
  horizon: number,
  countries: number,
  mediaLeaves: number,
): OracleCell[] {
  return oracleAvails(oracleBlocks(blocks, events), q, horizon, countries, mediaLeaves, -1, conditionalDay);
}
