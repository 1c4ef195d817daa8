/**
 * Market mode in a `filmrights/1` document (docs/json-format.md, "markets" and "offers"): the
 * market side of festival editions (line-up, screenings, meetings, follow-up tasks) and the
 * buyers' offers with every version and their status history. Built from the rows here,
 * deterministically (sorted by content, never by id), so export → import into an empty database
 * → export gives the same document. Users are named by username, companies, people and titles as
 * the rest of the document names them. Money (an offer's MG and payment schedule) is in the rows
 * only when the reader may see it.
 */
import type { Selectable } from 'kysely';
import { formatMoney } from '../../domain/money/amounts.js';
import { parseJson, type Database } from '../../store/index.js';
import { compact } from './compact.js';
import type { EditionRef } from './refs.js';

type Rows<T extends keyof Database> = Array<Selectable<Database[T]>>;

/** Our person at a screening or meeting: a user (by username) or a person on file (by name). */
export type EventPersonDoc = { user: string } | { person: string };

export interface LineupDoc {
  title: string;
  status: string;
  logline?: string | null;
}
export interface ScreeningDoc {
  title: string;
  /** UTC instants to the minute, as stored ("2021-09-13T16:00:00Z"). */
  startsAt: string;
  endsAt: string;
  venue: string;
  notes?: string | null;
  /** Invited buyers; `attended` true/false, or absent when not yet known. */
  buyers?: Array<{ company: string; attended?: boolean | null }>;
  people?: EventPersonDoc[];
}
export interface MeetingDoc {
  buyer: string;
  startsAt: string;
  endsAt: string;
  place?: string | null;
  people?: EventPersonDoc[];
  titles?: string[];
  notes?: string | null;
  nextStep?: string | null;
  icsUid?: string | null;
}
export interface TaskDoc {
  dueOn: string;
  /** The owner's username. */
  owner: string;
  text: string;
  /** The meeting it follows up: its position (from 0) in this market's `meetings`. */
  meeting?: number | null;
  buyer?: string | null;
  done?: boolean;
}
export interface MarketDoc {
  /** The festival edition the market is the market side of ("TIFF 2021"). */
  edition: EditionRef;
  name: string;
  timeZone: string;
  start: string;
  end: string;
  lineup?: LineupDoc[];
  screenings?: ScreeningDoc[];
  meetings?: MeetingDoc[];
  tasks?: TaskDoc[];
}

export interface OfferVersionDoc {
  titles: string[];
  territories: string;
  media: string;
  languages?: string[] | null;
  start: string;
  end?: string | null;
  durationMonths?: number | null;
  exclusive?: boolean;
  holdbacks?: Array<{ territories: string; media: string; start?: string | null; end?: string | null; description: string }>;
  conditions?: string | null;
  /** Financial: only exported to, and imported from, users with the financial-terms permission. */
  mg?: { amount: string; currency: string } | null;
  /** Financial, like the MG. */
  paymentSchedule?: Array<{ label: string; percent?: string | null; due: string }> | null;
  note?: string | null;
  createdBy?: string | null;
  createdAt: string;
}
export interface OfferEventDoc {
  from?: string | null;
  to: string;
  version: number;
  /** The username of who made the change (linked to the user when one has it). */
  by: string;
  at: string;
  note?: string | null;
}
export interface OfferDoc {
  ref: string;
  buyer: string;
  /** The market (festival edition) where it was made. */
  edition?: EditionRef | null;
  status: string;
  /** The contract it became (a hold once accepted, the rights-out once signed), by ref. */
  contract?: string | null;
  /** The last day the hold it placed counts. */
  holdExpiresOn?: string | null;
  createdBy?: string | null;
  createdAt: string;
  updatedAt: string;
  /** Every version, oldest first; the last is the one in force. */
  versions: OfferVersionDoc[];
  /** The status history, oldest first. */
  events: OfferEventDoc[];
}

/** The rows of market mode (the money columns are nulled by the reader for users who may not see them). */
export interface MarketModeRows {
  markets: Rows<'markets'>;
  lineup: Rows<'market_lineup'>;
  screenings: Rows<'market_screenings'>;
  screeningBuyers: Rows<'screening_buyers'>;
  screeningPeople: Rows<'screening_people'>;
  meetings: Rows<'market_meetings'>;
  meetingPeople: Rows<'meeting_people'>;
  meetingTitles: Rows<'meeting_titles'>;
  tasks: Rows<'market_tasks'>;
  offers: Rows<'offers'>;
  versions: Rows<'offer_versions'>;
  events: Rows<'offer_events'>;
  holdExpiries: Rows<'hold_expiries'>;
  /** user id → username */
  usernames: Map<string, string>;
  /** Whether the money columns were read (the financial-terms permission). */
  money: boolean;
}

