/**
 * The keys each object of a `filmrights/1` document may have (docs/json-format.md), and the one
 * check of them: a key that its record does not have refuses the document, named by its place
 * (`contracts[2].MG: unknown field "MG". Did you mean "mg"?`), so a field written wrong is never
 * imported as if it were absent.
 *
 * Each record's keys are tied to its type (document.ts, marketMode.ts) by the compiler: every key of
 * the type is listed, and no other. Where the type derives from a contract schema (TitleInput,
 * BlockInput, HoldbackInput, AliasInput, the accounts' TermsInput), the keys are read from the
 * schema's `properties`, nested objects included, so a field added to the API is a field of the
 * document too.
 */
import { AliasInput, BlockInput, HoldbackInput, TermsInput, TitleInput } from '../../contract/index.js';
import { closest } from '../../domain/fuzzy.js';
import {
  TERMS_INPUT_OMITTED,
  TITLE_INPUT_OMITTED,
  type AccountsDoc,
  type AliasDoc,
  type AwardDoc,
  type BlockDoc,
  type BoxOfficeDoc,
  type BuyerContactDoc,
  type BuyerDoc,
  type CompanyDoc,
  type ContractAccountsDoc,
  type ContractDoc,
  type CreditDoc,
  type EditionDoc,
  type FactDoc,
  type FestivalDoc,
  type HoldbackDoc,
  type InterchangeDocument,
  type MoneyEntryDoc,
  type NegotiatorDoc,
  type PersonDoc,
  type ReleaseDoc,
  type RevenueRowDoc,
  type SelectionDoc,
  type SourceDoc,
  type StatementDoc,
  type TitleCompanyDoc,
  type TitleDoc,
} from './document.js';
import type {
  EventPersonDoc,
  LineupDoc,
  MarketDoc,
  MeetingDoc,
  OfferDoc,
  OfferEventDoc,
  OfferVersionDoc,
  ScreeningDoc,
  TaskDoc,
} from './marketMode.js';
import { type Collector, isObject } from './read.js';
import type { EditionRef } from './refs.js';

/**
 * The keys an object may have, each with the keys of the object under it (or of each object in the
 * list under it); null: a value, not an object of the document (a name, a date, a list of names),
 * or an object the document carries as it is (a statement's body).
 */
export type Keys = { readonly [key: string]: Keys | null };

type AllKeys<T> = T extends unknown ? keyof T & string : never;
type KeysOf<T> = { readonly [K in AllKeys<NonNullable<T>>]-?: Keys | null };
type Item<T> = NonNullable<T> extends ReadonlyArray<infer E> ? E : never;

/** The keys of `T`: every one listed (the compiler checks), and no other (`never` for one it does not have). */
const keysOf =
  <T>() =>
  <const K extends KeysOf<T>>(keys: K & { readonly [X in Exclude<keyof K, AllKeys<NonNullable<T>>>]: never }): Keys =>
    keys;

/** The keys of a JSON schema's closed object (and of the closed objects and lists of them under it); null for any other schema. */
function schemaKeys(schema: unknown): Keys | null {
  if (!isObject(schema)) return null;
  if (isObject(schema.properties) && schema.additionalProperties === false)
    return Object.fromEntries(Object.entries(schema.properties).map(([k, p]) => [k, schemaKeys(p)]));
  if (schema.items !== undefined) return schemaKeys(schema.items);
  const members = Array.isArray(schema.anyOf) ? schema.anyOf.map(schemaKeys).filter((k): k is Keys => k !== null) : [];
  return members.length ? Object.assign({}, ...members) : null;
}

/** A contract schema's keys but those the document leaves out. */
function fromSchema<P extends object, const O extends ReadonlyArray<keyof P & string>>(
  schema: { properties: P },
  omitted: O,
): { readonly [K in Exclude<keyof P & string, O[number]>]: Keys | null } {
  const out: Record<string, Keys | null> = {};
  for (const [k, p] of Object.entries(schema.properties)) if (!(omitted as readonly string[]).includes(k)) out[k] = schemaKeys(p);
  return out as { [K in Exclude<keyof P & string, O[number]>]: Keys | null };
}

