/**
 * Issue 12, "trade press as it is really written": the deal reader probed with
 * sentences written for this project in the shapes trade stories use most
 * (invented titles and people; well-known companies as buyers and sellers).
 * One `it` per shape; each asserts the exact deals as `title / buyer / territories`.
 */
import { describe, expect, it } from 'vitest';
import { deals, facts } from './fixtures.js';

describe('a headline names the film the body goes on about', () => {
  it('"Germany went to X" and "X took Germany" after a seller\'s headline', () => {
    expect(deals("Wild Bunch Sells 'Glass Harbour'\n\nGermany went to Kinofilm, while Benelux went to Cineart.")).toEqual([
      'Glass Harbour / Kinofilm / Germany',
      'Glass Harbour / Cineart / Benelux',
    ]);
    expect(deals("Wild Bunch Sells 'Glass Harbour'\n\nKinofilm took Germany and Cineart took Benelux.")).toEqual([
      'Glass Harbour / Kinofilm / Germany',
      'Glass Harbour / Cineart / Benelux',
    ]);
  });

  it('"deals include" and "other buyers include" after a headline without a deal', () => {
    expect(deals("Wild Bunch Closes Deals on 'Glass Harbour'\n\nDeals include Curzon for the U.K. and Kinofilm for Germany.")).toEqual([
      'Glass Harbour / Curzon / U.K.',
      'Glass Harbour / Kinofilm / Germany',
    ]);
    expect(deals("Wild Bunch Sells 'Glass Harbour'\n\nOther buyers include Kinofilm (Germany) and Cineart (Benelux).")).toEqual([
      'Glass Harbour / Kinofilm / Germany',
      'Glass Harbour / Cineart / Benelux',
    ]);
  });

  it('"the film", "the pic", "the doc" after a headline without a deal', () => {
    expect(deals("Wild Bunch Sells 'Orchid Line'\n\nThe drama premiered in Venice. Kinofilm has acquired the film for Germany.")).toEqual([
      'Orchid Line / Kinofilm / Germany',
    ]);
    expect(deals("Wild Bunch Sells 'Orchid Line'\n\nThe drama premiered in Venice. Curzon has picked up the pic for the U.K.")).toEqual([
      'Orchid Line / Curzon / U.K.',
    ]);
    expect(deals("Wild Bunch Sells 'Orchid Line'\n\nThe doc premiered in Venice. Mubi has acquired U.K. rights to the doc.")).toEqual([
      'Orchid Line / Mubi / U.K.',
    ]);
    expect(deals("Wild Bunch Sells 'Orchid Line'\n\nThe film has been acquired by Kinofilm for Germany.")).toEqual([
      'Orchid Line / Kinofilm / Germany',
    ]);
    expect(deals("Wild Bunch Sells 'Orchid Line'\n\nThe film went to Kinofilm in Germany.")).toEqual(['Orchid Line / Kinofilm / Germany']);
  });

  it('a headline naming two films leaves "the film" unresolved rather than guessed', () => {
    expect(deals("Wild Bunch Sells 'Orchid Line', 'Rust Bell'\n\nKinofilm has acquired the film for Germany.")).toEqual([]);
  });
});

describe('an unquoted title after "rights" and at the head of a pre-sale', () => {
  it('territories between "rights in" and "to T"', () => {
    expect(deals('Kinofilm has acquired rights in Germany and Austria to The Long Field.')).toEqual([
      'The Long Field / Kinofilm / Germany and Austria',
    ]);
    expect(deals('Mubi has acquired rights for the U.K., Ireland and Turkey to Rust Bell.')).toEqual([
      'Rust Bell / Mubi / U.K., Ireland and Turkey',
    ]);
  });

  it('"rights to T in Germany": the territory is not part of the title', () => {
    expect(deals('Kinofilm has acquired all rights to Rust Bell in Germany.')).toEqual(['Rust Bell / Kinofilm / Germany']);
  });

  it('rights put first in a passive: "rights to T have been acquired by X"', () => {
    expect(deals('North American rights to The Lantern Keeper have been acquired by Neon.')).toEqual([
      'The Lantern Keeper / Neon / North America',
    ]);
  });

  it('"T has pre-sold to X for TERR"', () => {
    expect(deals('Copper Sky has pre-sold to Kinofilm for Germany.')).toEqual(['Copper Sky / Kinofilm / Germany']);
  });
});

