/** Trade-press articles, their candidate facts and the feeds they come from. */
import { Type, type Static } from 'typebox';
import { closed, closedOrNull, date, id, LINE_MAX, list, mapOf, name, NAME_MAX, oneOf, paging, textOrNull } from './common.js';

/** POST /api/articles: text, html or a url, at most `maxChars` characters of article and `maxBytes` of page. */
export const articleInput = (maxChars: number, maxBytes: number) =>
  closed({
    text: Type.Optional(
      Type.String({ maxLength: maxChars, description: `the article as text, at most ${maxChars.toLocaleString('en-US')} characters` }),
    ),
    html: Type.Optional(
      Type.String({
        maxLength: maxBytes,
        description: `the page as HTML; its article at most ${maxChars.toLocaleString('en-US')} characters once read`,
      }),
    ),
    url: Type.Optional(Type.String({ maxLength: 2048 })),
    outlet: Type.Optional(Type.String({ maxLength: 200 })),
    date: Type.Optional(Type.String({ ...date, description: 'the article date, YYYY-MM-DD (relative dates are read against it)' })),
    title: Type.Optional(Type.String({ maxLength: 500 })),
  });
export type ArticleInput = Static<ReturnType<typeof articleInput>>;

/** `:id/facts/:factId` in a path. */
export const FactParams = Type.Object({ id, factId: id });
export type FactParams = Static<typeof FactParams>;

const scalar = [Type.String({ maxLength: LINE_MAX }), Type.Number(), Type.Boolean(), Type.Null()];

/** POST /api/articles/:id/facts/:factId/accept: the fact, optionally edited. */
export const AcceptInput = closedOrNull({
  /** Edited fields, merged over the extracted ones (names as the fact's fields). */
  fields: Type.Optional(
    mapOf(
      // a value, a list of names, or a small record such as a price {amount, currency}
      Type.Union([...scalar, list(Type.String({ maxLength: LINE_MAX }), 500), mapOf(Type.Union(scalar), 20)]),
      100,
      { description: "edited fields, merged over the extracted ones (names as the fact's fields)" },
    ),
  ),
  /** Save a deal that conflicts with rights on record anyway; the reason is recorded. */
  override: Type.Optional(
    Type.Unsafe<{ reason: string } | null>({
      ...closed({ reason: Type.String({ minLength: 1, maxLength: LINE_MAX }) }),
      type: ['object', 'null'],
    }),
  ),
});
export type AcceptInput = NonNullable<Static<typeof AcceptInput>>;

/** The kinds of fact a person adds to an article by hand: what the reader most often misses. */
export const ADDED_FACT_TYPES = ['deal', 'rumour', 'mandate'] as const;

/**
 * POST /api/articles/:id/facts: a deal, talks or a mandate the reviewer read in a sentence the extractor
 * did not (the article view's `unread` sentences), added as a pending fact to review and accept like the
 * others. `span` is the sentence, [start, end) in the article's text. The fields are the fact's own:
 * a deal's title, buyer, seller, territories, media and price; talks' title, party and kind; a mandate's
 * title, company and territories.
 */
export const AddFactInput = closed({
  type: oneOf(ADDED_FACT_TYPES),
  span: Type.Tuple([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Integer({ minimum: 0, maximum: 10_000_000 })], {
    description: 'the sentence that states it: [start, end) in the article text',
    maxItems: 2,
  }),
  fields: closed({
    title: name(),
    buyer: Type.Optional(name({ description: 'a deal: who bought' })),
    seller: Type.Optional(textOrNull(NAME_MAX, { description: 'a deal: who sold, when reported' })),
    party: Type.Optional(name({ description: 'talks: who is in talks' })),
    kind: Type.Optional(oneOf(['talks', 'rumour', 'denial'] as const, { description: 'talks: talks, rumour or denial' })),
    company: Type.Optional(name({ description: 'a mandate: the sales company' })),
    territories: Type.Optional(textOrNull(LINE_MAX, { description: 'a territory expression ("U.K. and Ireland"), when reported' })),
    media: Type.Optional(textOrNull(LINE_MAX, { description: 'a deal: a media expression ("all rights", "SVOD"), when reported' })),
    price: Type.Optional(
      Type.Unsafe<{ amount: string; currency: string } | null>({
        ...closed({ amount: Type.String({ minLength: 1, maxLength: 40 }), currency: Type.String({ minLength: 3, maxLength: 3 }) }),
        type: ['object', 'null'],
        description: 'a deal: the price as reported (financial)',
      }),
    ),
  }),
});
export type AddFactInput = Static<typeof AddFactInput>;

/**
 * PUT /api/articles/:id/sentences: a sentence the review lists as not read, marked checked (a person read it and
 * found nothing to add) or, with `checked: false`, put back on the list (the undo). `start` is the sentence's
 * start in the article text, as its `unread` entry's span gives it.
 */
export const SentenceCheckInput = closed({
  start: Type.Integer({ minimum: 0, maximum: 10_000_000, description: "the sentence's start: its unread entry's span[0]" }),
  checked: Type.Boolean({ description: 'true: nothing to add; false: back on the list' }),
});
export type SentenceCheckInput = Static<typeof SentenceCheckInput>;

/** POST /api/articles/:id/accept-all, for the fact types the extractor knows. */
export const acceptAllInput = <const T extends readonly string[]>(factTypes: T) =>
  closedOrNull({
    minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    types: Type.Optional(list(oneOf(factTypes), 20)),
  });

/** GET /api/articles. */
export const ArticleQuery = Type.Object({ q: Type.Optional(Type.String()), ...paging });
export type ArticleQuery = Static<typeof ArticleQuery>;

/** POST /api/feeds. */
export const FeedInput = closed({
  url: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  name: Type.Optional(Type.String({ maxLength: NAME_MAX })),
  outlet: Type.Optional(Type.String({ maxLength: NAME_MAX })),
  intervalMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 10_080 })),
});
export type FeedInput = Static<typeof FeedInput>;