const MONEY = keysOf<NonNullable<ContractDoc['mg']>>()({ amount: null, currency: null });
const ALIAS = keysOf<AliasDoc>()(fromSchema(AliasInput, []));
const CREDIT = keysOf<CreditDoc>()({ role: null, name: null, character: null });
const TITLE_COMPANY = keysOf<TitleCompanyDoc>()({ role: null, name: null });
const TITLE = keysOf<TitleDoc>()({
  ...fromSchema(TitleInput, TITLE_INPUT_OMITTED),
  title: null,
  originalTitle: null,
  aliases: ALIAS,
  credits: CREDIT,
  companies: TITLE_COMPANY,
  parent: null,
});
const BLOCK = keysOf<BlockDoc>()({ ...fromSchema(BlockInput, TERMS_INPUT_OMITTED), title: null });
const HOLDBACK = keysOf<HoldbackDoc>()({ ...fromSchema(HoldbackInput, TERMS_INPUT_OMITTED), title: null });
const NEGOTIATOR = keysOf<NegotiatorDoc>()({ name: null, company: null, side: null });
const EDITION_REF = keysOf<Exclude<EditionRef, string>>()({ festival: null, year: null, number: null });
const CONTRACT = keysOf<ContractDoc>()({
  ref: null,
  direction: null,
  status: null,
  licensor: null,
  licensee: null,
  salesAgent: null,
  titles: null,
  blocks: BLOCK,
  holdbacks: HOLDBACK,
  negotiators: NEGOTIATOR,
  mg: MONEY,
  signedOn: null,
  announcedOn: null,
  deliveryDate: null,
  edition: EDITION_REF,
  notes: null,
  overrideReason: null,
});

const SELECTION = keysOf<SelectionDoc>()({
  title: null,
  section: null,
  premiereStatus: null,
  slot: null,
  withdrawn: null,
  withdrawalReason: null,
});
const AWARD = keysOf<AwardDoc>()({ name: null, title: null, person: null, tied: null, tieGroup: null });
const EDITION = keysOf<EditionDoc>()({
  number: null,
  year: null,
  start: null,
  end: null,
  sections: null,
  selections: SELECTION,
  awards: AWARD,
});
const FESTIVAL = keysOf<FestivalDoc>()({
  name: null,
  shortName: null,
  aliases: null,
  kind: null,
  country: null,
  city: null,
  editions: EDITION,
});

const RELEASE = keysOf<ReleaseDoc>()({ title: null, territory: null, date: null, precision: null, distributor: null, kind: null });
const BOX_OFFICE = keysOf<BoxOfficeDoc>()({
  title: null,
  territory: null,
  amount: null,
  currency: null,
  periodStart: null,
  periodEnd: null,
  asOf: null,
  cumulative: null,
});

const FACT = keysOf<FactDoc>()({
  fact: null,
  title: null,
  alias: null,
  name: null,
  role: null,
  company: null,
  ref: null,
  festival: null,
  year: null,
  award: null,
  territory: null,
  quote: null,
  span: null,
  reviewed: null,
  accepted: null,
});
const SOURCE = keysOf<SourceDoc>()({
  kind: null,
  outlet: null,
  publishedOn: null,
  url: null,
  file: null,
  title: null,
  text: null,
  facts: FACT,
});

const BUYER_CONTACT = keysOf<BuyerContactDoc>()({ name: null, person: null, role: null, email: null, phone: null });
const BUYER = keysOf<BuyerDoc>()({
  company: null,
  kind: null,
  territories: null,
  media: null,
  genres: null,
  locale: null,
  notes: null,
  contacts: BUYER_CONTACT,
});

