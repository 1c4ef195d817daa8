/**
 * Articles: trade-press text in, reviewed facts out.
 *
 * `ingestArticle` reads the article (text, HTML, URL), stores it as a source
 * (sources.text holds the text every span indexes into) with its content hash
 * (the same article twice is the same article: no second copy, no duplicate
 * facts) and the candidate facts the extractor proposes.
 *
 * `getArticle` shows each fact with its names resolved against the catalog as
 * it is now (known, similar, new, ambiguous) and whether the fact is already
 * on record (from another source, or this one).
 *
 * `acceptFact` writes a fact through the same services as manual entry, in one
 * transaction: titles, people, companies and festival editions found or
 * created; a deal through checkContract/writeContractIn, so a deal that gives
 * away rights "we" hold is conflict-checked (409 unless overridden with a
 * reason) and a deal between two other companies is a third-party contract,
 * market intelligence; every written fact keeps its source and span
 * (fact_sources, reviewed). A fact already on record gains this article as a
 * further source instead of a second record. Rumours are kept with the
 * article as reviewed notes and never become contracts.
 *
 * `addFact` adds a deal, talks or a mandate a person read in a sentence the
 * extractor gave nothing for (the article view lists such sentences as
 * `unread`); it is then reviewed and accepted as any other fact. `checkSentence` marks a listed sentence
 * checked (a person read it: nothing to add), or puts it back.
 */
export * from './articles/views.js';
export { contentHash, ingestArticle, ingestLocalArticle, type ArticleInput, type LocalArticleInput } from './articles/ingest.js';
export { listArticles, catalogSnapshot, resolveFact, getArticle } from './articles/review.js';
export type { AcceptInput } from './articles/accept.js';
export { acceptFact, rejectFact, acceptAll } from './articles/accept.js';
export { addFact } from './articles/add.js';
export { checkSentence } from './articles/checked.js';
export type { AnyFact } from '../ingest/types.js';
