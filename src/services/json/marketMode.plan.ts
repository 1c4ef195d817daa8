/**
 * Market mode read from a document for the plan (docs/json-format.md, "markets" and "offers"):
 * every name resolved as the rest of the document resolves it (titles, companies, people, festival
 * editions, contracts by ref; users by username), every record checked by the rules of manual
 * entry (an offer's terms by the offers' own checkTerms), every issue named by its place
 * (`offers[2].versions[1].territories: unknown territory "Atlantis"`). Nothing is written here.
 */
import { isCalendarDate } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { closest } from '../../domain/fuzzy.js';
import { localOf } from '../../domain/marketTime.js';
import { OFFER_STATUSES, type OfferStatus } from '../../domain/offers.js';
import type { LineupDoc, MarketDoc, OfferDoc, OfferEventDoc, OfferVersionDoc } from '../../interchange/json/marketMode.js';
import { type Collector, isObject, list } from '../../interchange/json/read.js';
import { LINEUP_WORDS, checkZone } from '../marketDays/market.js';
import { oneOf, optionalBool, optionalText, requiredName, requiredText } from '../lookup.js';
import { checkTerms } from '../offers/terms.js';
import type { MarketModePlan, PlannedMarket, PlannedOffer, PlannedPerson } from '../write/records.js';

/** Resolvers from the document's plan: each returns a key (an id, or a record the plan creates), or undefined after adding the issue. */
export interface MarketModeNames {
  title: (name: unknown, field: string) => string | undefined;
  company: (name: unknown, field: string) => string | undefined;
  person: (name: unknown, field: string) => string | undefined;
  edition: (ref: unknown, field: string) => string | undefined;
  /** Contract refs in the document or the database. */
  contracts: ReadonlySet<string>;
  /** username → user id */
  users: ReadonlyMap<string, string>;
  /** Editions that have a market already, offer refs already taken. */
  editionsWithMarket: ReadonlySet<string>;
  offerRefs: ReadonlySet<string>;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00(\.000)?)?Z$/;

/** A UTC instant to the minute, as stored ("2021-09-13T16:00:00Z"). */
function instant(v: unknown, field: string, c: Collector): string | undefined {
  if (typeof v !== 'string' || !INSTANT.test(v) || Number.isNaN(Date.parse(v))) {
    c.add(field, `expected a UTC time to the minute, e.g. "2021-09-13T16:00:00Z"`);
    return undefined;
  }
  return new Date(Date.parse(v)).toISOString().slice(0, 16) + ':00Z';
}
function timestamp(v: unknown, field: string, c: Collector): string | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) {
    c.add(field, 'expected an ISO 8601 time, e.g. "2021-09-13T16:00:00.000Z"');
    return undefined;
  }
  return v;
}
function day(v: unknown, field: string, c: Collector): string | undefined {
  if (typeof v !== 'string' || !isCalendarDate(v)) {
    c.add(field, 'expected a date as YYYY-MM-DD');
    return undefined;
  }
  return v;
}
/** Runs a check whose errors name bare fields ("territories"), naming them from `at` ("offers[2].versions[1]."). */
function under<T>(at: string, c: Collector, fn: () => T): T | undefined {
  return c.attempt(() => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof DomainError) || e.field.startsWith(at)) throw e;
      throw new DomainError(e.code, `${at}${e.field}`, e.value, `${at}${e.message}`, e.suggestions);
    }
  });
}

function eventPeople(x: object, field: string, n: MarketModeNames, c: Collector): PlannedPerson[] | undefined {
  let ok = true;
  const out = list<{ user?: unknown; person?: unknown }>(x, 'people', c, field).map((p, i) => {
    const f = `${field}[${i}]`;
    if ((p.user == null) === (p.person == null)) {
      c.add(f, 'give either "user" (a username) or "person" (a person\'s name)');
      ok = false;
      return { user: null, person: null };
    }
    if (p.user != null) {
      const id = n.users.get(String(p.user));
      if (!id) {
        c.add(`${f}.user`, `no user "${String(p.user)}" here`, closest(String(p.user), [...n.users.keys()], 3));
        ok = false;
      }
      return { user: id ?? null, person: null };
    }
    const key = n.person(p.person, `${f}.person`);
    if (!key) ok = false;
    return { user: null, person: key ?? null };
  });
  return ok ? out : undefined;
}