const ENTRY = { on: null, amount: null, currency: null, note: null } as const;
const CONTRACT_ACCOUNTS = keysOf<ContractAccountsDoc>()({
  contract: null,
  // as PUT /api/contracts/:id/terms takes them, less the version read
  terms: keysOf<ContractAccountsDoc['terms']>()(fromSchema(TermsInput, ['version'])),
  receipts: keysOf<Item<ContractAccountsDoc['receipts']>>()({ ...ENTRY, kind: null }),
  expenses: keysOf<Item<ContractAccountsDoc['expenses']>>()({ ...ENTRY, category: null, recoupable: null }),
  payments: keysOf<MoneyEntryDoc>()(ENTRY),
  revenueReports: keysOf<Item<ContractAccountsDoc['revenueReports']>>()({
    report: null,
    rows: keysOf<RevenueRowDoc>()({
      row: null,
      period: null,
      title: null,
      territory: null,
      media: null,
      gross: null,
      currency: null,
      units: null,
    }),
  }),
  // the body is the statement exactly as it was issued: carried as it is
  statements: keysOf<StatementDoc>()({ number: null, period: null, corrects: null, issuedAt: null, issuedBy: null, body: null }),
});
const ACCOUNTS = keysOf<AccountsDoc>()({
  exchangeRates: keysOf<Item<AccountsDoc['exchangeRates']>>()({ period: null, from: null, to: null, rate: null }),
  contracts: CONTRACT_ACCOUNTS,
});

const EVENT_PERSON = keysOf<EventPersonDoc>()({ user: null, person: null });
const MARKET = keysOf<MarketDoc>()({
  edition: EDITION_REF,
  name: null,
  timeZone: null,
  start: null,
  end: null,
  lineup: keysOf<LineupDoc>()({ title: null, status: null, logline: null }),
  screenings: keysOf<ScreeningDoc>()({
    title: null,
    startsAt: null,
    endsAt: null,
    venue: null,
    notes: null,
    buyers: keysOf<Item<ScreeningDoc['buyers']>>()({ company: null, attended: null }),
    people: EVENT_PERSON,
  }),
  meetings: keysOf<MeetingDoc>()({
    buyer: null,
    startsAt: null,
    endsAt: null,
    place: null,
    people: EVENT_PERSON,
    titles: null,
    notes: null,
    nextStep: null,
    icsUid: null,
  }),
  tasks: keysOf<TaskDoc>()({ dueOn: null, owner: null, text: null, meeting: null, buyer: null, done: null }),
});
const OFFER = keysOf<OfferDoc>()({
  ref: null,
  buyer: null,
  edition: EDITION_REF,
  status: null,
  contract: null,
  holdExpiresOn: null,
  createdBy: null,
  createdAt: null,
  updatedAt: null,
  versions: keysOf<OfferVersionDoc>()({
    titles: null,
    territories: null,
    media: null,
    languages: null,
    start: null,
    end: null,
    durationMonths: null,
    exclusive: null,
    holdbacks: keysOf<Item<OfferVersionDoc['holdbacks']>>()({ territories: null, media: null, start: null, end: null, description: null }),
    conditions: null,
    mg: MONEY,
    paymentSchedule: keysOf<Item<OfferVersionDoc['paymentSchedule']>>()({ label: null, percent: null, due: null }),
    note: null,
    createdBy: null,
    createdAt: null,
  }),
  events: keysOf<OfferEventDoc>()({ from: null, to: null, version: null, by: null, at: null, note: null }),
});

