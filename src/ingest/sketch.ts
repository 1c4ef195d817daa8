/**
 * One sentence, read for the rules: quoted (or italic) titles, money,
 * capitalized name chunks classified as company, person, territory,
 * festival/market/ceremony, prize, section, nationality or unknown, and the
 * lower-case words between them. The rules match a *sketch* of the sentence:
 * one code per item ("C3" a company, "T5" a title, "R2" a territory, plain
 * lower-case words as written), so
 *
 *   Neon has nabbed North American rights to Chinese director Zhang Yimou's "One Second."
 *
 * reads `C0 has nabbed R1 rights to N2 director P3 's T4 .` Every item keeps
 * its character span in the article.
 *
 * Beside it: sketchWords.ts (the words and patterns it reads with),
 * nameShapes.ts (what a capitalized chunk is), registry.ts (the names the
 * article has introduced so far).
 */
import { nameKey } from './names.js';
import {
  AWARDS,
  COMPANY_NOUNS,
  COMPANY_SUFFIXES,
  AWARD_HEADS,
  AWARD_KEYS,
  KNOWN_COMPANY_KEYS,
  MONTHS,
  NOT_NAMES,
  PERSON_ROLE_WORDS,
  WEEKDAYS,
  findEvent,
  isKnownSection,
} from './lexicon.js';
import { ABBREV_DOT, CONNECTORS, HEADLINE_WORDS, MEDIA_ACRONYMS, MOD_RE, TOKEN_RE, looksLikeTitle, spokenQuote } from './sketchWords.js';
import { type EntKind, type Item, type Registry, learn } from './registry.js';
import { companyBySurface, isAwardName, isCapToken, parseMoneyToken, personShaped, resolveShort, territoryOf } from './nameShapes.js';

export interface Sketch {
  items: Item[];
  /** The sketch tokens (lower-case words, codes, punctuation); "the" before a territory or festival is left out. */
  tokens: string[];
  /** The item each token stands for. */
  tokenItem: number[];
  /** The tokens joined by single spaces. */
  text: string;
  /** Offset of each token in `text`. */
  offsets: number[];
}

export interface SketchOptions {
  /** Title spans known from the HTML (italics), as article offsets. */
  titleSpans?: Array<[number, number]>;
  /** Title spans guessed from context (titles.ts): dropped when the article knows the name as a person or company. */
  guessedTitleSpans?: Array<[number, number]>;
  /** The full title of a guessed span the text shortens ("4 Days…"), by the span's text. */
  fullTitles?: ReadonlyMap<string, string>;
  registry: Registry;
  /** A headline in Title Case: common words are read as words, not names. */
  headline?: boolean;
  /**
   * The article's sentences as read so far (newSketchMemo): the article is read twice, and the second reading
   * of a sentence starts from the first's items instead of tokenizing and chunking it again.
   */
  memo?: SketchMemo;
}

/**
 * Sentences already tokenized and chunked, by their span and the title spans read in them: everything a
 * sketch is made of before the registry classifies its names (that part depends on what the article has
 * taught so far, and is done every time). For one article only.
 */
export type SketchMemo = Map<string, readonly Item[]>;

export function newSketchMemo(): SketchMemo {
  return new Map();
}

/** Reads one sentence (article offsets [start, end)) into items and a sketch. */
/** A festival's section the text quotes (`in the 'Un Certain Regard' section`): no film. */
const quotedSection = (text: string) => /\s/.test(text) && isKnownSection(text);

/** Whether the capitalized words from i name a company the gazetteer knows ("Film Movement" in a Title Case headline). */
function opensKnownCompany(raw: Item[], i: number): boolean {
  let name = raw[i].text;
  for (let k = i + 1; k < i + 4 && raw[k]?.kind === 'word' && isCapToken(raw[k].text); k++) {
    name += ` ${raw[k].text}`;
    if (KNOWN_COMPANY_KEYS.has(nameKey(name))) return true;
  }
  return false;
}

