/**
 * Market days (docs/market-days.md): the market side of a festival edition: its name, dates and
 * time zone, our line-up, our screenings, the meeting schedule with its conflicts, the schedule as
 * iCalendar, the line-up sheet and follow-up tasks. Times are sent as local wall time in the
 * market's zone ('2026-05-15T10:00') and answered both ways (UTC instant and local time).
 */
import { Type, type Static } from 'typebox';
import { closed, date, id, idOrNull, LINE_MAX, list, name, oneOf, Ref, textOrNull } from './common.js';

export const LINEUP_STATUSES = ['completed', 'post-production', 'pre-sale', 'in-development'] as const;
export type LineupStatusWord = (typeof LINEUP_STATUSES)[number];

/** Local wall time in the market's zone, to the minute. */
export const localTime = Type.String({
  maxLength: 16,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: "local time in the market's zone, YYYY-MM-DDTHH:MM",
});
/** One of our people: a user ("user:ID") or a person ("person:ID"). */
export const personKey = Type.String({
  maxLength: 80,
  pattern: '^(user|person):[A-Za-z0-9][A-Za-z0-9_-]*$',
  description: 'user:ID or person:ID',
});
const timeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris' });
const note = textOrNull(LINE_MAX);

export const MarketInput = closed({
  editionId: id,
  name: name(),
  timeZone,
  start: date,
  end: date,
});
export type MarketInput = Static<typeof MarketInput>;

export const MarketPatch = closed({
  name: Type.Optional(name()),
  timeZone: Type.Optional(timeZone),
  start: Type.Optional(date),
  end: Type.Optional(date),
});
export type MarketPatch = Static<typeof MarketPatch>;

export const LineupInput = closed({
  /** The whole line-up, in order. */
  entries: list(closed({ titleId: id, status: oneOf(LINEUP_STATUSES), logline: Type.Optional(note) }), 200),
});
export type LineupInput = Static<typeof LineupInput>;

export const ScreeningInput = closed({
  titleId: id,
  start: localTime,
  durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
  venue: name(),
  invited: Type.Optional(
    list(closed({ companyId: id, attended: Type.Optional(Type.Unsafe<boolean | null>({ type: ['boolean', 'null'] })) }), 200),
  ),
  people: Type.Optional(list(personKey, 50)),
  notes: Type.Optional(note),
});
export type ScreeningInput = Static<typeof ScreeningInput>;

export const MeetingInput = closed({
  buyerId: id,
  start: localTime,
  end: localTime,
  place: Type.Optional(textOrNull(500)),
  people: Type.Optional(list(personKey, 50)),
  titles: Type.Optional(list(id, 100)),
  notes: Type.Optional(note),
  nextStep: Type.Optional(note),
});
export type MeetingInput = Static<typeof MeetingInput>;

export const MarketTaskInput = closed({
  dueOn: date,
  ownerId: id,
  text: Type.String({ minLength: 1, maxLength: LINE_MAX }),
  meetingId: Type.Optional(idOrNull),
  buyerId: Type.Optional(idOrNull),
  done: Type.Optional(Type.Boolean()),
  /** The offer the task answers (an offer of this market). */
  offerId: Type.Optional(idOrNull),
});
export type MarketTaskInput = Static<typeof MarketTaskInput>;
export const MarketTaskPatch = closed({
  dueOn: Type.Optional(date),
  ownerId: Type.Optional(id),
  text: Type.Optional(Type.String({ minLength: 1, maxLength: LINE_MAX })),
  meetingId: Type.Optional(idOrNull),
  buyerId: Type.Optional(idOrNull),
  done: Type.Optional(Type.Boolean()),
  offerId: Type.Optional(idOrNull),
});
export type MarketTaskPatch = Static<typeof MarketTaskPatch>;

/** The largest .ics accepted, in characters. */
export const ICS_MAX_CHARS = 1_000_000;
export const IcsImportInput = closed({
  ics: Type.String({ maxLength: ICS_MAX_CHARS }),
  /** The buyer of events that name no known company. */
  defaultBuyerId: Type.Optional(idOrNull),
  /** false: preview only, nothing written. */
  commit: Type.Boolean(),
  /** With commit: write the good events and leave out those with errors (otherwise any error refuses the whole file). */
  skipInvalid: Type.Optional(Type.Boolean()),
});
export type IcsImportInput = Static<typeof IcsImportInput>;