describe('the territory after what is said of the title', () => {
  it('after an apposition: "T, a comedy about ..., for TERR"', () => {
    expect(deals("Neon has acquired 'Tin Crown', a comedy about two brothers running a bakery, for North America.")).toEqual([
      'Tin Crown / Neon / North America',
    ]);
  });

  it('after a credit: "T, directed by P, for TERR", "T, starring P and P, for TERR"', () => {
    expect(deals("Mubi has acquired 'Rust Bell', directed by Ana Ruiz, for Latin America.")).toEqual(['Rust Bell / Mubi / Latin America']);
    expect(deals("Neon has acquired 'Rust Bell', starring Ben Holt and Ana Ruiz, for North America.")).toEqual([
      'Rust Bell / Neon / North America',
    ]);
  });

  it('after the seller: "T from Wild Bunch for TERR"', () => {
    const d = facts("Neon has acquired 'Dust Season' from Wild Bunch for North America.").filter((f) => f.type === 'deal');
    expect(d.map((f) => [f.fields.title, f.fields.buyer, f.fields.seller, f.fields.territories])).toEqual([
      ['Dust Season', 'Neon', 'Wild Bunch', 'North America'],
    ]);
  });

  it('where the buyer will release it: "acquired T and will release it in TERR"', () => {
    expect(deals("Neon has acquired 'Rust Bell' and will release it in U.S. theaters in May.")).toEqual(['Rust Bell / Neon / U.S.']);
    expect(deals("Curzon has acquired 'Rust Bell' and plans to release the film in the U.K. in June.")).toEqual([
      'Rust Bell / Curzon / U.K.',
    ]);
  });

  it('a "for" after a second deal is that deal\'s, not the first', () => {
    expect(deals("Curzon has acquired 'Rust Bell', a comedy, and Mubi picked up 'Tin Crown' for the U.K.")).toEqual([
      'Rust Bell / Curzon / -',
      'Tin Crown / Mubi / U.K.',
    ]);
  });
});

describe('compound sentences: a second buyer of the same film', () => {
  it('"X bought T for A, and Y took it for B"', () => {
    expect(deals("Curzon bought 'Pine Hollow' for the U.K., and Kinofilm took it for Germany.")).toEqual([
      'Pine Hollow / Curzon / U.K.',
      'Pine Hollow / Kinofilm / Germany',
    ]);
  });

  it('"X acquired T for A, while Y picked it up for B"', () => {
    expect(deals("Neon acquired 'Pine Hollow' for North America, while Mubi picked it up for Latin America.")).toEqual([
      'Pine Hollow / Neon / North America',
      'Pine Hollow / Mubi / Latin America',
    ]);
  });

  it('"picked it up" in a sentence of its own follows the article\'s film', () => {
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nMubi picked it up for Latin America.")).toEqual(['Rust Bell / Mubi / Latin America']);
  });
});

