/**
 * Unknown fields in a `filmrights/1` document, on SQLite and PostgreSQL: a key that no record of its
 * kind has (a misspelt "MG", a "terms" put on the contract instead of under accounts) refuses the
 * whole document, naming its place and the nearest known key, and nothing is written. Every
 * record kind is tried on one document that imports cleanly without the bad key. The export writes
 * nothing the import refuses: the demo's export imports again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AliasInput, BlockInput, HoldbackInput, TitleInput } from '../../src/contract/index.js';
import { DOCUMENT_KEYS, RECORD_KEYS } from '../../src/interchange/json/keys.js';
import type { Actor } from '../../src/services/app.js';
import { DEMO_DIR, readDemo } from '../../src/services/demo.js';
import { ImportError, exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { createUser } from '../../src/services/users.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { describeEachDatabase } from '../support/databases.js';

const ACCOUNTANT: Actor = { id: 'ines', username: 'ines', role: 'editor', canSeeFinancials: true };
const EDITOR: Actor = { id: 'otto', username: 'otto', role: 'editor', canSeeFinancials: false };

const TEXT = 'Quayside Pictures has picked up UK rights to “The Tin Orchard” from Lanternfish Sales, after its Harbourlight premiere.';

/** One of every record kind, all of it valid: it imports into an empty database (the last test says so). Invented names. */
function fullDoc(): InterchangeDocument {
  return {
    format: 'filmrights/1',
    we: 'Lanternfish Sales',
    companies: [
      { name: 'Lanternfish Sales', kind: 'sales-agent', country: 'FR' },
      { name: 'Quayside Pictures', kind: 'distributor', country: 'GB' },
      { name: 'Kestrel Productions', kind: 'production', country: 'DE' },
    ],
    people: [{ name: 'Ines Varga', sortName: 'Varga, Ines' }],
    titles: [
      {
        title: 'The Tin Orchard',
        originalTitle: 'Der Blechgarten',
        year: 2023,
        countries: ['DE'],
        aliases: ['Tin Orchard', { alias: 'Blechgarten', language: 'de', kind: 'short title' }],
        credits: [{ role: 'director', name: 'Ines Varga' }],
        companies: [{ role: 'production', name: 'Kestrel Productions' }],
      },
    ],
    festivals: [
      {
        name: 'Harbourlight Film Festival',
        shortName: 'Harbourlight',
        kind: 'festival',
        country: 'GB',
        city: 'Bristol',
        editions: [
          {
            number: 12,
            year: 2023,
            start: '2023-09-01',
            end: '2023-09-10',
            selections: [{ title: 'The Tin Orchard', section: 'Competition', premiereStatus: 'world' }],
            awards: [{ name: 'Golden Lantern', title: 'The Tin Orchard', person: 'Ines Varga' }],
          },
        ],
      },
    ],
    contracts: [
      {
        ref: 'KESTREL-LF-WW',
        licensor: 'Kestrel Productions',
        licensee: 'Lanternfish Sales',
        status: 'signed',
        titles: ['The Tin Orchard'],
        blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2023-01-01', end: '2038-12-31' }],
      },
      {
        ref: 'LF-QUAYSIDE-UK',
        licensor: 'Lanternfish Sales',
        licensee: 'Quayside Pictures',
        status: 'signed',
        titles: ['The Tin Orchard'],
        blocks: [{ territories: 'United Kingdom', media: 'Theatrical', start: '2024-01-01', end: '2030-12-31' }],
        holdbacks: [
          {
            territories: 'United Kingdom',
            media: 'SVOD',
            start: '2024-01-01',
            endCondition: { event: 'release', territory: 'GB', media: 'theatrical', offset: 6, unit: 'months' },
            description: 'no SVOD until six months after the UK release',
          },
        ],
        negotiators: [{ name: 'Tomas Brandt', company: 'Lanternfish Sales', side: 'licensor' }],
        mg: { amount: '85000.00', currency: 'GBP' },
        announcedOn: '2023-09-05',
        edition: { festival: 'Harbourlight Film Festival', number: 12 },
      },
    ],
    releases: [{ title: 'The Tin Orchard', territory: 'GB', date: '2024-02', kind: 'theatrical', distributor: 'Quayside Pictures' }],
    boxOffice: [{ title: 'The Tin Orchard', territory: 'GB', amount: '250000', currency: 'GBP', asOf: '2024-03-01' }],
    sources: [
      {
        kind: 'article',
        outlet: 'trade press',
        publishedOn: '2023-09-05',
        title: 'Quayside takes The Tin Orchard',
        text: TEXT,
        facts: [{ fact: 'contract', ref: 'LF-QUAYSIDE-UK', quote: 'Quayside Pictures has picked up UK rights' }],
      },
    ],
    buyers: [
      {
        company: 'Quayside Pictures',
        kind: 'distributor',
        territories: 'United Kingdom',
        media: 'Theatrical',
        genres: ['drama'],
        contacts: [{ name: 'Rosa Quint', role: 'Head of acquisitions', email: 'rosa@quayside.example' }],
      },
    ],
    accounts: {
      exchangeRates: [{ period: '2024-Q1', from: 'GBP', to: 'EUR', rate: '1.17' }],
      contracts: [
        {
          contract: 'LF-QUAYSIDE-UK',
          terms: {
            kind: 'licence',
            currency: 'GBP',
            frequency: 'quarterly',
            reportingFrom: '2024-01-01',
            fees: [{ rate: '0.3', label: 'All media' }],
          },
          receipts: [{ on: '2023-09-20', amount: '20000.00', currency: 'GBP', kind: 'instalment' }],
          revenueReports: [
            {
              report: 'Quayside Q1 2024',
              rows: [
                {
                  row: 1,
                  period: '2024-Q1',
                  title: 'The Tin Orchard',
                  territory: 'United Kingdom',
                  media: 'Theatrical',
                  gross: '40000.00',
                  currency: 'GBP',
                },
              ],
            },
          ],
        },
      ],
    },
    markets: [
      {
        edition: 'Harbourlight Film Festival 2023',
        name: 'Harbourlight Market',
        timeZone: 'Europe/London',
        start: '2023-09-02',
        end: '2023-09-06',
        lineup: [{ title: 'The Tin Orchard', status: 'completed' }],
        screenings: [
          {
            title: 'The Tin Orchard',
            startsAt: '2023-09-03T10:00:00Z',
            endsAt: '2023-09-03T11:40:00Z',
            venue: 'Dock Cinema 2',
            buyers: [{ company: 'Quayside Pictures', attended: true }],
            people: [{ person: 'Tomas Brandt' }],
          },
        ],
        meetings: [
          {
            buyer: 'Quayside Pictures',
            startsAt: '2023-09-04T09:00:00Z',
            endsAt: '2023-09-04T09:30:00Z',
            titles: ['The Tin Orchard'],
            people: [{ user: 'ines' }],
          },
        ],
        tasks: [{ dueOn: '2023-09-10', owner: 'ines', text: 'Send the long-form', meeting: 0, buyer: 'Quayside Pictures' }],
      },
    ],
    offers: [
      {
        ref: 'O-TIN-UK',
        buyer: 'Quayside Pictures',
        edition: 'Harbourlight Film Festival 2023',
        status: 'new',
        createdAt: '2023-09-04T10:00:00.000Z',
        updatedAt: '2023-09-04T10:00:00.000Z',
        versions: [
          {
            titles: ['The Tin Orchard'],
            territories: 'Ireland',
            media: 'Theatrical',
            start: '2024-03-01',
            end: '2031-02-28',
            holdbacks: [{ territories: 'Ireland', media: 'SVOD', end: '2024-08-31', description: 'no SVOD for six months' }],
            mg: { amount: '9000.00', currency: 'EUR' },
            paymentSchedule: [{ label: 'On signature', percent: '100', due: 'on signature' }],
            createdAt: '2023-09-04T10:00:00.000Z',
          },
        ],
        events: [{ to: 'new', version: 1, by: 'ines', at: '2023-09-04T10:00:00.000Z' }],
      },
    ],
  };
}

