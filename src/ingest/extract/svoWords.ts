/**
 * The words of the clause reading (svo.ts): its cue, its verbs (active, gerund, infinitive, passive), the words that
 * stand between a subject and its verb, the hedges before a verb, and the words that describe a film before its
 * title.
 */
/** Words a sentence must hold for this reading to try it. */
export const CUE =
  /\b(?:acquired|acquires|acquiring|pre-acquired|picked up|picks up|picking up|bought|buys|nabbed|nabs|nabbing|snapped up|snaps up|snapping up|snatched up|scooped up|landed|lands|grabbed|grabs|secured|purchased|took home|taking home|takes home|pre-bought|prebuying|pre-buying|grabbing|scooping up|snatching up|sold|went to|gone to|forked out|to acquire|to pick up|to license|to buy|to snap up|to secure|gone on to release|snagged|snags|snared|snagging|scoring|tied down|released|distributed|acquisitions|pick-ups|pickups|buys|purchases|releases|slate|line-up|lineup|releasing|has taken|taken by|has also taken|also took|moved on|took(?= (?:seasons?|the (?:first|second|third|new) season)\b)|have taken|to pre-buy|to prebuy|distribbed|won the (?:scramble|race|bidding war|battle)(?: for)?|among (?:the )?buyers of)\b/;

export const ACTIVE: string[][] = [
  // ("The UK buyer also took T from S": `took` alone is too often a prize or a place)
  ['also', 'took'],
  // ("X and Y are among buyers of A, B and C": a buyer told by its place among them)
  ['are', 'among', 'buyers', 'of'],
  ['are', 'among', 'the', 'buyers', 'of'],
  ['is', 'among', 'buyers', 'of'],
  ['is', 'among', 'the', 'buyers', 'of'],
  ['acquired'],
  ['acquires'],
  ['pre-acquired'],
  ['purchased'],
  ['picked', 'up'],
  ['picks', 'up'],
  ['bought'],
  ['buys'],
  ['pre-bought'],
  ['nabbed'],
  ['nabs'],
  ['snapped', 'up'],
  ['snaps', 'up'],
  ['snatched', 'up'],
  ['scooped', 'up'],
  ['landed'],
  ['lands'],
  ['grabbed'],
  ['grabs'],
  ['secured'],
  ['took', 'home'],
  ['takes', 'home'],
  ['snagged'],
  ['snags'],
  ['snared'],
  ['tied', 'down'],
  // a release told in passing is a deal of the past ("X, which released T", "X has released such titles as A, B")
  ['released'],
  ['distributed'],
  // the trade's slang and idioms for a buy ("X previously distribbed T", "X won the scramble for T")
  ['distribbed'],
  ['won', 'the', 'scramble', 'for'],
  ['won', 'the', 'race', 'for'],
  ['won', 'the', 'bidding', 'war', 'for'],
  ['won', 'the', 'battle', 'for'],
  ['won', 'the', 'bidding', 'war'],
  // a release settled ("X will be releasing crime thriller T", "X is releasing T")
  ['will', 'be', 'releasing'],
  ['is', 'releasing'],
  ['is', 'also', 'releasing'],
  ['are', 'releasing'],
  ['are', 'also', 'releasing'],
  // ("X has also taken P's latest feature, T")
  ['has', 'taken'],
  ['has', 'also', 'taken'],
  ['have', 'taken'],
];
export const GERUND: string[][] = [
  ['acquiring'],
  ['picking', 'up'],
  ['taking', 'home'],
  ['nabbing'],
  ['snapping', 'up'],
  ['prebuying'],
  ['pre-buying'],
  ['grabbing'],
  ['scooping', 'up'],
  ['snatching', 'up'],
  ['snagging'],
  ['scoring'],
];
/** `X and Y are the latest broadcasters to acquire T`: a purchase told as the subject's place in a series. */
export const INFINITIVE: string[][] = [
  ['acquire'],
  ['pick', 'up'],
  ['license'],
  ['buy'],
  ['pre-buy'],
  ['prebuy'],
  ['snap', 'up'],
  ['secure'],
  ['release'],
  ['distribute'],
];
export const LATEST =
  /^(?:is|are|was|were|becomes?|became) the (?:latest|newest|first|last|second|third|most recent)(?: [\p{Ll}-]+){0,2} (?:buyers?|broadcasters?|distributors?|streamers?|compan(?:y|ies)|outlets?|platforms?|channels?|networks?|labels?) to$/u;