describe('headlines', () => {
  it('a headline that ends with a title in double quotes is read as a headline', () => {
    expect(deals('Neon Buys “Rust Bell”\n\nThe company has acquired the film for North America.')).toEqual([
      'Rust Bell / Neon / North America',
    ]);
    expect(deals('Neon Buys “Rust Bell”, “Night Orchard”\n\nBoth films premiered in Venice.')).toEqual([
      'Rust Bell / Neon / -',
      'Night Orchard / Neon / -',
    ]);
  });

  it('"X Nabs \'T\' For U.S.", "X Takes \'T\'", "X Lands German Rights To \'T\'"', () => {
    expect(deals("Neon Nabs 'Quiet Fields' For U.S.\n\nThe film premiered at Sundance.")).toEqual(['Quiet Fields / Neon / U.S.']);
    expect(deals("Mubi Takes 'Quiet Fields'\n\nThe film premiered at Sundance.")).toEqual(['Quiet Fields / Mubi / -']);
    expect(deals("Kinofilm Lands German Rights To 'Quiet Fields'\n\nThe film premiered at Berlin.")).toEqual([
      'Quiet Fields / Kinofilm / Germany',
    ]);
    expect(deals("Neon Scoops Up 'Quiet Fields'\n\nThe film premiered at Sundance.")).toEqual(['Quiet Fields / Neon / -']);
  });
});

describe('roundups: buyers behind their territories', () => {
  it('a passive "by" territories, each buyer in parentheses', () => {
    expect(
      deals("Wild Bunch Sells 'Rust Bell'\n\nThe drama has already been snapped up by Austria (Kinofilm), Spain (Golem) and Korea."),
    ).toEqual(['Rust Bell / Kinofilm / Austria', 'Rust Bell / Golem / Spain']);
  });

  it('a film-news marker after the cast does not make the actor a title', () => {
    expect(
      deals("Wild Bunch Sells 'Rust Bell'\n\nThe drama, starring Ana Ruiz (see news), has already been snapped up by Austria (Kinofilm)."),
    ).toEqual(['Rust Bell / Kinofilm / Austria']);
  });

  it('"T sold to X (TERR), Y (TERR) and Z (TERR)"', () => {
    expect(deals("'Glass Harbour' sold to Curzon (U.K.), Kinofilm (Germany) and Mubi (Latin America).")).toEqual([
      'Glass Harbour / Curzon / U.K.',
      'Glass Harbour / Kinofilm / Germany',
      'Glass Harbour / Mubi / Latin America',
    ]);
  });

  it('"the film sold to X in A, Y in B and Z in C"', () => {
    expect(
      deals("Wild Bunch Sells 'Rust Bell'\n\nThe film sold to Kinofilm in Germany, Cineart in Benelux and Curzon in the U.K."),
    ).toEqual(['Rust Bell / Kinofilm / Germany', 'Rust Bell / Cineart / Benelux', 'Rust Bell / Curzon / U.K.']);
  });

  it('mixed items: "TERR\'s X", "X in TERR"', () => {
    expect(
      deals(
        "Wild Bunch Sells 'Rust Bell'\n\nRust Bell, a Panorama entry from Ana Ruiz, sold to Argentina's Pacha Cine, Teleview in the Middle East and Norway's Nordkino.",
      ),
    ).toEqual(['Rust Bell / Pacha Cine / Argentina', 'Rust Bell / Teleview / Middle East', 'Rust Bell / Nordkino / Norway']);
  });
});

describe('the sale said once for several titles', () => {
  it('"Both titles also sold in TERR; T to X and T2 to Y" with buyers the article names only there', () => {
    expect(deals('Both titles also sold in Canada; “Rust Bell” to Nordkino and “Night Orchard” to Filmaxa.')).toEqual([
      'Rust Bell / Nordkino / Canada',
      'Night Orchard / Filmaxa / Canada',
    ]);
  });
});

describe('"the film went to X"', () => {
  it('a word for the film as the subject of "went to", the territory put first or after', () => {
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nIn France, the film went to Diaphana.")).toEqual(['Rust Bell / Diaphana / France']);
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nIn France, it went to Diaphana.")).toEqual(['Rust Bell / Diaphana / France']);
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nThe film also went to Vertigra for Spain.")).toEqual(['Rust Bell / Vertigra / Spain']);
  });

  it('not when the article has no film to refer to', () => {
    expect(deals('In France, the film went to Diaphana.')).toEqual([]);
  });
});

