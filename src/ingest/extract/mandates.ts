/**
 * Sales mandates: who handles sales of which title for which territories,
 * "X is handling international sales", distribution handled by, "respectively" lists.
 */
import { learn } from '../sketch.js';
import { COMPANY_PRONOUN, MEDIA_WORDS, TERR_WORDS } from './words.js';
import { type Ctx, add, joinList, nk, personLike, validMedia, validTerritories } from './context.js';
import { addDeal, lastTitleBefore, sentenceSeller } from './dealTerms.js';
import { firstTitle } from './credits.js';
import { salesCompany } from './lineups.js';
import { companyEntry } from '../companies.js';
import { pronounAt } from './otherFilm.js';

/** Every shape below needs one of these words in its sentence: a sentence without any is skipped at once. */
const MANDATE_CUE = /\b(?:sales|rights|reps?\b|repp|represent|handl|sold|shopped|pre-sold)/;

/** The film in focus named before a passive verb ("the film is sold by"), or as the sentence's subject ("It is produced by Y and sold by X"). */
const FILM_PRONOUN = /\b(?:the (?:film|movie|title|documentary|doc|feature|picture|drama|comedy|thriller)|it)$/;
const FILM_SUBJECT = /^(?:the (?:film|movie|title|documentary|doc|feature|picture|drama|comedy|thriller)|it) (?:is|was|has been|will be)\b/;

