/**
 * Issue 12, round 4: mechanisms meant to carry to articles never seen, each
 * shown in sentences written for this project (never the development set's):
 * territory–buyer pairs however their list is introduced, titles a page glued
 * to the next word, and the others below.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';

const deals = (text: string): string[] =>
  extractFacts(text, { date: '2024-02-26' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null; seller: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

describe('territory–buyer pairs in a sales sentence, however the list opens', () => {
  it('a stray word after "sold to" does not hide the list', () => {
    expect(deals("Meanwhile, Ana Ruiz's Salt Road has sold out to Spain (Caramel Films), Italy (Be Water) and Greece (Cinobo).")).toEqual([
      'Salt Road / Caramel Films / Spain',
      'Salt Road / Be Water / Italy',
      'Salt Road / Cinobo / Greece',
    ]);
  });

  it('a clause inside the parentheses keeps the buyer before it; an interjection does not end the list', () => {
    expect(
      deals(
        'Cold Harbour, which won the jury prize, was bought for Scandinavia (Non-Stop Entertainment, except for Norway where Arthaus holds it), Poland (Gutek Film) and, as announced last week, Portugal (Atalanta Filmes).',
      ),
    ).toEqual([
      'Cold Harbour / Non-Stop Entertainment / Scandinavia',
      'Cold Harbour / Gutek Film / Poland',
      'Cold Harbour / Atalanta Filmes / Portugal',
    ]);
  });

  it('"as well as" pairs after a deal; "the film" carries the title in focus', () => {
    expect(
      deals(
        'The Norwegian drama "Salt Road" premieres in Berlin. The film has been picked up by Arrow Films for the U.K., as well as Benelux (Lumière) and Japan (Nettai Museum).',
      ),
    ).toEqual(['Salt Road / Arrow Films / U.K.', 'Salt Road / Lumière / Benelux', 'Salt Road / Nettai Museum / Japan']);
  });

  it('no deal: talks in the clause, a country of origin, a sentence with no sale, a list with no title', () => {
    expect(deals('"Salt Road" has sold to Spain (Caramel Films), while negotiations are underway for Austria (Filmladen).')).toEqual([
      'Salt Road / Caramel Films / Spain',
    ]);
    expect(deals('Sales of "Salt Road", produced by a team from France (Why Not Productions), were slow at the market.')).toEqual([]);
    expect(deals('The market, run with Argentina\'s Incaa, screened "Salt Road" to a full house; deals were slow.')).toEqual([]);
  });
});

describe('a title the page glued to the next word', () => {
  it('"Ana Ruiz\'s The Long Nightsold to ..." is The Long Night, and its list still reads', () => {
    expect(
      deals("Prize winner Ana Ruiz's The Long Nightsold to five territories including Mexico (Quality Films) and Israel (Shani Films)."),
    ).toEqual(['The Long Night / Quality Films / Mexico', 'The Long Night / Shani Films / Israel']);
  });
});

describe('a settled release with its manner or date between the parts', () => {
  it('"will be released theatrically in Germany by X in April", "will be released in Spain next June by X"', () => {
    expect(deals('The drama "Salt Road" will be released theatrically in Germany by Farbfilm Verleih in April.')).toEqual([
      'Salt Road / Farbfilm Verleih / Germany',
    ]);
    expect(
      deals('Lumen Sales has pre-sold "Cold Harbour" to Cinobo for Greece. It will be released in Spain next June by Elástica Films.'),
    ).toEqual(['Cold Harbour / Cinobo / Greece', 'Cold Harbour / Elástica Films / Spain']);
  });
});

describe('a company named with the country it serves', () => {
  it('"YLE Finland", "SVT Sweden": the company buys, its country is the territory', () => {
    expect(deals('The documentary "Salt Road" has been acquired by YLE Finland.')).toEqual(['Salt Road / YLE / Finland']);
    expect(deals('"Salt Road" was licensed by SVT Sweden ahead of its launch.')).toEqual(['Salt Road / SVT / Sweden']);
  });

  it('a country that is no home of the company stays out of its name', () => {
    expect(deals('"Salt Road" has been acquired by Curzon Germany.')).toEqual(['Salt Road / Curzon Germany / -']);
  });
});

describe('the film a sentence is about', () => {
  it('a festival section quoted before the film is not the film', () => {
    expect(deals('Kestrel Films picked up the "Midnight Madness" hit thriller "Cold Harbour" from Lumen Sales.')).toEqual([
      'Cold Harbour / Kestrel Films / -',
    ]);
  });

  it('the title before a film link is what the text after the link is about, even when the headline named it', () => {
    expect(
      deals(
        "Lumen Sales sells Salt Road and Cold Harbour\n\nBuyers lined up for Marco Bellini's Salt Road, which sold to Spain (Caramel Films).\n\nThe surprise of the market was Ana Ruiz's debut feature Cold Harbour [+see also:\nfilm profile\n]\n. Well received in Berlin, the film was sold to Greece (Cinobo) and Benelux (Cinéart).",
      ),
    ).toEqual(['Salt Road / Caramel Films / Spain', 'Cold Harbour / Cinobo / Greece', 'Cold Harbour / Cinéart / Benelux']);
  });
});

describe('a company name the page glued to the next word', () => {
  it('"to Scanbox Entertainmentfor rights in" is Scanbox Entertainment', () => {
    expect(deals('Lumen Sales has pre-sold "Salt Road" to Scanbox Entertainmentfor rights in Denmark and Finland.')).toEqual([
      'Salt Road / Scanbox Entertainment / -',
    ]);
  });
});

describe('a headline with the territories after the title', () => {
  it("\"X Acquires P's Competition Entry 'T' for Italy, Turkey and India\"", () => {
    expect(deals("Kestrel Films Acquires Ana Ruiz's Berlin Competition Entry 'Salt Road' for Italy, Spain and Greece")).toEqual([
      'Salt Road / Kestrel Films / Italy, Spain and Greece',
    ]);
  });
});

describe('gapping: the verb said once for several sales', () => {
  it('"X has taken Poland and Y Spain"', () => {
    expect(deals('At the market, "Salt Road" did brisk business: Kino Wolna has taken Poland and Alma Cine Spain.')).toEqual([
      'Salt Road / Kino Wolna / Poland',
      'Salt Road / Alma Cine / Spain',
    ]);
  });

  it('"Both films also sold in Canada; T to X and T2 to Y", and one item after the semicolon', () => {
    expect(deals('Both films also sold in Canada; "Salt Road" to Métropole Films and "Cold Harbour" to Axia Films.')).toEqual([
      'Salt Road / Métropole Films / Canada',
      'Cold Harbour / Axia Films / Canada',
    ]);
    expect(deals('The film also sold in Canada; "Salt Road" to Métropole Films.')).toEqual(['Salt Road / Métropole Films / Canada']);
  });

  it('talks are no sales, gapped or not', () => {
    expect(deals('In talks: Kino Wolna has taken Poland and Alma Cine Spain for "Salt Road", sources say nothing is signed.')).toEqual([]);
  });
});

describe("a seller's deal told with the verb alone", () => {
  it('"X inked with Korea\'s Y on T, ..., plus catalog title T2": Y buys both for Korea', () => {
    expect(
      deals(
        'Lumen Sales inked with Korea\'s Sora Pictures on Ana Ruiz\'s "Salt Road," one of the market\'s many comedies, plus catalog title "Cold Harbour."',
      ),
    ).toEqual(['Salt Road / Sora Pictures / Korea', 'Cold Harbour / Sora Pictures / Korea']);
  });

  it('talks stay talks', () => {
    expect(deals('Lumen Sales is close to signing with Sora Pictures on "Salt Road."')).toEqual([]);
  });
});

describe('a company name with its corporate word in lower case', () => {
  it('"– Kestrel films has picked up ..." is Kestrel buying', () => {
    expect(deals('– Kestrel films has picked up the North American rights to Ana Ruiz\'s "Salt Road."')).toEqual([
      'Salt Road / Kestrel / North America',
    ]);
  });
});
