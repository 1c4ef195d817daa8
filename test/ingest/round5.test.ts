/**
 * Issue 12, round 5a: outlets whose deals the rules never read (roundups,
 * festival guides, genre sites, wire copy) and deals told in passing. Each
 * mechanism is shown in sentences written for this project, never taken from
 * an article: who did what to which film (svo.ts) and a film with its
 * distributor in parentheses (titleParens.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';

const deals = (text: string): string[] =>
  extractFacts(text, { date: '2024-02-26' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

describe('who did what to which film: the object of a deal verb past what describes it', () => {
  it('a title behind a description and an initialled name', () => {
    expect(
      deals('– Bleecker Street has picked up North American rights to the K. T. Marsh thriller “Salt Road,” which opened in Park City.'),
    ).toEqual(['Salt Road / Bleecker Street / North America']);
  });

  it('an unquoted title after a festival section and a kind of film', () => {
    expect(
      deals(
        'Early on, Kino Lorber acquired the rights to the Rotterdam 2023 Tiger competition entry Cold Harbour, which had no distributor yet.',
      ),
    ).toEqual(['Cold Harbour / Kino Lorber / -']);
  });

  it("a title after a kind and a comma, and after an auteur's possessive", () => {
    expect(deals('Oscilloscope nabbed another documentary, The Long Shore, before the festival ended.')).toEqual([
      'The Long Shore / Oscilloscope / -',
    ]);
    expect(deals('Utopia has acquired the worldwide rights for Ana Ruiz’s feature debut, Night Orchard.')).toEqual([
      'Night Orchard / Utopia / Worldwide',
    ]);
  });

  it('two titles of one deal: "two prize winners, P\'s T and P2\'s T2"', () => {
    expect(
      deals(
        'Mubi has acquired the U.K. and Ireland rights to two Berlin prize winners, Ana Ruiz’s The Quiet Harbour (a Panorama title) and Ben Holt’s Lanterns.',
      ),
    ).toEqual(['The Quiet Harbour / Mubi / U.K. and Ireland', 'Lanterns / Mubi / U.K. and Ireland']);
  });

  it('a subject that announced it has acquired; joint buyers', () => {
    expect(
      deals('Streamer and distributor FilmRise has announced that it has acquired exclusive U.S. rights to Ben Holt’s “Paper Lanterns.”'),
    ).toEqual(['Paper Lanterns / FilmRise / U.S.']);
    expect(deals('A24 and DirecTV have acquired the North American rights to Ana Ruiz’s “Glass Rivers.”')).toEqual([
      'Glass Rivers / A24 / North America',
      'Glass Rivers / DirecTV / North America',
    ]);
  });

  it('territories after the title: "for distribution in ..."', () => {
    expect(deals('Signature Entertainment acquired the horror film THE HOLLOW CHAPEL for distribution in the U.K. and Ireland.')).toEqual([
      'THE HOLLOW CHAPEL / Signature Entertainment / U.K. and Ireland',
    ]);
  });

  it("a gerund after the sentence's subject company", () => {
    expect(
      deals('Neon was the busiest buyer in Toronto, taking home the Platform title Winter Birds and the Midnight Madness pick Red Static.'),
    ).toEqual(['Winter Birds / Neon / -', 'Red Static / Neon / -']);
  });

  it('talks, plans and denials give nothing', () => {
    expect(deals('Netflix is said to be in talks to acquire the drama Winter Birds.')).toEqual([]);
    expect(deals('Neon could have picked up Red Static, but the price was too high.')).toEqual([]);
  });

  it('a cast before the title is no title', () => {
    expect(
      deals('Sony acquired worldwide rights to the Ana Ruiz, Ben Holt starrer Harbour Lights for a reported $20 million.'),
    ).not.toContain('Ana Ruiz / Sony / worldwide');
  });
});

describe('deals told in passing: passives with their subject title', () => {
  it('a title with an apposition or a relative clause before "was sold to" / "was bought by"', () => {
    expect(
      deals('The market peaked in 2011, when In the Cold Light, about a failed expedition, was sold to Magnolia Pictures for $3 million.'),
    ).toEqual(['In the Cold Light / Magnolia Pictures / -']);
    expect(deals('Paper Moons, which I am told was bought by HBO for $1 million, did well on cable.')).toEqual(['Paper Moons / HBO / -']);
  });

  it('"..., T, this was snapped up by X" and "T and T2 both went to X"', () => {
    expect(deals('There had been rumours around the festival’s opener, Night Orchard, this was snapped up by Focus Features.')).toEqual([
      'Night Orchard / Focus Features / -',
    ]);
    expect(
      deals('Lionsgate took the horror remake, while the comedies Paper Moons and Glass Rivers both went to Bleecker Street.'),
    ).toEqual(['Paper Moons / Bleecker Street / -', 'Glass Rivers / Bleecker Street / -']);
  });

  it('a name in a cast list is never the subject', () => {
    expect(deals('Starring Ana Ruiz and Ben Holt, the thriller has been sold to Comstock for Japan.')).not.toContain(
      'Ben Holt / Comstock / Japan',
    );
  });
});

describe('a film and its distributor in parentheses', () => {
  it('a roundup of unquoted titles with their buyers', () => {
    expect(
      deals(
        'Titles that arrived with a distributor include Winter Birds (Neon), Red Static (Searchlight Pictures) and Glass Rivers (to A24).',
      ),
    ).toEqual(['Winter Birds / Neon / -', 'Red Static / Searchlight Pictures / -', 'Glass Rivers / A24 / -']);
  });

  it('a quoted title alone, two buyers, and "both"', () => {
    expect(deals('The festival opens with “Salt Road” (Sideshow/Janus).')).toEqual(['Salt Road / Sideshow / -', 'Salt Road / Janus / -']);
    expect(deals('They join Paper Moons and Lanterns (both Netflix), and Cold Harbour (Mubi).')).toEqual([
      'Paper Moons / Netflix / -',
      'Lanterns / Netflix / -',
      'Cold Harbour / Mubi / -',
    ]);
  });

  it('a sales agent, a territory list or a lone unquoted name in prose gives nothing here', () => {
    expect(deals('The line-up includes “Salt Road” (Films Boutique) and “Lanterns” (The Match Factory).')).toEqual([]);
    expect(deals('Sales so far: Czech Republic (Aerofilms), United Kingdom (Curzon).')).not.toContainEqual(
      expect.stringMatching(/^(?:Republic|Kingdom) /),
    );
    expect(deals('The producer Ben Holt (Magnolia Pictures) spoke at the panel.')).toEqual([]);
  });
});

describe("a film's distributor named beside it where no deal is told", () => {
  it('a quoted title, its translation, then "from" a distributor', () => {
    expect(
      deals(
        'Two of the week’s openers were French: Ana Ruiz’s “Les Heures Claires” (Clear Hours) from Kino Lorber, and Ben Holt’s “Paper Moons” from Strand Releasing.',
      ),
    ).toEqual(['Les Heures Claires / Kino Lorber / -', 'Paper Moons / Strand Releasing / -']);
  });

  it("a distributor's possessive before a quoted title", () => {
    expect(deals('Music Box Films’ wider expansion of Ana Ruiz’s “Salt Road” paid off on its second weekend.')).toEqual([
      'Salt Road / Music Box Films / -',
    ]);
  });

  it('a sales company, an unquoted label or a sentence that tells its own deal gives nothing here', () => {
    expect(deals('The festival screens “Salt Road” from The Match Factory on Sunday.')).toEqual([]);
    expect(deals('Film Movement’s Head of Distribution spoke on the panel.')).toEqual([]);
  });
});