describe('several titles of one buyer', () => {
  it('"X bought T for A and T2 for B": each title its territory', () => {
    expect(deals("Kinofilm has bought 'Rust Bell' for Germany and 'Night Orchard' for Austria.")).toEqual([
      'Rust Bell / Kinofilm / Germany',
      'Night Orchard / Kinofilm / Austria',
    ]);
    expect(deals("Kinofilm has bought 'Rust Bell' for Germany, 'Night Orchard' for Austria and 'Tin Crown' for Switzerland.")).toEqual([
      'Rust Bell / Kinofilm / Germany',
      'Night Orchard / Kinofilm / Austria',
      'Tin Crown / Kinofilm / Switzerland',
    ]);
  });

  it('"X bought T and T2", "a two-picture deal for T and T2", "rights to T and T2"', () => {
    expect(deals("Neon has bought 'Ash Valley' and 'The Red Fern'.")).toEqual(['Ash Valley / Neon / -', 'The Red Fern / Neon / -']);
    expect(deals("Curzon has signed a two-picture deal for 'Ash Valley' and 'The Red Fern'.")).toEqual([
      'Ash Valley / Curzon / -',
      'The Red Fern / Curzon / -',
    ]);
    expect(deals("Kinofilm has acquired German rights to 'Ash Valley' and 'The Red Fern'.")).toEqual([
      'Ash Valley / Kinofilm / Germany',
      'The Red Fern / Kinofilm / Germany',
    ]);
  });
});

describe('a second unquoted title of the same verb', () => {
  it('"bought T for A and T2 for B", "a deal for T and T2", "rights to T and T2" without quotes', () => {
    expect(deals('Kinofilm has bought Rust Bell for Germany and Night Orchard for Austria.')).toEqual([
      'Rust Bell / Kinofilm / Germany',
      'Night Orchard / Kinofilm / Austria',
    ]);
    expect(deals('Curzon has signed a two-picture deal for Ash Valley and The Red Fern.')).toEqual([
      'Ash Valley / Curzon / -',
      'The Red Fern / Curzon / -',
    ]);
    expect(deals('Kinofilm has acquired German rights to Ash Valley and The Red Fern.')).toEqual([
      'Ash Valley / Kinofilm / Germany',
      'The Red Fern / Kinofilm / Germany',
    ]);
  });

  it('not a territory, a company or a clause after "and"', () => {
    expect(deals('Neon acquired Rust Bell and Latin America.')).toEqual(['Rust Bell / Neon / -']);
    expect(deals('Neon acquired Rust Bell and Wild Bunch handled the sale.')).toEqual(['Rust Bell / Neon / -']);
  });
});

describe("a title's other name in parentheses", () => {
  it('"sold rights on T (aka T2) to X", "acquired T (aka T2) for TERR"', () => {
    expect(deals('Filmaxa sold U.S. theatrical and DVD rights on “Tin Crown” (aka “Crown of Tin”) to Brightvale Films.')).toEqual([
      'Tin Crown / Brightvale Films / U.S.',
    ]);
    expect(deals('Neon has acquired “Tin Crown” (aka “Crown of Tin”) for North America.')).toEqual(['Tin Crown / Neon / North America']);
  });
});

describe('headlines with the film first or a release planned', () => {
  it('"\'T\' Sells To X", "\'T\' Lands At X", "\'T\' Sells To X For TERR, Y For TERR"', () => {
    expect(deals("'Quiet Fields' Sells To Neon\n\nThe film premiered at Sundance.")).toEqual(['Quiet Fields / Neon / -']);
    expect(deals("'Rust Bell' Lands At Neon\n\nThe film premiered in Venice.")).toEqual(['Rust Bell / Neon / -']);
    expect(deals('‘Rust Bell’ Sells To Neon For U.S., Mubi For U.K.\n\nThe film premiered in Venice.')).toEqual([
      'Rust Bell / Neon / U.S.',
    ]);
  });

  it('"X To Release \'T\' In TERR"', () => {
    expect(deals("Curzon To Release 'Rust Bell' In U.K.\n\nThe film premiered in Venice.")).toEqual(['Rust Bell / Curzon / U.K.']);
  });

  it('not a festival the film goes to', () => {
    expect(deals("'Rust Bell' Goes To Berlin Competition\n\nThe film premiered in Venice.")).toEqual([]);
    expect(deals("'Rust Bell' Heads To Cannes\n\nThe film premiered in Venice.")).toEqual([]);
  });
});

