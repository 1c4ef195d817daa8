/**
 * Issue 12, round 6a: the outlets whose articles the rules barely read
 * (IndieWire's rundowns and festival guides, Deadline's and The Hollywood
 * Reporter's acquisition news, IMDb's news pages, Playback). Sentences written
 * for this project, with invented films and companies (never an article's).
 */
import { describe, expect, it } from 'vitest';
import { deals } from './fixtures.js';

describe('the object the verb names, not the film in focus', () => {
  it('an unquoted title behind a kind of film, after a paragraph on another film', () => {
    expect(
      deals(
        'Marrow Pictures has acquired U.S. rights to "Cold Harbour". The film stars Ana Ruiz.\n' +
          'In a deal in the low seven figures, Pellucid has acquired the animated feature Paper Lanterns.',
      ),
    ).toEqual(['Cold Harbour / Marrow Pictures / U.S.', 'Paper Lanterns / Pellucid / -']);
  });

  it('a headline names one film, the body a purchase of another', () => {
    expect(
      deals(
        'UPDATED: Marrow Pictures ("Cold Harbour") was the busiest buyer at the market.\n\n' +
          'Kestrel Releasing acquired U.S. rights to the biopic Tamsin, starring Ana Ruiz, after a quiet screening.',
      ),
    ).toContain('Tamsin / Kestrel Releasing / U.S.');
    expect(
      deals(
        'UPDATED: Marrow Pictures ("Cold Harbour") was the busiest buyer at the market.\n\n' +
          'Kestrel Releasing acquired U.S. rights to the biopic Tamsin, starring Ana Ruiz, after a quiet screening.',
      ),
    ).not.toContain('Cold Harbour / Kestrel Releasing / U.S.');
  });

  it('a company name joined by & is one buyer, not its last part', () => {
    expect(deals('Tinder & Flint Distribution has acquired Ana Ruiz’s “Salt Road,” with a release set for May 3.')).toEqual([
      'Salt Road / Tinder & Flint Distribution / -',
    ]);
  });
});

describe('"the company" after the company that opens the sentence', () => {
  it('announced that the company has acquired', () => {
    expect(
      deals(
        'Marrow Pictures has acquired "Cold Harbour".\n' +
          'Kestrel Releasing has announced that the company has acquired all North American rights to Ana Ruiz’s upcoming film “Salt Road.”',
      ),
    ).toEqual(['Cold Harbour / Marrow Pictures / -', 'Salt Road / Kestrel Releasing / North America']);
  });
});

describe('"X announced it acquired": the company that opens the sentence', () => {
  it('not the company of the sentence before', () => {
    expect(
      deals(
        'Marrow Pictures nabbed Ana Ruiz’s debut “Cold Harbour” after its Berlin premiere.\n' +
          'Title: “Salt Road” Festival: Venice Buyer: Kestrel Releasing\n' +
          'Kestrel Releasing announced it acquired North American rights for the movie on June 2.',
      ),
    ).toEqual(['Cold Harbour / Marrow Pictures / -', 'Salt Road / Kestrel Releasing / North America']);
  });
});

describe('festival guides written as records of labelled fields', () => {
  it('the quoted title on its own line, then its festival and its buyers', () => {
    expect(
      deals('Follow along below.\n\n“Salt Road”\n\nFestivals: Venice, TIFF\nBuyer: Pellucid/Kestrel Releasing\nThe drama stars Ana Ruiz.'),
    ).toEqual(['Salt Road / Pellucid / -', 'Salt Road / Kestrel Releasing / -']);
  });

  it('labels running on in one paragraph: the buyer is the known company name, not the words after it', () => {
    expect(
      deals(
        'Below find the list. Title: “Salt Road” Festival: Telluride Buyer: Neon Ana Ruiz and Ben Holt’s drama has been a favourite since Venice. Title: “Grey Tide” Festival: TIFF Buyer: Mubi The documentary follows a fisherman.',
      ),
    ).toEqual(['Salt Road / Neon / -', 'Grey Tide / Mubi / -']);
  });

  it('a buyer line too far from any title gives nothing', () => {
    expect(
      deals('“Salt Road”\nIt screens in Venice.\nIt then goes to Toronto.\nIt opens in May.\nIt stars Ana Ruiz.\nBuyer: Neon'),
    ).toEqual([]);
  });
});

describe('a film and its distributors in parentheses', () => {
  it('"X/Y" is two buyers; a closing quote inside the parentheses is no part of the name', () => {
    expect(
      deals('Several premieres arrive with distribution, from “Salt Road” (Neon/Mubi) to “Grey Tide” (Sony Pictures Classics”).'),
    ).toEqual(['Salt Road / Neon / -', 'Salt Road / Mubi / -', 'Grey Tide / Sony Pictures Classics / -']);
  });
});

