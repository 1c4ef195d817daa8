/** The festival record: festivals and markets, their editions, sections, selections and awards. */
import { Type, type Static } from 'typebox';
import { FIRST_YEAR, LAST_YEAR } from '../domain/dates.js';
import { FESTIVAL_KINDS, PREMIERE_STATUSES, SELECTION_SLOTS } from '../domain/vocabulary.js';
import {
  closed,
  dateOrNull,
  id,
  idOrNull,
  intOrNull,
  lineOrNull,
  list,
  name,
  NAME_MAX,
  oneOf,
  oneOfOrNull,
  text,
  textOrNull,
  wordOrNull,
} from './common.js';

export const FestivalInput = closed({
  name: name(),
  shortName: Type.Optional(textOrNull(NAME_MAX)),
  aliases: Type.Optional(list(name(), 100)),
  kind: Type.Optional(oneOf(FESTIVAL_KINDS)),
  country: Type.Optional(textOrNull(100)),
  city: Type.Optional(textOrNull(NAME_MAX)),
});
export type FestivalInput = Static<typeof FestivalInput>;
export const FestivalPatch = closed(
  {
    name: Type.Optional(text(300)),
    shortName: Type.Optional(textOrNull(100)),
    aliases: Type.Optional(list(text(300), 50)),
    kind: Type.Optional(oneOf(FESTIVAL_KINDS)),
    country: Type.Optional(textOrNull(100)),
    city: Type.Optional(textOrNull(200)),
  },
  { minProperties: 1 },
);
export type FestivalPatch = Static<typeof FestivalPatch>;

export const EditionInput = closed({
  festivalId: id,
  number: Type.Optional(intOrNull({ minimum: 1, maximum: 10_000 })),
  year: Type.Integer({ minimum: FIRST_YEAR, maximum: LAST_YEAR }),
  start: Type.Optional(dateOrNull),
  end: Type.Optional(dateOrNull),
});
export type EditionInput = Static<typeof EditionInput>;
export const EditionPatch = closed(
  {
    number: Type.Optional(intOrNull()),
    year: Type.Optional(Type.Integer()),
    start: Type.Optional(textOrNull(10)),
    end: Type.Optional(textOrNull(10)),
  },
  { minProperties: 1 },
);
export type EditionPatch = Static<typeof EditionPatch>;

export const SectionInput = closed({ editionId: text(200), name: text(300) });
export type SectionInput = Static<typeof SectionInput>;
export const SectionPatch = closed({ name: text(300) });
export type SectionPatch = Static<typeof SectionPatch>;

export const SelectionInput = closed({
  editionId: id,
  titleId: id,
  /** The section's name (created on first use), e.g. "Special Presentations". */
  section: Type.Optional(textOrNull(NAME_MAX)),
  premiereStatus: Type.Optional(oneOfOrNull(PREMIERE_STATUSES)),
  slot: Type.Optional(oneOfOrNull(SELECTION_SLOTS)),
  withdrawn: Type.Optional(Type.Boolean()),
  withdrawalReason: Type.Optional(lineOrNull),
});
export type SelectionInput = Static<typeof SelectionInput>;
export const SelectionPatch = closed(
  {
    section: Type.Optional(textOrNull(300, { description: "the section's name (created on first use); null: no section" })),
    premiereStatus: Type.Optional(wordOrNull(PREMIERE_STATUSES)),
    slot: Type.Optional(wordOrNull(SELECTION_SLOTS)),
    withdrawn: Type.Optional(Type.Boolean()),
    withdrawalReason: Type.Optional(textOrNull(1000)),
  },
  { minProperties: 1 },
);
export type SelectionPatch = Static<typeof SelectionPatch>;

export const AwardInput = closed({
  editionId: id,
  /** "Palme d'Or", "Jury Prize". */
  name: name(),
  titleId: id,
  personId: Type.Optional(idOrNull),
  /** Shared with another winner; winners of one tied award share a tie group. */
  tied: Type.Optional(Type.Boolean()),
  tieGroup: Type.Optional(textOrNull(100)),
});
export type AwardInput = Static<typeof AwardInput>;
export const AwardPatch = closed(
  {
    name: Type.Optional(text(300)),
    titleId: Type.Optional(text(200)),
    personId: Type.Optional(textOrNull(200)),
    tied: Type.Optional(Type.Boolean()),
    tieGroup: Type.Optional(textOrNull(200)),
  },
  { minProperties: 1 },
);
export type AwardPatch = Static<typeof AwardPatch>;

/** GET /api/festivals. */
export const FestivalQuery = Type.Object({ q: Type.Optional(Type.String()), kind: Type.Optional(Type.String()) });
export type FestivalQuery = Static<typeof FestivalQuery>;
