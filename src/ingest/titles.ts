/**
 * Titles the trade does not quote. Screen, THR, Deadline and Cineuropa write
 * `director Ana Ruiz's Cold Harbour` or `drama Cold Harbour, which premiered`
 * with no quotes or italics; this finds such titles from their context and
 * hands them to the sketch as title spans (the way italics from HTML are):
 *
 * - an auteur's possessive: `Ana Ruiz's Cold Harbour`, `Ana Ruiz's Spanish
 *   drama Cold Harbour` (not when the name after it speaks or is a role:
 *   `Wild Bunch's Vincent Maraval told`, `Mubi's head of acquisitions`);
 * - a kind of film before it: `competition film Cold Harbour was sold`,
 *   `zombie comedy Cold Harbour, which`;
 * - a marker after it: `Cold Harbour [+see also:` (Cineuropa's film links),
 *   `Cold Harbour (see news)`;
 * - a title printed in capitals: `COLD HARBOUR was acquired by`;
 * - the subject of a sale at a sentence start: `Cold Harbour was sold to`,
 *   `Cold Harbour, the Berlinale hit, was sold to`;
 * - `rights to Cold Harbour,` / `rights to Cold Harbour from`.
 *
 * Every title found once is then found again wherever the article repeats it
 * (an exact capitalized run). All of it is regular expressions with bounded
 * repetition over each sentence and one look-up per capitalized run: linear
 * in the article.
 */
import {
  AWARD_HEADS,
  AWARD_KEYS,
  COMPANY_SUFFIXES,
  DEMONYMS,
  KNOWN_COMPANY_KEYS,
  FILM_KINDS,
  MONTHS,
  WEEKDAYS,
  findEvent,
  isKnownSection,
} from './lexicon.js';
import { territoryOf } from './sketch.js';
import { companyEntry } from './companies.js';
import { nameKey } from './names.js';
import type { Span } from './types.js';
import { NOT_CAPS, WORDS_NOT_TITLES } from './titleWords.js';

// a title word: capitalized, a number, or an apostrophe word (Don't)
const TW = String.raw`(?:\p{Lu}[\p{L}\p{N}'.&:-]*|\d[\d,.]*)`;
// lower-case words titles carry inside ("Tales From the Golden Age", "Coco Chanel & Igor Stravinsky")
const TC = String.raw`(?:of|the|a|an|in|on|to|from|de|la|le|du|des|del|di|da|el|y|et|is|are|&|my|your|his|her|our|their|no|not|over|under|without|about|into|after|before)`;
const TITLE = String.raw`(${TW}(?:[ ](?:${TC}[ ]){0,3}${TW}){0,7})`;

const KINDS = String.raw`(?:film|films|title|documentary|doc|drama|comedy|tragicomedy|dramedy|thriller|feature|pic|picture|movie|winner|entry|opener|closer|production|co-production|coproduction|debut|animation|horror|romance|western|musical|biopic|satire|fable|fantasy|series|sequel|remake|adaptation|chiller|melodrama|mystery|romcom|docudrama|anthology|tale|story|epic|road movie|starrer|program|programme|show|miniseries|docuseries|toon|caper|actioner|heist|procedural|whodunit|potboiler|weepie|tearjerker|noir|mockumentary|prequel|spinoff|spin-off|rom-com|dramedy)`;