function planMarket(m: MarketDoc, f: string, n: MarketModeNames, seen: Set<string>, c: Collector): PlannedMarket | undefined {
  const editionKey = n.edition(m.edition, `${f}.edition`);
  if (editionKey && (n.editionsWithMarket.has(editionKey) || seen.has(editionKey))) {
    c.add(`${f}.edition`, `this edition has a market already${seen.has(editionKey) ? ' (listed twice in this document)' : ''}`);
  }
  if (editionKey) seen.add(editionKey);
  const name = c.attempt(() => requiredName(m.name, `${f}.name`));
  const zone = c.attempt(() => checkZone(m.timeZone, `${f}.timeZone`));
  const start = day(m.start, `${f}.start`, c);
  const end = day(m.end, `${f}.end`, c);
  if (start && end && end < start) c.add(`${f}.end`, `the market ends (${end}) before it starts (${start})`);
  let ok = !!(editionKey && name && zone && start && end);
  const lineupTitles = new Set<string>();
  const lineup = list<LineupDoc>(m, 'lineup', c, `${f}.lineup`).map((l, i) => {
    const lf = `${f}.lineup[${i}]`;
    const title = n.title(l.title, `${lf}.title`);
    const status = c.attempt(() => oneOf(l.status, LINEUP_WORDS, `${lf}.status`));
    const logline = c.attempt(() => optionalText(l.logline, `${lf}.logline`));
    if (title && lineupTitles.has(title)) c.add(`${lf}.title`, 'this title is in the line-up twice');
    if (title) lineupTitles.add(title);
    if (!title || !status || logline === undefined) ok = false;
    return { title: title ?? '', status: status ?? 'completed', logline: logline ?? null };
  });
  const span = (x: { startsAt?: unknown; endsAt?: unknown }, xf: string) => {
    const s = instant(x.startsAt, `${xf}.startsAt`, c);
    const e = instant(x.endsAt, `${xf}.endsAt`, c);
    if (s && e && e <= s) c.add(`${xf}.endsAt`, 'it ends before it starts');
    if (!s || !e || e <= s) ok = false;
    else if (zone && start && end) {
      // as in manual entry: on one of the market's days, in its time zone
      const local = localOf(zone, Date.parse(s)).slice(0, 10);
      if (local < start || local > end) {
        c.add(`${xf}.startsAt`, `${local} is outside the market (${start} to ${end}, ${zone})`);
        ok = false;
      }
    }
    return { startsAt: s ?? '', endsAt: e ?? '' };
  };
  const screenings = list<NonNullable<MarketDoc['screenings']>[number]>(m, 'screenings', c, `${f}.screenings`).map((s, i) => {
    const sf = `${f}.screenings[${i}]`;
    const title = n.title(s.title, `${sf}.title`);
    const venue = c.attempt(() => requiredText(s.venue, `${sf}.venue`));
    const notes = c.attempt(() => optionalText(s.notes, `${sf}.notes`));
    const buyers = list<{ company?: unknown; attended?: unknown }>(s, 'buyers', c, `${sf}.buyers`).map((b, j) => {
      const company = n.company(b.company, `${sf}.buyers[${j}].company`);
      const attended = c.attempt(() => optionalBool(b.attended, `${sf}.buyers[${j}].attended`));
      if (!company || attended === undefined) ok = false;
      return { company: company ?? '', attended: attended ?? null };
    });
    if (new Set(buyers.map((b) => b.company)).size < buyers.length) {
      c.add(`${sf}.buyers`, 'a buyer is invited twice');
      ok = false;
    }
    const people = eventPeople(s, `${sf}.people`, n, c);
    if (!title || !venue || notes === undefined || !people) ok = false;
    return { title: title ?? '', ...span(s, sf), venue: venue ?? '', notes: notes ?? null, buyers, people: people ?? [] };
  });
  const uids = new Set<string>();
  const meetings = list<NonNullable<MarketDoc['meetings']>[number]>(m, 'meetings', c, `${f}.meetings`).map((x, i) => {
    const mf = `${f}.meetings[${i}]`;
    const buyer = n.company(x.buyer, `${mf}.buyer`);
    const titles = (Array.isArray(x.titles) ? x.titles : x.titles == null ? [] : (c.add(`${mf}.titles`, 'expected a list'), [])).map(
      (t, j) => n.title(t, `${mf}.titles[${j}]`),
    );
    const texts = (['place', 'notes', 'nextStep', 'icsUid'] as const).map((k) => c.attempt(() => optionalText(x[k], `${mf}.${k}`)));
    const uid = texts[3];
    if (uid && uids.has(uid)) c.add(`${mf}.icsUid`, `the calendar UID "${uid}" is used by two meetings`);
    if (uid) uids.add(uid);
    const people = eventPeople(x, `${mf}.people`, n, c);
    if (!buyer || titles.some((t) => !t) || texts.some((t) => t === undefined) || !people) ok = false;
    return {
      buyer: buyer ?? '',
      ...span(x, mf),
      place: texts[0] ?? null,
      notes: texts[1] ?? null,
      nextStep: texts[2] ?? null,
      icsUid: uid ?? null,
      titles: [...new Set(titles.map((t) => t ?? ''))],
      people: people ?? [],
    };
  });
  const tasks = list<NonNullable<MarketDoc['tasks']>[number]>(m, 'tasks', c, `${f}.tasks`).map((t, i) => {
    const tf = `${f}.tasks[${i}]`;
    const dueOn = day(t.dueOn, `${tf}.dueOn`, c);
    const owner = n.users.get(String(t.owner));
    if (!owner) c.add(`${tf}.owner`, `no user "${String(t.owner)}" here (a task's owner is a user, named by username)`);
    const text = c.attempt(() => requiredText(t.text, `${tf}.text`));
    const meeting = t.meeting ?? null;
    if (meeting !== null && !(Number.isInteger(meeting) && meeting >= 0 && meeting < meetings.length)) {
      c.add(`${tf}.meeting`, `expected the position of one of this market's ${meetings.length} meetings (from 0)`);
      ok = false;
    }
    const buyer = t.buyer == null || t.buyer === '' ? null : n.company(t.buyer, `${tf}.buyer`);
    const done = c.attempt(() => optionalBool(t.done, `${tf}.done`));
    if (!dueOn || !owner || !text || buyer === undefined || done === undefined) ok = false;
    return { dueOn: dueOn ?? '', owner: owner ?? '', text: text ?? '', meeting, buyer: buyer ?? null, done: done ?? false };
  });
  if (!ok) return undefined;
  return { field: f, editionKey: editionKey!, name: name!, timeZone: zone!, start: start!, end: end!, lineup, screenings, meetings, tasks };
}

