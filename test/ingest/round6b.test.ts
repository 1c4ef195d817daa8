/**
 * Issue 12, round 6b: the market sales reports of Cineuropa, Screen and Variety. Their false hits (a byline,
 * a caption or a person taken for a title or a buyer, a title with its possessive, a name cut at its middle
 * initial) and their misses (buyers each named with the territory they took, a title the report shortens).
 * Sentences written for this project (never the development set's nor the pages read to find the shapes).
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';

const facts = (text: string) => extractFacts(text, { date: '2024-02-26' }).facts;

const deals = (text: string): string[] =>
  facts(text)
    .filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

describe('false hits: what is not a title or not a buyer', () => {
  it('a byline printed in capitals is not the film of the sales that follow', () => {
    expect(
      deals(
        'Kestrel Films scores at the market\nBY ANA RUIZ Buyers are lining up for Salt Road, Kestrel Films’ thriller. The company has closed deals with Spain (Caramel Films), Greece (Cinobo) and Poland (Gutek Film).',
      ),
    ).not.toContainEqual(expect.stringMatching(/^BY ANA RUIZ/));
  });

  it('a possessive written inside the quotes is not part of the title', () => {
    expect(deals('“Salt Road’s” release in Spain will be handled by Caramel Films, while Be Water took Italy.').sort()).toEqual([
      'Salt Road / Be Water / Italy',
      'Salt Road / Caramel Films / Spain',
    ]);
  });

  it('a middle initial keeps the director’s name whole, and the quoted film after it is the one sold', () => {
    expect(
      deals('Earlier, “Grey Tide” opened the Panorama. Later, Kestrel Films bought U.S. rights to Ana M. Ruiz’s thriller “Salt Road.”'),
    ).toEqual(['Salt Road / Kestrel Films / U.S.']);
  });

  it('an event with its year (a caption) is not the company a pronoun means', () => {
    const out = deals(
      'Market 2031\n\nSource: Lia Berg / Market 2031\n\nNorthwind pounced on world rights to “Salt Road” on the first day. The following day it picked up “Grey Tide” for Spain.',
    );
    expect(out.some((d) => /Market 2031/.test(d))).toBe(false);
  });

  it('a person named with the company they work for is not the buyer: the company is', () => {
    expect(deals('Ana Ruiz of Kestrel Films, which acquired “Salt Road” and “Grey Tide,” said prices were going up.')).toEqual([
      'Salt Road / Kestrel Films / -',
      'Grey Tide / Kestrel Films / -',
    ]);
  });
});

describe('buyers each named with the territory they took', () => {
  it('a passive list: "bought by X for R, Y for R2, Z in R3"', () => {
    expect(
      deals(
        '“Salt Road” has been bought by Northwind for Canada, Caramel Films for Spain and Portugal, Cinobo in Greece and Gutek Film in Poland.',
      ),
    ).toEqual([
      'Salt Road / Northwind / Canada',
      'Salt Road / Caramel Films / Spain and Portugal',
      'Salt Road / Cinobo / Greece',
      'Salt Road / Gutek Film / Poland',
    ]);
  });

  it('"sold to" a buyer behind its nationality and trade word, then "to X for R"', () => {
    expect(
      deals(
        '“Grey Tide” opened in Rome. It has sold to Polish distributor Gutek Film, to Greek company Cinobo and to Be Water for Italy and Malta.',
      ),
    ).toEqual(['Grey Tide / Gutek Film / Poland', 'Grey Tide / Cinobo / Greece', 'Grey Tide / Be Water / Italy and Malta']);
  });

  it('one buyer with its territory after "for" is enough; the list may open after the object and its clause', () => {
    expect(deals('Ana Ruiz’s drama “Grey Tide” went to Solvinta for Spain.')).toEqual(['Grey Tide / Solvinta / Spain']);
    expect(
      deals(
        'Kestrel Films also sold “Salt Road,” directed by Ana Ruiz — who also stars — to Caramel Films for Spain and to Cinobo for Greece.',
      ),
    ).toEqual(['Salt Road / Caramel Films / Spain', 'Salt Road / Cinobo / Greece']);
  });

  it('"sold by X for R (Y)" names the seller, and a territory with its own buyer in parentheses is not X\'s', () => {
    expect(deals('“Salt Road” was sold by Kestrel Films for Spain (Caramel Films) and for Greece (Cinobo).')).not.toContainEqual(
      expect.stringMatching(/Kestrel Films/),
    );
  });

  it('talks are not sales', () => {
    expect(deals('“Grey Tide” is in talks with Gutek Film for Poland and Cinobo for Greece.')).toEqual([]);
  });
});

describe('a title the report shortens after naming it in full', () => {
  it('the short form is the last words of the full title', () => {
    expect(
      deals('“Once Upon a Night in Lisbon” topped the local box office. “Lisbon” has sold to Spain (Caramel Films) and Greece (Cinobo).'),
    ).toEqual(['Once Upon a Night in Lisbon / Caramel Films / Spain', 'Once Upon a Night in Lisbon / Cinobo / Greece']);
  });

  it('two longer titles that could be meant: the short form stays', () => {
    expect(deals('“Lisbon Nights” and “Lisbon Days” played the market. “Lisbon” has sold to Spain (Caramel Films).')).toEqual([
      'Lisbon / Caramel Films / Spain',
    ]);
  });
});

describe('a sale told with a modal', () => {
  it('"was able to sell T to" lists its sales; "hopes to sell" does not', () => {
    expect(
      deals('Despite a slow market, Kestrel Films was able to sell “Salt Road” to Spain (Caramel Films) and Greece (Cinobo).'),
    ).toEqual(['Salt Road / Caramel Films / Spain', 'Salt Road / Cinobo / Greece']);
    expect(deals('Kestrel Films hopes to sell “Salt Road” to Spain (Caramel Films) and Italy (Be Water).')).toEqual([]);
  });
});

describe('the film a later sentence means', () => {
  it('a title named after a description that opens its sentence is that sentence’s subject, and "the film" after it', () => {
    expect(
      deals(
        '“Grey Tide” has pre-sold to Spain (Caramel Films). A family drama, starring Ana Ruiz and Leo Berg, “Salt Road,” has already drawn 90,000 admissions. Ahead of its market bow, the film got picked up for Italy (Be Water) and Greece (Cinobo).',
      ),
    ).toEqual(['Grey Tide / Caramel Films / Spain', 'Salt Road / Be Water / Italy', 'Salt Road / Cinobo / Greece']);
  });
});

describe('the trade’s word for the film is not a title', () => {
  it('"Pic will be released ..." is the film in focus', () => {
    expect(deals('“Salt Road” screened on Monday. Pic will be released in Italy by Be Water in March.')).toEqual([
      'Salt Road / Be Water / Italy',
    ]);
  });
});

describe('a title introduced with its maker takes the focus, named before or not', () => {
  it('"the film" after "... include director Ana Ruiz’s feel-good tale T starring P" is T', () => {
    expect(
      deals(
        'Kestrel Films also scores sales on Salt Road and Grey Tide. “Grey Tide” has sold to Italy (Be Water) and Greece (Cinobo). Other titles drawing buyers include director Ana Ruiz’s feel-good tale Salt Road starring Leo Berg as a teacher. The film has sold to Spain (Caramel Films) and Brazil (Imovision).',
      ),
    ).toEqual([
      'Grey Tide / Be Water / Italy',
      'Grey Tide / Cinobo / Greece',
      'Salt Road / Caramel Films / Spain',
      'Salt Road / Imovision / Brazil',
    ]);
  });
});