// what may follow a title: punctuation, or a verb or preposition (never a lower-case noun: "Cold War thriller")
const ENDS = String.raw`(?=[ ]?(?:[,.;:(\[]|$|[ ](?:which|that|was|were|has|had|is|are|went|sold|goes|gone|will|would|by|from|to|and|in|for|at|as|with|won|wins|received|gets|got|opens|opened|closes|closed|premieres|premiered|bows|bowed|screens|screened|plays|played|playing|airing|also|has|found|secured|landed|starring|featuring|co-starring|stars|directed|written|produced|about|debuts|debuted|widely|internationally|locked|inked|sealed|clinched|scored|pre|through)\b|[ ][-–—]))`;
const POSSESSIVE = new RegExp(
  String.raw`(?<![\p{L}])(\p{Lu}[\p{L}.-]*(?:[ ](?:de|da|di|van|von|del|le|la|\p{Lu}[\p{L}.-]*)){0,3})(?:'s|s')[ ]((?:(?:\p{Lu}\p{Ll}+(?:[/-]\p{Lu}?\p{Ll}+)*[ ])?(?:(?!${TC}[ ])[\p{Ll}][\p{Ll}-]*[ ]){1,3})?)${TITLE}${ENDS}`,
  'gu',
);
// the same without a descriptor, tried where the descriptor swallowed the verb ("Ana Ruiz's Nightjar was sold to")
const POSSESSIVE_PLAIN = new RegExp(
  String.raw`(\p{Lu}[\p{L}.-]*(?:[ ](?:de|da|di|van|von|del|le|la|\p{Lu}[\p{L}.-]*)){0,3})(?:'s|s')[ ]()${TITLE}${ENDS}`,
  'uy',
);
/** A name at `at` followed by its territory in parentheses, in a sentence listing two or more such pairs: a buyer. */
function buyerWithPlace(part: string, at: number): boolean {
  const paren = /^[ ]?\(([^()]{2,40})\)/.exec(part.slice(at));
  if (!paren || !territoryOf(paren[1])) return false;
  const pairs = [...part.matchAll(/\(([^()]{2,40})\)/g)].filter((p) => territoryOf(p[1]));
  return pairs.length >= 2;
}
const KIND_BEFORE = new RegExp(String.raw`\b${KINDS}[ ]${TITLE}${ENDS}`, 'gu');
const MARKER_AFTER = new RegExp(String.raw`${TITLE}[ ]?(?=\[\+see also|\(see news\))`, 'gu');
// "4 Days, 3 Nights and 2 Mornings [+see also:": before a film link a title may hold commas (never a list: each film has its own link)
const MARKER_AFTER_COMMAS = new RegExp(String.raw`${TITLE}((?:,[ ]${TITLE}){1,3},?[ ]and[ ]${TITLE})[ ]?(?=\[\+see also)`, 'gu');
// "On Body and Soul [+see also:": before a film link a title may hold "and" (the link is the whole title's)
const MARKER_AFTER_AND = new RegExp(
  String.raw`${TW}(?:[ ](?:${TC}[ ]){0,2}${TW}){0,3}[ ]and[ ](?:${TC}[ ]){0,2}${TW}(?:[ ](?:${TC}[ ]){0,2}${TW}){0,3}[ ]?(?=\[\+see also)`,
  'gu',
);
// a title the text shortens: "4 Days…", "Night Harbour..." (the full title is named elsewhere in the article)
const SHORTENED = /^(?:…|\.\.\.)/;
const BAR_TITLE = new RegExp(
  String.raw`\b(?:for|on|of|to|acquired|bought|sold)[ ]((?:\p{Lu}[\p{L}'’.-]*[ ]){1,4}\|[ ](?:\p{Lu}[\p{L}'’.-]*)(?:[ ]\p{Lu}[\p{L}'’.-]*){0,4})(?=[ ]?(?:[,.;(]|$|[ ](?:which|that|to|for|from|in|by|and)\b))`,
  'gu',
);
const NAMED_KIND = new RegExp(
  String.raw`\b${KINDS}[ ](?:(?:provisionally|tentatively|simply)[ ])?(?:entitled|titled|called)[ ]${TITLE}(?=[ ]?(?:[,.;:(]|$|[ ](?:about|for|from|by|which|that|and|to|in|is|was|will|has)\b))`,
  'gu',
);
// a plural kind of film before a list of its films ("British dramas A, The B and C"), and one item of that list: a title
// run, its credit after it ("A by Ana Ruiz"), up to the next separator
const KIND_LIST = new RegExp(
  String.raw`\b(?:titles|films|movies|features|documentaries|docs|dramas|comedies|thrillers|entries|favou?rites|pictures|pics|shows|dramas|animations|series)[ ](?:(?:such[ ]as|including|like)[ ])?(?=\p{Lu})`,
  'gu',
);
const ITEM = new RegExp(String.raw`${TITLE}(?:[ ]by[ ](?:\p{Lu}[\p{L}'’.-]*[ ]?){1,4})?(?=,|;|[ ]and[ ]|\.|$|[ ]\()`, 'uy');
// the object of a deal verb: "Brightwell has bought Salt Road for the U.K.", "will release Salt Road in the U.S."; of a
// seller's or a bidder's ("handles world sales on Salt Road", "is in talks for Salt Road"); not "reps", "is circling" or
// "is eyeing", which the trade also writes of people (an actor, a director)
const DEAL_OBJECT = new RegExp(
  String.raw`\b(?:acquired|acquires|bought|buys|picked up|picks up|nabbed|nabs|snapped up|scooped up|took|has taken|have taken|landed|grabbed|pre-bought|pre-buys|licensed|boarded|come aboard|came aboard|will distribute|will release|is releasing|is distributing|inked a deal for|closed a deal for|sold|sells|to distribute|to release|[Dd]eals? on|[Dd]eals? for|(?:pre-?)?sales (?:on|for)|is shopping|are shopping|(?:talks|negotiations) for|to acquire|to pick up)[ ]${TITLE}(?=[ ]?(?:[,.;]|$|[ ]\((?=\p{Lu})(?!see)|[ ](?:for|from|out of|ahead of|after|following|in a|in an|at|to|and|with|were|was|are|is|have|has|include|includes|theatrically|digitally|exclusively|nationwide)\b))`,
  'gu',
);
const CAPS = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}'’&.:-]*(?:[ ]\p{Lu}[\p{Lu}\p{N}'’&.:-]*){0,7})(?![\p{L}\p{N}])/gu;
// (a kind or "Both" before it is not the title's: "Documentary T sold to", "Both T and T2 went to"; its maker after it,
// "T by Ana Ruiz sold to", "T (Ana Ruiz) sold to")
const SUBJECT = new RegExp(
  String.raw`^(?:(?:Elsewhere|Meanwhile|Separately|Additionally|Also|Finally|Besides|Likewise|Similarly|Furthermore|In[ ]addition|\p{Lu}\p{Ll}+ing(?:[ ][\p{Ll}'’-]+){1,3}),[ ])?(?:(?:Both|Documentary|Doc|Drama|Comedy|Thriller|Feature|Animation|Animated[ ]feature|Horror[ ]film|Film)[ ](?=\p{Lu}))?${TITLE}(?=(?:,[^,]{3,80},|[ ]\([^()]{3,40}\)|[ ]by[ ](?:[\p{Ll}-]+[ ]){0,3}(?:\p{Lu}[\p{L}.'-]*[ ]){0,2}(?:director|filmmaker|helmer)?[ ]?\p{Lu}[\p{L}.'-]*(?:[ ]\p{Lu}[\p{L}.'-]*){0,3}(?:[ ]\([^()]{2,40}\))?)?[ ](?:(?:was|were|has been|have been|had been)[ ](?:(?:also|quickly|instantly|swiftly|already|since|now|recently)[ ])?(?:sold|acquired|bought|picked up|pre-sold|presold|snapped(?: up)?|scooped up|licensed)|will[ ]be[ ](?:released|distributed)[ ](?:in|by)|(?:(?:also|already|now)[ ])?(?:has[ ]|have[ ])?(?:(?:also|already|now|since|quickly)[ ])?(?:sold to|pre-sold to|presold to|gone to|went to|goes to|found (?:buyers|deals|takers|a home|homes))))\b`,
  'u',
);
// an apposition that says what the title is: "T, a Directors' Fortnight entry", "T, the new movie from"
const APPOS_AFTER = new RegExp(
  String.raw`(?:^|[,;:][ ]|\band[ ])${TITLE},[ ](?:(?:a|an)[ ](?:(?:[\p{L}'-]+|\d+)[ ]){0,5}?|the[ ](?:(?:[\p{L}'-]+|\d+)[ ]){1,5}?)${KINDS}\b(?![ ](?:company|outfit|group|agent|distributor))`,
  'gu',
);
// "one of the biggest French films of the year, T," / "Another Danish drama, T,"
// "one of the biggest French films of the year, T," / "Another Danish drama, T," / "his earlier film, the more
// experimental T," / "Ana Ruiz's next film, T." (after a
// maker's possessive the title may end the sentence)
const APPOS_BEFORE = new RegExp(
  String.raw`\b(?:(?<=['’]s[ ](?:[\p{Ll}-]+[ ]){0,3})${KINDS},[ ]${TITLE}(?=[,.;]|$)|${KINDS}(?:[ ]of[ ]the[ ]year)?,[ ](?:the[ ](?:[\p{Ll}-]+[ ]){1,3})?${TITLE}(?=,))`,
  'gu',
);
// a cast list open up to here: "starring Ana Ruiz and " (no comma or semicolon since the cue)
const CAST_BEFORE = /\b(?:starring|co-starring|featuring|stars|with)\b[^,;]*$/;
const ON_TITLE = new RegExp(String.raw`^\s*On[ ]${TITLE},`, 'u');
const SALE_WORDS = /\b(?:deals?|sold|sales|acquired|bought|secured|closed|picked up|licensed)\b/;
const AMONG = new RegExp(
  String.raw`^\s*Among (?:the|its|their|our) (?:[\p{L}'’-]+[ ]){0,14}?(?:is|are)[ ](?:the[ ](?:[\p{Ll}-]+[ ]){0,2})?${TITLE}(?=[ ](?:produced|directed|written|starring|by|from|which|,)|[,.])`,
  'u',
);
const NEXT_OBJECT = new RegExp(
  String.raw`(?:[ ]for[ ](?:the[ ])?\p{Lu}[\p{L}.]*(?:[ ]\p{Lu}[\p{L}.]*)?)?(?:,[ ]|[ ]and[ ])${TITLE}(?=[ ]?(?:[,.;]|$|[ ](?:for|from|in)\b))`,
  'uy',
);
const QUOTED = /(?<![\p{L}\p{N}])['"](\p{Lu}[^'"\n]{0,60}?)['"](?![\p{L}\p{N}])/gu;
// "rights to T", "rights in Germany and Austria to T" (territories between), "rights to T have been acquired"
const RIGHTS_TO = new RegExp(
  String.raw`\brights[ ](?:(?:in|for|across)[ ]((?:the[ ])?[\p{Lu}][\p{L}.]*(?:(?:,[ ]|[ ]and[ ]|[ ])(?:the[ ])?[\p{Lu}][\p{L}.]*){0,6})[ ]to|to|for|on)[ ]${TITLE}(?=[ ]?(?:,|\.|\(|$|[ ](?:from|which|and|in|for|at|has|have|had|was|were|is|are|will|went)\b))`,
  'gu',
);

