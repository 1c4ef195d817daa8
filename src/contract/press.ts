/**
 * What the trade-press routes answer: articles with their proposed facts, the feeds, and the market
 * picture built from accepted facts (who holds a title where, an edition's acquisitions). Open
 * objects, as the views of views.ts.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { FACT_TYPES } from '../domain/articleFacts.js';
import { ARTICLE_FACT_STATUSES, CONTRACT_DIRECTIONS, CONTRACT_STATUSES } from '../domain/vocabulary.js';
import { oneOf, Page, Ref } from './common.js';
import { FactSourceView } from './views.js';

const S = Type.String();
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const SOrNull = nullable(S);
const Int = Type.Integer();

/** [start, end) character offsets into the article text. */
export const Span = Type.Tuple([Int, Int]);

/**
 * A sentence that uses the words of a sale but gave no deal, talks or mandate fact (`partly: false`), or whose
 * facts leave out a company it names (`partly: true`): where a missed deal may be. `names`: those companies, then
 * the names it gives where the trade puts a buyer (offered as the buyer); `titles`: the titles it may name
 * (quoted, or in a title's place), offered as the title. `checked`: a person read it and found nothing to add (who and when), or null while it waits.
 */
export const UnreadSentence = Type.Object({
  span: Span,
  partly: Type.Boolean(),
  names: Type.Array(S),
  titles: Type.Array(S),
  checked: nullable(Type.Object({ by: SOrNull, at: S })),
});
export type UnreadSentence = Static<typeof UnreadSentence>;

/** PUT /api/articles/:id/sentences: the article's sentences not read, after the change. */
export const UnreadSentences = Type.Object({ unread: Type.Array(UnreadSentence) });
export type UnreadSentences = Static<typeof UnreadSentences>;

/** How many of an article's facts are pending, accepted and rejected. */
const FactCounts = Type.Object({ pending: Int, accepted: Int, rejected: Int });

/** A name of a fact, resolved against the catalog. */
export const EntityMatchView = Type.Object({
  name: S,
  kind: S,
  status: oneOf(['known', 'similar', 'new', 'ambiguous'] as const),
  id: SOrNull,
  matched: SOrNull,
  candidates: Type.Array(Type.Object({ id: S, name: S, detail: Type.Optional(S) })),
});

/** A fact an article states, as the review shows it: the fields, where the article says it, and what was done with it. */
export const FactView = Type.Object({
  id: S,
  position: Int,
  type: oneOf(FACT_TYPES),
  fields: Type.Record(S, Type.Unknown()),
  confidence: Type.Number(),
  span: Span,
  spans: Type.Array(Span),
  quote: S,
  status: oneOf(ARTICLE_FACT_STATUSES),
  resolution: Type.Record(S, EntityMatchView),
  known: nullable(Type.Object({ table: S, id: S, sources: Int, fromThisArticle: Type.Boolean() })),
  written: nullable(Type.Object({ table: S, id: S, linkId: SOrNull, existed: Type.Boolean() })),
  decidedBy: SOrNull,
  decidedAt: SOrNull,
});
export type FactView = Static<typeof FactView>;

/** An article in the list. */
export const ArticleListItem = Type.Object({
  id: S,
  title: SOrNull,
  outlet: SOrNull,
  publishedOn: SOrNull,
  url: SOrNull,
  createdAt: S,
  counts: FactCounts,
  /** Sentences the review lists as not read (`unread`) that no one has checked yet. */
  toRead: Int,
});
export type ArticleListItem = Static<typeof ArticleListItem>;
export const ArticlePage = Page(ArticleListItem);

/** GET /api/articles/:id: the article's text and its facts. */
export const ArticleView = Type.Object({
  id: S,
  sourceId: S,
  title: SOrNull,
  outlet: SOrNull,
  publishedOn: SOrNull,
  url: SOrNull,
  file: SOrNull,
  text: S,
  titleSpans: Type.Array(Span),
  createdAt: S,
  counts: FactCounts,
  facts: Type.Array(FactView),
  /**
   * Sentences that use the words of a sale but gave no deal, talks or mandate fact (`partly: false`), or whose facts
   * leave out a company they name (`partly: true`): where a missed deal may be. `names`: those companies.
   */
  unread: Type.Array(UnreadSentence),
});
export type ArticleView = Static<typeof ArticleView>;

