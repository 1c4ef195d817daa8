/**
 * Issue 12, round 3: more of the trade's general constructions, each in
 * sentences written for this project (never the development set's): a title
 * followed by its cast (`P's thriller T starring X`), a distributor's release
 * without an object (`X will distribute in the U.S.`), a seller's deal told
 * as `closed a U.K. deal with X on T`, and others below.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';

const deals = (text: string): string[] =>
  extractFacts(text, { date: '2024-02-26' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null; seller: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}${d.seller ? ` / from ${d.seller}` : ''}`;
    });

describe('titles followed by their cast', () => {
  it('"P\'s thriller T starring X" names T, and the rights held afterwards are on T', () => {
    expect(
      deals(
        "Ana Ruiz's thriller Cold Harbour starring Tom Baker and Lea Marchetti screens on Friday at the Elgin. Brightwell Pictures holds U.S. and Canadian rights and Lumen Sales handles international sales.",
      ),
    ).toEqual(['Cold Harbour / Brightwell Pictures / U.S. and Canada / from Lumen Sales']);
  });

  it('"featuring" ends the title too; "X will distribute in the U.S." is a deal on the film in focus', () => {
    expect(
      deals("Marco Bellini's drama Salt Road featuring Ines Moreau premieres on Sunday. Kestrel Films will distribute in the U.S."),
    ).toEqual(['Salt Road / Kestrel Films / U.S.']);
  });
});

describe("a seller's deal with its territories before the deal word", () => {
  it('"closed a U.K. and Ireland distribution deal with X on T": the subject sells, X buys those territories', () => {
    expect(
      deals(
        'Lumen Sales has closed a U.K. and Ireland distribution deal with Brightwell Pictures on the debut feature from Ana Ruiz, "Cold Harbour."',
      ),
    ).toEqual(['Cold Harbour / Brightwell Pictures / U.K. and Ireland / from Lumen Sales']);
  });

  it('"closed U.S. rights on T with X"', () => {
    expect(deals('Northlight Sales closed U.S. rights on "Salt Road" with Kestrel Films, which plans a release in March.')).toEqual([
      'Salt Road / Kestrel Films / U.S. / from Northlight Sales',
    ]);
  });

  it('a distributor that closes such a deal with a sales company is the buyer; talks are no deal', () => {
    expect(deals('Curzon has signed a U.K. theatrical deal with Lumen Sales for "Cold Harbour."')).toEqual([
      'Cold Harbour / Curzon / U.K. / from Lumen Sales',
    ]);
    expect(deals('Lumen Sales is in talks to close a U.K. distribution deal with Brightwell Pictures on "Cold Harbour."')).toEqual([]);
  });
});

describe('sales told in other words', () => {
  it('"A deal with X for the U.K. was concluded": a deal on the title in focus, from its seller', () => {
    expect(
      deals(
        'Lumen Sales has sold "Cold Harbour" widely. A deal with Brightwell Pictures for the U.K. was concluded just before the festival.',
      ),
    ).toEqual(['Cold Harbour / Brightwell Pictures / U.K. / from Lumen Sales']);
    expect(deals('Lumen Sales is selling "Cold Harbour." A deal with Brightwell Pictures for the U.K. is still being negotiated.')).toEqual(
      [],
    );
  });

  it('"found takers worldwide: the U.K. (X), ..." and "sold to twelve territories including Mexico (X), ..." are sales lists', () => {
    expect(deals('"Salt Road" found takers worldwide: the U.K. (Curzon), Spain (Alma Cine), Italy and Greece.')).toEqual([
      'Salt Road / Curzon / U.K.',
      'Salt Road / Alma Cine / Spain',
    ]);
    expect(
      deals('"Cold Harbour" sold to twelve territories including Mexico (Sora Pictures), Israel (Lev Cinemas) and Benelux (Cineart).'),
    ).toEqual(['Cold Harbour / Sora Pictures / Mexico', 'Cold Harbour / Lev Cinemas / Israel', 'Cold Harbour / Cineart / Benelux']);
  });

  it('a sentence broken by a film link is no headline: its title takes the focus ("The title found takers")', () => {
    expect(
      deals(
        'Lumen Sales has sold "Salt Road" to France (Diaphana). Spanish helmer Ana Ruiz’s Critics’ Week entry The Lighthouse [+see also:\ntrailer\nfilm profile\n]\n, which opened well in Berlin, completed its sales at the market. The title found takers worldwide: the UK (Curzon), Spain (Alma Cine), Italy.',
      ),
    ).toEqual(['Salt Road / Diaphana / France / from Lumen Sales', 'The Lighthouse / Curzon / UK', 'The Lighthouse / Alma Cine / Spain']);
  });
});

describe('buyers and lists in other words', () => {
  it('"purchased the rights to" is a purchase', () => {
    expect(deals('Kestrel Films has purchased the rights to Ana Ruiz\'s animated film "Cold Harbour" for Latin America.')).toEqual([
      'Cold Harbour / Kestrel Films / Latin America',
    ]);
  });

  it('"Over 20 countries have acquired it so far, such as France (X), ..." lists sales of the title in focus', () => {
    expect(
      deals(
        'Among the titles drawing buyers is "Salt Road", produced by Marco Bellini. Over 20 countries have acquired it so far, such as France (Diaphana), the UK (Curzon) and Spain (Alma Cine).',
      ),
    ).toEqual(['Salt Road / Diaphana / France', 'Salt Road / Curzon / UK', 'Salt Road / Alma Cine / Spain']);
  });

  it('a streamer that "announced multi-territory deals for T, T2 and T3" bought each; a sales company\'s deals are its sales', () => {
    expect(
      deals(
        'Mubi announced multi-territory deals for Ana Ruiz\'s "Cold Harbour," Marco Bellini\'s "Salt Road" and Lea Marchetti\'s "Glass Orchard."',
      ),
    ).toEqual(['Cold Harbour / Mubi / -', 'Salt Road / Mubi / -', 'Glass Orchard / Mubi / -']);
    expect(deals('The Match Factory announced new deals for "Cold Harbour" and "Salt Road."')).toEqual([]);
  });

  it('"deals had closed with Spain (X), Portugal (Y)"', () => {
    expect(
      deals(
        'Lumen Sales announced pre-sales on the thriller "Cold Harbour" by Ana Ruiz. Lumen said deals had closed with Spain (Alma Cine), Portugal (Leopardo Filmes) and Scandinavia (Nordlys).',
      ),
    ).toEqual(['Cold Harbour / Alma Cine / Spain', 'Cold Harbour / Leopardo Filmes / Portugal', 'Cold Harbour / Nordlys / Scandinavia']);
  });
});

describe('titles in more contexts', () => {
  it('a singular kind names one film: "the biopic Night and Fog by Ana Ruiz" (two titles keep their own possessives)', () => {
    expect(
      deals(
        'Lumen Sales opened sales on the biopic Night and Fog by Ana Ruiz. Deals have closed with Spain (Alma Cine) and Italy (Lucky Red).',
      ),
    ).toEqual(['Night and Fog / Alma Cine / Spain', 'Night and Fog / Lucky Red / Italy']);
  });

  it('"Among the films ... is T produced by P" names T and makes it the film in focus; "X\'s booth is T" is no title', () => {
    expect(
      deals(
        'Lumen Sales also handles Ana Ruiz\'s "Salt Road." Among the films bringing buyers to Lumen Sales\' Riviera booth is Kuma produced by Tom Baker. Over 20 countries have acquired it so far, such as France (Diaphana) and the UK (Curzon).',
      ),
    ).toEqual(['Kuma / Diaphana / France', 'Kuma / Curzon / UK']);
  });
});

describe('the film in focus', () => {
  it('"On T, X secured a deal with Y for Japan. Other deals include Z for Italy": the title the sentence opens on', () => {
    expect(
      deals(
        'Lumen Sales is selling "Salt Road." On Night Harbour, Ana Ruiz\'s documentary about fishermen, Lumen Sales secured a deal with Sora Pictures for Japan. Other deals include Lucky Red for Italy and Cineart for Belgium.',
      ),
    ).toEqual([
      'Night Harbour / Sora Pictures / Japan / from Lumen Sales',
      'Night Harbour / Lucky Red / Italy / from Lumen Sales',
      'Night Harbour / Cineart / Belgium / from Lumen Sales',
    ]);
  });

  it('"Elsewhere, P\'s T has sold ..." makes T the film that "the film" means next', () => {
    expect(
      deals(
        'Lumen Sales has sold "Salt Road" to Diaphana for France. Elsewhere, Ana Ruiz\'s "Night Harbour" has sold widely. Kestrel Films will release the film in North America.',
      ),
    ).toEqual(['Salt Road / Diaphana / France / from Lumen Sales', 'Night Harbour / Kestrel Films / North America']);
  });
});

describe('territories after a relative clause', () => {
  it('"acquired P\'s T, which premiered in Venice, for North America" keeps the territory', () => {
    expect(deals("Kestrel Films acquired Marco Bellini's Salt Road, which premiered in Venice, for North America.")).toEqual([
      'Salt Road / Kestrel Films / North America',
    ]);
  });
});