function planOffer(o: OfferDoc, f: string, n: MarketModeNames, seen: Set<string>, c: Collector): PlannedOffer | undefined {
  let ok = true;
  const ref = c.attempt(() => requiredText(o.ref, `${f}.ref`));
  if (ref && (n.offerRefs.has(ref) || seen.has(ref))) {
    c.add(`${f}.ref`, `an offer "${ref}" already exists${seen.has(ref) ? ' (listed twice in this document)' : ''}`);
    ok = false;
  }
  if (ref) seen.add(ref);
  const buyer = n.company(o.buyer, `${f}.buyer`);
  const edition = o.edition == null || o.edition === '' ? null : n.edition(o.edition, `${f}.edition`);
  const status = c.attempt(() => oneOf(o.status, OFFER_STATUSES, `${f}.status`));
  let contract: string | null = null;
  if (o.contract != null && o.contract !== '') {
    contract = String(o.contract);
    if (!n.contracts.has(contract)) {
      c.add(`${f}.contract`, `no contract "${contract}" in the document or the database`, closest(contract, [...n.contracts], 3));
      ok = false;
    }
  }
  const holdExpiresOn = o.holdExpiresOn == null ? null : (day(o.holdExpiresOn, `${f}.holdExpiresOn`, c) ?? null);
  if (o.holdExpiresOn != null && !holdExpiresOn) ok = false;
  if (holdExpiresOn && !contract) c.add(`${f}.holdExpiresOn`, 'a hold expires only on the contract the offer placed: give "contract"');
  const createdBy = c.attempt(() => optionalText(o.createdBy, `${f}.createdBy`));
  const createdAt = timestamp(o.createdAt, `${f}.createdAt`, c);
  const updatedAt = timestamp(o.updatedAt, `${f}.updatedAt`, c);
  const docs = list<OfferVersionDoc>(o, 'versions', c, `${f}.versions`);
  if (!docs.length) c.add(`${f}.versions`, 'an offer has at least one version (its terms)');
  const versions = docs.map((v, i) => {
    const vf = `${f}.versions[${i}]`;
    const titles = (Array.isArray(v.titles) ? v.titles : (c.add(`${vf}.titles`, 'expected a list of titles'), [])).map((t, j) =>
      n.title(t, `${vf}.titles[${j}]`),
    );
    const checked = under(`${vf}.`, c, () =>
      checkTerms(null, {
        titleIds: titles.map((t, j) => t ?? `unresolved:${j}`),
        territories: v.territories,
        media: v.media,
        languages: v.languages ?? null,
        start: v.start,
        end: v.end ?? null,
        durationMonths: v.durationMonths ?? null,
        exclusive: v.exclusive ?? true,
        holdbacks: (v.holdbacks ?? []).map((h) => ({ ...h, start: h.start ?? null, end: h.end ?? null })),
        conditions: v.conditions ?? null,
        ...(v.mg !== undefined ? { mg: v.mg } : {}),
        ...(v.paymentSchedule !== undefined
          ? { paymentSchedule: v.paymentSchedule?.map((p) => ({ ...p, percent: p.percent ?? null })) ?? null }
          : {}),
      }),
    );
    const note = c.attempt(() => optionalText(v.note, `${vf}.note`));
    const by = c.attempt(() => optionalText(v.createdBy, `${vf}.createdBy`));
    const at = timestamp(v.createdAt, `${vf}.createdAt`, c);
    if (!checked || titles.some((t) => !t) || note === undefined || by === undefined || !at) ok = false;
    return { checked: checked!, note: note ?? null, createdBy: by ?? null, createdAt: at ?? '' };
  });
  let last: OfferStatus | null = null;
  const events = list<OfferEventDoc>(o, 'events', c, `${f}.events`).map((e, i) => {
    const ef = `${f}.events[${i}]`;
    const from = e.from == null ? null : (c.attempt(() => oneOf(e.from, OFFER_STATUSES, `${ef}.from`)) ?? null);
    const to = c.attempt(() => oneOf(e.to, OFFER_STATUSES, `${ef}.to`));
    if (from !== last)
      c.add(`${ef}.from`, last === null ? 'the first event starts the offer: no "from"' : `the offer was ${last} before this event`);
    last = to ?? null;
    if (!Number.isInteger(e.version) || e.version < 1 || e.version > Math.max(1, docs.length))
      c.add(`${ef}.version`, `expected the number of one of the offer's ${docs.length} versions (from 1)`);
    const by = c.attempt(() => requiredText(e.by, `${ef}.by`));
    const at = timestamp(e.at, `${ef}.at`, c);
    const note = c.attempt(() => optionalText(e.note, `${ef}.note`));
    if (!to || !by || !at || note === undefined) ok = false;
    return {
      from,
      to: to ?? 'new',
      version: e.version,
      by: by ?? '',
      user: by ? (n.users.get(by) ?? null) : null,
      at: at ?? '',
      note: note ?? null,
    };
  });
  if (!events.length) c.add(`${f}.events`, 'an offer has at least one status event (the one that made it new)');
  else if (status && last !== status) c.add(`${f}.status`, `the offer is ${status}, but its last event makes it ${String(last)}`);
  if (
    !ok ||
    !ref ||
    !buyer ||
    edition === undefined ||
    !status ||
    createdBy === undefined ||
    !createdAt ||
    !updatedAt ||
    !docs.length ||
    !events.length
  )
    return undefined;
  return { field: f, ref, buyer, edition, status, contract, holdExpiresOn, createdBy, createdAt, updatedAt, versions, events };
}

/** The markets and offers of a document, planned; undefined when it has neither. Issues go to `c`. */
export function planMarketMode(doc: object, n: MarketModeNames, c: Collector): MarketModePlan | undefined {
  const d = doc as { markets?: unknown; offers?: unknown };
  if (d.markets == null && d.offers == null) return undefined;
  const editions = new Set<string>();
  const markets = list<MarketDoc>(doc, 'markets', c).flatMap((m, i) => planMarket(m, `markets[${i}]`, n, editions, c) ?? []);
  const refs = new Set<string>();
  const offers = list<OfferDoc>(doc, 'offers', c).flatMap((o, i) => (isObject(o) ? (planOffer(o, `offers[${i}]`, n, refs, c) ?? []) : []));
  return { markets, offers };
}