/** Words whose possessive opens a title rather than naming its maker ("Nature's Cleanup Crew", "Daddy's Head"). */
export const COMMON_POSSESSOR = new Set([
  ...WEEKDAYS,
  'nature',
  'mother',
  'father',
  'daddy',
  'dad',
  'mommy',
  'mom',
  'mum',
  'mummy',
  'god',
  'devil',
  'heaven',
  'hell',
  'angel',
  'children',
  'lover',
  'world',
  'man',
  'woman',
  'king',
  'queen',
  'witch',
  'soldier',
  'nobody',
  'everybody',
  'tomorrow',
  'today',
  'yesterday',
  'night',
  'summer',
  'winter',
  'spring',
  'autumn',
  'life',
  'death',
  'dog',
  'wolf',
  'fool',
  'sinner',
  'stranger',
  'hunter',
  'traveler',
  'traveller',
  'dreamer',
  'butcher',
  'widow',
  'bride',
  'emperor',
  'fortune',
  'heart',
]);

const DEMONYMS_LOWER = new Set(Object.keys(DEMONYMS));

/** A company's own last word ("Lantern Sales", "HanWay Films"). */
const CORPORATE_WORD =
  /\b(?:Films|Film|Pictures|Entertainment|Media|Sales|Distribution|International|Intl\.?|Releasing|Studios?|Group|Productions)$/;

const SPEECH_AFTER =
  /^[ ,]*(?:told|said|says|say|added|adds|explained|explains|noted|commented|who|president|ceo|head|chief|founder|co-founder|managing|executive|exec|partner|vp|svp|evp)\b/i;
const ROLE_DESCRIPTOR =
  /\b(?:head|chief|president|ceo|boss|founder|co-founder|managing|executive|exec|partner|director of|vp|svp|evp|acquisitions|sales|team|division|arm|unit|label|banner|slate|line-up|lineup|catalogue|catalog|library|chairman|topper)\b/;

const OPENERS = new Set([
  'in',
  'for',
  'at',
  'on',
  'after',
  'with',
  'from',
  'by',
  'among',
  'across',
  'outside',
  'during',
  'before',
  'throughout',
]);
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);

/**
 * After a single kind of film or an auteur's possessive, " and T2 by P" continues the one title ("the biopic Night
 * and Fog by Ana Ruiz"): a singular kind names one film, and "by" its maker. The text to add, or "".
 */
function joinedBy(after: string): string {
  const m = /^ and (\p{Lu}[\p{L}'-]*(?: (?:of|the|a|in|on)?[ ]?\p{Lu}[\p{L}'-]*){0,3})(?= by \p{Lu})/u.exec(after);
  return m && !/['’]s\b/.test(m[1]) && plausible(m[1], '') ? ` and ${m[1]}` : '';
}

/** The longest plausible title in a run that may have swallowed a seller: "T from Northlight Sales" → "T". */
function bestTitle(run: string, after: string): string | null {
  if (plausible(run, after)) return run;
  const cuts = [...run.matchAll(/ (?:from|to|in|on|de|of|for) /g)].map((m) => m.index!).reverse();
  for (const k of cuts) if (plausible(run.slice(0, k), '')) return run.slice(0, k);
  return null;
}

const AWARD_HEADS_LOWER = new Set(AWARD_HEADS.map((h) => h.toLowerCase()));

const NEGOTIATION = /\b(?:negotiat\w*|brokered|on behalf of|hammered out|struck the deal|closed the deal)\b/i;

