import { BEGINNING, PERPETUITY } from './dates.js';
import { meetsWindow, type AvailsQuestion } from './availsRule.js';

/**
 * The catalog's short path: the available periods of one place whose blocks
 * are given as columns, as the rule (availsRule.ts) gives them, without
 * building outcomes and reasons. rightsIndex.ts uses it for titles whose
 * blocks all cover the whole question.
 */

/**
 * The periods, inside the window, in which one place (a territory x media x
 * language cell, or many cells covered by exactly the same blocks) is
 * available, after the match rule and the minimum window: the `available`
 * segments `applyMatch(timeline(blocks))` would give, without building
 * outcomes and reasons. Blocks are given as columns (kind 0 in, 1 out,
 * 2 hold, 3 holdback), `n` of them; returns [start, end, start, end, ...]
 * (in `out` when given; `points` is scratch space).
 */
export function availableRuns(
  n: number,
  kind: ArrayLike<number>,
  exclusive: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  q: AvailsQuestion,
  scratch: RunScratch = new RunScratch(),
): RunScratch {
  // the days where something starts or ends, in order (a handful: insertion sort, no comparator
  // closure); typed arrays, because open ends and starts (PERPETUITY, BEGINNING) are too large
  // for V8's small integers and would be boxed one by one in plain arrays
  scratch.reserve(2 * n + 1);
  const points = scratch.points;
  let nPoints = 0;
  insertSorted(points, nPoints++, BEGINNING);
  for (let i = 0; i < n; i++) {
    insertSorted(points, nPoints++, start[i]);
    if (end[i] < PERPETUITY) insertSorted(points, nPoints++, end[i] + 1);
  }
  scratch.length = 0;
  const qStart = q.start;
  const qEnd = q.end;
  const exclusiveAsked = q.exclusive;
  let runStart = 0;
  let inRun = false;
  for (let i = 0; i <= nPoints; i++) {
    // past the last point: the run (if any) ends at perpetuity
    let available = false;
    const d = i < nPoints ? points[i] : 0;
    if (i < nPoints) {
      if (i > 0 && d === points[i - 1]) continue;
      // available on d: an active rights-in (exclusive when asked so), and nothing active that blocks the grant
      let granted = false;
      let blocked = false;
      for (let b = 0; b < n && !blocked; b++) {
        if (start[b] > d || end[b] < d) continue;
        const k = kind[b];
        if (k === 0) granted ||= !exclusiveAsked || exclusive[b] === 1;
        else if (k === 3 || exclusiveAsked || exclusive[b] === 1) blocked = true;
      }
      available = granted && !blocked;
    }
    if (available && !inRun) {
      runStart = d;
      inRun = true;
    } else if (!available && inRun) {
      inRun = false;
      const s = runStart;
      const e = i < nPoints ? d - 1 : PERPETUITY;
      // keep the run, clipped to the window, if it meets the match rule and the minimum window
      if (e < qStart || s > qEnd) continue;
      if (meetsWindow(s, e, q)) scratch.push(Math.max(s, qStart), Math.min(e, qEnd));
    }
  }
  return scratch;
}

/** Inserts x into the sorted points[0 .. n). */
function insertSorted(points: Int32Array, n: number, x: number): void {
  let i = n;
  while (i > 0 && points[i - 1] > x) {
    points[i] = points[i - 1];
    i--;
  }
  points[i] = x;
}

/** Space for availableRuns, reused from call to call: the runs found are `runs[0 .. length)`, start and end by pairs. */
export class RunScratch {
  points = new Int32Array(64);
  runs = new Int32Array(64);
  length = 0;

  reserve(points: number): void {
    if (this.points.length < points) this.points = new Int32Array(points * 2);
    // at most one run per point, two numbers each
    if (this.runs.length < 2 * points + 2) this.runs = new Int32Array(points * 4 + 4);
  }

  push(start: number, end: number): void {
    this.runs[this.length++] = start;
    this.runs[this.length++] = end;
  }
}
