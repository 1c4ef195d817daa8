/**
 * Sales mandates told with a verb of selling rather than the word "sales": a
 * company "is shopping T", "is selling T at the market", "has come on board to
 * sell T", "kicked off sales on T", "X, which reps T", a sales company that
 * "has boarded T", "X touts U.S. rights", "T represented by X". Each gives a mandate of the company for the title (the
 * title the verb governs, or the film in focus for "the film", "it"); a sale
 * to a buyer ("is selling T to X") is not one. One pass over the sentence.
 */
import { learn } from '../sketch.js';
import { companyEntry } from '../companies.js';
import { type Ctx, add, nk } from './context.js';
import { subjectBefore } from './dealTerms.js';
import { otherFilm, pronounAt } from './otherFilm.js';

/** Every shape needs one of these words: a sentence without any is skipped at once. */
const CUE =
  /\b(?:shopping|selling|pitching|sell|shop|pitch|buyers|sales|onboard|handling|handles|representing|board|aboard|off|reps|repping|boarded|boards|touts|touting|represents|represented|repped|handled|shepherded|shopped|sold)\b/;

/** The verb phrases, as the sentence's words (codes kept), from the verb on. */
const SHAPES: RegExp[] = [
  // "is shopping T", "is also selling T at the market"
  /^(?:(?:is|are) (?:also |now |currently |already )?(?:shopping|selling|pitching)|will (?:also |now )?(?:shop|sell|pitch))\b/,
  // "has come on board to sell T", "has come aboard to handle international sales on T"
  /^(?:has |have |had )?(?:also )?(?:come|came) (?:on board|aboard) (?:to (?:sell|rep|represent|handle (?:the )?(?:international |world |worldwide |global )?sales (?:on|of|for))|as (?:the )?(?:international |world )?sales (?:agent|company) (?:on|of|for))\b/,
  // "kicked off sales on T", "kicks off international pre-sales on T"
  /^(?:has |have |had )?(?:also )?(?:kicked|kicks|kicking|kick) off (?:international |world |worldwide |global )?(?:sales|pre-sales|presales) (?:on|of|for)\b/,
  // "X, which reps T"
  /^(?:reps|repping|represents|representing)\b/,
  // "X has boarded T", "X has come on board T" (a sales company)
  /^(?:has |have |had )?(?:also |now )?(?:boarded|boards|(?:come|came|comes) (?:on ?board|aboard))\b/,
  // "X touts U.S. rights", "X represents international rights": the film in focus
  /^(?:is )?(?:touts|touting|reps|repping|represents|representing) (?:the film's |its )?(?:R\d+ |N\d+ |international |world |worldwide )?rights\b/,
  // "X will introduce T to buyers at the AFM", "X is presenting T to buyers": only a seller shows a film to buyers
  /^(?:will |is |are )?(?:also |now )?(?:introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?|show(?:s|ed|ing)?|screen(?:s|ed|ing)?|pitch(?:es|ed|ing)?|bring(?:s|ing)?|brought|tak(?:e|es|ing)|took)\b/,
  // "X is the sales agent on T", "X is the international sales company for T"
  /^(?:(?:is|are|was) (?:also |now )?|(?:serves|served|acts|acted|is serving|is acting) as )(?:the )?(?:international |world |worldwide |global )?sales (?:agent|company|outfit|house|rep|representative)s? (?:on|for|of|behind)\b/,
  // "X is the film's international sales agent": the film in focus
  /^(?:is|are|was) (?:also |now )?(?:the (?:film|title|documentary|movie)(?:'s)?|its) (?:international |world |worldwide |global )?sales (?:agent|company|outfit|house|rep|representative)\b/,
  // "X is representing the film internationally", "X, which handles the film in other territories": the film abroad
  /^(?:(?:is|are) (?:also |now |currently )?)?(?:representing|repping|handling|handles|represents|reps)\b/,
  // "CAA is the US sales agent and ...", "X is the sales agent.": the film in focus
  /^(?:is|are|was) (?:also |now )?(?:the )?(?:R\d+ |N\d+ |international |world |worldwide |global )?sales (?:agent|company|rep|representative)s?(?= (?:and|,|\.)|$)/,
];

/** After the film: its sales abroad, not one country's release ("handles the film in France" is a distributor's). */
const ABROAD =
  /^(?:internationally|worldwide|abroad|overseas|outside|for the (?:rest of the )?world|in (?:all )?(?:other|the remaining|remaining) (?:territories|markets)|in the rest of the world)\b/;

export function extractSalesMandates(c: Ctx): void {
  const n = c.toks.length;
  if (!CUE.test(c.words(0, n))) return;
  for (let v = 0; v < n; v++) {
    if (c.isTitle(v) || filmNamed(c, v)) passive(c, v);
    if (
      !/^(?:is|are|was|has|have|had|will|come|came|comes|kicked|kicks|kicking|kick|reps|repping|represents|representing|boarded|boards|touts|touting|introduces|presents|shows|screens|pitches|brings|takes|introduced|presented|showed|screened|pitched|brought|took|serves|served|acts|acted|handling|handles)$/.test(
        c.tok(v),
      )
    )
      continue;
    const w = c.words(v, v + 14);
    const i = SHAPES[5].test(w) ? 5 : SHAPES.findIndex((re) => re.test(w));
    if (i < 0) continue;
    const m = SHAPES[i].exec(w)!;
    const end = v + m[0].split(' ').length;
    // the company: the verb's subject, or the company a relative clause follows ("X, which reps T")
    let companies: string[] = [];
    if (/^(?:which|who)$/.test(c.tok(v - 1)) && c.tok(v - 2) === ',' && c.isOrg(v - 3) && !c.isPer(v - 3)) companies = [c.name(v - 3)];
    else if (i === 5 && c.isOrg(v - 1) && !c.isPer(v - 1)) companies = [c.name(v - 1)];
    else if (i !== 3) companies = subjectBefore(c, v)?.names ?? [];
    if (!companies.length) continue;
    // "X has boarded T": only a sales company boards a film as its seller
    if (i === 4 && !companies.every((x) => companyEntry(x)?.kind === 'sales-agent')) continue;
    // the title the verb governs: right after it, past a few describing words ("Ana Ruiz's drama T")
    let title: string | null = null;
    let at = -1;
    for (let t = end; t < Math.min(n, end + 7) && !title; t++) {
      // (a title right after the verb phrase is its object: "the sales agent behind T")
      if (c.isTitle(t) && (t === end || !otherFilm(c, t, t + 1))) {
        title = c.item(t).text;
        at = t;
      } else if (pronounAt(c, t) && t === end) {
        title = c.st.focus ?? c.st.lead;
        at = t + pronounAt(c, t) - 1;
      } else if (!/^(?:[a-z-]+|[PEN]\d+)$/.test(c.tok(t)) || c.tok(t) === 'to') break;
    }
    // "X touts U.S. rights": the film in focus, unless the rights are to a film named ("reps world rights to T")
    if (i === 8 || i === 10) title = c.st.focus ?? c.st.lead;
    if (i === 5) title = /^(?:to|on|for|of)$/.test(c.tok(end)) && c.isTitle(end + 1) ? c.item(end + 1).text : c.st.focus;
    if (!title) continue;
    // "is selling T to X": a sale, not a mandate
    if (c.tok(at + 1) === 'to' && c.isOrg(at + 2)) continue;
    // "X will present T to buyers": the film must be shown to buyers, else it is a screening or a release
    if (i === 6 && !/^(?:to|for) (?:(?:international|foreign|potential|global|world|key|the) )?buyers\b/.test(c.words(at + 1, at + 5)))
      continue;
    // "X is handling the film internationally": only abroad (or a sales company's) is it a mandate
    if (i === 9 && !ABROAD.test(c.words(at + 1, at + 8)) && !companies.every((x) => companyEntry(x)?.kind === 'sales-agent')) continue;
    // "the sales agent behind T and T2", "X reps T, T2 and T3": each film of the list
    const titles = [title];
    for (let x = at + 1; at >= 0 && x < n;) {
      const step = c.tok(x) === ',' && c.tok(x + 1) === 'and' ? 2 : /^(?:,|and)$/.test(c.tok(x)) ? 1 : 0;
      if (!step || !c.isTitle(x + step)) break;
      titles.push(c.item(x + step).text);
      x += step + 1;
    }
    for (const company of companies)
      for (const t of titles) {
        if (nk(company) === nk(t)) continue;
        add(c.st, 'mandate', { title: t, company, territories: null }, 0.7, c.span());
        learn(c.st.reg, company, 'company');
        c.st.mandates.set(nk(t), company);
      }
  }
  agentBehind(c);
}

/** "The sales company behind T, X, has ...": the company named in apposition after the films it sells. */
function agentBehind(c: Ctx): void {
  const m =
    /^the (?:[a-z]+-based |X\d+ )?(?:international |world |worldwide )?sales (?:agent|company|outfit|house|banner|rep) (?:behind|for|on|of) $/.exec(
      c.words(0, 8).replace(/T\d+.*$/, ''),
    );
  if (!m) return;
  const titles: string[] = [];
  let k = m[0].trim().split(' ').length;
  while (c.isTitle(k)) {
    titles.push(c.item(k).text);
    if (c.tok(k + 1) === 'and' || (c.tok(k + 1) === ',' && c.isTitle(k + 2))) k += 2;
    else break;
  }
  if (!titles.length || c.tok(k + 1) !== ',' || !c.isOrg(k + 2) || c.isPer(k + 2)) return;
  const company = c.name(k + 2);
  for (const title of titles) add(c.st, 'mandate', { title, company, territories: null }, 0.7, c.span());
  learn(c.st.reg, company, 'company');
}

/** An unknown name right after a kind of film ("the drama Salt Road", "Midnight Madness entry Salt Road"): a film's name. */
function filmNamed(c: Ctx, v: number): boolean {
  return (
    /^E\d+$/.test(c.tok(v)) &&
    c.item(v).ent !== 'person' &&
    !c.isCompanyName(v) &&
    /^(?:drama|comedy|thriller|documentary|doc|feature|film|entry|horror|western|musical|romance|debut|title)$/.test(c.tok(v - 1))
  );
}

const AGENT_PASSIVE =
  /^(?:, )?(?:and )?(?:represented|repped|handled|shepherded|shopped|sold internationally|sold worldwide|sold)(?: internationally| worldwide)? by\b/;

/** "T represented by X", "T shepherded by X and Y in the US and sold internationally by Z": one mandate per agent. */
function passive(c: Ctx, t: number): void {
  let m = AGENT_PASSIVE.exec(c.words(t + 1, t + 6));
  if (!m) return;
  const title = c.item(t).text;
  let k = t + 1 + m[0].split(' ').length;
  for (let round = 0; round < 2 && m; round++) {
    for (; k < c.toks.length && c.isOrg(k); k += 2) {
      // "T, sold by X to Y", "sold by X in Spain": a sale of X's, not its mandate
      if (/^sold by$/.test(m[0].replace(/^(?:, )?(?:and )?/, '')) && /^(?:to|in|for)$/.test(c.tok(k + 1))) break;
      const company = c.name(k);
      add(c.st, 'mandate', { title, company, territories: null }, 0.7, c.span());
      learn(c.st.reg, company, 'company');
      if (c.tok(k + 1) !== 'and' || !c.isOrg(k + 2)) break;
    }
    // "... in the US and sold internationally by Z": a second agent for the same film
    let j = k + 1;
    while (j < c.toks.length && j < k + 5 && c.tok(j) !== 'and' && !/^(?:\.|,|;)$/.test(c.tok(j))) j++;
    m = c.tok(j) === 'and' ? AGENT_PASSIVE.exec(c.words(j, j + 5)) : null;
    if (m) k = j + m[0].split(' ').length;
  }
}
