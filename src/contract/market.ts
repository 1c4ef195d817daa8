/** The market record: releases (where and when a title opened) and box office. */
import { Type, type Static } from 'typebox';
import { DATE_PRECISIONS } from '../domain/vocabulary.js';
import { amount, closed, currency, dateOrNull, id, idOrNull, oneOf, text, textOrNull } from './common.js';

export const ReleaseInput = closed({
  titleId: id,
  /** A country: ISO code or name. */
  territory: Type.String({ minLength: 1, maxLength: 100 }),
  /** "2020-11-18" (day), "2020-11" (month) or "2020" (year); or a full date with `precision`. */
  date: Type.Optional(textOrNull(10, { description: 'YYYY-MM-DD, YYYY-MM or YYYY' })),
  precision: Type.Optional(oneOf(DATE_PRECISIONS)),
  distributorId: Type.Optional(idOrNull),
  /** "theatrical" (default), "streaming", "tv", "festival", ... */
  kind: Type.Optional(text(50)),
});
export type ReleaseInput = Static<typeof ReleaseInput>;
export const ReleasePatch = closed(
  {
    territory: Type.Optional(text(100)),
    date: Type.Optional(textOrNull(10, { description: 'YYYY-MM-DD, YYYY-MM or YYYY' })),
    precision: Type.Optional(oneOf(DATE_PRECISIONS)),
    distributorId: Type.Optional(textOrNull(200)),
    kind: Type.Optional(text(100)),
  },
  { minProperties: 1 },
);
export type ReleasePatch = Static<typeof ReleasePatch>;

export const BoxOfficeInput = closed({
  titleId: id,
  /** A country (ISO code or name); null, absent or "Worldwide" for a worldwide gross. */
  territory: Type.Optional(textOrNull(100)),
  /** The gross as a decimal string ("12000000" or "12000000.00") in `currency`. */
  amount,
  currency,
  periodStart: Type.Optional(dateOrNull),
  periodEnd: Type.Optional(dateOrNull),
  asOf: Type.Optional(dateOrNull),
  /** To date (default true) or for the period only. */
  cumulative: Type.Optional(Type.Boolean()),
});
export type BoxOfficeInput = Static<typeof BoxOfficeInput>;
export const BoxOfficePatch = closed(
  {
    territory: Type.Optional(textOrNull(100, { description: 'a country; null or "Worldwide" for a worldwide gross' })),
    amount: Type.Optional(text(30, { description: 'decimal, e.g. "1250000.00"' })),
    currency: Type.Optional(text(3)),
    periodStart: Type.Optional(textOrNull(10)),
    periodEnd: Type.Optional(textOrNull(10)),
    asOf: Type.Optional(textOrNull(10)),
    cumulative: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type BoxOfficePatch = Static<typeof BoxOfficePatch>;