function plausible(title: string, after: string): boolean {
  const t = title.trim().replace(/'s?$/, '');
  if (t.length < 2 || !/^\p{L}/u.test(t)) return false;
  const k = nameKey(t);
  if (!k || WORDS_NOT_TITLES.has(k) || KNOWN_COMPANY_KEYS.has(k) || CALENDAR.has(k)) return false;
  // a company's legal form alone ("Koch films GmbH": the sketch cut the name at its lower-case word)
  if (/^(?:GmbH|Ltd\.?|Inc\.?|LLC|SAS|SARL|S\.?A\.?|SpA|AG|BV|Srl|Oy|Pty|PLC|Plc)\.?$/.test(t)) return false;
  const words = t.split(' ');
  const last = words[words.length - 1].toLowerCase().replace(/[.,]$/, '');
  // companies, prizes, sections, festivals, territories
  if (
    words.length >= 2 &&
    (COMPANY_SUFFIXES.has(last) ||
      /^(?:films?|pictures|studios?|media|entertainment|productions?|distribution|releasing|classics)$/.test(last))
  )
    return false;
  if (AWARD_KEYS.has(k) || AWARD_HEADS_LOWER.has(last) || /\b(?:award|prize|bear|lion|palme|jury)\b/i.test(t)) return false;
  if (isKnownSection(t) || findEvent(t) || territoryOf(t)) return false;
  // "Germany & Austria", "Spain and Portugal": territories joined, not a title
  const parts = t.split(/\s*(?:&|,|\band\b)\s*/).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => territoryOf(p))) return false;
  // "In Europe", "For Asia and Oceania": an opening phrase, not a title
  if (words.length >= 2 && OPENERS.has(words[0].toLowerCase())) {
    const rest = words.slice(1).join(' ');
    if (territoryOf(rest) || findEvent(rest) || /\band\b/.test(rest) || KNOWN_COMPANY_KEYS.has(nameKey(rest))) return false;
  }
  if (DEMONYMS[t.toLowerCase()] !== undefined) return false;
  if (SPEECH_AFTER.test(after)) return false;
  // "Salt Road from Wild Bunch", "Salt Road to Kinofilm": the seller or the buyer after the title, not its words
  const party = /.* (?:from|to) (.+)$/.exec(t);
  if (party && KNOWN_COMPANY_KEYS.has(nameKey(party[1]))) return false;
  // "Salt Road for the UK": the territory it was sold for
  const place = / for (?:the )?(.+)$/.exec(t);
  if (place && territoryOf(place[1])) return false;
  return true;
}

/** Whether a catalog title may be found on its own: two words or more, or a word no dictionary holds ("Titane", "Sirât"). */
export function catalogTitleUsable(title: string): boolean {
  const t = title.trim();
  if (t.length < 3 || !/^[\p{Lu}\d]/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length >= 2) return !WORDS_NOT_TITLES.has(nameKey(t)) && !KNOWN_COMPANY_KEYS.has(nameKey(t));
  return /[^\p{ASCII}]|\d|\p{Lu}.*\p{Lu}/u.test(t);
}

const CAP = (w: string) => w[0].toUpperCase() + w.slice(1);
/** A date alone (`February 16`): no film. */
const MONTH_SPAN = new RegExp(String.raw`^(?:${MONTHS.map(CAP).join('|')})(?: \d{1,2})?$`);
/** What follows names that describe a film (`P and P2's drama`, `P starrer`): the film is after the kind. */
const PEOPLE_BEFORE_KIND = new RegExp(
  String.raw`^(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?(?:['’]s?)?\s+(?:[\p{Ll}-]+\s+){0,2}(?:${FILM_KINDS.join('|')})\b`,
  'u',
);
// when the sale was: "Ana Ruiz's T in 2021", "T in January 2023", "T on Monday" (a month alone ends only a title of
// two words or more: "Summer in February" stays)
const WHEN_AFTER = new RegExp(
  String.raw`(?<=\S[ ]\S+)[ ](?:in|on|at|since|during|until|by)[ ](?:(?:early|late|mid)[ -])?(?:\d{4}|(?:${MONTHS.map(CAP).join('|')})(?:[ ]\d{1,2})?(?:,?[ ]\d{4})?|${WEEKDAYS.map(CAP).join('|')})$`,
  'u',
);
// what the film won or is said to be, hyphened to a capital: "Oscar-nominated T", "Cannes-winning T"
const ACCLAIM_BEFORE =
  /^\p{Lu}[\p{L}'’.]*-(?:nominated|winning|awarded|acclaimed|backed|based|set|shortlisted|tipped|bound|selected)[ ](?=\p{Lu})/u;

/** A title's span without trailing dots or colons, a date after it or praise before it. */
function trim(s: number, text: string): Span {
  const lead = ACCLAIM_BEFORE.exec(text)?.[0].length ?? 0;
  const end = /(?:'s|[.:,'-])+$/;
  const t = text.slice(lead).replace(end, '').replace(WHEN_AFTER, '').replace(end, '');
  return [s + lead, s + lead + t.length];
}

/**
 * Title spans in the article (`view` is the matching view of the text, the
 * sentences' spans index into it), in text order, not overlapping.
 */