export const ScheduleQuery = Type.Object({
  /** Only items starting on or after this local day, and (to) on or before that one. */
  from: Type.Optional(date),
  to: Type.Optional(date),
  /** Only the items of one of our people. */
  person: Type.Optional(personKey),
});
export type ScheduleQuery = Static<typeof ScheduleQuery>;
export const IcsQuery = Type.Object({ person: Type.Optional(personKey) });
export const LineupSheetQuery = Type.Object({ format: oneOf(['pdf', 'xlsx'] as const) });
export const FollowUpQuery = Type.Object({
  /** What "after" means: meetings that ended before this instant (ISO); default now. */
  asOf: Type.Optional(Type.String({ maxLength: 30, format: 'date-time' })),
});
export const MarketParams = Type.Object({ id });
export const MarketItemParams = Type.Object({ id, itemId: id });

// ------------------------------------------------------------------ answers

const nullableText = Type.Union([Type.String(), Type.Null()]);
export const MarketPersonView = Type.Object({ key: Type.String(), kind: oneOf(['user', 'person'] as const), name: Type.String() });
export type MarketPersonView = Static<typeof MarketPersonView>;

const eventTime = {
  /** UTC instants. */
  start: Type.String(),
  end: Type.String(),
  /** Local wall time in the market's zone, and the offset in force ('+0200'). */
  localStart: Type.String(),
  localEnd: Type.String(),
  offset: Type.String(),
};

export const LineupEntryView = Type.Object({
  title: Type.Object({ id: Type.String(), name: Type.String(), year: Type.Union([Type.Integer(), Type.Null()]) }),
  status: oneOf(LINEUP_STATUSES),
  position: Type.Integer(),
  logline: nullableText,
});
export type LineupEntryView = Static<typeof LineupEntryView>;

export const MarketView = Type.Object({
  id: Type.String(),
  editionId: Type.String(),
  festival: Ref,
  year: Type.Integer(),
  name: Type.String(),
  timeZone: Type.String(),
  start: Type.String(),
  end: Type.String(),
  lineup: Type.Array(LineupEntryView),
});
export type MarketView = Static<typeof MarketView>;

export const ScreeningView = Type.Object({
  id: Type.String(),
  kind: Type.Literal('screening'),
  title: Ref,
  venue: Type.String(),
  durationMinutes: Type.Integer(),
  invited: Type.Array(Type.Object({ company: Ref, attended: Type.Union([Type.Boolean(), Type.Null()]) })),
  people: Type.Array(MarketPersonView),
  notes: nullableText,
  ...eventTime,
});
export type ScreeningView = Static<typeof ScreeningView>;

export const MeetingView = Type.Object({
  id: Type.String(),
  kind: Type.Literal('meeting'),
  buyer: Ref,
  place: nullableText,
  people: Type.Array(MarketPersonView),
  titles: Type.Array(Ref),
  notes: nullableText,
  nextStep: nullableText,
  icsUid: nullableText,
  ...eventTime,
});
export type MeetingView = Static<typeof MeetingView>;

export const CONFLICT_KINDS = ['same-person', 'meeting-screening', 'same-buyer'] as const;
export const ScheduleConflictView = Type.Object({
  kind: oneOf(CONFLICT_KINDS),
  a: Type.Object({ kind: oneOf(['meeting', 'screening'] as const), id: Type.String() }),
  b: Type.Object({ kind: oneOf(['meeting', 'screening'] as const), id: Type.String() }),
  /** The people or buyer they share, by name. */
  shared: Type.Array(Type.String()),
  message: Type.String(),
});
export type ScheduleConflictView = Static<typeof ScheduleConflictView>;

export const ScheduleView = Type.Object({
  market: Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String(), start: Type.String(), end: Type.String() }),
  /** Every day of the market, local. */
  days: Type.Array(Type.String()),
  meetings: Type.Array(MeetingView),
  screenings: Type.Array(ScreeningView),
  /** Conflicts that touch the items answered (computed over the whole market). */
  conflicts: Type.Array(ScheduleConflictView),
  /** Everyone of ours on the schedule (to pick whose schedule to see). */
  people: Type.Array(MarketPersonView),
});
export type ScheduleView = Static<typeof ScheduleView>;

export const MarketTaskView = Type.Object({
  id: Type.String(),
  dueOn: Type.String(),
  owner: Ref,
  text: Type.String(),
  meeting: Type.Union([Type.Object({ id: Type.String(), start: Type.String(), buyer: Ref }), Type.Null()]),
  buyer: Type.Union([Ref, Type.Null()]),
  done: Type.Boolean(),
  /** The offer the task answers. */
  offer: Type.Union([Type.Object({ id: Type.String(), ref: Type.String() }), Type.Null()]),
});
export type MarketTaskView = Static<typeof MarketTaskView>;