export function sketchSentence(view: string, start: number, end: number, opts: SketchOptions): Sketch {
  const items: Item[] = [];
  const spans: Array<{ s: number; e: number; item: Item | null }> = [];
  // 1. quotes: titles and other quoted text
  const qs: number[] = [];
  for (let i = start; i < end; i++) if (view[i] === '"') qs.push(i);
  for (let q = 0; q + 1 < qs.length; q += 2) {
    const s = qs[q] + 1;
    const e = qs[q + 1];
    const raw = view.slice(s, e);
    let innerEnd = s + raw.replace(/[\s,.;:!?]+$/, '').length;
    // a possessive written inside the quotes ("Ana's Tree's" release): the title without it
    if (/\p{L}{2}'s$/u.test(view.slice(s, innerEnd)) && /^[ ]\p{Ll}/u.test(view.slice(e + 1, e + 3))) innerEnd -= 2;
    const innerStart = s + (raw.length - raw.trimStart().length);
    const text = view.slice(innerStart, innerEnd);
    // "will release T under the title “T2” in Japan": another name of a film named before, no film of its own (a name in
    // parentheses, "T (aka “T2”)", the deal rules step past)
    const alias = /\bunder the (?:[\p{Ll}-]+ )?title\s*$/u.test(view.slice(Math.max(start, qs[q] - 40), qs[q]));
    const isTitle =
      !alias &&
      looksLikeTitle(raw) &&
      !quotedSection(text) &&
      !spokenQuote(raw, view.slice(Math.max(start, qs[q] - 24), qs[q]), view.slice(e + 1, e + 40));
    spans.push({ s: qs[q], e: e + 1, item: { kind: isTitle ? 'title' : 'quote', text, start: innerStart, end: innerEnd, code: '' } });
  }
  // single-quoted titles in headlines and some outlets: 'The Salt Flats'
  const sq = /(?<![\p{L}\p{N}])'(\p{Lu}[^'"]*?(?:'s\b[^'"]*?)?)'(?![\p{L}\p{N}])/gu;
  const segment = view.slice(start, end);
  for (let m = sq.exec(segment); m; m = sq.exec(segment)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (spans.some((x) => s < x.e && e > x.s)) continue;
    if (!looksLikeTitle(m[1])) continue;
    const text = m[1].replace(/[\s,.;:!?]+$/, '');
    if (quotedSection(text)) continue;
    spans.push({ s, e, item: { kind: 'title', text, start: s + 1, end: s + 1 + text.length, code: '' } });
  }
  for (const [s, e] of opts.titleSpans ?? []) {
    if (s < start || e > end || spans.some((x) => s < x.e && e > x.s)) continue;
    const text = view.slice(s, e).replace(/[\s,.;:!?]+$/, '');
    if (!text.trim()) continue;
    spans.push({ s, e, item: { kind: 'title', text, start: s, end: s + text.length, code: '' } });
  }
  for (const [s, e] of opts.guessedTitleSpans ?? []) {
    if (s < start || e > end || spans.some((x) => s < x.e && e > x.s)) continue;
    const text = view.slice(s, e);
    if (opts.registry.kinds.has(nameKey(text))) continue;
    spans.push({ s, e, item: { kind: 'title', text: opts.fullTitles?.get(text) ?? text, start: s, end: e, code: '' } });
  }
  spans.sort((a, b) => a.s - b.s);

  // 2. tokens between the quotes (or the first reading's items, with the same title spans)
  const memoKey = opts.memo ? `${start}:${end}:${opts.headline ? 1 : 0}:${spans.map((x) => `${x.s}-${x.e}`).join(',')}` : '';
  const read = opts.memo?.get(memoKey);
  if (read) {
    const again = read.map(copyItem);
    classify(again, opts.registry);
    return buildSketch(again);
  }
  const raw: Item[] = [];
  let cursor = start;
  for (const sp of spans) {
    tokenize(view, cursor, sp.s, raw);
    raw.push(sp.item!);
    // punctuation written inside the closing quote ("Ailey,") still separates the list
    const inside = view.slice(sp.item!.end, sp.e).replace(/["'\s]/g, '');
    if (/^[,;:]/.test(inside)) raw.push({ kind: 'punct', text: inside[0], start: sp.item!.end, end: sp.item!.end + 1, code: inside[0] });
    cursor = sp.e;
  }
  tokenize(view, cursor, end, raw);

  // 3. capitalized chunks
  const sentenceStart = raw.findIndex((r) => r.kind !== 'punct');
  let i = 0;
  while (i < raw.length) {
    const r = raw[i];
    if (
      r.kind !== 'word' ||
      !isCapToken(r.text) ||
      (opts.headline && HEADLINE_WORDS.has(r.text.toLowerCase()) && !opensKnownCompany(raw, i)) ||
      MEDIA_ACRONYMS.has(r.text.toLowerCase())
    ) {
      if (r.kind === 'word' && MEDIA_ACRONYMS.has(r.text.toLowerCase())) r.text = r.text.toLowerCase();
      items.push(r);
      i++;
      continue;
    }
    // gather the chunk
    let j = i;
    const parts: Item[] = [r];
    while (
      (!parts[parts.length - 1].possessive ||
        (raw[j + 1]?.kind === 'word' && isCapToken(raw[j + 1].text) && knownWith(raw, parts, raw[j + 1]))) &&
      j + 1 < raw.length
    ) {
      if (parts[parts.length - 1].possessive) {
        const last = parts[parts.length - 1];
        const apostropheS = view[last.end] === "'" && view[last.end + 1] === 's';
        parts[parts.length - 1] = {
          ...last,
          text: `${last.text}'${apostropheS ? 's' : ''}`,
          possessive: false,
          end: last.end + (apostropheS ? 2 : 1),
        };
      }
      const n = raw[j + 1];
      if (
        n.kind === 'word' &&
        isCapToken(n.text) &&
        n.start - parts[parts.length - 1].end <= 1 &&
        !(opts.headline && HEADLINE_WORDS.has(n.text.toLowerCase())) &&
        (!MEDIA_ACRONYMS.has(n.text.toLowerCase()) || tvOfName(raw, j + 1))
      ) {
        parts.push(n);
        j++;
        continue;
      }
      // a number that belongs to a name: "GDH 559", "Studio 8" (not a year, not a count of things)
      const after = raw[j + 2];
      if (
        n.kind === 'word' &&
        /^\d{1,4}$/.test(n.text) &&
        !/^(?:19|20)\d{2}$/.test(n.text) &&
        /^\p{Lu}{2,}$|^Studio$|^Channel$|^Film$/u.test(parts[parts.length - 1].text) &&
        (!after || after.kind === 'punct' || (after.kind === 'word' && /^(?:and|is|was|has|will|produced|which|with)$/.test(after.text)))
      ) {
        parts.push(n);
        j++;
        continue;
      }
      // a connector between capitalized words: "Guillermo del Toro", "Film & TV"
      const n2 = raw[j + 2];
      if (n.kind === 'word' && CONNECTORS.has(n.text.toLowerCase()) && n2 && n2.kind === 'word' && isCapToken(n2.text)) {
        parts.push(n, n2);
        j += 2;
        continue;
      }
      break;
    }
    // "of" joins only names the lexicon knows: "Heart of Sarajevo", "Museum of ..."
    if (raw[j + 1]?.kind === 'word' && raw[j + 1].text === 'of' && raw[j + 2]?.kind === 'word' && isCapToken(raw[j + 2].text)) {
      let k = j + 2;
      while (raw[k + 1]?.kind === 'word' && isCapToken(raw[k + 1].text) && !raw[k].possessive) k++;
      const joined = [...parts, raw[j + 1], ...raw.slice(j + 2, k + 1)].map((p) => p.text).join(' ');
      if (findEvent(joined) || (isAwardName(joined) && AWARD_KEYS.has(nameKey(joined))) || KNOWN_COMPANY_KEYS.has(nameKey(joined))) {
        parts.push(raw[j + 1], ...raw.slice(j + 2, k + 1));
        j = k;
      }
    }
    // drop leading words that are not names ("Ahead", "The", "Meanwhile"), unless the whole is known
    const whole = parts.map((p) => p.text).join(' ');
    let lead = 0;
    if (!KNOWN_COMPANY_KEYS.has(nameKey(whole)) && !findEvent(whole) && !isAwardName(whole)) {
      while (
        lead < parts.length &&
        (NOT_NAMES.has(parts[lead].text.toLowerCase()) ||
          (lead === 0 &&
            i === sentenceStart &&
            MONTHS.includes(parts[lead].text.toLowerCase()) === false &&
            NOT_NAMES.has(parts[lead].text.toLowerCase())))
      ) {
        items.push({ ...parts[lead], kind: 'word', possessive: parts[lead].possessive });
        lead++;
      }
    }
    const chunk = parts.slice(lead);
    if (chunk.length) items.push(...splitChunk(chunk));
    i = j + 1;
  }

  // 4. classify and code
  // what the registry does not decide, kept for the second reading (copies: classify writes into the items)
  opts.memo?.set(memoKey, items.map(copyItem));
  classify(items, opts.registry);
  return buildSketch(items);
}

const copyItem = (it: Item): Item => ({ ...it });

/** The words, money and punctuation of the article's text [from, to), added to `raw`. */
function tokenize(view: string, from: number, to: number, raw: Item[]): void {
  const part = view.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(part); m; m = TOKEN_RE.exec(part)) {
    let text = m[0];
    const s = from + m.index;
    let e = s + text.length;
    const money =
      /^(?:US\$|A\$|C\$|CA\$|HK\$|NZ\$|R\$|S\$|NT\$|MX\$|[$€£¥₩₹]|RMB|[A-Z]{3})\s?\d/.test(text) ||
      /^\d[\d,.]*\s?(?:million|billion)\s\p{L}/u.test(text)
        ? parseMoneyToken(text)
        : undefined;
    if (money) {
      raw.push({ kind: 'money', text, start: s, end: e, money, code: '' });
      continue;
    }
    if (/^[,;:()[\]–—.!?]$|^-{1,2}$/.test(text)) {
      raw.push({ kind: 'punct', text, start: s, end: e, code: text === '—' || text === '–' || text === '--' ? '-' : text });
      continue;
    }
    // a middle initial ("Ana M. Ruiz"): one name, not a name, a full stop and another name
    const prev = raw[raw.length - 1];
    const initial =
      /^\p{Lu}$/u.test(text) &&
      view[e] === '.' &&
      /^[ ]\p{Lu}\p{Ll}/u.test(view.slice(e + 1, e + 4)) &&
      prev?.kind === 'word' &&
      !prev.possessive &&
      /^\p{Lu}\p{Ll}/u.test(prev.text) &&
      prev.end === s - 1;
    if (view[e] === '.' && (initial || ABBREV_DOT.has(text.toLowerCase()))) {
      e++;
      text += '.';
      TOKEN_RE.lastIndex++;
    }
    let possessive = false;
    if (/['’]s$/.test(text) && text.length > 2) {
      possessive = true;
      text = text.slice(0, -2);
      e -= 2;
    } else if (/s$/.test(text) && view[e] === "'" && !/[\p{L}]/u.test(view[e + 1] ?? '')) {
      possessive = true; // Campos' film
    }
    raw.push({ kind: 'word', text, start: s, end: e, possessive, code: '' });
  }
}

/** Whether a possessive chunk goes on into a name the lexicon knows ("People's Choice Award", "Directors' Fortnight"). */
function knownWith(raw: Item[], ps: Item[], next: Item): boolean {
  const joined = `${ps.map((p) => p.text).join(' ')}' ${next.text}`;
  const joined2 = `${ps.map((p) => p.text).join(' ')}'s ${next.text}`;
  if ([joined, joined2].some((x) => isKnownSection(x) || AWARD_KEYS.has(nameKey(x)) || KNOWN_COMPANY_KEYS.has(nameKey(x)))) return true;
  // "People's Choice Award", "Directors' Fortnight Prize": a possessive inside a prize name
  let k2 = raw.indexOf(next);
  const rest: string[] = [];
  while (k2 >= 0 && k2 < raw.length && raw[k2].kind === 'word' && isCapToken(raw[k2].text)) {
    rest.push(raw[k2].text);
    if (raw[k2].possessive) break;
    k2++;
  }
  return (
    (rest.length >= 1 && /^(?:Award|Awards|Prize|Week|Fortnight|Choice|Jury)$/.test(rest[0])) ||
    AWARD_HEADS.some((h) => rest[rest.length - 1] === h)
  );
}

/** One name of a chunk's parts. */
function make(ps: Item[]): Item {
  const text = ps
    .map((p) => p.text)
    .join(' ')
    .replace(/\s+(['’])/g, '$1');
  return { kind: 'ent', text, start: ps[0].start, end: ps[ps.length - 1].end, possessive: ps[ps.length - 1].possessive, code: '' };
}

/** Splits a chunk into known parts: "Cannes Competition" → event + section, "Oscar-winning" → award + mod, months. */
function splitChunk(parts: Item[]): Item[] {
  const out: Item[] = [];
  let k = 0;
  while (k < parts.length) {
    const p = parts[k];
    // ordinals and years written with capitals around them: "69th Berlin ..."
    const ord = /^(\d+)(?:st|nd|rd|th)$/i.exec(p.text);
    if (ord) {
      out.push({ ...p, kind: 'word', code: '' });
      k++;
      continue;
    }
    if (/^(?:19|20)\d{2}$/.test(p.text)) {
      out.push({ ...p, kind: 'word', code: '' });
      k++;
      continue;
    }
    const mod = MOD_RE.exec(p.text);
    if (mod) {
      const head = { ...p, text: mod[1], end: p.start + mod[1].length };
      const ent = make([head]);
      ent.mod = mod[2].toLowerCase();
      ent.possessive = false;
      out.push(ent);
      k++;
      continue;
    }
    // ("September Films", "August Entertainment": a company named after a month)
    const monthCompany =
      /^(?:Films?|Pictures|Entertainment|Distribution|Releasing|Media|Productions|Studios?)$/.test(parts[k + 1]?.text ?? '') &&
      parts[k + 1]?.start === p.end + 1;
    if (
      !monthCompany &&
      (MONTHS.includes(p.text.toLowerCase()) ||
        WEEKDAYS.includes(p.text.toLowerCase()) ||
        /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/.test(p.text))
    ) {
      out.push({ ...p, kind: 'ent', ent: 'date', code: '' });
      k++;
      continue;
    }
    // the longest known prefix: event, then section/award/territory
    let best = 0;
    let bestKind: EntKind | null = null;
    const restText = parts
      .slice(k)
      .map((x) => x.text)
      .join(' ');
    if (KNOWN_COMPANY_KEYS.has(nameKey(restText))) {
      out.push(make(parts.slice(k)));
      break;
    }
    if (isKnownSection(restText) && !findEvent(restText)) {
      const ent = make(parts.slice(k));
      ent.ent = 'section';
      out.push(ent);
      break;
    }
    for (let n = parts.length - k; n >= 1; n--) {
      const text = parts
        .slice(k, k + n)
        .map((x) => x.text)
        .join(' ');
      const ev = findEvent(text);
      // "Oscar Isaac" is a person, not the Oscars; "Cannes Competition" is a festival and its section
      if (
        ev &&
        !(
          n === 1 &&
          parts.length - k === 2 &&
          !isKnownSection(parts[k + 1].text) &&
          !AWARDS.includes(parts[k + 1].text) &&
          /^\p{Lu}[\p{Ll}]+$/u.test(parts[k + 1].text) &&
          (ev.kind === 'awards' || !/^(?:Film|Festival|Market|Awards?|Fest|International|Days|Film Festival)$/.test(parts[k + 1].text))
        )
      ) {
        best = n;
        bestKind = 'event';
        break;
      }
    }
    if (!bestKind) {
      for (let n = parts.length - k; n >= 1; n--) {
        const slice = parts.slice(k, k + n);
        const text = slice.map((x) => x.text).join(' ');
        if (n < parts.length - k && slice[slice.length - 1].possessive === false && n === 0) continue;
        // a one-word section at the front of a name a corporate word closes is the company's first word ("Harbour Lane Pictures")
        const companyName = n === 1 && parts.length - k > 1 && COMPANY_SUFFIXES.has(parts[parts.length - 1].text.toLowerCase());
        if (isKnownSection(text) && n >= 1 && !companyName) {
          best = n;
          bestKind = 'section';
          break;
        }
        if (
          AWARD_KEYS.has(nameKey(text)) &&
          !(
            n === 1 &&
            parts.length - k === 2 &&
            /^\p{Lu}[\p{Ll}]+$/u.test(parts[k + 1].text) &&
            !isAwardName(
              parts
                .slice(k)
                .map((x) => x.text)
                .join(' '),
            )
          )
        ) {
          best = n;
          bestKind = 'award';
          break;
        }
        const terr = n <= 4 ? territoryOf(text) : undefined;
        if (terr && (n > 1 || n === parts.length - k || !/^\p{Lu}[\p{Ll}]+$/u.test(parts[k + 1]?.text ?? 'x') || terr.demonym)) {
          // a territory only when it is the whole rest or a clear prefix ("Spanish thriller" has a lower-case word after)
          if (n === parts.length - k || terr.demonym) {
            best = n;
            bestKind = terr.demonym ? 'nationality' : 'territory';
            break;
          }
        }
      }
    }
    if (bestKind && best > 0) {
      const ent = make(parts.slice(k, k + best));
      ent.ent = bestKind;
      out.push(ent);
      k += best;
      continue;
    }
    // no known prefix: the rest is one name, unless a known part starts later ("Mubi Nabs" in body text stays one)
    let cut = parts.length;
    for (let s = k + 1; s < parts.length; s++) {
      const rest = parts
        .slice(s)
        .map((x) => x.text)
        .join(' ');
      // a sponsor's name before a prize is part of it: "Grolsch People's Choice Award"
      if (AWARD_KEYS.has(nameKey(rest)) && s - k === 1 && !parts[k].possessive) {
        const ent = make(parts.slice(k));
        ent.ent = 'award';
        out.push(ent);
        return out;
      }
      if (findEvent(rest) || isKnownSection(rest) || AWARD_KEYS.has(nameKey(rest))) {
        cut = s;
        break;
      }
    }
    out.push(make(parts.slice(k, cut)));
    k = cut;
  }
  return out;
}

function classify(items: Item[], reg: Registry): void {
  for (let idx = 0; idx < items.length; idx++) {
    const it = items[idx];
    if (it.kind !== 'ent') continue;
    if (it.ent === 'date') continue;
    const text = it.text;
    if (it.mod && /^(?:based|born|headquartered|set|owned)$/.test(it.mod)) {
      // "Rome-based", "Berlin-born": a place, never the festival
      it.ent = 'other';
      it.name = text;
      continue;
    }
    if (it.ent === 'event' || (!it.ent && findEvent(text))) {
      it.ent = 'event';
      it.event = findEvent(text);
      it.name = it.event?.name ?? text;
      continue;
    }
    if (it.mod === 'winning' || it.mod === 'nominated') {
      const ev = findEvent(text);
      it.ent = ev ? 'event' : 'award';
      if (ev) it.event = ev;
      it.name = ev?.name ?? text;
      continue;
    }
    if (it.ent === 'section' || it.ent === 'award') {
      it.name = text;
      continue;
    }
    if (it.ent === 'territory' || it.ent === 'nationality') {
      const t = territoryOf(text);
      it.territory = t?.expr;
      it.name = text;
      continue;
    }
    if (isKnownSection(text)) {
      it.ent = 'section';
      it.name = text;
      continue;
    }
    if (isAwardName(text)) {
      it.ent = 'award';
      it.name = text;
      continue;
    }
    const prevItem = items[idx - 1];
    if (prevItem?.kind === 'ent' && prevItem.mod === 'based' && !personShaped(text)) {
      it.ent = 'company';
      it.name = text;
      learn(reg, text, 'company');
      continue;
    }
    if (prevItem?.kind === 'ent' && prevItem.mod === 'based') {
      it.ent = 'company';
      it.name = text;
      continue;
    }
    const terr = territoryOf(text);
    if (terr && !reg.kinds.has(nameKey(text)) && resolveShort(reg, text)?.kind !== 'person') {
      it.ent = terr.demonym ? 'nationality' : 'territory';
      it.territory = terr.expr;
      it.name = text;
      continue;
    }
    // people and companies
    const short = resolveShort(reg, text);
    if (short) {
      it.ent = short.kind;
      it.name = short.name;
      continue;
    }
    if (/\sProduction$/.test(text) && /^an?$/i.test(items[idx - 1]?.text ?? '')) {
      // "is a Huanxi Media Group Production"
      it.ent = 'company';
      it.name = text.replace(/\s+Production$/, '');
      learn(reg, it.name, 'company');
      continue;
    }
    if (companyBySurface(text)) {
      it.ent = 'company';
      it.name = text.replace(/^The\s+(?=\S+\s+\S)/, (m) => (KNOWN_COMPANY_KEYS.has(nameKey(text)) ? m : ''));
      if (text.split(/\s+/).length > 1 || KNOWN_COMPANY_KEYS.has(nameKey(text))) learn(reg, it.name, 'company');
      continue;
    }
    const prev = prevWords(items, idx, 3);
    // "Russian net X", "SVOD service X", "pubcaster X": a name right after the noun of a buyer's trade is a company
    if (COMPANY_NOUNS.has(prev[0] ?? '')) {
      it.ent = 'company';
      it.name = text;
      learn(reg, text, 'company');
      continue;
    }
    if (prev.some((w) => PERSON_ROLE_WORDS.has(w)) && personShaped(text)) {
      it.ent = 'person';
      it.name = text;
      learn(reg, text, 'person');
      continue;
    }
    it.ent = 'name';
    it.name = text;
  }
}

/**
 * "Star TV bought", "Kestrel TV (Korea)": `TV` after a name is the name's last word, unless a noun it describes
 * follows ("ERT TV rights", "HBO TV series").
 */
function tvOfName(raw: Item[], k: number): boolean {
  // (never "French TV", "Italian TV": the medium of a country)
  const prev = raw[k - 1]?.text ?? '';
  if (raw[k].text !== 'TV' || NOT_NAMES.has(prev.toLowerCase()) || territoryOf(prev)) return false;
  const next = raw[k + 1];
  if (!next) return true;
  if (next.kind !== 'word') return next.text === '(' || next.text === ',' || next.text === '.' || next.text === ';';
  return !/^(?:rights|deal|deals|series|show|shows|premiere|sales|license|licence|licensing|broadcast|broadcasts|movie|movies|film|films|version|adaptation|channel|channels|network|networks|station|stations|drama|dramas|debut|window|windows|and|or|\/|\p{Lu}.*)$/u.test(
    next.text,
  );
}

function prevWords(items: Item[], idx: number, n: number): string[] {
  const out: string[] = [];
  for (let k = idx - 1; k >= 0 && out.length < n; k--) {
    const p = items[k];
    if (p.kind === 'word') out.push(p.text.toLowerCase());
    else if (p.kind === 'ent' && (p.ent === 'nationality' || p.ent === 'territory')) out.push('#nat');
    else break;
  }
  return out;
}

const CODE: Record<EntKind, string> = {
  company: 'C',
  person: 'P',
  name: 'E',
  territory: 'R',
  event: 'F',
  award: 'A',
  section: 'S',
  nationality: 'N',
  date: 'D',
  other: 'X',
};

export function buildSketch(items: Item[]): Sketch {
  const tokens: string[] = [];
  const tokenItem: number[] = [];
  items.forEach((it, n) => {
    it.code =
      it.kind === 'title'
        ? `T${n}`
        : it.kind === 'quote'
          ? `Q${n}`
          : it.kind === 'money'
            ? `M${n}`
            : it.kind === 'ent'
              ? `${CODE[it.ent ?? 'name']}${n}`
              : it.kind === 'punct'
                ? it.text
                : it.text.toLowerCase();
  });
  items.forEach((it, n) => {
    const next = items[n + 1];
    if (
      it.kind === 'word' &&
      /^the$/i.test(it.text) &&
      next?.kind === 'ent' &&
      ['territory', 'event', 'award', 'section'].includes(next.ent ?? '')
    )
      return;
    tokens.push(it.possessive && it.kind !== 'punct' ? `${it.code}'s` : it.code);
    tokenItem.push(n);
  });
  const offsets: number[] = [];
  let len = 0;
  for (const t of tokens) {
    offsets.push(len);
    len += t.length + 1;
  }
  return { items, tokens, tokenItem, text: tokens.join(' '), offsets };
}

/** The token index at a character offset of `sketch.text`. */
export function tokenAt(sk: Sketch, offset: number): number {
  let lo = 0;
  let hi = sk.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sk.offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The item a code names ("C3" → items[3]). */
export function itemOf(sk: Sketch, code: string): Item {
  const n = Number(/\d+/.exec(code)![0]);
  return sk.items[n];
}

export { cloneRegistry, learn, newRegistry, type EntKind, type Item, type Registry } from './registry.js';
export { looksLikeTitle } from './sketchWords.js';
export { resolveShort, territoryOf } from './nameShapes.js';