describe('territories first, the verb said once', () => {
  it('"German rights went to X and Benelux rights to Y"', () => {
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nGerman rights went to Kinofilm and Benelux rights to Cineart.")).toEqual([
      'Rust Bell / Kinofilm / Germany',
      'Rust Bell / Cineart / Benelux',
    ]);
  });

  it('a sale list run on past semicolons: "sold to X in A; Y in B; and Z in C"', () => {
    expect(
      deals("Wild Bunch Sells 'Rust Bell'\n\nThe film has sold to Kinofilm in Germany; Cineart in Benelux; and Curzon in the U.K."),
    ).toEqual(['Rust Bell / Kinofilm / Germany', 'Rust Bell / Cineart / Benelux', 'Rust Bell / Curzon / U.K.']);
  });

  it('not a clause after the semicolon that is no sale', () => {
    expect(deals("Wild Bunch has sold 'Rust Bell' to Kinofilm in Germany; Mubi is in talks for the U.K.")).toEqual([
      'Rust Bell / Kinofilm / Germany',
    ]);
  });
});

describe('descriptions before an unquoted title', () => {
  it('"P\'s next film, T." at the end of the sentence', () => {
    expect(deals("Golem has pre-bought Spanish rights to Ana Ruiz's next film, Rust Bell.")).toEqual(['Rust Bell / Golem / Spain']);
  });

  it('a festival before the kind: "the Sundance drama T, starring P, for TERR"', () => {
    expect(deals('Golem has acquired the Sundance drama Rust Bell, starring Ben Holt, for Spain.')).toEqual(['Rust Bell / Golem / Spain']);
  });

  it('"the Cannes competition drama T"', () => {
    expect(deals("Curzon has acquired U.K. rights to the Cannes competition drama 'Silver Lining Road'.")).toEqual([
      'Silver Lining Road / Curzon / U.K.',
    ]);
  });
});

describe('an unquoted title as the subject of a sale', () => {
  it('a kind of film before it is not part of it: "Documentary T sold to X"', () => {
    expect(deals('Documentary Rust Bell sold to Golem for Spain.')).toEqual(['Rust Bell / Golem / Spain']);
  });

  it('its maker after it: "T by P sold to X", "T (P) sold to X"; the maker is not the seller', () => {
    const d = facts('Rust Bell by Ana Ruiz sold to Diaphana for France.').filter((f) => f.type === 'deal');
    expect(d.map((f) => [f.fields.title, f.fields.buyer, f.fields.seller, f.fields.territories])).toEqual([
      ['Rust Bell', 'Diaphana', null, 'France'],
    ]);
    expect(deals('Rust Bell (Ana Ruiz) sold to Diaphana for France.')).toEqual(['Rust Bell / Diaphana / France']);
  });
});

describe('"deals on T" with a verb after the title', () => {
  it('"Deals on T were closed with X (A) and Y (B)"', () => {
    expect(deals('Deals on Rust Bell were closed with Diaphana (France) and Golem (Spain).')).toEqual([
      'Rust Bell / Diaphana / France',
      'Rust Bell / Golem / Spain',
    ]);
  });

  it('"More deals on T are expected." names the film the next sentence sells', () => {
    expect(deals('More deals on Rust Bell are expected. Golem took Spain.')).toEqual(['Rust Bell / Golem / Spain']);
  });
});