export const FollowUpItem = Type.Object({
  /** What needs following up: 'meeting' or 'offer'. */
  source: Type.String(),
  id: Type.String(),
  buyer: Ref,
  when: Type.String(),
  what: Type.String(),
  reason: Type.String(),
});
export const FollowUpView = Type.Object({
  asOf: Type.String(),
  /** The sources the list was made from. */
  sources: Type.Array(Type.String()),
  items: Type.Array(FollowUpItem),
  tasks: Type.Array(MarketTaskView),
});
export type FollowUpView = Static<typeof FollowUpView>;

export const IcsEventPreview = Type.Object({
  /** 1-based position of the VEVENT in the file. */
  index: Type.Integer(),
  uid: nullableText,
  summary: nullableText,
  start: nullableText,
  end: nullableText,
  localStart: nullableText,
  buyer: Type.Union([Ref, Type.Null()]),
  place: nullableText,
  status: oneOf(['new', 'already-imported', 'error'] as const),
  errors: Type.Array(Type.String()),
});
export const IcsImportResult = Type.Object({
  events: Type.Array(IcsEventPreview),
  committed: Type.Boolean(),
  created: Type.Integer(),
});
export type IcsImportResult = Static<typeof IcsImportResult>;

// ------------------------------------------------------------ the market report and market week (docs/market.md)

const Counted = Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() });
const MoneyOut = Type.Object({ amount: Type.String(), currency: Type.String() });

/** GET /api/markets/:id/report: money (`mg`, `mgTotals`) only for users with the financial-terms permission. */
export const MarketReportView = Type.Object({
  market: Type.Object({ id: Type.String(), name: Type.String(), start: Type.String(), end: Type.String() }),
  meetings: Type.Object({ count: Type.Integer(), byBuyer: Type.Array(Counted) }),
  offers: Type.Object({
    count: Type.Integer(),
    byStatus: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
  }),
  /** Titles by interest: meetings discussing each, offers naming it. */
  titles: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), meetings: Type.Integer(), offers: Type.Integer() })),
  /** Deals closed: the market's signed offers. */
  deals: Type.Array(
    Type.Object({
      offer: Type.Object({ id: Type.String(), ref: Type.String() }),
      buyer: Ref,
      titles: Type.Array(Ref),
      contract: Type.Union([Type.Object({ id: Type.String(), ref: Type.String() }), Type.Null()]),
      mg: Type.Optional(Type.Union([MoneyOut, Type.Null()])),
    }),
  ),
  /** MG totals by currency: of the deals closed, and of the offers still open. Financial. */
  mgTotals: Type.Optional(Type.Array(Type.Object({ currency: Type.String(), signed: Type.String(), open: Type.String() }))),
});
export type MarketReportView = Static<typeof MarketReportView>;

/** The report as JSON, or as the XLSX file (`format=xlsx`). */
export const MarketReportAnswer = Type.Union([
  MarketReportView,
  Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the report as XLSX (attachment)' }),
]);

export const MarketReportQuery = closed({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])) });
export type MarketReportQuery = Static<typeof MarketReportQuery>;

/** GET /api/market-week: the market on now (or within 7 days), today's schedule, the offers that need an answer. */
export const MarketWeekView = Type.Object({
  today: Type.String(),
  market: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      start: Type.String(),
      end: Type.String(),
      timeZone: Type.String(),
      editionId: Type.String(),
    }),
    Type.Null(),
  ]),
  /** Today's meetings and screenings (local to the market), of the user when `mine`. */
  items: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('meeting'), Type.Literal('screening')]),
      id: Type.String(),
      start: Type.String(),
      startLocal: Type.String(),
      endLocal: Type.String(),
      what: Type.String(),
      place: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  /** Open offers needing an answer: new, in negotiation, on signature, or accepted with a hold expiring within 7 days. */
  offers: Type.Array(
    Type.Object({
      id: Type.String(),
      ref: Type.String(),
      buyer: Ref,
      status: Type.String(),
      titles: Type.Array(Ref),
      holdExpiresOn: Type.Union([Type.String(), Type.Null()]),
      why: Type.String(),
    }),
  ),
});
export type MarketWeekView = Static<typeof MarketWeekView>;

export const MarketWeekQuery = closed({ mine: Type.Optional(Type.Boolean()) });
export type MarketWeekQuery = Static<typeof MarketWeekQuery>;