/** How the rest of the document names the records market mode points at. */
export interface MarketNames {
  company: (id: string) => string;
  person: (id: string) => string;
  title: (id: string) => string;
  edition: (id: string) => EditionRef;
  contract: (id: string) => string | undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function people(rows: Array<{ position: number; user_id: string | null; person_id: string | null }>, r: MarketModeRows, n: MarketNames) {
  return rows
    .sort((a, b) => a.position - b.position)
    .map((p): EventPersonDoc => (p.user_id ? { user: r.usernames.get(p.user_id) ?? p.user_id } : { person: n.person(p.person_id!) }));
}

/** The `markets` and `offers` sections. */
export function buildMarketMode(r: MarketModeRows, n: MarketNames): { markets: MarketDoc[]; offers: OfferDoc[] } {
  const markets = r.markets
    .map((m) => {
      const meetings = r.meetings
        .filter((x) => x.market_id === m.id)
        .map((x) => ({
          row: x,
          doc: compact({
            buyer: n.company(x.company_id),
            startsAt: x.starts_at,
            endsAt: x.ends_at,
            place: x.place,
            people: people(
              r.meetingPeople.filter((p) => p.meeting_id === x.id),
              r,
              n,
            ),
            titles: r.meetingTitles
              .filter((t) => t.meeting_id === x.id)
              .map((t) => n.title(t.title_id))
              .sort(byText),
            notes: x.notes,
            nextStep: x.next_step,
            icsUid: x.ics_uid,
          }) as MeetingDoc,
        }))
        .sort(
          (a, b) =>
            byText(a.doc.startsAt, b.doc.startsAt) ||
            byText(a.doc.buyer, b.doc.buyer) ||
            byText(a.doc.icsUid ?? '', b.doc.icsUid ?? '') ||
            byText(JSON.stringify(a.doc), JSON.stringify(b.doc)),
        );
      const meetingIndex = new Map(meetings.map((x, i) => [x.row.id, i]));
      const doc: MarketDoc = compact({
        edition: n.edition(m.edition_id),
        name: m.name,
        timeZone: m.time_zone,
        start: m.start_date,
        end: m.end_date,
        lineup: r.lineup
          .filter((l) => l.market_id === m.id)
          .sort((a, b) => a.position - b.position)
          .map((l) => compact({ title: n.title(l.title_id), status: l.status, logline: l.logline })),
        screenings: r.screenings
          .filter((s) => s.market_id === m.id)
          .map((s) =>
            compact({
              title: n.title(s.title_id),
              startsAt: s.starts_at,
              endsAt: s.ends_at,
              venue: s.venue,
              notes: s.notes,
              buyers: r.screeningBuyers
                .filter((b) => b.screening_id === s.id)
                .map((b) => compact({ company: n.company(b.company_id), attended: b.attended === null ? null : b.attended === 1 }))
                .sort((a, b) => byText(a.company, b.company)),
              people: people(
                r.screeningPeople.filter((p) => p.screening_id === s.id),
                r,
                n,
              ),
            }),
          )
          .sort((a, b) => byText(a.startsAt, b.startsAt) || byText(a.title, b.title) || byText(a.venue, b.venue)),
        meetings: meetings.map((x) => x.doc),
        tasks: r.tasks
          .filter((t) => t.market_id === m.id)
          .map((t) =>
            compact({
              dueOn: t.due_on,
              owner: r.usernames.get(t.owner_id) ?? t.owner_id,
              text: t.text,
              meeting: t.meeting_id ? meetingIndex.get(t.meeting_id) : null,
              buyer: t.company_id ? n.company(t.company_id) : null,
              done: t.done === 1 ? true : undefined,
            }),
          )
          .sort((a, b) => byText(a.dueOn, b.dueOn) || byText(a.owner, b.owner) || byText(a.text, b.text)),
      });
      return doc;
    })
    .sort((a, b) => byText(a.start, b.start) || byText(a.name, b.name));

  const expiry = new Map(r.holdExpiries.map((h) => [h.contract_id, h.expires_on]));
  const offers = r.offers
    .map((o): OfferDoc => {
      const versions = r.versions
        .filter((v) => v.offer_id === o.id)
        .sort((a, b) => a.version - b.version)
        .map((v) => {
          const t = parseJson(v.terms) as {
            titleIds: string[];
            territories: string;
            media: string;
            languages: string[] | null;
            start: string;
            end: string | null;
            durationMonths: number | null;
            exclusive: boolean;
            holdbacks: OfferVersionDoc['holdbacks'];
            conditions: string | null;
          };
          return compact({
            titles: t.titleIds.map(n.title),
            territories: t.territories,
            media: t.media,
            languages: t.languages,
            start: t.start,
            // a term given as a duration derives its end: the duration says it
            end: t.durationMonths === null ? t.end : null,
            durationMonths: t.durationMonths,
            exclusive: t.exclusive,
            holdbacks: (t.holdbacks ?? []).map((h) => compact({ ...h })),
            conditions: t.conditions,
            ...(r.money
              ? {
                  mg: v.mg_amount === null || v.mg_currency === null ? null : formatMoney(Number(v.mg_amount), v.mg_currency),
                  paymentSchedule:
                    v.payment_schedule === null ? null : (parseJson(v.payment_schedule) as OfferVersionDoc['paymentSchedule']),
                }
              : {}),
            note: v.note,
            createdBy: v.created_by,
            createdAt: v.created_at,
          }) as OfferVersionDoc;
        });
      return compact({
        ref: o.ref,
        buyer: n.company(o.buyer_id),
        edition: o.edition_id ? n.edition(o.edition_id) : null,
        status: o.status,
        contract: o.contract_id ? n.contract(o.contract_id) : null,
        holdExpiresOn: o.contract_id ? (expiry.get(o.contract_id) ?? null) : null,
        createdBy: o.created_by,
        createdAt: o.created_at,
        updatedAt: o.updated_at,
        versions,
        events: r.events
          .filter((e) => e.offer_id === o.id)
          .sort((a, b) => a.seq - b.seq)
          .map((e) => compact({ from: e.from_status, to: e.to_status, version: e.version, by: e.username, at: e.at, note: e.note })),
      });
    })
    .sort((a, b) => byText(a.ref, b.ref));
  return { markets, offers };
}
