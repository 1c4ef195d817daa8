/**
 * Titles the trade does not quote (titles.ts), in sentences written for this
 * project: an auteur's possessive, a kind of film before the title, a
 * Cineuropa-style film link after it, a title in capitals, a title as the
 * subject of a sale, "rights to T"; and the names that look like titles but
 * are people, companies, prizes or sections.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';
import { findTitleSpans } from '../../src/ingest/titles.js';
import { matchingView, segment } from '../../src/ingest/text.js';

const deals = (text: string) =>
  extractFacts(text, { date: '2023-05-30' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

const titles = (text: string) => {
  const view = matchingView(text);
  return findTitleSpans(view, segment(text)).map(([a, b]) => view.slice(a, b));
};

describe('titles without quotes', () => {
  it("an auteur's possessive: director X's T, X's Danish drama T", () => {
    expect(deals('Lumen Pictures has picked up U.K. rights to Nora Falk’s Lanterns Over Vesterbro from Northlight Sales.')).toEqual([
      'Lanterns Over Vesterbro / Lumen Pictures / U.K.',
    ]);
    expect(deals("Ingmar Holt's Danish drama Salt Harbour was acquired by Filmhaus Verleih in Germany.")).toEqual([
      'Salt Harbour / Filmhaus Verleih / Germany',
    ]);
  });

  it('a kind of film before the title, the list of sales after it', () => {
    expect(
      deals('Competition film Winter Orchard was sold to Italy (Fandango Uno), Spain (Golem Norte) and Israel (Lev Cinemas).'),
    ).toEqual(['Winter Orchard / Fandango Uno / Italy', 'Winter Orchard / Golem Norte / Spain', 'Winter Orchard / Lev Cinemas / Israel']);
  });

  it('a film link after the title, as a film-database site prints it', () => {
    expect(titles('Anna Berg’s debut The Tin Lighthouse [+see also:\nfilm profile\n]\nwas bought for Benelux by Cinemaret.')).toContain(
      'The Tin Lighthouse',
    );
  });

  it('a title printed in capitals in a press release', () => {
    expect(deals('The comedy PAPER MOUNTAINS was acquired by Nordfilm in Sweden. The film was also sold to Poland (Kino Wolna).')).toEqual(
      ['Paper Mountains / Nordfilm / Sweden', 'Paper Mountains / Kino Wolna / Poland'].map((d) =>
        d.replace('Paper Mountains', 'PAPER MOUNTAINS'),
      ),
    );
  });

  it('the subject of a sale at the start of a sentence, and the same title again later', () => {
    expect(titles('Quiet Orbit has sold to Japan (Hoshi Films). Buyers liked Quiet Orbit.')).toEqual(['Quiet Orbit', 'Quiet Orbit']);
  });

  it('rights to T', () => {
    expect(titles('Greyline has bought North American rights to Ashes of Delft, the debut of a Dutch painter.')).toEqual([
      'Ashes of Delft',
    ]);
  });

  it('people, companies, prizes, sections and countries are not titles', () => {
    expect(titles("The deal was negotiated by Lumen's Carla Diaz with the filmmakers.")).toEqual([]);
    expect(titles("Torvald Films' head of acquisitions Ben Ode said the company was pleased.")).toEqual([]);
    expect(titles("Sweden's Nordfilm took the Nordic rights.")).toEqual([]);
    expect(titles("Ana Ruiz's Cold War thriller starring Ben Ode and Carla Diaz.")).toEqual([]);
    expect(titles('The winner of the Grand Jury Prize screened in the EXCLUSIVE section.')).toEqual([]);
  });

  it('lists of sales: a possessive country, "which covers", "for R by X", territories sold without a named buyer', () => {
    expect(
      deals(
        'Silverline has sold "Harbour Lights" to Chile\'s Andes Cine, Greece\'s Odeon Hellas and Nordlys Media, which covers Scandinavia.',
      ),
    ).toEqual([
      'Harbour Lights / Andes Cine / Chile',
      'Harbour Lights / Odeon Hellas / Greece',
      'Harbour Lights / Nordlys Media / Scandinavia',
    ]);
    expect(
      deals('Ana Ruiz’s drama Glass Rivers was bought for Benelux by Cinemaret, for Austria by Alpenkino and for Poland by Kino Wolna.'),
    ).toEqual(['Glass Rivers / Cinemaret / Benelux', 'Glass Rivers / Alpenkino / Austria', 'Glass Rivers / Kino Wolna / Poland']);
    // the list goes on past territories sold without a named buyer
    expect(
      deals('The thriller Copper Bay was sold to the United States (Greyline Releasing), Taiwan, and Spain (Golem Norte).').map((d) =>
        d.split(' / ').slice(0, 2).join(' / '),
      ),
    ).toEqual(['Copper Bay / Greyline Releasing', 'Copper Bay / Golem Norte']);
  });
});