/** The records of the document by kind (for tests and for whoever needs one record's keys). */
export const RECORD_KEYS = {
  company: keysOf<CompanyDoc>()({ name: null, kind: null, country: null }),
  person: keysOf<PersonDoc>()({ name: null, sortName: null }),
  title: TITLE,
  alias: ALIAS,
  credit: CREDIT,
  titleCompany: TITLE_COMPANY,
  contract: CONTRACT,
  block: BLOCK,
  holdback: HOLDBACK,
  negotiator: NEGOTIATOR,
  festival: FESTIVAL,
  edition: EDITION,
  selection: SELECTION,
  award: AWARD,
  release: RELEASE,
  boxOffice: BOX_OFFICE,
  source: SOURCE,
  fact: FACT,
  buyer: BUYER,
  buyerContact: BUYER_CONTACT,
  accounts: ACCOUNTS,
  market: MARKET,
  offer: OFFER,
} as const satisfies Record<string, Keys>;

/** The document's sections, each with the keys of its records. */
export const DOCUMENT_KEYS = keysOf<InterchangeDocument>()({
  $schema: null,
  about: null,
  format: null,
  we: null,
  companies: RECORD_KEYS.company,
  people: RECORD_KEYS.person,
  titles: TITLE,
  contracts: CONTRACT,
  festivals: FESTIVAL,
  releases: RELEASE,
  boxOffice: BOX_OFFICE,
  sources: SOURCE,
  buyers: BUYER,
  accounts: ACCOUNTS,
  markets: MARKET,
  offers: OFFER,
});

/**
 * Every key of the document checked against its record's keys, all the way down: each unknown one
 * an issue naming its place, with the known keys it may have been meant to be. Values of the wrong
 * kind are left to the records' own checks.
 */
export function checkDocumentKeys(doc: Record<string, unknown>, c: Collector): void {
  for (const [k, v] of Object.entries(doc)) {
    if (!Object.hasOwn(DOCUMENT_KEYS, k)) unknownKey(k, k, 'section', DOCUMENT_KEYS, c);
    else under(v, DOCUMENT_KEYS[k], k, c);
  }
}

/** An object's keys checked against `keys` (and the objects under it against theirs); unknown ones go to `c`, named from `field`. */
export function knownKeys(o: Record<string, unknown>, keys: Keys, field: string, c: Collector): void {
  for (const [k, v] of Object.entries(o)) {
    if (!Object.hasOwn(keys, k)) unknownKey(`${field}.${k}`, k, 'field', keys, c);
    else under(v, keys[k], `${field}.${k}`, c);
  }
}

/** A value under a key: an object, or a list of them (items of another kind, such as a title named by a string, are not records). */
function under(v: unknown, keys: Keys | null, field: string, c: Collector): void {
  if (!keys) return;
  if (isObject(v)) knownKeys(v, keys, field, c);
  else if (Array.isArray(v)) v.forEach((x, i) => isObject(x) && knownKeys(x, keys, `${field}[${i}]`, c));
}

function unknownKey(field: string, key: string, what: 'section' | 'field', keys: Keys, c: Collector): void {
  const near = nearestKeys(key, Object.keys(keys));
  const hint = near.length ? `. Did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
  c.add(field, `unknown ${what} "${key}"${hint}`, near);
}

/**
 * The known keys an unknown one was likely meant to be: the close ones ("MG": mg, "qoute": quote);
 * else a known key it starts with as a word ("mgAmount", "mg_amount": mg); else one of the same
 * stem with another ending ("territory": territories).
 */
export function nearestKeys(key: string, keys: readonly string[]): string[] {
  const near = closest(key, keys, 3);
  if (near.length) return near;
  const lower = key.toLowerCase();
  const prefixed = keys.filter((k) => key.length > k.length && lower.startsWith(k.toLowerCase()) && /[^a-z]/.test(key[k.length]));
  if (prefixed.length) return prefixed.sort((a, b) => b.length - a.length).slice(0, 3);
  const common = (k: string) => {
    let n = 0;
    while (n < k.length && n < lower.length && k[n].toLowerCase() === lower[n]) n++;
    return n;
  };
  return keys.filter((k) => common(k) >= 4 && common(k) >= Math.min(k.length, key.length) - 2).slice(0, 3);
}