export function extractMandates(c: Ctx): void {
  const n = c.toks.length;
  if (!MANDATE_CUE.test(c.words(0, n))) return;
  for (let v = 0; v < n; v++) {
    const w = c.words(v, v + 9);
    let m: RegExpExecArray | null;
    const companies: string[] = [];
    let scope = '';
    let titleFrom = v;
    let holder = false;
    let subject: string | null = null;
    // "ORG is handling international sales", "ORG handles world sales", "ORG has boarded international sales on T", "ORG is repping international rights"
    if (
      (m =
        /^(?:is|are|will be|has been|have been)? ?(?:handling|handles|handle|repping|reps|representing|represents|selling|launching|launched|launches|overseeing|handling the|holds|hold|controls|control)? ?(?:has |have )?(?:also )?(?:boarded|picked up|acquired|taken on|taken|come on board for|come aboard for|secured|landed|nabbed|handles|handling|repping|representing|launching|launched)? ?(?:the )?((?:international|world|worldwide|global|foreign|overseas|north american|domestic|u\.s\.|R\d+|N\d+)(?: and (?:international|world|R\d+|N\d+))?)? ?(?:sales|sales rights|rights|distribution rights)\b/.exec(
          w,
        )) &&
      /\b(?:handl|rep|represent|sell|launch|board|picked up|acquired|taken|come|secured|landed|nabbed|oversee|hold|control)/.test(m[0]) &&
      /\bsales\b|\b(?:international|world|worldwide|global) rights\b|\brepping|represent/.test(m[0])
    ) {
      // "X holds world rights": a mandate of a sales company only (a distributor holding them bought them)
      holder = !/\bsales\b/.test(m[0]) && /\b(?:hold|control)/.test(m[0]);
      if (!/\bsales\b/.test(m[0]) && !/\brepping|represent|handl/.test(m[0]) && !holder) continue;
      let k = v - 1;
      while (
        k >= 0 &&
        (['also', 'now', 'which', 'will', 'is', 'are', 'has', 'have', 'to', 'set', 'already', 'currently', 'who'].includes(c.tok(k)) ||
          (c.tok(k) === ',' && c.tok(k + 1) === 'which'))
      )
        k--;
      while (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
        companies.unshift(c.name(k));
        if (c.tok(k - 1) === 'and') k -= 2;
        else break;
      }
      if (!companies.length && /^(?:which|who)$/.test(c.tok(v - 1)) && /^[CE]\d+$/.test(c.tok(v - 3))) companies.push(c.name(v - 3));
      if (!companies.length && COMPANY_PRONOUN.test(c.words(v - 2, v)) && c.st.focusCompany) companies.push(c.st.focusCompany);
      if (!companies.length && c.tok(v - 1) === 'and') {
        const s = coordinatedSubject(c, v - 1);
        if (s >= 0) companies.push(c.name(s));
      }
      scope = m[1] ?? '';
      titleFrom = v + m[0].split(' ').length;
    } else if (
      (m =
        /^(?:(?:international|world|worldwide|global) )?sales (?:on (?:the film|T\d+) )?(?:are|is) (?:being )?(?:handled|repped|represented) by\b/.exec(
          w,
        )) ||
      (m =
        /^(?:is|are|was|has been|have been) (?:being )?(?:sold|shopped|repped|represented|pre-sold) (?:to (?:\S+ ){1,3}(?:territories|buyers|markets) |internationally |worldwide |abroad |around the world )?by\b/.exec(
          w,
        )) ||
      (m =
        /^(?:is|are|was) (?:being )?handled (?:internationally |worldwide )?by\b/.exec(w) && /\bsales\b/.test(c.words(v - 4, v))
          ? m
          : null) ||
      (m = /^sold (?:internationally|worldwide|abroad) by\b/.exec(w))
    ) {
      // "T is sold by X", "T sold internationally by X": the film is the verb's subject, a title before it or "the film";
      // a subject the reader did not take for a title ("Neon's 12 Years ... is sold by X") is not the article's lead
      if (!/^(?:international |world |worldwide |global )?sales\b/.test(m[0])) {
        const before = lastTitleBefore(c, v);
        if (before) subject = before;
        else if (FILM_PRONOUN.test(c.words(v - 3, v)) || FILM_SUBJECT.test(c.words(0, 4))) subject = c.st.focus ?? c.st.lead;
        else if (/^sold\b/.test(m[0]) || /^[CEP]\d+$/.test(c.tok(v - 1))) continue;
      }
      let k = v + m[0].split(' ').length;
      while (k < n && (c.item(k)?.mod === 'based' || /^(?:sales|company|agent|outfit|the|N\d+)$/.test(c.tok(k)))) k++;
      // "T was sold by X for the U.S. (Y), Germany (Z)", "sold by X to Y": X's sales, not its mandate
      if (/^sold\b|\bsold by$/.test(m[0]) && /^(?:to|for|in|into)$/.test(c.tok(k + 1)) && (c.isTerr(k + 2) || c.isOrg(k + 2))) continue;
      if (/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      (m =
        /^(?:its |the film's |the title's |the documentary's )?(?:international |world )?sales (?:agents? |reps? |representatives? |team )?(?:at|from) $/.exec(
          c.words(v, v + 6).replace(/[CE]\d+.*$/, ''),
        )) &&
      /^[CE]\d+$/.test(c.tok(v + m[0].trim().split(' ').length))
    ) {
      const k = employer(c, v + m[0].trim().split(' ').length);
      if (k < 0) continue;
      companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      (m =
        /^(?:its |the film's |the title's |the documentary's )?(?:international )?sales (?:agent|company|outfit|house|banner|rep|handler|representative)(?: ,)?$/.exec(
          c
            .words(v, v + 4)
            .split(' ')
            .slice(0, 4)
            .join(' ')
            .replace(/ [CE]\d+.*$/, ''),
        )) &&
      v + m[0].split(' ').length < n
    ) {
      const k = employer(c, v + m[0].split(' ').length);
      if (k >= 0 && /^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person' && c.tok(k - 1) !== 'a') companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      /^[CE]\d+$/.test(c.tok(v)) &&
      c.tok(v + 1) === ',' &&
      /^the (?:(?:[A-Z]\d+|[a-z]+-based|international|world|leading|boutique|veteran|[a-z]+) ){0,2}sales (?:company|agent|outfit|house|banner|powerhouse)\b/.test(
        c.words(v + 2, v + 8),
      )
    ) {
      companies.push(c.name(v));
      titleFrom = 0;
    } else if (
      /^[CE]\d+$/.test(c.tok(v)) &&
      c.tok(v + 1) === ',' &&
      c.tok(v + 2) === 'which' &&
      /^(?:handles|is handling|is selling|reps) (?:the film's )?(?:international |world |worldwide )?sales\b/.test(c.words(v + 3, v + 8))
    ) {
      companies.push(c.name(v));
      titleFrom = 0;
    } else if ((m = /^(?:is |are |will be |will )?(?:also )?(?:representing|repping|represent|rep|represents|reps)\b/.exec(w))) {
      // "ORG will also be representing Ana Ruiz's second feature T": a title within a short lead-in
      const after = v + m[0].split(' ').length;
      const t = c.toks.slice(after, after + 7).findIndex((x) => /^T\d+$/.test(x));
      // "X will represent the film at the AFM": the film in focus, for a sales company
      const film = t < 0 && pronounAt(c, after) > 0;
      // the words before the title: articles, lower-case words, a name's possessive ("Ana Ruiz's second feature")
      if (!film && (t < 0 || !c.toks.slice(after, after + t).every((x) => /^(?:[a-z-]+|[PEN]\d+)$/.test(x)))) continue;
      let k = v - 1;
      while (k >= 0 && ['also', 'now', 'will', 'is', 'are', 'be', 'currently', 'which', 'who'].includes(c.tok(k))) k--;
      if (/^[CE]\d+$/.test(c.tok(k)) && c.item(k).ent !== 'person') {
        // "Tom Reyes represents T": a person represents no film's sales
        if (employer(c, k) !== k) continue;
        companies.push(c.name(k));
      } else if (COMPANY_PRONOUN.test(c.words(k - 1, k + 1)) && c.st.focusCompany) companies.push(c.st.focusCompany);
      if (film) {
        if (!companies.every(salesCompany)) continue;
        subject = c.st.focus ?? c.st.lead;
      }
      titleFrom = after;
    } else if (v === 0 && (m = /^(?:(?:international|world|worldwide|global) )?sales :/.exec(w))) {
      // a credit block's label: "Sales: X", "International sales: X"
      const k = m[0].split(' ').length;
      if (c.isOrg(k) && c.item(k).ent !== 'person') companies.push(c.name(k));
      titleFrom = 0;
    } else if (
      c.isOrg(v) &&
      c.item(v).ent !== 'person' &&
      /^\( (?:(?:international|world|worldwide|global) )?sales \)/.test(c.words(v + 1, v + 5))
    ) {
      // a credit block's role in parentheses: "with X (international sales)"
      companies.push(c.name(v));
      titleFrom = 0;
    } else continue;
    if (holder) companies.splice(0, companies.length, ...companies.filter(salesCompany));
    if (!companies.length) continue;
    // the title: a title in the sentence, else the article's lead title; a list of titles gives one mandate each
    let title: string | null = subject;
    const more: string[] = [];
    for (let j = titleFrom; j < n && !title; j++) {
      if (c.isTitle(j)) {
        title = c.item(j).text;
        for (let x = j + 1; x < n;) {
          const step = c.tok(x) === ',' && c.tok(x + 1) === 'and' ? 2 : c.tok(x) === ',' || c.tok(x) === 'and' ? 1 : 0;
          if (!step || !c.isTitle(x + step)) break;
          more.push(c.item(x + step).text);
          x += step + 1;
        }
        break;
      }
    }
    if (!title) {
      for (let j = 0; j < n; j++)
        if (c.isTitle(j)) {
          title = c.item(j).text;
          break;
        }
    }
    const pronoun = /\b(?:the film|its|the title|it)\b/.test(c.words(0, n));
    // no title in the sentence: "the film" or a focus set in this paragraph is the film in focus, else the article's lead
    title ??= pronoun || c.st.focusParagraph === c.sent.paragraph ? (c.st.focus ?? c.st.lead) : (c.st.lead ?? c.st.focus);
    if (!title) continue;
    let territories: string | null = null;
    if (scope && !/international|world|worldwide|global|foreign|overseas/.test(scope)) {
      const codes = scope
        .split(' and ')
        .map((x) =>
          /^[RN]\d+$/.test(x)
            ? c.sk.items[Number(x.slice(1))]?.territory
            : x === 'domestic'
              ? 'North America'
              : x === 'u.s.'
                ? 'U.S.'
                : x === 'north american'
                  ? 'North America'
                  : null,
        )
        .filter((x): x is string => !!x);
      territories = validTerritories(joinList(codes));
    }
    for (const company of companies) {
      if (nk(company) === nk(title)) continue;
      for (const t of more) if (nk(company) !== nk(t)) add(c.st, 'mandate', { title: t, company, territories }, 0.8, c.span());
      add(c.st, 'mandate', { title, company, territories }, 0.8, c.span());
      learn(c.st.reg, company, 'company');
      c.st.mandates.set(nk(title), company);
      if (!c.st.seller || nk(c.st.seller.title) === nk(title)) c.st.seller = { company, title };
    }
  }
}

/**
 * The subject of a verb joined by "and" to the clause before ("financier X co-produced with Y and handles
 * international sales"): the nearest company before `and` that a verb follows, in the same clause.
 */
function coordinatedSubject(c: Ctx, and: number): number {
  for (let b = and - 1; b >= Math.max(0, and - 12); b--) {
    if (/^(?:,|;|\.|and|but|while)$/.test(c.tok(b)) && !c.isOrg(b + 1) && b < and - 1 && c.tok(b + 1) !== 'with') return -1;
    if (c.isOrg(b) && c.item(b).ent !== 'person' && /^(?:[a-z-]+ed|has|have|is|are|was|will)$/.test(c.tok(b + 1))) return b;
  }
  return -1;
}

/**
 * The company a name in a seller's slot stands for: the name itself, or, for a person ("Its sales agent, Tom Reyes of
 * X,"), the company they work for, named right after them (`of`, `at`, `from` X); -1 for a person named alone.
 */
export function employer(c: Ctx, k: number): number {
  if (!/^[CE]\d+$/.test(c.tok(k))) return k;
  if (c.isCompanyName(k) || companyEntry(c.name(k)) || !personLike(c, k)) return k;
  if (/^(?:of|at|from)$/.test(c.tok(k + 1)) && c.isOrg(k + 2) && !personLike(c, k + 2)) return k + 2;
  return -1;
}

/** "with Netflix handling global distribution", "Netflix will distribute the film worldwide": a distribution deal said in passing. */
export function extractDistributionHandling(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 1; v < n; v++) {
    const w = c.words(v, v + 4);
    const m =
      /^(?:is |are |will be )?(?:handling|handles|will handle|to handle) (global|worldwide|world|international|north american|domestic|u\.s\.|R\d+|N\d+)? ?(?:theatrical |streaming )?distribution\b/.exec(
        w,
      );
    if (!m) continue;
    const k = v - 1;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const scope = m[1] ?? '';
    const terr = /^[RN]\d+$/.test(scope)
      ? (c.sk.items[Number(scope.slice(1))].territory ?? null)
      : TERR_WORDS[scope] && scope !== 'international'
        ? TERR_WORDS[scope]
        : scope === 'north american'
          ? 'North America'
          : scope === 'u.s.'
            ? 'U.S.'
            : null;
    if (!terr) continue;
    const title = lastTitleBefore(c, v) ?? firstTitle(c) ?? c.st.focus ?? c.st.lead;
    addDeal(c, title, c.name(k), [terr], { seller: null }, 0.7);
  }
}

/** "Rights for Italy and Spain have gone to I Wonder Pictures and Avalon, respectively": territories and buyers paired in order. */
export function extractRespectively(c: Ctx): void {
  const n = c.toks.length;
  const r = c.toks.indexOf('respectively');
  if (r < 0) return;
  if (!/\b(?:gone to|went to|go to|acquired by|picked up by|sold to|bought by|taken by|to)\b/.test(c.words(0, r))) return;
  const terrs: string[] = [];
  const orgs: string[] = [];
  for (let j = 0; j < r; j++) {
    if (
      c.isTerr(j) &&
      (c.item(j).ent === 'territory' ||
        /^(?:rights|territories)$/.test(c.tok(j + 1)) ||
        c.tok(j - 1) === 'for' ||
        c.tok(j - 1) === 'and' ||
        c.tok(j - 1) === ',')
    ) {
      const e = c.terr(j);
      if (e) terrs.push(e);
    } else if (
      (/^[CE]\d+$/.test(c.tok(j)) && c.isCompanyName(j)) ||
      (/^[CE]\d+$/.test(c.tok(j)) && /\b(?:to|by)\b/.test(c.words(j - 4, j)) && !personLike(c, j))
    )
      orgs.push(c.name(j));
  }
  if (terrs.length < 2 || terrs.length !== orgs.length) return;
  const title = firstTitle(c) ?? c.st.focus ?? c.st.lead;
  const seller = sentenceSeller(c);
  terrs.forEach((t, i) => addDeal(c, title, orgs[i], [t], { seller }, 0.8));
  void n;
}

/** "French distribution is handled by Pyramide", "U.K. rights are held by Curzon": a deal told the other way round. */
export function extractHandledBy(c: Ctx): void {
  const n = c.toks.length;
  for (let v = 0; v < n; v++) {
    const m = /^(?:theatrical |cinema |tv |svod |home entertainment )?(?:distribution|release|rights) (?:in|for|across) $/.exec(
      c.words(v, v + 3).replace(/[RN]\d+.*$/, ''),
    );
    if (!m) continue;
    const at = v + m[0].trim().split(' ').length;
    const l = c.terrList(at);
    if (!l.exprs.length) continue;
    const w = c.words(l.end, l.end + 6);
    const m2 = /^(?:is|are|will be|has been|have been) (?:being )?(?:handled|held|taken|controlled|owned|picked up|acquired) by\b/.exec(w);
    if (!m2) continue;
    const k = l.end + m2[0].split(' ').length;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const title = lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    addDeal(c, title, c.name(k), l.exprs, { seller: null }, 0.75);
  }
  for (let v = 0; v < n; v++) {
    if (!c.isTerr(v)) continue;
    const l = c.terrList(v);
    const w = c.words(l.end, l.end + 8);
    const m =
      /^(?:(?:theatrical|svod|tv|home entertainment|streaming) )?(?:distribution|release|rights)(?: rights)?(?: (?:of|for|to|on) (T\d+))? (?:is|are|will be|has been|have been) (?:being )?(?:handled|held|taken|controlled|owned|picked up|acquired) by\b/.exec(
        w,
      );
    if (!m) continue;
    const k = l.end + m[0].split(' ').length;
    if (!/^[CE]\d+$/.test(c.tok(k)) || c.item(k).ent === 'person') continue;
    const title = (m[1] ? c.sk.items[Number(m[1].slice(1))].text : null) ?? lastTitleBefore(c, v) ?? c.st.focus ?? c.st.lead;
    const media = validMedia(c.toks.slice(l.end, l.end + 2).filter((x) => MEDIA_WORDS.has(x)));
    addDeal(c, title, c.name(k), l.exprs, { seller: null, media }, 0.75);
  }
}
