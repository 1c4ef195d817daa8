/**
 * The extractor: the seed article's facts exactly; the corpus figures the
 * issue asks for (deals: recall ≥ 0.9, precision ≥ 0.95 on title, buyer and
 * territory set); talks, rumours and denials never becoming deals; the
 * language of the trade in sentences of its own (territory lists, passive
 * sales, "respectively", exclusions); relative dates against the article's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTerritories, territoryCodes } from '../../src/domain/territories.js';
import { findDates, tenseOf } from '../../src/ingest/dates.js';
import { compare, evaluate, loadCorpus } from '../../src/ingest/evaluate.js';
import { extractFacts } from '../../src/ingest/extract.js';
import type { AnyFact } from '../../src/ingest/types.js';

const CORPUS = fileURLToPath(new URL('../../corpus/articles/', import.meta.url));
const SEED = readFileSync(fileURLToPath(new URL('../../corpus/articles/00-seed-one-second.txt', import.meta.url)), 'utf8');

const deals = (facts: AnyFact[]) =>
  facts
    .filter((f) => f.type === 'deal')
    .map((f) => f.fields as { title: string; buyer: string; territories: string | null; seller: string | null });
const codes = (expr: string | null) => (expr ? territoryCodes(parseTerritories(expr)).join(',') : '');

describe('the seed article', () => {
  const corpus = loadCorpus(CORPUS);
  const seed = corpus.find((a) => a.split === 'seed')!;

  it('is the seed article, word for word (its SHA-256 as first committed)', () => {
    expect(createHash('sha256').update(SEED).digest('hex')).toBe('f80634a18f4d304362d719705e48aec38b155290e5d7b769140503859e189c85');
  });

  it('yields exactly its expected facts, every checked field right', () => {
    const { facts } = extractFacts(seed.text, { date: seed.date });
    const r = compare(seed.id, seed.split, facts, seed.expected);
    expect(r.missed).toEqual([]);
    expect(r.spurious).toEqual([]);
    expect(r.fieldErrors).toEqual([]);
    expect(facts).toHaveLength(seed.expected.length);
  });

  it('reads the date from the header and ties every fact to a sentence of the text', () => {
    const x = extractFacts(SEED);
    expect(x.date).toBe('2021-07-20');
    expect(x.bodyStart).toBe(SEED.indexOf('Ahead'));
    for (const f of x.facts) {
      expect(f.span[0]).toBeGreaterThanOrEqual(x.bodyStart);
      expect(f.span[1]).toBeLessThanOrEqual(SEED.length);
      expect(f.span[0]).toBeLessThan(f.span[1]);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    const deal = x.facts.find((f) => f.type === 'deal' && f.fields.title === 'One Second')!;
    expect(SEED.slice(...deal.span)).toBe(
      'Ahead of its premiere at the Toronto International Film Festival, Neon has nabbed North American rights to Chinese director Zhang Yimou’s “One Second.”',
    );
    // the negotiators sentence completes the deal and is kept as further evidence
    expect(deal.spans.map((s) => SEED.slice(...s))).toContain(
      'Jeff Deutchman negotiated the deal for Neon with Eva Diederix of Wild Bunch.',
    );
  });

  it('reads the seed facts the issue names', () => {
    const { facts } = extractFacts(SEED);
    const by = (type: string) => facts.filter((f) => f.type === type).map((f) => f.fields as unknown as Record<string, unknown>);
    expect(by('withdrawal')).toEqual([
      {
        title: 'One Second',
        festival: 'Berlin International Film Festival',
        year: 2019,
        edition: 69,
        section: 'Competition',
        reason: 'technical reasons',
      },
    ]);
    expect(by('boxOffice')[0]).toMatchObject({
      title: 'One Second',
      territory: 'CN',
      amount: '12000000',
      currency: 'USD',
      periodStart: '2020-11-01',
      cumulative: true,
    });
    expect(by('release')[0]).toMatchObject({ title: 'One Second', territory: 'CN', date: '2020-11' });
    expect(by('award').find((a) => a.title === 'Memoria')).toMatchObject({
      award: 'Jury Prize',
      tied: true,
      festival: 'Cannes Film Festival',
      year: 2021,
    });
    expect(by('selection').find((s) => s.title === 'One Second')).toMatchObject({
      festival: 'Toronto International Film Festival',
      year: 2021,
      slot: 'closing-night',
    });
    expect(by('mandate')).toEqual([{ title: 'One Second', company: 'Wild Bunch', territories: null }]);
    expect(by('productionStatus')).toEqual([{ title: 'Under the Light', status: 'wrapped' }]);
  });
});

describe('the corpus', () => {
  const corpus = loadCorpus(CORPUS);

  it('has at least 30 written articles besides the seed, each with its expected facts', () => {
    expect(corpus.filter((a) => a.split !== 'seed').length).toBeGreaterThanOrEqual(30);
    for (const a of corpus) {
      expect(a.expected.length, a.id).toBeGreaterThan(0);
      expect(a.date, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('deals: recall at least 0.9, precision at least 0.95 (title, buyer, territory set)', () => {
    const r = evaluate(corpus);
    expect(r.byType.deal.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.byType.deal.precision).toBeGreaterThanOrEqual(0.95);
    // and the other kinds are read too
    for (const t of ['mandate', 'selection', 'award', 'boxOffice', 'credit'] as const) {
      expect(r.byType[t].recall, t).toBeGreaterThanOrEqual(0.8);
      expect(r.byType[t].precision, t).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('every deal, mandate and rumour of our own corpus is read, and nothing more: the floor every round keeps', () => {
    // (the floor above is 0.9 / 0.95; the corpus has been read whole since round 2, so a single false or missed
    // deal here is a regression a change brought, as round 10's list of films once made "Entertainment" a film)
    const r = evaluate(corpus);
    for (const t of ['deal', 'mandate', 'rumour'] as const) {
      expect(r.byType[t].precision, t).toBe(1);
      expect(r.byType[t].recall, t).toBe(1);
    }
  });
});

describe('talks, rumours and denials are not deals', () => {
  const cases: Array<[string, string]> = [
    ['A24 is in talks to acquire U.S. rights to “Blue Hour in Palermo,” according to sources.', 'A24'],
    ['Netflix is rumoured to have bought worldwide rights to “The Iron Coast.”', 'Netflix'],
    ['Netflix is rumored to be circling “The Iron Coast.”', 'Netflix'],
    ['Focus Features has denied reports that it acquired “The Long Winter” for $15 million.', 'Focus Features'],
    ['Amazon Studios has not acquired “The Iron Coast,” a spokesperson said.', 'Amazon Studios'],
    ['Searchlight Pictures is said to be circling “Keepers of the Flame.”', 'Searchlight Pictures'],
    ['Mubi is reportedly close to a deal for North American rights to “Dry Season.”', 'Mubi'],
    ['Neon is nearing a deal for “Paper Lanterns.”', 'Neon'],
    [
      'Magnolia Pictures is in advanced negotiations for U.S. rights to “Water Rights,” sources said, but nothing has been signed.',
      'Magnolia Pictures',
    ],
    ['A24 is said to have closed a deal for North American rights to “Honey Dip,” though neither side would confirm.', 'A24'],
    ['Sony Pictures Classics denied that it was in talks for “Blue Lake.”', 'Sony Pictures Classics'],
  ];
  for (const [sentence, party] of cases) {
    it(sentence, () => {
      const { facts } = extractFacts(sentence, { date: '2023-01-24' });
      expect(deals(facts)).toEqual([]);
      const rumours = facts.filter((f) => f.type === 'rumour');
      expect(rumours.map((f) => (f.fields as { party: string }).party)).toContain(party);
      for (const r of rumours) expect(r.confidence).toBeLessThanOrEqual(0.4);
    });
  }
});

describe('the language of the trade', () => {
  const one = (text: string, date = '2022-05-24') => deals(extractFacts(text, { date }).facts);

  it('one deal per "X for territory" item of a sales list', () => {
    const d = one(
      'Cannes title “A Season in Hell” has been sold to Diaphana for France, Cineart for Benelux and Sun Distribution for Latin America, sales agent Charades said.',
    );
    expect(d.map((x) => [x.buyer, codes(x.territories) === codes('France') ? 'France' : x.territories, x.seller])).toEqual([
      ['Diaphana', 'France', 'Charades'],
      ['Cineart', 'Benelux', 'Charades'],
      ['Sun Distribution', 'Latin America', 'Charades'],
    ]);
  });

  it('buyer (territory) and territory (buyer) lists', () => {
    expect(
      one(
        'Films Boutique has closed deals for France (Pyramide Distribution), Germany (Grandfilm) and Italy (Satine Film) on “Tabriz.”',
      ).map((x) => x.buyer),
    ).toEqual(['Pyramide Distribution', 'Grandfilm', 'Satine Film']);
    expect(
      one('Other deals on “Dead Reckoning” include Nos Lusomundo (Portugal), Odeon (Greece) and Falcon Films (Russia and the CIS).').map(
        (x) => [x.buyer, x.territories],
      ),
    ).toEqual([
      ['Nos Lusomundo', 'Portugal'],
      ['Odeon', 'Greece'],
      ['Falcon Films', 'Russia and CIS'],
    ]);
  });

  it('the verbs of the trade', () => {
    for (const [text, buyer, terr] of [
      ['Neon has nabbed North American rights to “One Second.”', 'Neon', 'North America'],
      ['Magnolia Pictures picked up North American rights to “Hollow Pines.”', 'Magnolia Pictures', 'North America'],
      ['Leonine has taken German-speaking Europe on “Dead Reckoning.”', 'Leonine', 'German-speaking Europe'],
      ['Bleecker Street has snapped up U.S. rights to “Harbor Lights.”', 'Bleecker Street', 'U.S.'],
      ['Tobis has pre-bought German rights to “Blackwater.”', 'Tobis', 'Germany'],
      ['Apple TV+ has landed worldwide rights to “Songs for the Deaf.”', 'Apple TV+', 'Worldwide'],
      ['Mubi has acquired U.K. and Irish rights to “The Lough.”', 'Mubi', 'U.K. and Ireland'],
      [
        '“The Cartographer” has been acquired by Curzon Artificial Eye for the U.K. and Ireland.',
        'Curzon Artificial Eye',
        'U.K. and Ireland',
      ],
      [
        'Rights to “Cold Harbour” for Italy and Spain have gone to I Wonder Pictures and Avalon, respectively.',
        'I Wonder Pictures',
        'Italy',
      ],
      [
        'Focus Features has acquired worldwide rights excluding Greater China to “The Emperor’s Tailor.”',
        'Focus Features',
        'Worldwide excluding Greater China',
      ],
      ['French distribution of “Borderline Summer” is handled by Pyramide Distribution.', 'Pyramide Distribution', 'France'],
    ] as const) {
      const d = one(text);
      const hit = d.find((x) => x.buyer === buyer);
      expect(hit, text).toBeDefined();
      expect(codes(hit!.territories), text).toBe(codes(terr));
    }
  });

  it('a sales mandate is not a deal', () => {
    const { facts } = extractFacts(
      'Playtime has boarded international sales on “Cedar Road.” Wild Bunch is handling international sales on “Titane.”',
      { date: '2021-05-10' },
    );
    expect(deals(facts)).toEqual([]);
    expect(facts.filter((f) => f.type === 'mandate').map((f) => [f.fields.title, (f.fields as { company: string }).company])).toEqual([
      ['Cedar Road', 'Playtime'],
      ['Titane', 'Wild Bunch'],
    ]);
  });

  it('a price, the festival where the deal was made, the negotiators and their sides', () => {
    const text =
      'Amazon Studios closed a deal for worldwide rights to Sundance comedy “Late Shift” for $13 million at the Sundance Film Festival. Jane Ross negotiated the deal for Amazon Studios with Tom Lee of Endeavor Content.';
    const d = extractFacts(text, { date: '2019-01-29' }).facts.find((f) => f.type === 'deal')!;
    expect(d.fields).toMatchObject({
      buyer: 'Amazon Studios',
      territories: 'Worldwide',
      price: { amount: '13000000', currency: 'USD' },
      seller: 'Endeavor Content',
    });
    expect((d.fields as { festival: { name: string; year: number } }).festival).toMatchObject({
      name: 'Sundance Film Festival',
      year: 2019,
    });
    expect((d.fields as { negotiators: unknown[] }).negotiators).toEqual([
      { name: 'Jane Ross', company: 'Amazon Studios', side: 'licensee' },
      { name: 'Tom Lee', company: 'Endeavor Content', side: 'licensor' },
    ]);
  });

  it('the festival facts: editions, ties, opening nights, withdrawals with a reason', () => {
    const text =
      '“Red Soil” has been withdrawn from the Generation section of the 70th Berlinale, citing “post-production issues.” “Dark Harbour” and “The Last Ferry” tied for the Special Jury Prize at the 77th Venice Film Festival. TIFF will open with “The Paper Crane.”';
    const { facts } = extractFacts(text, { date: '2023-08-29' });
    expect(facts.find((f) => f.type === 'withdrawal')!.fields).toMatchObject({
      title: 'Red Soil',
      festival: 'Berlin International Film Festival',
      year: 2020,
      edition: 70,
      section: 'Generation',
      reason: 'post-production issues',
    });
    expect(
      facts
        .filter((f) => f.type === 'award')
        .map((f) => [f.fields.title, (f.fields as { tied: boolean }).tied, (f.fields as { year: number }).year]),
    ).toEqual([
      ['Dark Harbour', true, 2020],
      ['The Last Ferry', true, 2020],
    ]);
    expect(facts.find((f) => f.type === 'selection' && f.fields.title === 'The Paper Crane')!.fields).toMatchObject({
      festival: 'Toronto International Film Festival',
      year: 2023,
      slot: 'opening-night',
    });
  });

  it('titles from HTML italics when the text has no quotes', () => {
    const text = 'Neon has acquired North American rights to One Second from Wild Bunch.';
    const at = text.indexOf('One Second');
    const d = deals(extractFacts(text, { date: '2021-07-20', titleSpans: [[at, at + 'One Second'.length]] }).facts);
    expect(d).toEqual([
      expect.objectContaining({ title: 'One Second', buyer: 'Neon', territories: 'North America', seller: 'Wild Bunch' }),
    ]);
  });
});

describe('relative dates', () => {
  it('"last November" in an article of 2021-07-20 is November 2020; "this year" is 2021', () => {
    const d = findDates('It debuted last November in China and plays this year’s festival.', '2021-07-20');
    expect(d.map((x) => x.value)).toEqual(['2020-11', '2021']);
    expect(findDates('It opened last year.', '2021-07-20').map((x) => x.value)).toEqual(['2020']);
  });

  it('undated days follow the tense: "opens on Nov. 18" is ahead, "since its Jan. 22 release" behind', () => {
    expect(findDates('It opens on Nov. 18.', '2022-10-25', tenseOf('It opens on Nov. 18.')).map((x) => x.value)).toEqual(['2022-11-18']);
    expect(findDates('It has grossed $540 million since its Jan. 22 release.', '2023-02-06').map((x) => x.value)).toEqual(['2023-01-22']);
    expect(findDates('It premiered at Venice last month and will screen at Cairo in December.', '2020-10-28').map((x) => x.value)).toEqual([
      '2020-09',
      '2020-12',
    ]);
  });
});
