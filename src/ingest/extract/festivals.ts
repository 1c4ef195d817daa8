/**
 * Festivals and awards: what premieres, opens, closes or competes where, in
 * which section and slot; what won which award.
 */
import type { PremiereStatus, SelectionSlot } from '../../store/index.js';
import { eventYear } from '../dates.js';
import { eventOfSection, findEvent } from '../lexicon.js';
import { learn, resolveShort } from '../sketch.js';
import { type Ctx, type FestCtx, add, factsHere, festivalOf, localTense, nk, personLike } from './context.js';
import { PRONOUN_TITLE } from './words.js';
import { addCredit } from './credits.js';
import { lastTitleBefore } from './dealTerms.js';

function premiereOf(text: string): PremiereStatus | null {
  const m =
    /\b(world|international|north american|european|u\.s\.|uk|u\.k\.|canadian|asian|french|german|italian|spanish|latin american)[- ]premier/.exec(
      text,
    );
  if (!m) return null;
  const w = m[1];
  if (w === 'world') return 'world';
  if (w === 'international') return 'international';
  if (w === 'north american') return 'north-american';
  if (w === 'european') return 'european';
  return 'national';
}

const SELECTION_CUES =
  /\b(?:premieres?|premiered|premiering|world-premieres?|bows?|bowed|bowing|debuts?|debuted|debuting|plays?|played|playing|screens?|screened|screening|competes?|competed|competing|in competition|out of competition|entry|entries|selection|selected|lineup|line-up|opens?|opened|opening|opener|closes|closed|closing|closer|kicked off|kicks off|unspools|unspooled|title|titles|launch(?:es|ed)? (?:in|at)|set for|heads? to|heading to|will open|will close|sidebar|strand|section|program|programme|slot)\b/;
const PRONOUN_IN_SENTENCE =
  /\b(?:its|it|the film|the title|the movie|the (?:N\d+ )?(?:drama|documentary|doc|comedy|thriller|feature|picture|debut|animation|western|horror|chiller))\b/;

/** Opening or closing night: the festival opens/closes with the title, the title opens/closes the festival, "closing night film". */
function slotOf(text: string, fcode: string | null): SelectionSlot | null {
  const F = fcode ? `(?:${fcode}|the festival|the fest)\\b` : '(?:the festival|the fest)\\b';
  if (
    new RegExp(`\\b${F}(?:'s)? (?:will |is set to |is to |is due to )?(?:open|opens|opened|kick(?:s|ed)? off)\\b`).test(text) ||
    new RegExp(
      `\\b(?:open|opens|opened|opening|to open|kick(?:s|ed)? off|kicking off) (?:the )?(?:\\d+\\w* )?(?:edition of )?${F}(?!'s S\\d+| S\\d+)`,
    ).test(text) ||
    /\bopening[- ]night\b|\bopening (?:film|gala|selection|title)\b|(?<!S\d+ )\bopener\b/.test(text)
  )
    return 'opening-night';
  if (
    new RegExp(`\\b${F}(?:'s)? (?:will |is set to |is to |is due to )?(?:close|closes|closed|wrap|wraps)\\b(?! on)`).test(text) ||
    new RegExp(`\\b(?:close|closes|closed|closing|to close) (?:the )?(?:\\d+\\w* )?(?:edition of )?${F}(?!'s S\\d+| S\\d+)`).test(text) ||
    /\bclosing[- ]night\b|\bclosing (?:film|gala|selection|title)\b|(?<!S\d+ )\bcloser\b/.test(text)
  )
    return 'closing-night';
  return null;
}