describe("a seller's list of titles, each to its buyer", () => {
  it('"sold T to Korea\'s X, T2 to Y TV and P\'s T3 to Z for free TV in Sweden"', () => {
    expect(
      deals(
        'Filmaxa also sold “Rust Bell” to Korea’s Pancinema, “Night Orchard” to Ibermedia TV and Ana Ruiz’s “Tin Crown” to SVT for free TV in Sweden.',
      ),
    ).toEqual(['Rust Bell / Pancinema / Korea', 'Night Orchard / Ibermedia / -', 'Tin Crown / SVT / Sweden']);
  });

  it('"T, the new movie from P": the maker is not the seller', () => {
    const d = facts('Neon has acquired “Rust Bell”, the new movie from Tom Bark starring Eva Lind.').filter((f) => f.type === 'deal');
    expect(d.map((f) => [f.fields.title, f.fields.buyer, f.fields.seller])).toEqual([['Rust Bell', 'Neon', null]]);
  });
});

describe('the film a passive sells, among two named', () => {
  it('"his thriller T2, P\'s earlier film, the more experimental T, ..., was picked up by X" sells T, not T2', () => {
    expect(
      deals(
        "Following the reviews for his thriller Night Orchard, director Ana Ruiz's earlier film, the more experimental Rust Bell, starring Ben Holt, was picked up for distribution by Neon.",
      ),
    ).toEqual(['Rust Bell / Neon / -']);
  });
});

describe("a second title past the first one's credit", () => {
  it('"rights to P\'s drama T, starring A and B, and T2, the new movie from P2"', () => {
    expect(
      deals(
        "Neon also picked up distribution rights to Ana Ruiz's period drama Rust Bell, starring Ben Holt and Eva Lind, and Night Orchard, the new movie from Tom Bark starring Eva Lind, both for release next year.",
      ),
    ).toEqual(['Rust Bell / Neon / -', 'Night Orchard / Neon / -']);
  });
});

describe('buyers and titles the article names only once', () => {
  it('"German rights went to X and Benelux rights to Y": Y is a buyer, not a title', () => {
    expect(deals("Wild Bunch Sells 'Rust Bell'\n\nGerman rights went to Nordkino and Benelux rights to Filmaxa.")).toEqual([
      'Rust Bell / Nordkino / Germany',
      'Rust Bell / Filmaxa / Benelux',
    ]);
  });

  it('"X will release T theatrically in TERR" without quotes', () => {
    expect(deals('Kinofilm will release Rust Bell theatrically in Germany.')).toEqual(['Rust Bell / Kinofilm / Germany']);
  });
});

describe('shapes read before this round: active verbs, with territories before "rights" or after the title', () => {
  it('acquired', () => {
    expect(deals("Neon Buys 'Salt Winter'\n\nNeon has acquired North American rights to Salt Winter, the debut of Lena Ostrova.")).toEqual([
      'Salt Winter / Neon / North America',
    ]);
  });
  it('picked up', () => {
    expect(deals("Mubi has picked up U.K. and Ireland rights to 'The Glass Orchard'.")).toEqual([
      'The Glass Orchard / Mubi / U.K. and Ireland',
    ]);
  });
  it('nabbed', () => {
    expect(deals("Kinofilm has nabbed German rights to 'Iron Meadow'.")).toEqual(['Iron Meadow / Kinofilm / Germany']);
  });
  it('landed', () => {
    expect(deals("Bleecker Street has landed U.S. rights to the thriller 'Cold Water Creek'.")).toEqual([
      'Cold Water Creek / Bleecker Street / U.S.',
    ]);
  });
  it('snapped up', () => {
    expect(deals("Magnolia Pictures has snapped up U.S. rights to 'Blue Ember'.")).toEqual(['Blue Ember / Magnolia Pictures / U.S.']);
  });
  it('taken', () => {
    expect(deals("Curzon has taken U.K. rights to 'The Quiet Mile'.")).toEqual(['The Quiet Mile / Curzon / U.K.']);
  });
  it('simple past, for TERR', () => {
    expect(deals('Mubi acquired Salt Lake Serenade for North America.')).toEqual(['Salt Lake Serenade / Mubi / North America']);
  });
  it('rights in', () => {
    expect(deals("Kinofilm has acquired rights in Germany and Austria to 'The Long Field'.")).toEqual([
      'The Long Field / Kinofilm / Germany and Austria',
    ]);
  });
});