/** The object at `path` ("contracts[1].blocks[0]") in `doc`. */
function at(doc: InterchangeDocument, path: string): Record<string, unknown> {
  let o: unknown = doc;
  for (const part of path.split(/\.|(?=\[)/)) {
    const i = /^\[(\d+)\]$/.exec(part);
    o = i ? (o as unknown[])[Number(i[1])] : (o as Record<string, unknown>)[part];
    if (typeof o !== 'object' || o === null) throw new Error(`the test document has nothing at ${path} (${part})`);
  }
  return o as Record<string, unknown>;
}

/** [where, key, the keys suggested]: one case per record kind, some with the known key they were meant to be. */
const CASES: Array<[string, string, string[]]> = [
  ['companies[0]', 'website', []],
  ['people[0]', 'born', []],
  ['titles[0]', 'director', []],
  ['titles[0]', 'synopis', ['synopsis']],
  ['titles[0].aliases[1]', 'lang', ['language']],
  ['titles[0].credits[0]', 'charater', ['character']],
  ['titles[0].companies[0]', 'company', []],
  ['contracts[1]', 'terms', []],
  ['contracts[1]', 'MG', ['mg']],
  ['contracts[1]', 'mgAmount', ['mg']],
  ['contracts[1]', 'bogus', []],
  ['contracts[1].blocks[0]', 'territory', ['territories']],
  ['contracts[1].blocks[0]', 'exclusve', ['exclusive']],
  ['contracts[1].holdbacks[0]', 'descripton', ['description']],
  ['contracts[1].holdbacks[0].endCondition', 'offest', ['offset']],
  ['contracts[1].negotiators[0]', 'sides', ['side']],
  ['contracts[1].mg', 'amout', ['amount']],
  ['contracts[1].edition', 'yaer', ['year']],
  ['festivals[0]', 'founded', []],
  ['festivals[0].editions[0]', 'location', []],
  ['festivals[0].editions[0].selections[0]', 'sectoin', ['section']],
  ['festivals[0].editions[0].awards[0]', 'winner', []],
  ['releases[0]', 'country', []],
  ['boxOffice[0]', 'gross', []],
  ['sources[0]', 'author', []],
  ['sources[0].facts[0]', 'qoute', ['quote']],
  ['buyers[0]', 'website', []],
  ['buyers[0].contacts[0]', 'mail', ['email']],
  ['accounts', 'rates', []],
  ['accounts.exchangeRates[0]', 'value', []],
  ['accounts.contracts[0]', 'mg', []],
  ['accounts.contracts[0].terms', 'fee', ['fees']],
  ['accounts.contracts[0].terms.fees[0]', 'percent', []],
  ['accounts.contracts[0].receipts[0]', 'date', []],
  ['accounts.contracts[0].revenueReports[0]', 'name', []],
  ['accounts.contracts[0].revenueReports[0].rows[0]', 'revenue', []],
  ['markets[0]', 'city', []],
  ['markets[0].lineup[0]', 'tagline', ['logline']],
  ['markets[0].screenings[0]', 'room', []],
  ['markets[0].screenings[0].buyers[0]', 'attend', ['attended']],
  ['markets[0].screenings[0].people[0]', 'role', []],
  ['markets[0].meetings[0]', 'agenda', []],
  ['markets[0].tasks[0]', 'assignee', []],
  ['offers[0]', 'currency', []],
  ['offers[0].versions[0]', 'MG', ['mg']],
  ['offers[0].versions[0].holdbacks[0]', 'title', []],
  ['offers[0].versions[0].mg', 'ammount', ['amount']],
  ['offers[0].versions[0].paymentSchedule[0]', 'precent', ['percent']],
  ['offers[0].events[0]', 'user', []],
];

describeEachDatabase('unknown fields in a JSON document', (_open, database) => {
  const opened: TestApp[] = [];
  const open = async () => {
    const t = await openApp(database);
    opened.push(t);
    return t;
  };
  let t: TestApp;
  let empty: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    t = await open();
    await createUser(t.app, { username: 'ines', password: 'unknown-fields-password', role: 'editor', canSeeFinancials: true });
    empty = await snapshot(t.app);
  });
  afterAll(async () => {
    for (const x of opened) await x.close();
  });

  const refusal = async (doc: InterchangeDocument) => {
    const error = await importJson(t.app, ACCOUNTANT, doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(await snapshot(t.app)).toEqual(empty);
    return (error as ImportError).issues;
  };

  it.each(CASES)('%s.%s: refused, naming its place, nothing written', async (where, key, suggestions) => {
    const doc = fullDoc();
    at(doc, where)[key] = key === 'terms' ? { kind: 'licence', currency: 'GBP' } : 1;
    const hint = suggestions.length ? `. Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    expect(await refusal(doc)).toEqual([
      { field: `${where}.${key}`, message: `${where}.${key}: unknown field "${key}"${hint}`, suggestions },
    ]);
  });

  it('a document of thousands of unknown fields gets a bounded answer: the first hundred, each clipped, and how many more', async () => {
    const doc = fullDoc();
    const contract = at(doc, 'contracts[0]');
    for (let i = 0; i < 5_000; i++) contract[`junk${i}`] = i;
    contract['k'.repeat(10_000)] = 1;
    const issues = await refusal(doc);
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)!.message).toBe('document: and 4,901 more problems (the first 100 are listed); nothing was imported');
    expect(Math.max(...issues.map((i) => i.message.length + i.field.length))).toBeLessThanOrEqual(600);
  });

  it('a name longer than the API takes (500 characters) is refused in a document too, naming it', async () => {
    for (const where of ['companies[0]', 'people[0]', 'titles[0]']) {
      const doc = fullDoc();
      const record = at(doc, where);
      record[where === 'titles[0]' ? 'title' : 'name'] = 'N'.repeat(10_000);
      const issues = await refusal(doc);
      expect(issues.map((i) => i.message).join('\n'), where).toMatch(/10,000 characters, at most 500/);
    }
  });

  it('lists every unknown field of the document at once, and an unknown section by its name', async () => {
    const doc = fullDoc();
    at(doc, 'contracts[0]')['MG'] = { amount: '1', currency: 'EUR' };
    at(doc, 'contracts[1].blocks[0]')['territory'] = 'France';
    at(doc, 'titles[0]')['notes'] = 'a note';
    (doc as Record<string, unknown>)['contract'] = [];
    const issues = await refusal(doc);
    expect(issues.map((i) => i.message)).toEqual([
      'titles[0].notes: unknown field "notes"',
      'contracts[0].MG: unknown field "MG". Did you mean "mg"?',
      'contracts[1].blocks[0].territory: unknown field "territory". Did you mean "territories"?',
      'contract: unknown section "contract". Did you mean "contracts"?',
    ]);
  });

  it('the same document without the unknown field imports whole (every case above failed for its key alone)', async () => {
    const summary = await importJson(t.app, ACCOUNTANT, fullDoc());
    expect(summary).toMatchObject({ companies: 3, titles: 1, contracts: 2, festivals: 1, awards: 1, sources: 1, facts: 1, buyers: 1 });
    expect(summary).toMatchObject({ markets: 1, offers: 1 });
    expect(summary.accounts).toBeGreaterThan(0);
  });

  it("the demo's export imports again, with and without the financial terms", async () => {
    const first = await open();
    await importJson(first.app, ACCOUNTANT, readDemo(), { baseDir: DEMO_DIR });
    for (const actor of [ACCOUNTANT, EDITOR]) {
      const exported = JSON.parse(JSON.stringify(await exportJson(first.app, actor))) as InterchangeDocument;
      expect(Object.keys(exported)).toEqual(expect.arrayContaining(['titles', 'contracts', 'buyers', 'markets', 'offers']));
      expect('accounts' in exported).toBe(actor.canSeeFinancials);
      const second = await open();
      await importJson(second.app, actor, exported);
      expect(await exportJson(second.app, actor)).toEqual(exported);
    }
  });
});

describe('the keys of a record that the API also takes', () => {
  const schemaKeys = (schema: { properties: object }, without: string[], own: string[]) =>
    [...Object.keys(schema.properties).filter((k) => !without.includes(k)), ...own].sort();

  it('are the contract schema’s, less what the document names its own way', () => {
    expect(Object.keys(RECORD_KEYS.title).sort()).toEqual(
      schemaKeys(
        TitleInput,
        ['originalTitle', 'englishTitle', 'aliases', 'credits', 'companies', 'parentId'],
        ['title', 'originalTitle', 'aliases', 'credits', 'companies', 'parent'],
      ),
    );
    expect(Object.keys(RECORD_KEYS.block).sort()).toEqual(schemaKeys(BlockInput, ['titleId'], ['title']));
    expect(Object.keys(RECORD_KEYS.holdback).sort()).toEqual(schemaKeys(HoldbackInput, ['titleId'], ['title']));
    expect(Object.keys(RECORD_KEYS.alias).sort()).toEqual(schemaKeys(AliasInput, [], []));
    expect(Object.keys(RECORD_KEYS.block.startCondition ?? {}).sort()).toEqual(['event', 'media', 'offset', 'territory', 'unit']);
  });

  it('cover every section of the document', () => {
    expect(Object.keys(DOCUMENT_KEYS)).toEqual(expect.arrayContaining(Object.keys(fullDoc())));
  });
});