export function extractFestival(c: Ctx): void {
  const n = c.toks.length;
  const festIdx: number[] = [];
  for (let j = 0; j < n; j++) if (/^F\d+$/.test(c.tok(j)) && c.item(j).event && c.item(j).event!.kind !== 'market') festIdx.push(j);
  const sentenceText = c.words(0, n);
  const sectionIdx = c.toks.findIndex((t) => /^S\d+$/.test(t));
  let fest: FestCtx | null = null;
  if (festIdx.length) fest = festivalOf(c, festIdx[0]);
  // a section named without its festival: "Platform title", "Gala Presentations program"
  if (!fest && sectionIdx >= 0) {
    const ev = eventOfSection(c.item(sectionIdx).text);
    if (ev)
      fest = c.st.festival?.event === ev ? c.st.festival : { event: ev, year: eventYear(ev, c.st.date, { tense: c.tense }), edition: null };
  }
  let contextual = false;
  const ctxFest = c.st.festivalParagraph === c.sent.paragraph ? c.st.festival : (c.st.mainFestival ?? c.st.festival);
  if (
    !fest &&
    ctxFest &&
    (/\bthe festival\b|\bthe fest\b|\bthe lineup\b|\bentry\b|\bentries\b|\bthe competition\b|\b(?:in|out of) competition\b|\bopener\b|\bcloser\b|\bgala title\b|\bS\d+\b/.test(
      c.sk.text,
    ) ||
      (c.st.festivalParagraph === c.sent.paragraph &&
        /\b(?:premiered|debuted|bowed|screened|world premieres?|also premiered|also debuted)\b/.test(sentenceText)))
  ) {
    fest = ctxFest;
    contextual = true;
  }
  void contextual;
  // awards first: they name winners
  extractAwards(c, fest);
  // withdrawals
  const wIdx = c.toks.findIndex((t) => /^(?:pulled|withdrawn|withdrew|yanked|removed|dropped|exited)$/.test(t));
  if (wIdx >= 0 && fest && festIdx.length && /\b(?:from|out of)\b/.test(c.words(wIdx, wIdx + 8))) {
    let title: string | null = null;
    for (let j = wIdx - 1; j >= 0; j--) {
      const [t] = c.titleAt(j);
      if (t) {
        title = t;
        break;
      }
    }
    title ??= c.st.focus ?? c.st.lead;
    let section: string | null = null;
    if (sectionIdx >= 0) section = cleanSection(c.item(sectionIdx).text);
    else if (/\bfrom (?:the )?competition\b|\bin competition\b|\bcompetition (?:lineup|slate)\b/.test(sentenceText))
      section = 'Competition';
    // the reason: after due to / because of / citing / over / after
    let reason: string | null = null;
    for (let j = wIdx; j < n; j++) {
      if (/^(?:due|because|citing|cited|over|after|amid|following|for)$/.test(c.tok(j))) {
        let k = j + 1;
        if (c.tok(j) === 'due' || c.tok(j) === 'because') k++;
        if (/^Q\d+$/.test(c.tok(k))) {
          reason = c.item(k).text;
          break;
        }
        if (c.tok(j) === 'for' && !/reasons?|concerns?/.test(c.words(k, k + 4))) continue;
        const it = c.item(k);
        if (!it) break;
        // plain words up to the next comma: "after a member of its cast tested positive for Covid-19, organisers said"
        let e = k;
        while (e < n && ![',', '.', ';', '-'].includes(c.tok(e))) e++;
        const last = c.item(e - 1);
        if (last && e > k)
          reason = c.sent.text
            .slice(it.start - c.sent.start, last.end - c.sent.start)
            .replace(/^["']|["']$/g, '')
            .trim();
        break;
      }
    }
    if (title) {
      add(
        c.st,
        'withdrawal',
        { title, festival: fest.event.name, year: fest.year, edition: fest.edition, section, reason },
        0.85,
        c.span(),
      );
      c.st.focus = title;
    }
    c.st.festival = fest;
    c.st.festivalParagraph = c.sent.paragraph;
    return;
  }
  if (!fest) return;
  c.st.festival = fest;
  if (festIdx.length) c.st.festivalParagraph = c.sent.paragraph;
  if (festIdx.length && !c.st.mainFestival && fest.event.kind === 'festival') c.st.mainFestival = fest;
  if (fest.event.kind === 'awards' && festIdx.length === 1) return;
  // festival references: festivals named, and sections that name theirs ("Midnight Madness opener")
  const refs: Array<{ ctx: FestCtx; at: number }> = [];
  for (const j of festIdx) if (c.item(j).event!.kind === 'festival') refs.push({ ctx: festivalOf(c, j), at: j });
  for (let j = 0; j < n; j++) {
    if (!/^S\d+$/.test(c.tok(j)) || refs.some((r) => r.at >= 0 && Math.abs(r.at - j) <= 3)) continue;
    const ev = eventOfSection(c.item(j).text);
    if (!ev) continue;
    const ctx =
      c.st.festival?.event === ev
        ? c.st.festival
        : c.st.mainFestival?.event === ev
          ? c.st.mainFestival
          : { event: ev, year: eventYear(ev, c.st.date, { tense: localTense(c, j) }), edition: null };
    refs.push({ ctx, at: j });
  }
  if (!refs.length && !festIdx.length) refs.push({ ctx: fest, at: -1 });
  if (!refs.length) return;
  // clauses: a relative clause, "while", ";" start a new one
  const clause: number[] = [];
  let cl = 0;
  for (let j = 0; j < n; j++) {
    if (
      c.tok(j) === ';' ||
      c.tok(j) === 'while' ||
      c.tok(j) === 'whereas' ||
      (c.tok(j) === ',' && /^(?:both|all|each) of which$/.test(c.words(j + 1, j + 4)))
    )
      cl++;
    clause.push(cl);
  }
  const titles: Array<{ title: string; idx: number }> = [];
  for (let j = 0; j < n; j++) if (c.isTitle(j)) titles.push({ title: c.item(j).text, idx: j });
  const pronoun = PRONOUN_IN_SENTENCE.test(c.sk.text);
  const winnersHere = new Set(
    factsHere(c)
      .filter((f) => f.type === 'award')
      .map((f) => nk(f.fields.title)),
  );
  // premieres: "the North American premiere of X's T" per title, else the sentence's
  const premiereByItem = new Map<number, PremiereStatus | null>();
  for (let j = 0; j < n; j++) {
    if (c.tok(j) !== 'premiere' || c.tok(j + 1) !== 'of') continue;
    let k = j + 2;
    while (k < n && k < j + 6 && !c.isTitle(k)) k++;
    if (c.isTitle(k)) premiereByItem.set(k, premiereOf(c.plain(Math.max(0, j - 3), j + 1)));
  }
  const sentencePremiere = premiereOf(c.plain(0, n));
  const slotVerb = c.toks.findIndex(
    (t, k) =>
      /^(?:open|opens|opened|opening|opener|close|closes|closing|closer|kicks|kicked)$/.test(t) &&
      !/^(?:theatrically|to|weekend|deals?|a)$/.test(c.tok(k + 1)),
  );
  const bothOf = (at: number) => at >= 0 && /\b(?:both|all|each) of which\b|\bwhich both\b/.test(c.words(Math.max(0, at - 6), at));
  const nearestRef = (idx: number) => {
    const same = refs.filter((r) => r.at < 0 || clause[r.at] === clause[idx]);
    const pool = same.length ? same : refs;
    return pool.reduce((best, r) => (Math.abs(r.at - idx) < Math.abs(best.at - idx) ? r : best), pool[0]);
  };
  const accepted = (ref: { at: number }): boolean => {
    const { at } = ref;
    const near = at >= 0 ? c.words(Math.max(0, at - 7), Math.min(n, at + 5)) : sentenceText;
    const fItem = at >= 0 ? c.item(at) : null;
    const bound = !!fItem?.mod && /^(?:bound|selected|bowing|premiering|shortlisted)$/.test(fItem.mod);
    if (at >= 0 && /^S\d+$/.test(c.tok(at))) return true;
    const awardOnly =
      at >= 0 &&
      /\b(?:won|wins|took|scooped|awarded|named|prize|winner|tied)\b/.test(c.words(Math.max(0, at - 8), at)) &&
      !/\b(?:premiere|premiered|debuted|bowed|screened|entry|competition)\b/.test(c.words(Math.max(0, at - 8), at + 2));
    if (awardOnly) return false;
    const titleCue = titles.some((t) =>
      /\b(?:entry|entries|opener|closer|premiere|premieres|premiered|selection)\b/.test(c.words(Math.max(0, t.idx - 3), t.idx + 3)),
    );
    // "Sundance sensation T", "Cannes darling T": the festival, a word or two, the title
    const describes =
      at >= 0 &&
      /^(?:[a-z-]+ ){1,2}T\d+/.test(c.words(at + 1, at + 4)) &&
      !/^(?:market|jury|president|director|head|chief|programmer|organisers|organizers|board)\b/.test(c.words(at + 1, at + 2));
    return (
      bound ||
      titleCue ||
      describes ||
      SELECTION_CUES.test(near) ||
      /\bS\d+\b/.test(near) ||
      (at >= 0 &&
        /^(?:[a-z-]+ )?(?:title|entry|premiere|opener|closer|documentary|doc|drama|comedy|thriller|horror|film|feature|prize-winner|winner|hit|selection|pic)\b/.test(
          c.words(at + 1, at + 3),
        ))
    );
  };
  const addSel = (ref: { ctx: FestCtx; at: number }, title: string, idx: number) => {
    const { ctx, at } = ref;
    let section: string | null = null;
    const secNear = c.toks.findIndex(
      (tok, k) => /^S\d+$/.test(tok) && (at < 0 || Math.abs(k - at) <= 8) && (idx < 0 || clause[k] === clause[idx] || k === at),
    );
    if (secNear >= 0) section = cleanSection(c.item(secNear).text);
    const local = idx >= 0 ? c.words(Math.max(0, idx - 6), Math.min(n, idx + 8)) : sentenceText;
    if (
      !section &&
      (/\bin competition\b|\bcompetition (?:entry|title|film|slot|lineup)\b|\bcompeting\b|\bcompetes?\b|\bmain competition\b/.test(local) ||
        /^(?:also )?in competition (?:are|is|will be)\b/.test(sentenceText) ||
        (at >= 0 && /^competition\b/.test(c.words(at + 1, at + 2)))) &&
      !/\bout of competition\b/.test(local)
    )
      section = 'Competition';
    if (!section && /\bmidnight (?:entry|title|section|screening)\b/.test(local)) section = 'Midnight';
    const premiere = premiereByItem.size
      ? (premiereByItem.get(idx) ?? null)
      : idx < 0 ||
          clause[idx] ===
            clause[
              Math.max(
                0,
                c.toks.findIndex((t) => t === 'premiere' || t === 'premieres'),
              )
            ]
        ? sentencePremiere
        : null;
    // the slot goes to the title next to "open"/"close" in its clause
    let slot: SelectionSlot | null = null;
    if (slotVerb >= 0) {
      const s = slotOf(c.sk.text, at >= 0 && /^F\d+$/.test(c.tok(at)) ? c.tok(at) : null);
      if (s) {
        const sameClause = titles.filter((t) => clause[t.idx] === clause[slotVerb]);
        const target = sameClause.length
          ? sameClause.reduce((b, t) => (Math.abs(t.idx - slotVerb) < Math.abs(b.idx - slotVerb) ? t : b), sameClause[0])
          : null;
        if ((target && target.idx === idx) || (idx < 0 && !titles.length)) slot = s;
      }
    }
    add(
      c.st,
      'selection',
      { title, festival: ctx.event.name, year: ctx.year, edition: ctx.edition, section, premiere, slot },
      at < 0 ? 0.65 : 0.8,
      c.span(),
    );
  };
  let pickedAny = false;
  for (const t of titles) {
    if (winnersHere.has(nk(t.title)) && !/\b(?:premiered|debuted|bowed|screened|played|in competition|entry)\b/.test(sentenceText))
      continue;
    if (/\bknown for\b|\bprevious (?:film|feature)\b|\bearlier (?:film|feature)\b/.test(c.words(Math.max(0, t.idx - 6), t.idx))) continue;
    const ref = nearestRef(t.idx);
    if (!accepted(ref)) continue;
    const win = c.words(Math.max(0, t.idx - 7), Math.min(n, t.idx + 8));
    const single =
      titles.length === 1 ||
      (ref.at < 0 &&
        /\b(?:premiered|debuted|bowed|screened|played|premieres|plays|screens|in competition|out of competition|lineup|selected)\b/.test(
          sentenceText,
        ));
    if (!single && !SELECTION_CUES.test(win) && !(ref.at >= 0 && Math.abs(t.idx - ref.at) <= 8) && !/\bS\d+\b/.test(win)) continue;
    addSel(ref, t.title, t.idx);
    pickedAny = true;
    // "both of which debuted in Cannes": every title of the sentence played there too
    for (const r of refs) if (r !== ref && bothOf(r.at) && accepted(r)) addSel(r, t.title, t.idx);
  }
  if (!pickedAny && !titles.length && pronoun) {
    const pm = PRONOUN_IN_SENTENCE.exec(c.sk.text);
    const pAt = pm ? c.sk.text.slice(0, pm.index).split(' ').length - 1 : n;
    const antecedent = lastTitleBefore(c, pAt) ?? c.st.focus ?? c.st.lead;
    if (antecedent) for (const r of refs) if (accepted(r)) addSel(r, antecedent, -1);
  }
}

function cleanSection(s: string): string {
  return s.replace(/^the\s+/i, '').replace(/\s+(?:section|sidebar|strand|program|programme)$/i, '');
}

const AWARD_WORDS =
  /\b(?:won|wins|win|took|takes|take|scooped|picked up|claimed|bagged|nabbed|awarded|went to|goes to|go to|was shared|were shared|shared|tied|named|received|receives|earned|winner|winning|winners)\b/;

function extractAwards(c: Ctx, fest: FestCtx | null): void {
  const n = c.toks.length;
  const text = c.words(0, n);
  if (!AWARD_WORDS.test(text) && !/\bA\d+/.test(c.sk.text) && !c.sk.items.some((it) => it.mod === 'winning')) return;
  const awardFest = (j: number): FestCtx | null => {
    // the festival of this prize: in the sentence after it, else the sentence's, else the article's
    for (let k = j; k < n; k++) if (/^F\d+$/.test(c.tok(k)) && c.item(k).event) return festivalOf(c, k);
    return fest ?? c.st.festival;
  };
  const awardName = (j: number): { name: string; end: number } => {
    let name = c.item(j).text.replace(/^the\s+/i, '');
    let k = j + 1;
    // "Silver Bear for best actress", "Oscar for best international feature", "Orizzonti award for best film"
    if (/^S\d+$/.test(c.tok(j)) && /^(?:award|prize)$/.test(c.tok(k))) {
      name = `${name} ${c.tok(k) === 'award' ? 'Award' : 'Prize'}`;
      k++;
    }
    if (c.tok(k) === 'for' && c.tok(k + 1) === 'best') {
      let e = k + 2;
      const words: string[] = [];
      while (
        e < n &&
        /^[a-z-]+$/.test(c.tok(e)) &&
        !['at', 'in', 'on', 'was', 'went', 'and', 'for', 'to', 'with'].includes(c.tok(e)) &&
        words.length < 4
      )
        words.push(c.toks[e++]);
      if (words.length) {
        name = `${name} for Best ${words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')}`;
        k = e;
      }
    }
    return { name, end: k };
  };
  // "T won the A", "T took (home) the A", "A went to T", "the A winner T", "T and T tied for the A", "A was shared by P for T and P for T"
  for (let j = 0; j < n; j++) {
    const ceremonyPrize =
      /^F\d+$/.test(c.tok(j)) &&
      c.item(j).event?.kind === 'awards' &&
      !c.item(j).mod &&
      /\b(?:won|wins|win|took|takes|scooped|claimed|picked up|received|earned|the)$/.test(c.words(j - 2, j)) &&
      !/^(?:awards?|ceremony|race)$/.test(c.tok(j + 1));
    const isAward = /^A\d+$/.test(c.tok(j)) || (/^S\d+$/.test(c.tok(j)) && /^(?:award|prize)$/.test(c.tok(j + 1))) || ceremonyPrize;
    // "the Oscar-winning T"
    if (/^[AF]\d+$/.test(c.tok(j)) && c.item(j).mod === 'winning') {
      const [t] = c.titleAt(j + 1);
      const title = t ?? (c.isTitle(j + 2) ? c.item(j + 2).text : null);
      if (title) {
        const ev = c.item(j).event ?? findEvent(c.item(j).text);
        const f = ev ? { event: ev, year: null as number | null, edition: null as number | null } : awardFest(j);
        if (f)
          add(
            c.st,
            'award',
            {
              title,
              festival: f.event.name,
              year: f.year,
              edition: f.edition,
              award: ev?.kind === 'awards' ? (ev.shortName === 'Oscars' ? 'Oscar' : ev.name) : c.item(j).text,
              tied: false,
              person: null,
            },
            0.6,
            c.span(),
          );
      }
      continue;
    }
    if (!isAward) continue;
    const { name: rawName, end } = awardName(j);
    const name = ceremonyPrize
      ? rawName.replace(/^(?:Oscars?|Academy Awards?)\b/i, 'Oscar').replace(/^Golden Globes?\b/i, 'Golden Globe')
      : rawName;
    const f = awardFest(end) ?? (ceremonyPrize ? { event: c.item(j).event!, year: null, edition: null } : null);
    if (!f) continue;
    const before = c.words(Math.max(0, j - 6), j);
    const after = c.words(end, Math.min(n, end + 12));
    const winners: Array<{ title: string; person: string | null }> = [];
    let tied = false;
    // A went to / was awarded to / was shared by / was shared between
    const went = /^(?:went|goes|go) to\b|^(?:was|were) (?:awarded|given|presented) to\b/.exec(after);
    const shared = /^(?:was|were) (?:shared|split) (?:by|between)\b/.exec(after);
    if (went || shared) {
      tied = !!shared;
      let k = end + (went ?? shared)![0].split(' ').length;
      // "to Dutch filmmaker Pieter de Vries' T", "by P for T and P for T"
      for (; k < n && winners.length < 4; k++) {
        const t = c.tok(k);
        if (t === ';' || t === 'while' || t === '.') break;
        if (t === ',' && c.tok(k + 1) === 'while') break;
        if (c.isTitle(k)) {
          let person: string | null = null;
          if (c.tok(k - 1) === 'for' && /^[PE]\d+$/.test(c.tok(k - 2)) && personLike(c, k - 2)) person = c.name(k - 2);
          winners.push({ title: c.item(k).text, person });
        }
      }
    }
    // the A winner T
    if (!winners.length && /^winner\b/.test(after) && c.isTitle(end + 1)) winners.push({ title: c.item(end + 1).text, person: null });
    // T won the A / took home the A / tied for the A / P was named best director for T
    if (
      !winners.length &&
      /\b(?:won|wins|win|took|takes|scooped|picked up|claimed|bagged|nabbed|received|earned|tied for|shared|took home|was awarded|named)(?: home)?(?: the)?$/.test(
        before,
      )
    ) {
      tied = /\btied for\b|\bshared\b/.test(before);
      const vb =
        j -
        1 -
        before
          .split(' ')
          .reverse()
          .findIndex((w) =>
            /^(?:won|wins|win|took|takes|scooped|picked|claimed|bagged|nabbed|received|earned|tied|shared|awarded|named)$/.test(w),
          );
      // the subject: titles before the verb ("T and T tied"), "which" → the title before it, a pronoun → focus
      for (let k = vb - 1; k >= 0; k--) {
        const t = c.tok(k);
        if (c.isTitle(k)) {
          winners.unshift({ title: c.item(k).text, person: null });
          if (c.tok(k - 1) === 'and' && c.isTitle(k - 2)) {
            winners.unshift({ title: c.item(k - 2).text, person: null });
          }
          break;
        }
        if (t === 'which' && c.tok(k - 1) === ',') {
          // "Memoria starring Tilda Swinton, which tied for": the nearest title before
          const tt = lastTitleBefore(c, k);
          if (tt) winners.unshift({ title: tt, person: null });
          break;
        }
        const [pt] = c.titleAt(k - 1);
        if ((/^(?:it)$/.test(t) || (pt && !c.isTitle(k - 1) && PRONOUN_TITLE.test(c.words(k - 1, k + 1)))) && (c.st.focus ?? c.st.lead)) {
          winners.unshift({ title: pt ?? (c.st.focus ?? c.st.lead)!, person: null });
          break;
        }
        if (t === ';' || t === 'while') break;
      }
    }
    // "P was named best director for T"
    if (!winners.length) {
      const m = /^named best (\w+(?: \w+)?) for$/.exec(c.words(j - 3, j));
      void m;
    }
    // "T shared the Special Jury Prize with Argentine drama T2"
    if (winners.length === 1 && /\b(?:shared|tied|split)\b/.test(before) && c.tok(end) === 'with') {
      for (let k = end + 1; k < Math.min(n, end + 6); k++)
        if (c.isTitle(k)) {
          winners.push({ title: c.item(k).text, person: null });
          tied = true;
          break;
        }
    }
    for (const w of winners) {
      add(
        c.st,
        'award',
        { title: w.title, festival: f.event.name, year: f.year, edition: f.edition, award: name, tied, person: w.person },
        0.85,
        c.span(),
      );
      c.st.winnerOf.set(nk(name), w.title);
      if (w.person) {
        add(c.st, 'credit', { title: w.title, role: 'cast', name: w.person, character: null }, 0.6, c.span());
        learn(c.st.reg, w.person, 'person');
      }
    }
    if (winners.length) c.st.festival = f;
  }
  // "T, which also won best director for P": a lower-case prize for a person
  for (let j = 0; j < n; j++) {
    const m =
      /^(?:also )?(?:won|took|picked up|earned|received|claimed) (?:the )?(?:prize for |award for )?best (director|actor|actress|screenplay|cinematography|supporting actor|supporting actress) for$/.exec(
        c.words(j, j + 7).replace(/ [PE]\d+.*$/, ''),
      );
    if (!m) continue;
    const k = j + m[0].split(' ').length;
    if (!/^[PE]\d+$/.test(c.tok(k))) continue;
    const f = fest ?? c.st.festival;
    if (!f) continue;
    let title: string | null = null;
    if (c.tok(j - 1) === 'which' || c.tok(j - 2) === 'which') title = lastTitleBefore(c, j);
    else
      for (let b = j - 1; b >= 0; b--)
        if (c.isTitle(b)) {
          title = c.item(b).text;
          break;
        }
    if (!title) continue;
    const role = m[1];
    const person = resolveShort(c.st.reg, c.item(k).text)?.name ?? c.name(k);
    add(
      c.st,
      'award',
      {
        title,
        festival: f.event.name,
        year: f.year,
        edition: f.edition,
        award: `Best ${role.replace(/\b\w/g, (x) => x.toUpperCase())}`,
        tied: false,
        person,
      },
      0.75,
      c.span(),
    );
    if (role === 'director') addCredit(c, title, 'director', person, 0.75);
    else if (/actor|actress/.test(role)) addCredit(c, title, 'cast', person, 0.7);
  }
  // "P was named best director for T": a prize written in lower case
  for (let j = 0; j < n; j++) {
    if (!c.seq(j, ['was', 'named', 'best']) && !c.seq(j, ['won', 'best']) && !c.seq(j, ['took', 'best'])) continue;
    const k = j + (c.tok(j) === 'was' ? 3 : 2);
    const role = c.tok(k);
    if (!/^(?:director|actor|actress|screenplay|cinematography)$/.test(role) || c.tok(k + 1) !== 'for' || !c.isTitle(k + 2)) continue;
    const f = fest ?? c.st.festival;
    if (!f) continue;
    const p = /^[PE]\d+$/.test(c.tok(j - 1)) ? c.name(j - 1) : null;
    const title = c.item(k + 2).text;
    add(
      c.st,
      'award',
      {
        title,
        festival: f.event.name,
        year: f.year,
        edition: f.edition,
        award: `Best ${role[0].toUpperCase()}${role.slice(1)}`,
        tied: false,
        person: p,
      },
      0.75,
      c.span(),
    );
    if (p && role === 'director') addCredit(c, title, 'director', p, 0.75);
    if (p && (role === 'actor' || role === 'actress')) addCredit(c, title, 'cast', p, 0.7);
  }
}