export function findTitleSpans(view: string, sentences: Array<{ start: number; end: number }>, catalog: readonly string[] = []): Span[] {
  const found: Span[] = [];
  // the catalog's titles, aliases and original titles, wherever the article writes them (catalogKeys), and the
  // titles this article names
  const known = catalogKeys(catalog);
  const own = new Set<string>();
  const keys = {
    has: (t: string) => own.has(t) || known.has(t),
    add: (t: string) => own.add(t),
    get size() {
      return own.size + known.size;
    },
    *[Symbol.iterator]() {
      yield* known;
      yield* own;
    },
  };
  const push = (s: number, text: string) => {
    // "picked up Spain on T", "closed Benelux: T": the territory bought, then the film
    const bought = /^([\p{Lu}][\p{L}.\- ]{1,30}?)(?: on |: )(?=\p{Lu})/u.exec(text);
    if (bought && territoryOf(bought[1])) {
      s += bought[0].length;
      text = text.slice(bought[0].length);
    }
    // "sold T to Metropolitan in France": the buyer and its territory after the title
    const buyerIn = /^(.+?) to \p{Lu}[\p{L}.&'’ -]*? (?:in|for) (?:the )?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)$/u.exec(text);
    if (buyerIn && territoryOf(buyerIn[2])) text = buyerIn[1];
    // "sold T to France's Wild Side": a buyer named with its country's possessive after the title
    const toPlace = /^(.+?) to (?:the )?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)['’]s \p{Lu}/u.exec(text);
    if (toPlace && territoryOf(toPlace[2])) text = toPlace[1];
    // "snapped up T from HanWay for rights in Spain": the company the film was bought from
    const fromSeller = /^(.+?) from (\p{Lu}[\p{L}&.'’-]*(?: \p{Lu}[\p{L}&.'’-]*){0,3}?)\.?$/u.exec(text);
    // (or a name shaped like a company's: "ContentFilm", a capital inside one word)
    if (
      fromSeller &&
      (companyEntry(fromSeller[2]) || CORPORATE_WORD.test(fromSeller[2]) || /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+\.?$/u.test(fromSeller[2]))
    )
      text = fromSeller[1];
    // "the horror film T from Mexico": where the film comes from, no part of its title
    const origin = /^(.+?) from (?:the )?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)$/u.exec(text);
    if (origin && territoryOf(origin[2]) && !territoryOf(origin[1])) text = origin[1];
    // "deals for T to Benelux (X)": the territory of the pair that follows is no part of the title
    // (the last such word: "T in Winter to Sweden (X)" keeps "in Winter")
    const sold = /^(.+)\s+(?:to|for|in)\s+(?:the\s+)?(\p{Lu}[\p{L}.\s-]*)$/u.exec(text);
    if (sold && territoryOf(sold[2]) && /^\s*\(/.test(view.slice(s + text.length, s + text.length + 3))) text = sold[1];
    // "deals for T in the US and Asia": a list of territories after the title, never its end
    else if (
      sold &&
      territoryOf(sold[2]) &&
      /^\s+and\s+(?:the\s+)?\p{Lu}[\p{L}.]*/u.test(view.slice(s + text.length, s + text.length + 30))
    ) {
      const next = /^\s+and\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u.exec(view.slice(s + text.length, s + text.length + 30));
      if (next && territoryOf(next[1])) text = sold[1];
    }
    // "closed deals on T: Japan (X) and Hungary (Y)": a colon that opens a list of territories ends the title
    const colon = /^(.+?):\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)$/u.exec(text);
    if (colon && territoryOf(colon[2])) text = colon[1];
    const [a, b] = trim(s, text);
    if (b - a < 2) return;
    // "acquired No. American rights": the trade's abbreviation of North America, not a film called "No"
    if (view.slice(a, b) === 'No' && /^\.\s*Americ/.test(view.slice(b, b + 12))) return;
    const span = view.slice(a, b);
    // a count ("10 have gone to X"), a date ("rights on February 16"), a market in capitals ("at MIPDOC"), a
    // territory and what happened there ("rights to France before Berlin"): no film the text names unquoted
    if (/^\d+$/.test(span) || MONTH_SPAN.test(span)) return;
    if (/^\p{Lu}{3,}$/u.test(span) && /\bat $/.test(view.slice(a - 3, a))) return;
    // "VPRO the Netherlands and YLE Finland": an acronym named with the country it serves is a broadcaster
    const served = /^ (?:the )?(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)(?= and |, |\.| have | has | are )/u.exec(view.slice(b, b + 40));
    if (/^\p{Lu}{2,6}$/u.test(span) && served && territoryOf(served[1])) return;
    const lead = /^(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?) (?:before|after|in|at|for|from|with|during|until|ahead)\b/u.exec(span);
    if (lead && territoryOf(lead[1])) return;
    // people, not a film: "rights to Glenn Close and Jonathan Pryce drama T", "P and P2's drama T" (the names describe
    // the film that follows), "directorial duo P and P2, the modern tale ..." (the second of a pair of names)
    const after = view.slice(b, b + 80);
    if (PEOPLE_BEFORE_KIND.test(after)) return;
    const pair = /\p{Lu}[\p{L}'’.-]+\s+\p{Lu}[\p{L}'’.-]+\s+(?:and|&)\s+$/u.exec(view.slice(Math.max(0, a - 40), a));
    // (not when the first of the pair is a film found before: "took Copper Sky and Winter Ledger" names two films)
    const firstAt = pair ? a - pair[0].length : -1;
    if (pair && /^\p{Lu}[\p{Ll}'’.-]+\s+\p{Lu}[\p{Ll}'’.-]+$/u.test(span) && !found.some(([x, y]) => y > firstAt && x < a)) return;
    // "LOS ANGELES -- X has ...": a dateline in capitals before its dash, not a film
    // (a rundown's entry in capitals, `T – Director: P`, is a film)
    if (!/\p{Ll}/u.test(view.slice(a, b)) && /^\s*(?:--|—|–)(?!\s*\p{Lu}[\p{L} ]{0,20}:)/u.test(view.slice(b, b + 30))) return;
    found.push([a, b]);
    keys.add(view.slice(a, b));
  };
  // "acquired T and T2.", "rights to T and T2 from X", "bought T for Germany and T2 for Austria": a second object of the
  // same verb, joined by "and" or a comma, when what follows it ends the object (a stop, or for / from / in)
  const nextObject = (part: string, from: number, base: number) => {
    NEXT_OBJECT.lastIndex = from;
    const m = NEXT_OBJECT.exec(part);
    if (!m) return;
    const t = objectTitle(m[1]);
    if (t.includes("'s ") || t.split(' ').length > 6 || /^(?:The|A|An)$/.test(t)) return;
    if (KNOWN_COMPANY_KEYS.has(nameKey(t.split(' ')[0])) || !plausible(t, '')) return;
    push(base + m.index + m[0].length - m[1].length, t);
  };
  for (const sen of sentences) {
    const part = view.slice(sen.start, sen.end);
    // "negotiated by Neon's Jeff Deutchman": in a sentence about the negotiation a company's possessive names its people
    const negotiation = NEGOTIATION.test(part);
    // each pattern is tried only where the words it needs are written (most sentences have none of them)
    const possessive = part.includes("'s ") || part.includes("s' ");
    for (let m of negotiation || !possessive ? [] : part.matchAll(POSSESSIVE)) {
      const descriptor = m[2] ?? '';
      if (
        ROLE_DESCRIPTOR.test(descriptor) ||
        /\b(?:starring|featuring|co-starring|with|about|and|or|from|by|in|on|at|for|to|is|was|has|will|told|said|which|who)\b/.test(
          descriptor,
        )
      ) {
        // "Ana Ruiz's Nightjar was sold to": the descriptor took the title and its verb; the title alone may stand there
        POSSESSIVE_PLAIN.lastIndex = m.index;
        const plain = ROLE_DESCRIPTOR.test(descriptor) ? null : POSSESSIVE_PLAIN.exec(part);
        if (!plain) continue;
        m = plain;
      }
      // "Croatia's Kinorama": a buyer's country, not an auteur ("deals on Norway's The Troll Hunter": a film of that
      // country, after the words of a deal, opens on an article)
      if (
        territoryOf(m[1]) &&
        !(
          /^(?:The|A|An)\s/.test(m[3] ?? '') &&
          !(m[2] ?? '').trim() &&
          /\b(?:on|to|for|of)\s*$/.test(part.slice(Math.max(0, m.index - 12), m.index))
        )
      )
        continue;
      // "Nature's Cleanup Crew", "Thursday's Child", "God's Horses": a common noun's possessive opens the title itself
      // "P's competition entry Emma's Garden": after a maker's possessive and the kind of film, a one-word possessive
      // opens the title itself
      const kindBefore = new RegExp(String.raw`\b${KINDS}[ ]$`, 'u').test(part.slice(Math.max(0, m.index - 30), m.index));
      if (!(m[2] ?? '').trim() && !m[1].includes(' ') && kindBefore && /['’]s\s/.test(part.slice(Math.max(0, m.index - 60), m.index))) {
        const whole = m[0].replace(/[.,;:]+$/, '');
        if (bestTitle(whole, part.slice(m.index + m[0].length, m.index + m[0].length + 24)) === whole) {
          push(sen.start + m.index, whole);
          continue;
        }
      }
      // (its last word only after a nationality: "Moroccan God's Horses")
      const possessor = m[1].split(' ');
      if (!(m[2] ?? '').trim() && COMMON_POSSESSOR.has(possessor[possessor.length - 1].toLowerCase())) {
        const lead = possessor.slice(0, -1).join(' ');
        const skip = lead ? lead.length + 1 : 0;
        const whole = m[0].slice(skip).replace(/[.,;:]+$/, '');
        const best = bestTitle(whole, part.slice(m.index + m[0].length, m.index + m[0].length + 24));
        if (best === whole && (!lead || DEMONYMS_LOWER.has(lead.toLowerCase()))) {
          push(sen.start + m.index + skip, whole);
          continue;
        }
      }
      // "Critics' Week", "Directors' Fortnight": a festival's section, not a film behind its maker's name
      const owner = part.slice(m.index, m.index + m[0].length - m[3].length - (m[2]?.length ?? 0)).trim();
      const named = m[3].replace(/[.,;:]+$/, '');
      const ownerLast = owner.split(' ').pop();
      if ([named, named.split(' ')[0]].some((t) => isKnownSection(`${owner} ${t}`) || isKnownSection(`${ownerLast} ${t}`))) continue;
      // "SXSW's Narrative Spotlight", "Rotterdam's Bright Future": a festival's possessive names its sections and prizes;
      // its films follow a kind of film ("Cannes' opening film T")
      if (!descriptor.trim() && findEvent(m[1])) continue;
      const s = sen.start + m.index + m[0].length - m[3].length;
      const after = part.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (!descriptor && /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(m[3]) && SPEECH_AFTER.test(after)) continue;
      // "the company's market booth is T": a verb, not a title's word ("Life Is Beautiful" capitalizes it)
      if (/ (?:is|are) /.test(m[3])) continue;
      const best = bestTitle(m[3], after);
      if (best) push(s, best + (best === m[3] && !/s$/.test(descriptor.trim()) ? joinedBy(after) : ''));
    }
    for (const m of part.matchAll(KIND_BEFORE)) {
      if (m[1].includes("'s ")) continue; // "drama Ana Ruiz's T": the possessive rule reads it
      const s = sen.start + m.index + m[0].length - m[1].length;
      const after = part.slice(m.index + m[0].length, m.index + m[0].length + 60);
      const best = bestTitle(m[1], after);
      if (best) push(s, best + (best === m[1] ? joinedBy(after) : ''));
    }
    // "acquired British dramas A, The B and C", "Korean titles A and B", "festival favourites A, B and C": a plural kind
    // of film before a list names each of its films
    for (const m of part.matchAll(KIND_LIST)) {
      let at = m.index + m[0].length;
      for (let n = 0; n < 8; n++) {
        ITEM.lastIndex = at;
        const item = ITEM.exec(part);
        if (!item) break;
        const t = item[1];
        if (t.includes("'s ") || t.split(' ').length > 7 || !plausible(t, '')) break;
        push(sen.start + at, t);
        at += item[0].length;
        const sep = /^(?:,[ ]and[ ]|,[ ]|[ ]and[ ]|;[ ](?:and[ ])?)/.exec(part.slice(at));
        if (!sep) break;
        at += sep[0].length;
      }
    }
    // "agreements for Ryuichi Sakamoto | Opus which portrays ...": a title whose two parts a bar joins
    for (const m of part.includes(' | ') ? part.matchAll(BAR_TITLE) : []) {
      const t = m[1];
      if (plausible(t.split(' | ')[0], '') || plausible(t.split(' | ')[1], '')) push(sen.start + m.index + m[0].length - t.length, t);
    }
    // "a crime thriller entitled T", "a documentary titled T": the kind of film, then the name it goes by
    for (const m of part.matchAll(NAMED_KIND)) {
      const t = m[1];
      if (!t.includes("'s ") && t.split(' ').length <= 8 && plausible(t, '')) push(sen.start + m.index + m[0].length - t.length, t);
    }
    // "On T, the company closed a deal with X for Japan": the title a sales sentence opens on
    const on = ON_TITLE.exec(part);
    if (on && SALE_WORDS.test(part) && plausible(on[1], '') && !on[1].includes("'s "))
      push(sen.start + on[0].length - on[1].length - 1, on[1]);
    // "Among the titles drawing buyers to the company's booth is T produced by": the inverted subject
    const among = AMONG.exec(part);
    if (among && plausible(among[1], '') && !among[1].includes("'s "))
      push(sen.start + among.index + among[0].length - among[1].length, among[1]);
    for (const m of /, (?:an?|the) /.test(part) ? part.matchAll(APPOS_AFTER) : []) {
      if (m[1].includes("'s ")) continue;
      // "T, starring Ana Ruiz and Ben Holt, a tale of": the last name of a cast list, not a title
      if (CAST_BEFORE.test(part.slice(0, m.index + m[0].indexOf(m[1])))) continue;
      const s = sen.start + m.index + m[0].indexOf(m[1]);
      if (plausible(m[1], '') && m[1].split(' ').length <= 7) push(s, m[1]);
    }
    for (const m of part.matchAll(APPOS_BEFORE)) {
      const t = (m[1] ?? m[2]).replace(/[.,;]+$/, '');
      if (t.includes("'s ")) continue;
      if (plausible(t, '') && t.split(' ').length <= 7) push(sen.start + m.index + m[0].indexOf(t, m[0].indexOf(', ')), t);
    }
    // a copy of the page that lost the film link keeps its line break: the sentence stops on the title without a full
    // stop and goes on, in lower case, on the next line ("the Golden Bear winner On Body and Soul\nby P")
    // (never inside a film link's own block, whose lines name the film's profile, its director, its trailer)
    const before = view.slice(Math.max(0, sen.start - 400), sen.start);
    const inLink = before.lastIndexOf('[+see also') > before.lastIndexOf(']');
    const stripped = !inLink && !/[.!?:;”"')]\s*$/.test(part) && /^[ \t]*\n[ \t]*(?:\p{Ll}|,|\()/u.test(view.slice(sen.end, sen.end + 6));
    const linked = stripped ? `${part.trimEnd()} [+see also:` : part;
    const seeAlso = linked.includes('[+see also');
    for (const m of seeAlso || part.includes('(see news)') ? linked.matchAll(MARKER_AFTER) : []) {
      // "Julie Ruiz's The Tree [+see also:": the title is what follows the auteur's possessive
      let cut = m[1].lastIndexOf("'s ");
      cut = cut >= 0 ? cut + 3 : 0;
      // "the Austrian/Turkish Kuma [+see also:": a nationality before the title is not part of it
      const first = /^(\p{Lu}\p{Ll}+) (?=\S)/u.exec(m[1].slice(cut));
      if (first && DEMONYMS[first[1].toLowerCase()] !== undefined) cut += first[0].length;
      const t = m[1].slice(cut);
      // "T, starring Ana Ruiz (see news), was sold": the marker follows the cast, and the name is an actor's
      if (/\b(?:starring|co-starring|featuring)\b[^,;]*$/.test(part.slice(0, m.index + cut))) continue;
      if (plausible(t, '')) push(sen.start + m.index + cut, t);
    }
    for (const m of seeAlso ? linked.matchAll(MARKER_AFTER_AND) : []) {
      const t = m[0].trimEnd();
      // (a film link vouches for an opening word: "On Body and Soul" is no "In Europe and Asia")
      const rest = t.split(' ').slice(1).join(' ');
      const opener = OPENERS.has(t.split(' ')[0].toLowerCase()) && rest.split(/ and /).every((p) => !territoryOf(p));
      if ((plausible(t, '') || opener) && !t.includes("'s ")) push(sen.start + m.index, t);
    }
    for (const m of seeAlso ? linked.matchAll(MARKER_AFTER_COMMAS) : []) {
      const t = m[0].trimEnd();
      const lead = /^(\d+) (?=\p{Lu})/u.exec(t);
      if (plausible(lead ? t.slice(lead[0].length) : t, '') && !t.includes("'s ")) push(sen.start + m.index, t);
    }
    for (const m of part.matchAll(DEAL_OBJECT)) {
      const t = objectTitle(m[1]);
      if (t.includes("'s ") || t.split(' ').length > 6 || /^(?:The|A|An)$|^Best /.test(t)) continue;
      if (plausible(t, '')) {
        const at = m.index + m[0].length - m[1].length;
        push(sen.start + at, t);
        nextObject(part, at + t.length, sen.start);
      }
    }
    for (const m of part.includes('rights ') ? part.matchAll(RIGHTS_TO) : []) {
      const run = m[2];
      if (run.includes("'s ")) continue;
      // "German rights went to X and Benelux rights to Y": the verb said once, Y is the buyer
      if (/\b(?:went|gone|goes)[ ]to\b/.test(part.slice(0, m.index))) continue;
      // "rights in Germany and Austria to T": only territories may stand between "rights in" and "to"
      if (m[1] && !m[1].split(/,[ ]|[ ]and[ ]/).every((t) => territoryOf(t.replace(/^the /, '')))) continue;
      // "rights to Ana M. Ruiz's drama": a name cut at its middle initial, not a title
      if (/[ ]\p{Lu}$/u.test(run) && part[m.index + m[0].length] === '.') continue;
      // "TV rights to X (Greece); season 1 to Y (Norway)": in a list of buyers each with its territory, a buyer
      if (buyerWithPlace(part, m.index + m[0].length)) continue;
      const s = sen.start + m.index + m[0].length - run.length;
      // "rights to T in Germany": the territory the rights are for, not the title's words
      const best = bestTitle(objectTitle(run), '');
      if (best) {
        push(s, best);
        nextObject(part, s - sen.start + best.length, sen.start);
      }
    }
    const lead = /^\s*/.exec(part)![0].length;
    const sub = SUBJECT.exec(part.slice(lead));
    if (sub && plausible(sub[1], '') && sub[1].split(' ').length <= 6 && !sub[1].includes("'s "))
      push(sen.start + lead + sub[0].length - sub[1].length, sub[1]);
    // the subject of a second clause: "T was acquired by X for R while T2 by P (T3) was sold to R (Y)"
    for (const w of part.includes(' while ') || part.includes('; ') ? part.matchAll(/(?: while |; )(?=\p{Lu})/gu) : []) {
      const at = w.index + w[0].length;
      const second = SUBJECT.exec(part.slice(at));
      if (second && plausible(second[1], '') && second[1].split(' ').length <= 6 && !second[1].includes("'s "))
        push(sen.start + at + second[0].length - second[1].length, second[1]);
    }
    // a title in capitals has two capitals in a row, and the sentence around it lower-case words
    for (const m of /\p{Lu}{2}/u.test(part) && /\p{Ll}{3}/u.test(part) ? part.matchAll(CAPS) : []) {
      const t = m[1].replace(/[.:,'-]+$/, '');
      const letters = t.replace(/[^\p{L}]/gu, '');
      if (letters.length < 4 || NOT_CAPS.has(t) || t.split(' ').every((w) => NOT_CAPS.has(w.replace(/[.:,'-]+$/, '')))) continue;
      if (/^[ ]?:/.test(part.slice(m.index + t.length, m.index + t.length + 2))) continue; // "EXCLUSIVE:", "VERDICT:" headers
      // "Thailand (MATV)": capitals alone in parentheses are a buyer's name, not a film
      if (part[m.index - 1] === '(' && /^[.]?\)/.test(part.slice(m.index + t.length, m.index + t.length + 2))) continue;
      // a byline printed in capitals ("BY ANA RUIZ Buyers have ..."): the writer, never a title
      if (/^BY\b/.test(t) || /\bBY[ ]$/.test(part.slice(Math.max(0, m.index - 3), m.index))) continue;
      // "the VISA Screening Room": capitals that begin a longer name
      if (!t.includes(' ') && /^[ ]\p{Lu}\p{Ll}/u.test(part.slice(m.index + t.length, m.index + t.length + 3))) continue;
      if (!/\p{Lu}{2}/u.test(t) || !plausible(t, '')) continue;
      // a headline or a page printed in capitals is not a title
      if (!/\p{Ll}{3}/u.test(part)) continue;
      push(sen.start + m.index, t);
    }
  }
  // a title the article quotes somewhere (a headline's 'Dying') is a title where the body repeats it unquoted
  for (const m of view.matchAll(QUOTED)) {
    const t = m[1].replace(/[.:,!?-]+$/, '');
    if (t.split(' ').length <= 8 && plausible(t, '')) keys.add(t);
  }
  // the same titles wherever the article repeats them: each capitalized run, its leading sub-runs looked up
  if (keys.size) {
    const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${TITLE}`, 'gu');
    for (const m of view.matchAll(RUN)) {
      if (/['"]/.test(view[m.index - 1] ?? '')) continue; // quoted: the sketch reads it
      // "4 Days…": the beginning of a longer title the article names
      if (SHORTENED.test(view.slice(m.index + m[1].length, m.index + m[1].length + 3)) && fullTitleOf(m[1], keys)) {
        found.push([m.index, m.index + m[1].length]);
        continue;
      }
      // "Salt and Iron": a known title whose "and" parts two runs, the run after it looked up joined to this one
      const joined = joinedKnown(view, m.index + m[1].length, m[1], keys);
      if (joined) {
        found.push([m.index, m.index + joined.length]);
        continue;
      }
      const words = m[1].split(' ');
      for (let n = words.length; n >= 1; n--) {
        const t = words
          .slice(0, n)
          .join(' ')
          .replace(/[.:,'-]+$/, '');
        if (keys.has(t)) {
          found.push([m.index, m.index + t.length]);
          break;
        }
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const sp of found) if (!out.length || sp[0] >= out[out.length - 1][1]) out.push(sp);
  return out;
}

/** A capitalized run at the start of a text (built once). */
const RUN_START = new RegExp(String.raw`^${TITLE}`, 'u');

/** After a run ending at `end`, ` and ` or ` & ` and a second run: the longest joined form (`Salt and Iron`) that `keys` holds, or null. */
function joinedKnown(view: string, end: number, run: string, keys: { has: (t: string) => boolean }): string | null {
  const link = /^ (?:and|&) /.exec(view.slice(end, end + 5));
  if (!link) return null;
  const next = RUN_START.exec(view.slice(end + link[0].length, end + link[0].length + 120));
  if (!next) return null;
  const words = next[1].split(' ');
  for (let n = words.length; n >= 1; n--) {
    const t = `${run}${link[0]}${words.slice(0, n).join(' ')}`.replace(/[.:,'-]+$/, '');
    if (keys.has(t)) return t;
  }
  return null;
}

/**
 * The catalog's titles that may be found on their own, trimmed: those of one plain word ("Hope", "Dying") are
 * phrases of the language as well, and wait for their context. A feed's articles are read against the same
 * catalog: the last one's set is kept and used again while the list is the same, title for title.
 */
let lastCatalog: { titles: readonly string[]; keys: ReadonlySet<string> } | null = null;

function catalogKeys(catalog: readonly string[]): ReadonlySet<string> {
  if (lastCatalog && lastCatalog.titles.length === catalog.length && lastCatalog.titles.every((t, i) => t === catalog[i]))
    return lastCatalog.keys;
  const keys = new Set<string>();
  for (const t of catalog) if (catalogTitleUsable(t)) keys.add(t.trim());
  lastCatalog = { titles: [...catalog], keys };
  return keys;
}

/** The one longer title of `keys` that `short` begins ("4 Days" → "4 Days, 3 Nights and 2 Mornings"), or null. */
function fullTitleOf(short: string, keys: Iterable<string>): string | null {
  let full: string | null = null;
  for (const k of keys)
    if (k.length > short.length + 1 && k.startsWith(short) && /^[ ,:]/.test(k.slice(short.length))) {
      if (full && full !== k) return null;
      full = k;
    }
  return full;
}

/**
 * The full titles of the spans the text shortens with an ellipsis ("4 Days…"), keyed by the short form as written:
 * the sketch reads such a span as its full title.
 */
export function fullTitles(view: string, spans: readonly Span[]): Map<string, string> {
  const out = new Map<string, string>();
  const shortened = spans.filter(([, e]) => SHORTENED.test(view.slice(e, e + 3)));
  if (!shortened.length) return out;
  const names = new Set(spans.map(([a, b]) => view.slice(a, b)));
  for (const [a, b] of shortened) {
    const short = view.slice(a, b);
    const full = fullTitleOf(short, names);
    if (full) out.set(short, full);
  }
  return out;
}

/** The title in a deal verb's object run, without the buyer, seller or territory it swallowed ("Salt Road to Alma Cine in Spain"). */
function objectTitle(written: string): string {
  const run = written.replace(/[.,:;]+$/, '');
  for (const m of run.matchAll(/ (in|to|from|at|for|on) /g)) {
    const rest = run.slice(m.index + m[0].length);
    const last = rest.split(' ').pop()!.toLowerCase();
    if (
      territoryOf(rest.replace(/^the /, '')) ||
      /^(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?\b)/.test(rest) ||
      CALENDAR.has(rest.split(' ')[0].toLowerCase()) ||
      findEvent(rest) ||
      KNOWN_COMPANY_KEYS.has(nameKey(rest)) ||
      COMPANY_SUFFIXES.has(last) ||
      (m[1] === 'to' && /^\p{Lu}/u.test(rest))
    )
      return run.slice(0, m.index);
  }
  return run;
}
