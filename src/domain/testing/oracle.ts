/**
 * The brute-force oracle: availability decided cell by cell and day by day,
 * straight from the words of DOMAIN.md, with no classes, no timelines and no
 * shared code with the engine beyond the block type. Used by property tests
 * and as the baseline of the benchmark. Days must lie in [0, horizon];
 * blocks end by `horizon` or never.
 */
import { has } from '../bitset.js';
import { PERPETUITY, type Day } from '../dates.js';
import type { AvailsQuestion, ReasonCode } from '../avails.js';
import type { RightsBlock } from '../rights.js';

export interface OracleCell {
  country: number;
  media: number;
  language: string;
  day: Day;
  status: 'available' | 'on-hold' | 'unavailable';
  reasons: Array<{ code: ReasonCode; contracts: string[] }>;
}

function langCovers(langs: readonly string[] | null, atom: string): boolean {
  return langs === null || langs.includes(atom);
}

function dayStatus(blocks: readonly RightsBlock[], country: number, media: number, language: string, day: Day, exclusive: boolean) {
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
        for (let d = lo; d <= hi; d++) days.push(dayStatus(blocks, c, m, l, d, q.exclusive));
        const st = { get: (d: Day) => days[d - lo] };
        const qEnd = Math.min(q.end, hi);
        for (let d = q.start; d <= qEnd; d++) {
          const s = st.get(d)!;
          let status = s.status;
          let reasons = s.reasons;
          if (status === 'available') {
            let runStart = d;
            while (runStart - 1 >= lo && st.get(runStart - 1)!.status === 'available') runStart--;
            let runEnd: Day = d;
            while (runEnd + 1 <= hi && st.get(runEnd + 1)!.status === 'available') runEnd++;
            if (runEnd === hi) runEnd = PERPETUITY;
            const length = runEnd === PERPETUITY ? Infinity : runEnd - runStart + 1;
            let ok: boolean;
            if (q.match === 'cover-entire') ok = runStart <= q.start && runEnd >= q.end;
            else if (q.match === 'overlap-part') ok = true;
            else if (q.match === 'start-within') ok = runStart >= q.start && runStart <= q.end;
            else ok = runEnd >= q.start && runEnd <= q.end && runEnd !== PERPETUITY;
            if (q.minDays !== undefined && length < q.minDays) ok = false;
            if (!ok) {
              status = 'unavailable';
              reasons = [{ code: 'window-not-met', contracts: [] }];
            }
          }
          out.push({ country: c, media: m, language: l, day: d, status, reasons });
        }
      }
    }
  }
  return out;
}