export const PASSIVE: string[][] = [
  ['sold', 'to'],
  ['bought', 'by'],
  ['acquired', 'by'],
  ['picked', 'up', 'by'],
  ['snapped', 'up', 'by'],
  ['nabbed', 'by'],
  ['scooped', 'up', 'by'],
  ['pre-bought', 'by'],
  // ("T was taken by X for India and by Y for Thailand")
  ['taken', 'by'],
];
/** The words of a box-office report. */
export const BOX_OFFICE = /\b(?:grossed|grosses|screens|box[- ]office|admissions|opening weekend|takings|per-screen)\b/i;
/** The passive verbs that may name the seller before their buyer: `bought from S by X`. */
export const PASSIVE_FROM: string[][] = [['bought'], ['acquired'], ['picked', 'up'], ['snapped', 'up'], ['licensed'], ['pre-bought']];
export const WENT: string[][] = [
  ['went', 'to'],
  ['both', 'went', 'to'],
  ['have', 'both', 'gone', 'to'],
  ['have', 'gone', 'to'],
  ['has', 'gone', 'to'],
];

/** Words between a subject company and its verb (`has reportedly`, `has announced that it has`, `, which`). */
export const BETWEEN = new Set([
  'has',
  'have',
  'had',
  'also',
  'then',
  'now',
  'recently',
  'previously',
  'since',
  'once',
  'just',
  'officially',
  'quickly',
  'already',
  'quietly',
  'finally',
  'swiftly',
  'reportedly',
  'announced',
  'announces',
  'said',
  'says',
  'that',
  'it',
  // ("announced its had acquired": the trade's own typo)
  'its',
  'is',
  'which',
  'who',
  ',',
]);
/** Before the verb in its clause: not a deal (yet). */
export const NOT_CLOSED =
  /\b(?:talks?|negotiat\w*|nearing|near(?!-)|set to|poised|rumou?rs?|rumou?red|could|would|may|might|expected|eyeing|circling|close to|hunt|denied|not|never|n't|hopes?|wants?|plans?|looking|reportedly|allegedly|reports? that|speculation)\b/;
/** Words that describe the film before its title (`the Venice competition title T`, `another thriller, T`). */
export const KIND =
  /^(?:film|films|movie|movies|picture|pic|pics|title|titles|feature|features|debut|documentary|documentaries|doc|docs|docu|drama|dramas|comedy|comedies|thrillers|thriller|horror|western|epic|animation|entry|selection|winner|winners|award-winner|hit|opener|closer|premiere|sequel|remake|biopic|romance|musical|satire|fantasy|adaptation|series|miniseries|short|favorite|favourite|darling|breakout|pick|acquisition|offering|filmmaker|director|helmer|auteur|writer-director|actor|actress|star|starrer|player|contender|docu-feature|crowdpleaser|crowd-pleaser)$/;
/** Words allowed in a description besides kinds and capitals. */
export const DESC_WORD =
  /^(?:the|a|an|another|its|his|her|their|new|latest|upcoming|animated|acclaimed|award-winning|festival|competition|market|section|grand|best|first|second|third|two|three|four|both|global|prize|feature-length|horror|action|crime|family|period|indie|korean|french|german|japanese|chinese|spanish|italian|british|american|documentary|narrative|midnight|english-language|foreign-language|genre|sci-fi|coming-of-age|romantic|dark|black|award|screenplay|cannes|buzzy|hot|critically|psychological|supernatural|teen|political|true-crime|music|dance|sports)$/;
/** Words of the rights before `rights to/for/on`: territories and media, read as the territory phrase. */
export const MEDIA =
  /^(?:exclusive|all|distribution|theatrical|svod|avod|tvod|vod|streaming|digital|tv|television|home|entertainment|video|dvd|ancillary|remaining|select|the|and|multi-territory|multi-regional|rights)$/;

/** A possessive: `Ana Ruiz's`, and the plural `Ana Jacobs’`. */
export const POSSESSIVE = /['’]s$|s['’]$/;
/** The noun a list of films opens with: `three Cannes titles:`. */
export const LIST_NOUN =
  /^(?:titles|films|pictures|movies|features|pics|players|entries|documentaries|docs|dramas|projects|favorites|favourites|hits|contenders|acquisitions|pickups|pick-ups|purchases)$/;