describe('a place after the verb is no title', () => {
  it('"picked up the Middle East" keeps the film in focus', () => {
    expect(
      deals(
        'Nordlys Sales has closed deals on “Salt Road” at the market.\nLeonine has taken German-speaking Europe, while Eagle Films picked up the Middle East.',
      ),
    ).toContain('Salt Road / Eagle Films / Middle East');
  });
});

describe('deals told with a payment, a pact or the noun "acquisition"', () => {
  it('paid a sum for rights to the film', () => {
    expect(
      deals('This year, newcomer Kestrel Releasing paid $4.5 million for U.S. rights to Ana Ruiz’s Salt Road and her next film.'),
    ).toEqual(['Salt Road / Kestrel Releasing / U.S.']);
  });

  it('struck a pact for rights to the film', () => {
    expect(
      deals('Midway through the market, Marrow Pictures struck a multimillion-dollar pact for U.S. rights to Grey Tide, a thriller.'),
    ).toEqual(['Grey Tide / Marrow Pictures / U.S.']);
  });

  it('announced the acquisition of rights to the film', () => {
    expect(
      deals(
        'Kestrel Films has announced the acquisition of all U.S. distribution rights to Ana Ruiz’s new documentary “Salt Road,” a portrait.',
      ),
    ).toEqual(['Salt Road / Kestrel Films / U.S.']);
  });

  it('talks about a pact give no deal', () => {
    expect(deals('Marrow Pictures is nearing a pact for U.S. rights to Grey Tide.')).not.toContain('Grey Tide / Marrow Pictures / U.S.');
  });

  it('a gerund after adverbs: "most recently prebuying"', () => {
    expect(
      deals(
        'Kestrel Releasing spent freely this year, most recently prebuying North American rights to the horror comedy “Salt Road” from Nordlys.',
      ),
    ).toEqual(['Salt Road / Kestrel Releasing / North America']);
  });
});

describe('titles behind a plural possessive, a long apposition, a page’s date line', () => {
  it('"Ana Jacobs’ T" is T', () => {
    expect(
      deals('A wave of deals included Marrow Pictures snapping up the Canadian rights to Ana Jacobs’ Tidewater, which stars Ben Holt.'),
    ).toEqual(['Tidewater / Marrow Pictures / Canada']);
  });

  it('a passive whose subject title stands before a long apposition, after the page’s date line', () => {
    expect(
      deals(
        ' date 2018-03-08 Salt Road, the documentary that looks at the question of who gets hired to run the writers’ rooms of long-running network and cable television shows, has just been picked up by Kestrel Releasing.',
      ),
    ).toEqual(['Salt Road / Kestrel Releasing / -']);
  });
});

describe('a seller’s sales of a film whose title carries an apposition or a description', () => {
  it('the list after the apposition goes to the film the verb governs, not the one the apposition names', () => {
    expect(
      deals(
        'Toronto-based Nordlys Sales pre-sold “Salt Road,” the follow-up to Ana Ruiz’s 2019 hit “Grey Tide,” to Kestrel Films in Japan and Marrow Pictures for Brazil.',
      ),
    ).toEqual(['Salt Road / Kestrel Films / Japan', 'Salt Road / Marrow Pictures / Brazil']);
  });

  it('a description between the verb and the title', () => {
    const got = deals(
      'Nordlys Sales also said it has sold the rights to bilingual Quebec comedy hit “Salt Road” to Kestrel Films for Brazil, Marrow Pictures in Thailand and Turkey’s Tinder Films.',
    );
    expect(got.sort()).toEqual([
      'Salt Road / Kestrel Films / Brazil',
      'Salt Road / Marrow Pictures / Thailand',
      'Salt Road / Tinder Films / Turkey',
    ]);
  });
});

describe('lists of films bought, told with semicolons', () => {
  it('one buyer, several objects: an alternative title in parentheses, a credit, then the next film', () => {
    expect(
      deals(
        'Marrow Pictures already has picked up “Salt Road” (Sel de Route) from Ana Ruiz; “Grey Tide,” by various directors; and Ben Holt’s “Cold Harbour” (Port Froid).',
      ),
    ).toEqual(['Salt Road / Marrow Pictures / -', 'Grey Tide / Marrow Pictures / -', 'Cold Harbour / Marrow Pictures / -']);
  });

  it('"saw X grab T; Y take T2; and Z pick up T3": each company its film', () => {
    expect(
      deals(
        'Other pick-ups saw Marrow Pictures grab Ana Ruiz’s “Salt Road” (Sel de Route); Kestrel Films take Ben Holt’s “Grey Tide”; and Tinder Films pick up “Cold Harbour.”',
      ),
    ).toEqual(['Salt Road / Marrow Pictures / -', 'Grey Tide / Kestrel Films / -', 'Cold Harbour / Tinder Films / -']);
  });
});

describe('a producer’s possessive is no part of the title', () => {
  it('"Kestrel Films\' T went to X"', () => {
    expect(deals("Kestrel Films' Salt Road went to Marrow Pictures on Jan. 23, beating out three other bidders.")).toEqual([
      'Salt Road / Marrow Pictures / -',
    ]);
  });
});
