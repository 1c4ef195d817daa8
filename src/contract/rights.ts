/** Rights questions: avails (what is free to license) and the availability map of a title. */
import { Type, type Static } from 'typebox';
import { MATCH_TYPES } from '../domain/avails.js';
import { closed, date, endDate, languages, LINE_MAX, list, NAME_MAX, oneOf } from './common.js';

/** The largest page of the catalog-wide answer, and the page a client gets when it names no limit (titles with rows). */
export const AVAILS_PAGE_MAX = 10_000;
export const AVAILS_PAGE_DEFAULT = 1_000;

/** The avails question itself (what an export of it takes too). */
export const AvailsQuestionInput = closed({
  /** Title ids or names; absent or empty: the whole catalog. */
  titles: Type.Optional(
    list(Type.String({ minLength: 1, maxLength: NAME_MAX }), 10_000, { description: 'title ids or names; absent: the whole catalog' }),
  ),
  territories: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  media: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  languages: Type.Optional(languages),
  start: date,
  end: Type.Optional(endDate),
  exclusive: Type.Optional(Type.Boolean({ default: true })),
  match: Type.Optional(oneOf(MATCH_TYPES, { default: 'cover-entire' })),
  minDays: Type.Optional(Type.Integer({ minimum: 1 })),
  include: Type.Optional(oneOf(['all', 'available'] as const)),
  /**
   * "Assuming the release on D" (docs/domain.md, "Windows that depend on events"): event dates the
   * answer takes as known, over those recorded, for the titles asked (titles required).
   */
  assume: Type.Optional(
    list(
      closed({
        event: oneOf(['release', 'broadcast', 'delivery', 'festival-premiere'] as const),
        territory: Type.Optional(Type.Union([Type.String({ minLength: 2, maxLength: 2 }), Type.Null()])),
        media: Type.Optional(Type.Union([oneOf(['theatrical', 'streaming', 'tv', 'home-video', 'festival'] as const), Type.Null()])),
        date,
      }),
      20,
    ),
  ),
});

/**
 * POST /api/avails: is this free to license, for these titles (or the whole catalog)? The
 * catalog-wide answer comes in pages of titles in order of their ids: `limit` titles with rows
 * (AVAILS_PAGE_DEFAULT when not given, over HTTP), and the next page after `cursor`, which the
 * answer's `page.next` gives.
 */
export const AvailsInput = closed({
  ...AvailsQuestionInput.properties,
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: AVAILS_PAGE_MAX,
      description: `catalog-wide only: at most this many titles with rows on a page (default ${AVAILS_PAGE_DEFAULT})`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2 * NAME_MAX, description: "catalog-wide only: the previous page's page.next" }),
  ),
});
export type AvailsInput = Static<typeof AvailsInput>;

/** GET /api/titles/:id/map. */
export const MapQuery = Type.Object({
  media: Type.Optional(Type.String()),
  start: Type.Optional(Type.String()),
  end: Type.Optional(Type.String()),
  exclusive: Type.Optional(Type.Boolean()),
});
export type MapQuery = Static<typeof MapQuery>;