describe('shapes read before this round: passives', () => {
  it('acquired by ... for', () => {
    expect(deals("'Stone Garden' has been acquired by Neon for North America.")).toEqual(['Stone Garden / Neon / North America']);
  });
  it('sold to ... for', () => {
    expect(deals("'Stone Garden' has been sold to Curzon for the U.K.")).toEqual(['Stone Garden / Curzon / U.K.']);
  });
  it('licensed to', () => {
    expect(deals("'Winter Bees' has been licensed to Kinofilm for Germany.")).toEqual(['Winter Bees / Kinofilm / Germany']);
  });
  it('picked up by', () => {
    expect(deals("'Winter Bees' was picked up by Mubi for Latin America.")).toEqual(['Winter Bees / Mubi / Latin America']);
  });
  it('will be released in ... by', () => {
    expect(deals("'Rust Bell' will be released in Germany by Kinofilm.")).toEqual(['Rust Bell / Kinofilm / Germany']);
  });
});

describe('shapes read before this round: went to, goes to, sold to', () => {
  it('went to ... in', () => {
    expect(deals("'Fever Bloom' went to Curzon in the U.K.")).toEqual(['Fever Bloom / Curzon / U.K.']);
  });
  it('goes to ... for', () => {
    expect(deals("'Fever Bloom' goes to Neon for North America.")).toEqual(['Fever Bloom / Neon / North America']);
  });
  it('a seller sold T to X for', () => {
    expect(deals("Wild Bunch sold 'Fever Bloom' to Kinofilm for Germany.")).toEqual(['Fever Bloom / Kinofilm / Germany']);
  });
  it('a seller sold T to X (TERR), Y (TERR)', () => {
    expect(deals("Wild Bunch has sold 'Fever Bloom' to Kinofilm (Germany), Curzon (U.K.) and Neon (North America).")).toEqual([
      'Fever Bloom / Kinofilm / Germany',
      'Fever Bloom / Curzon / U.K.',
      'Fever Bloom / Neon / North America',
    ]);
  });
});

describe('shapes read before this round: releases', () => {
  it('will release in', () => {
    expect(deals("Kinofilm will release 'Amber Tide' in Germany.")).toEqual(['Amber Tide / Kinofilm / Germany']);
  });
  it('will distribute in', () => {
    expect(deals("Curzon will distribute 'Amber Tide' in the U.K. and Ireland.")).toEqual(['Amber Tide / Curzon / U.K. and Ireland']);
  });
  it('in U.S. theaters', () => {
    expect(deals("Neon will release 'Amber Tide' in U.S. theaters this fall.")).toEqual(['Amber Tide / Neon / U.S.']);
  });
});

describe('shapes read before this round: pre-sales', () => {
  it('has pre-sold to', () => {
    expect(deals("'Copper Sky' has pre-sold to Kinofilm (Germany) and Cineart (Benelux).")).toEqual([
      'Copper Sky / Kinofilm / Germany',
      'Copper Sky / Cineart / Benelux',
    ]);
  });
  it('pre-bought', () => {
    expect(deals("Kinofilm has pre-bought German rights to 'Copper Sky'.")).toEqual(['Copper Sky / Kinofilm / Germany']);
  });
});

