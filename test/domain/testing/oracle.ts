/**
 * The brute-force oracle: availability decided cell by cell and day by day,
 * straight from the words of docs/domain.md, with no classes, no timelines and no
 * shared code with the engine beyond the block type. The match rule (the
 * window and minimum window, and free days on hold when only holds keep them
 * from meeting it) is the one docs/domain.md writes. Used by property tests
 * and as the baseline of the benchmark. Days must lie in [0, horizon];
 * blocks end by `horizon` or never.
 */
import { has } from '../../../src/domain/bitset.js';
import { PERPETUITY, type Day } from '../../../src/domain/dates.js';
import type { AvailsQuestion, ReasonCode } from '../../../src/domain/avails.js';
import type { RightsBlock } from '../../../src/domain/rights.js';

export interface OracleCell {
  country: number;
  media: number;
  language: string;
  day: Day;
  status: 'available' | 'on-hold' | 'depends' | 'unavailable';
  reasons: Array<{ code: ReasonCode; contracts: string[] }>;
}

function langCovers(langs: readonly string[] | null, atom: string): boolean {
  return langs === null || langs.includes(atom);
}

export function dayStatus(
  blocks: readonly RightsBlock[],
  country: number,
  media: number,
  language: string,
  day: Day,
  exclusive: boolean,
): Pick<OracleCell, 'status' | 'reasons'> {
  const here = blocks.filter((b) => has(b.territories, country) && has(b.media, media) && langCovers(b.languages, language));
  const live = here.filter((b) => b.start <= day && day <= b.end);
  const refs = (bs: RightsBlock[]) => [...new Set(bs.map((b) => b.contract))].sort();
  const rightsIn = live.filter((b) => b.kind === 'in');
  const reasons: Array<{ code: ReasonCode; contracts: string[] }> = [];
  if (rightsIn.length === 0) {
    const later = here.filter((b) => b.kind === 'in' && b.start > day);
    const earlier = here.filter((b) => b.kind === 'in' && b.end < day);
    if (later.length) reasons.push({ code: 'not-yet-started', contracts: refs(later) });
    if (earlier.length) reasons.push({ code: 'expired', contracts: refs(earlier) });
    if (!later.length && !earlier.length) reasons.push({ code: 'no-rights-in', contracts: [] });
  } else if (exclusive && !rightsIn.some((b) => b.exclusive)) {
    reasons.push({ code: 'rights-in-non-exclusive', contracts: refs(rightsIn) });
  }
  // exclusive request: any sale blocks; non-exclusive request: only exclusive sales block
  const sold = live.filter((b) => b.kind === 'out' && (exclusive || b.exclusive));
  if (sold.length) reasons.push({ code: 'rights-out-exist', contracts: refs(sold) });
  const held = live.filter((b) => b.kind === 'holdback');
  if (held.length) reasons.push({ code: 'holdback', contracts: refs(held) });
  const holds = live.filter((b) => b.kind === 'hold' && (exclusive || b.exclusive));
  const hard = reasons.length > 0;
  if (holds.length) reasons.push({ code: 'on-hold', contracts: refs(holds) });
  const status: OracleCell['status'] = hard ? 'unavailable' : holds.length ? 'on-hold' : 'available';
  return { status, reasons };
}

export function oracleLanguages(blocks: readonly RightsBlock[], q: AvailsQuestion): string[] {
  if (q.languages !== null) return [...new Set(q.languages)].sort();
  const named = new Set<string>();
  for (const b of blocks) for (const l of b.languages ?? []) named.add(l);
  return [...named, '*'].sort();
}

/** Every cell of the question, with its status and reasons. */
export function oracleAvails(
  blocks: readonly RightsBlock[],
  q: AvailsQuestion,
  horizon: number,
  countries: number,
  mediaLeaves: number,
  /** Statuses before this day equal its status (default: the day before day 0). */
  firstDay = -1,
  /** The rule for one cell on one day (conditionsOracle.ts passes its own, which resolves events). */
  cellDay: typeof dayStatus = dayStatus,
): OracleCell[] {
  const out: OracleCell[] = [];
  const langs = oracleLanguages(blocks, q);
  for (let c = 0; c < countries; c++) {
    if (!has(q.territories, c)) continue;
    for (let m = 0; m < mediaLeaves; m++) {
      if (!has(q.media, m)) continue;
      for (const l of langs) {
        // statuses from the day before day 0 to the day after the horizon; constant outside
        const lo = firstDay;
        const hi = horizon + 1;
        const days: Array<ReturnType<typeof dayStatus>> = [];
        for (let d = lo; d <= hi; d++) days.push(cellDay(blocks, c, m, l, d, q.exclusive));
        const st = { get: (d: Day) => days[d - lo] };
        const qEnd = Math.min(q.end, hi);
        // does an available period from first to last (PERPETUITY: never ends) answer the question?
        const meets = (first: Day, last: Day): boolean => {
          const length = last === PERPETUITY ? Infinity : last - first + 1;
          let ok: boolean;
          if (q.match === 'cover-entire') ok = first <= q.start && last >= q.end;
          else if (q.match === 'overlap-part') ok = true;
          else if (q.match === 'start-within') ok = first >= q.start && first <= q.end;
          else ok = last >= q.start && last <= q.end && last !== PERPETUITY;
          if (q.minDays !== undefined && length < q.minDays) ok = false;
          return ok;
        };
        // the first and last day around d whose status is allowed (the last day PERPETUITY when it reaches the horizon)
        const around = (d: Day, allowed: (s: OracleCell['status']) => boolean): [Day, Day] => {
          let first = d;
          while (first - 1 >= lo && allowed(st.get(first - 1)!.status)) first--;
          let last: Day = d;
          while (last + 1 <= hi && allowed(st.get(last + 1)!.status)) last++;
          return [first, last === hi ? PERPETUITY : last];
        };
        for (let d = q.start; d <= qEnd; d++) {
          const s = st.get(d)!;
          let status = s.status;
          let reasons = s.reasons;
          if (status === 'available') {
            const [runStart, runEnd] = around(d, (x) => x === 'available');
            if (!meets(runStart, runEnd)) {
              // would it answer if every hold on the free and held days around it fell through?
              // (a day that depends on an undated event is not free: it breaks the stretch)
              const [from, to] = around(d, (x) => x === 'available' || x === 'on-hold');
              if (meets(from, to)) {
                // the holds on those days: inside the window, or anywhere on them when a minimum window is asked
                const last = Math.min(to, hi);
                const holds = new Set<string>();
                for (let x = from; x <= last; x++) {
                  if (q.minDays === undefined && (x < q.start || x > q.end)) continue;
                  const h = st.get(x)!;
                  if (h.status === 'on-hold') for (const r of h.reasons) for (const k of r.contracts) holds.add(k);
                }
                status = 'on-hold';
                reasons = [{ code: 'on-hold', contracts: [...holds].sort() }];
              } else {
                status = 'unavailable';
                reasons = [{ code: 'window-not-met', contracts: [] }];
              }
            }
          }
          out.push({ country: c, media: m, language: l, day: d, status, reasons });
        }
      }
    }
  }
  return out;
}