/** POST /api/articles: the article, and whether it was already there (the same text or address). */
export const ArticleIngested = Type.Object({ article: ArticleView, duplicate: Type.Boolean() });
export type ArticleIngested = Static<typeof ArticleIngested>;

/** POST /api/articles/:id/accept-all: how many were accepted, those that failed and why, and the article after. */
export const AcceptAllResult = Type.Object({
  accepted: Int,
  /** What was written, one line per fact ("Salt Road → Brightwell Pictures"; never a price), and where. */
  written: Type.Array(Type.Object({ factId: S, type: oneOf(FACT_TYPES), label: S, table: SOrNull, existed: Type.Boolean() })),
  failed: Type.Array(Type.Object({ factId: S, type: oneOf(FACT_TYPES), label: S, error: S, message: S })),
  article: ArticleView,
});
export type AcceptAllResult = Static<typeof AcceptAllResult>;

/** A feed of trade-press articles, polled every `intervalMinutes`. */
export const FeedView = Type.Object({
  id: S,
  url: S,
  name: SOrNull,
  outlet: SOrNull,
  intervalMinutes: Int,
  lastPolledAt: SOrNull,
  lastError: SOrNull,
  queued: Int,
  ingested: Int,
  failed: Int,
});
export type FeedView = Static<typeof FeedView>;

/** POST /api/feeds/:id/poll: what one poll found. */
export const FeedPollResult = Type.Object({ queued: Int, ingested: Int, failed: Int });
export type FeedPollResult = Static<typeof FeedPollResult>;

const ContractHead = {
  id: S,
  ref: S,
  direction: oneOf(CONTRACT_DIRECTIONS),
  status: oneOf(CONTRACT_STATUSES),
};

/** Who is reported to hold a title's rights where, by one contract (ours or the market's). */
export const Holding = Type.Object({
  contract: Type.Object({ ...ContractHead, announcedOn: SOrNull, signedOn: SOrNull }),
  holder: nullable(Ref),
  licensor: nullable(Ref),
  salesAgent: nullable(Ref),
  territoryCodes: Type.Array(S),
  territoryLabel: SOrNull,
  mediaLabel: SOrNull,
  start: SOrNull,
  end: SOrNull,
  exclusive: Type.Boolean(),
  ours: Type.Boolean(),
  sources: Type.Array(FactSourceView),
});
export type Holding = Static<typeof Holding>;

/** GET /api/titles/:id/market: the title's market picture. */
export const TitleMarket = Type.Object({
  title: Type.Object({ id: S, name: S, year: nullable(Int) }),
  holdings: Type.Array(Holding),
  byCountry: Type.Record(S, Type.Array(Type.Object({ holder: nullable(Ref), mediaLabel: SOrNull, ref: S }))),
  unreported: Type.Object({ codes: Type.Array(S), label: SOrNull }),
  salesAgents: Type.Array(Ref),
  talks: Type.Array(
    Type.Object({
      party: S,
      kind: S,
      territories: SOrNull,
      article: Type.Object({ id: S, title: SOrNull, outlet: SOrNull, publishedOn: SOrNull }),
      quote: S,
    }),
  ),
});
export type TitleMarket = Static<typeof TitleMarket>;

/** One deal made at (or announced during) an edition. */
export const Acquisition = Type.Object({
  title: Ref,
  buyer: nullable(Ref),
  seller: nullable(Ref),
  territoryLabel: SOrNull,
  mediaLabel: SOrNull,
  date: SOrNull,
  contract: Type.Object(ContractHead),
  sources: Type.Array(FactSourceView),
});
export type Acquisition = Static<typeof Acquisition>;

/** GET /api/editions/:id/acquisitions. */
export const EditionAcquisitions = Type.Object({
  edition: Type.Object({ id: S, year: Int, number: nullable(Int), start: SOrNull, end: SOrNull }),
  festival: Ref,
  acquisitions: Type.Array(Acquisition),
});
export type EditionAcquisitions = Static<typeof EditionAcquisitions>;