describe('shapes read before this round: price, term and media', () => {
  it('a deal worth', () => {
    expect(deals("Neon has acquired 'Golden Hour Blues' in a deal worth $5 million.")).toEqual(['Golden Hour Blues / Neon / -']);
  });
  it('streaming rights', () => {
    expect(deals("Mubi has acquired worldwide streaming rights to 'Golden Hour Blues'.")).toEqual(['Golden Hour Blues / Mubi / Worldwide']);
  });
  it('a term', () => {
    expect(deals("Curzon has acquired U.K. rights to 'Golden Hour Blues' for a seven-year term.")).toEqual([
      'Golden Hour Blues / Curzon / U.K.',
    ]);
  });
  it('paid ... for rights to', () => {
    expect(deals('Neon paid $5 million for North American rights to “Golden Hour Blues.”')).toEqual([
      'Golden Hour Blues / Neon / North America',
    ]);
  });
});

describe('shapes read before this round: fronted phrases', () => {
  it('Out of Cannes', () => {
    expect(deals("Out of Cannes, Neon has acquired North American rights to 'Dune Sparrow'.")).toEqual([
      'Dune Sparrow / Neon / North America',
    ]);
  });
  it('Meanwhile', () => {
    expect(deals("Meanwhile, Mubi has picked up 'Dune Sparrow' for the U.K.")).toEqual(['Dune Sparrow / Mubi / U.K.']);
  });
  it('Ahead of its premiere', () => {
    expect(deals("Ahead of its Berlin premiere, Kinofilm has bought German rights to 'Dune Sparrow'.")).toEqual([
      'Dune Sparrow / Kinofilm / Germany',
    ]);
  });
  it('In a separate deal', () => {
    expect(deals("In a separate deal, Curzon has acquired 'Dune Sparrow' for the U.K.")).toEqual(['Dune Sparrow / Curzon / U.K.']);
  });
});

describe('shapes read before this round: possessive auteurs', () => {
  it("director P's T", () => {
    expect(deals("Mubi has acquired U.K. rights to director Ana Ruiz's 'Night Orchard'.")).toEqual(['Night Orchard / Mubi / U.K.']);
  });
  it("P's T unquoted after a headline", () => {
    expect(deals("Neon Buys Ana Ruiz's 'Night Orchard'\n\nNeon has bought North American rights to Ana Ruiz's Night Orchard.")).toEqual([
      'Night Orchard / Neon / North America',
    ]);
  });
});

describe('shapes read before this round: no deal', () => {
  it('talks', () => {
    expect(deals("Neon is in talks to acquire 'Blue Tide'.")).toEqual([]);
  });
  it('a sales mandate', () => {
    expect(deals("Wild Bunch is handling international sales on 'Blue Tide'.")).toEqual([]);
  });
  it('a festival slot', () => {
    expect(deals("'Blue Tide' will premiere in Berlin's Panorama section.")).toEqual([]);
  });
  it('boarded for sales', () => {
    expect(deals("Wild Bunch has boarded 'Nightjar' for international sales.")).toEqual([]);
  });
});

describe('the buyer and the film referred to', () => {
  it('"X has acquired its North American rights": the film in focus, the territory kept', () => {
    expect(deals('“Rust Bell” premiered in Venice. Neon has acquired its North American rights.')).toEqual([
      'Rust Bell / Neon / North America',
    ]);
  });

  it('"The company will release the film in TERR" adds the territory to the company\'s deal', () => {
    expect(deals('Neon has acquired “Rust Bell.” The company will release the film in North America in May.')).toEqual([
      'Rust Bell / Neon / North America',
    ]);
  });

  it('"X has inked a deal to distribute T in TERR", "X has signed a deal to acquire T"', () => {
    expect(deals('Neon has inked a deal to distribute “Rust Bell” in North America.')).toEqual(['Rust Bell / Neon / North America']);
    expect(deals('Neon has signed a deal to acquire “Rust Bell.”')).toEqual(['Rust Bell / Neon / -']);
  });
});

describe('"Both T and T2 went to X"', () => {
  it('"Both" is not the first title\'s word', () => {
    expect(deals('Both Rust Bell and Night Orchard went to Golem.')).toEqual(['Rust Bell / Golem / -', 'Night Orchard / Golem / -']);
  });
});
