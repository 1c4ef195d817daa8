import { AVAILABLE, availableRuns, RunScratch, type AvailsQuestion } from './avails.js';
import { E_END, E_META, E_START, K_IN, STRIDE, UNDATED } from './postingLayout.js';
import { coversLanguage, OTHER_LANGUAGES, type Languages } from './rights.js';
import type { RolledRow } from './rollup.js';

/** Where OnePlaceRows finds a block's entry (block position → posting list and slot). */
interface Columns {
  postings: readonly Int32Array[];
  pairOf: Int32Array;
  slot: Int32Array;
  languageSets: readonly Languages[];
}

/**
 * The available rows of titles whose touching blocks all contain the whole
 * question's territories and media: per language (the languages those blocks
 * name, and every other language), the available periods of one timeline;
 * languages available over the same period share a row, and rows that say
 * the same thing for several titles are one row. These are exactly the
 * available rows the full rollup gives such a title (checked against it and
 * the oracle in rightsIndex.property.test.ts).
 */
const NONE: readonly string[] = [];
const ONLY_OTHER_LANGUAGES: readonly string[] = [OTHER_LANGUAGES];

export class OnePlaceRows {
  // reused from title to title: this runs for thousands of titles per question, and garbage
  // made per title (hundreds of KB per question) costs more in collections than the work itself
  /** Rows for all languages, by start then end (no key strings for the common case). */
  private readonly allLanguages = new Map<number, Map<number, RolledRow>>();
  /** Rows for some languages, by a key of period and languages. */
  private readonly someLanguages = new Map<string, RolledRow>();
  private readonly scratch = new RunScratch();
  private readonly named: string[] = [];
  private kind = new Int32Array(64);
  private exclusive = new Int32Array(64);
  private start = new Int32Array(64);
  private end = new Int32Array(64);
  private readonly askedLanguages: string[] | null;

  constructor(
    private readonly q: AvailsQuestion,
    private readonly c: Columns,
    private readonly chainHead: Int32Array,
    private readonly chainNext: Int32Array,
    private readonly chainBlock: Int32Array,
  ) {
    this.askedLanguages = q.languages === null ? null : [...new Set(q.languages)].sort();
  }

  /** Adds the rows of title t; false when it has none. */
  add(t: number, id: string): boolean {
    const { c, chainHead, chainNext, chainBlock, named } = this;
    // the language atoms: the question's languages, or those the blocks name and all the others
    let atoms: readonly string[];
    if (this.askedLanguages !== null) atoms = this.askedLanguages;
    else {
      named.length = 0;
      for (let k = chainHead[t]; k >= 0; k = chainNext[k]) {
        const p = chainBlock[k];
        const l = c.languageSets[c.postings[c.pairOf[p]][c.slot[p] * STRIDE + E_META] >>> 4];
        if (l !== null) for (const x of l) if (!named.includes(x)) named.push(x);
      }
      atoms = named.length ? [...named.sort(), OTHER_LANGUAGES] : ONLY_OTHER_LANGUAGES;
    }
    if (atoms.length === 1) {
      // one language atom (the common case): each available period is a row
      const { runs, length } = this.runsOf(t, atoms[0]);
      const languages = atoms[0] === OTHER_LANGUAGES ? null : atoms;
      for (let i = 0; i < length; i += 2) this.addRow(id, runs[i], runs[i + 1], languages, NONE);
      return length > 0;
    }
    // per atom, its available periods; atoms available over the same period share a row
    const periods = new Map<string, { start: number; end: number; atoms: string[] }>();
    for (const atom of atoms) {
      const { runs, length } = this.runsOf(t, atom);
      for (let i = 0; i < length; i += 2) {
        const k = runs[i] + ':' + runs[i + 1];
        const e = periods.get(k);
        if (e) e.atoms.push(atom);
        else periods.set(k, { start: runs[i], end: runs[i + 1], atoms: [atom] });
      }
    }
    for (const { start, end, atoms: here } of periods.values()) {
      const all = here.includes(OTHER_LANGUAGES);
      this.addRow(id, start, end, all ? null : here, all ? atoms.filter((a) => !here.includes(a)) : NONE);
    }
    return periods.size > 0;
  }

  /** The available runs of title t for one language atom (valid until the next call). */
  private runsOf(t: number, atom: string): RunScratch {
    const { c, chainHead, chainNext, chainBlock } = this;
    let n = 0;
    for (let k = chainHead[t]; k >= 0; k = chainNext[k]) {
      if (n === this.kind.length) this.grow();
      const p = chainBlock[k];
      const list = c.postings[c.pairOf[p]];
      const e = c.slot[p] * STRIDE;
      const meta = list[e + E_META];
      if (!coversLanguage(c.languageSets[meta >>> 4], atom)) continue;
      // the available runs are those available at worst: an undated rights-in gives nothing for sure
      if ((meta & 3) === K_IN && (meta & UNDATED) !== 0) continue;
      this.kind[n] = meta & 3;
      this.exclusive[n] = (meta >> 2) & 1;
      this.start[n] = list[e + E_START];
      this.end[n] = list[e + E_END];
      n++;
    }
    return availableRuns(n, this.kind, this.exclusive, this.start, this.end, this.q, this.scratch);
  }

  private grow(): void {
    const twice = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.kind = twice(this.kind);
    this.exclusive = twice(this.exclusive);
    this.start = twice(this.start);
    this.end = twice(this.end);
  }

  /** `languages` sorted (atoms are); null with `languagesExcept`: all languages but those. */
  private addRow(id: string, start: number, end: number, languages: readonly string[] | null, languagesExcept: readonly string[]): void {
    let byEnd: Map<number, RolledRow> | undefined;
    let key = '';
    let row: RolledRow | undefined;
    if (languages === null && languagesExcept.length === 0) {
      byEnd = this.allLanguages.get(start);
      if (!byEnd) this.allLanguages.set(start, (byEnd = new Map()));
      row = byEnd.get(end);
    } else {
      key = `${start}:${end}:${languages === null ? '*' : languages.join(',')}:${languagesExcept.join(',')}`;
      row = this.someLanguages.get(key);
    }
    if (row) {
      row.titles.push(id);
      return;
    }
    row = {
      titles: [id],
      territories: this.q.territories,
      media: this.q.media,
      languages: languages === null ? null : [...languages],
      languagesExcept: [...languagesExcept],
      start,
      end,
      outcome: AVAILABLE,
    };
    if (byEnd) byEnd.set(end, row);
    else this.someLanguages.set(key, row);
  }

  *rows(): Iterable<RolledRow> {
    for (const byEnd of this.allLanguages.values()) yield* byEnd.values();
    yield* this.someLanguages.values();
  }
}
