/**
 * The words a sentence is read with: words that make a quoted phrase a quote
 * rather than a title, the function words of titles, headline words, media
 * acronyms, the connectors that join names, and the tokenizer's patterns.
 */

const QUOTE_WORDS = /\b(?:i|we|you|our|my|me|us|your|i'm|we're|it's|is|are|was|were|be|have|has|will|can|this|that|very|so|to)\b/i;
const TITLE_FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'with',
  'from',
  'by',
  'as',
  'is',
  'de',
  'la',
  'le',
  'el',
  'les',
  'du',
  'des',
  'di',
  'da',
  'y',
  'et',
  'il',
  'der',
  'die',
  'das',
  'und',
]);

/** Whether a quoted text reads as a title (short, capitalized) rather than speech or a phrase. */
export function looksLikeTitle(inner: string): boolean {
  const t = inner.trim().replace(/[,.;:!?]+$/, '');
  if (!t || t.length > 90) return false;
  if (!/^[\p{Lu}\d¡¿"'(]/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  if (words.length <= 3) return true;
  const content = words.filter((w) => !TITLE_FUNCTION_WORDS.has(w.toLowerCase()));
  const caps = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (content.length && caps / content.length >= 0.6) return true;
  // foreign titles in sentence case: short, no speech words
  return words.length <= 5 && !QUOTE_WORDS.test(t);
}

/** A verb of speech, as the trade tags a quotation. */
const SPEECH = String.raw`(?:said|says|added|adds|noted|notes|explained|explains|commented|comments|told|tells|stated|states|enthused|enthuses|stressed|stresses|insisted|insists|argued|argues|observed|remarked|recalled|admitted|warned|asserted|declared|quipped|joked|emphasi[sz]ed|emphasi[sz]es|underlined)`;
const SPEECH_BEFORE = new RegExp(String.raw`\b${SPEECH}(?:[ ]\S+){0,2}[,:]\s*$`);
const SPEECH_AFTER = new RegExp(
  String.raw`^\s*(?:[,.]\s*)?(?:he|she|they|\p{Lu}[\p{L}.'’-]*(?:[ ]\p{Lu}[\p{L}.'’-]*){0,2})[ ]${SPEECH}\b`,
  'u',
);
/** Plain words of speech in lower case, which a title in Title Case writes with a capital ("Life Is Beautiful"). */
const SPOKEN_WORDS = /\b(?:is|are|was|were|we|our|i'm|we're|it's|will|have|has|am)\b/;

/**
 * Whether a quotation marked as a title is what someone said: tagged by a verb of speech before (`said: "..."`) or
 * after it (`"...," said Ana Ruiz`), or a clause that ends inside its quotes with a plain verb in lower case
 * (`"Copper Sky is extraordinary."`).
 */
export function spokenQuote(inner: string, before: string, after: string): boolean {
  if (SPEECH_BEFORE.test(before) || SPEECH_AFTER.test(after)) return true;
  const t = inner.trim();
  return t.split(/\s+/).length >= 3 && /[.!]$/.test(t) && SPOKEN_WORDS.test(t);
}

/** Words that, in a Title Case headline, are plain words and not names. */
export const HEADLINE_WORDS = new Set([
  'nabs',
  'acquires',
  'acquire',
  'acquired',
  'lands',
  'land',
  'buys',
  'buy',
  'bought',
  'takes',
  'take',
  'picks',
  'pick',
  'up',
  'boards',
  'board',
  'snaps',
  'scoops',
  'grabs',
  'secures',
  'sets',
  'set',
  'bows',
  'wins',
  'win',
  'won',
  'premieres',
  'premiere',
  'sells',
  'sell',
  'sold',
  'closes',
  'close',
  'inks',
  'seals',
  'strikes',
  'deal',
  'deals',
  'rights',
  'right',
  'to',
  'for',
  'of',
  'in',
  'on',
  'at',
  'with',
  'from',
  'by',
  'and',
  'as',
  'title',
  'film',
  'drama',
  'documentary',
  'doc',
  'thriller',
  'comedy',
  'horror',
  'sales',
  'international',
  'world',
  'worldwide',
  'global',
  'distribution',
  'ahead',
  'after',
  'out',
  'into',
  'is',
  'are',
  'be',
  'will',
  'its',
  'his',
  'her',
  'their',
  'new',
  'first',
  'trailer',
  'exclusive',
  'competition',
  'entry',
  'hit',
  'pact',
  'multiple',
  'territories',
  'territory',
  'slate',
  'package',
  'feature',
  'debut',
  'grosses',
  'tops',
  'opens',
  'opening',
  'weekend',
  'box',
  'office',
  'lineup',
  'line-up',
  'unveils',
  'reveals',
  'adds',
  'joins',
  'exits',
  'pulled',
  'withdrawn',
  'yanked',
  'drops',
  'nears',
  'talks',
  'eyes',
  'circles',
  'circling',
  'eyeing',
  'denies',
  'rumored',
  'rumoured',
  'a',
  'an',
  'the',
  'how',
  'why',
  'what',
  'more',
]);

/** Media written in capitals ("SVOD rights"): words, not names. */
export const MEDIA_ACRONYMS = new Set([
  'svod',
  'avod',
  'tvod',
  'vod',
  'svod/avod',
  'est',
  'dvd',
  'tv',
  'pay-tv',
  'free-tv',
  'ppv',
  'fast',
  'bvod',
  'hvod',
  'iptv',
]);

export const CONNECTORS = new Set([
  'de',
  'du',
  'des',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'von',
  'van',
  'der',
  'den',
  'la',
  'le',
  'y',
  'al',
  'el',
  'bin',
  'ibn',
  'e',
  'do',
  'ter',
  'zu',
  '&',
  'et',
  'und',
  'og',
  'och',
]);

export const MOD_RE =
  /^([\p{Lu}\d][\p{L}\p{N}.'&+’]*(?:\s?[\p{Lu}][\p{L}.'’]*)*)-(based|bound|born|set|winning|nominated|backed|produced|financed|era|style|themed|owned|headquartered|selected|shortlisted|bowing|premiering|acquired|launched)$/u;

export const TOKEN_RE = new RegExp(
  [
    // money: $12 million, €6.2m, RMB1.2 billion, US$3m
    String.raw`(?:US\$|A\$|C\$|CA\$|HK\$|NZ\$|R\$|S\$|NT\$|MX\$|[$€£¥₩₹])\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|mil|mln|bn|m|k|thousand)\b)?`,
    String.raw`\b(?:RMB|[A-Z]{3})\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|m|bn|k)\b)?`,
    String.raw`\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion)\s(?:yuan|euros?|dollars|pounds|yen|won|rupees|reais|pesos|kronor|roubles|rubles|zloty)\b`,
    // U.S., U.K., L.A.
    String.raw`(?:\p{L}\.){2,}`,
    // words (with inner apostrophes, hyphens, &, /, +)
    String.raw`[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-&/+:][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*\+?`,
    String.raw`[,;:()\[\]–—.!?]|-{1,2}`,
  ].join('|'),
  'gu',
);

export const ABBREV_DOT = new Set([
  'ent',
  'intl',
  'dist',
  'prods',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'jr',
  'sr',
  'st',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mr',
  'mrs',
  'ms',
  'dr',
]);
