/**
 * Issue 12, round 10: faults seen on a further set of real articles (kept outside the repository), each shown
 * here by a sentence written for this project (invented films, people and companies; a few real distributors).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAIR_MODEL } from '../../src/ingest/extract/pairWeights.js';
import { deals, facts } from './fixtures.js';

/** Title / buyer of every deal the text gives. */
const told = (text: string) =>
  facts(text).flatMap((f) => (f.type === 'deal' ? [`${f.fields.title} / ${'buyer' in f.fields ? f.fields.buyer : ''}`] : []));

describe('what no reader takes for a film or a buyer, whatever the pair model scores', () => {
  // a model that tells every pair it meets: what it still does not tell, the vetoes keep out
  const fitted = { ...PAIR_MODEL, weights: PAIR_MODEL.weights };
  beforeEach(() => {
    PAIR_MODEL.bias = 50;
    PAIR_MODEL.weights = {};
    PAIR_MODEL.threshold = 0.5;
  });
  afterEach(() => {
    PAIR_MODEL.bias = fitted.bias;
    PAIR_MODEL.weights = fitted.weights;
    PAIR_MODEL.threshold = fitted.threshold;
  });

  it('a dateline in capitals is no film', () => {
    const got = told('LOS ANGELES -- Lantern Pictures has signed a three-year deal with Harbor Films, a young production company.');
    expect(got.filter((d) => d.startsWith('LOS ANGELES'))).toEqual([]);
  });

  it('the names before a kind of film describe it: the film follows', () => {
    const got = told('Harbor Films paid mid-seven figures for North American rights to the Tom Reyes-Ana Ruiz drama Copper Bay.');
    expect(got.filter((d) => d.startsWith('Tom Reyes'))).toEqual([]);
  });

  it('a territory, a market, a festival section and a date are no film', () => {
    const got = told(
      'Golem secured Spain before Berlin, while Harbor Films picked up titles at Filmart, in Un Certain Regard and on February 16 for Japan.',
    );
    expect(got.filter((d) => /^(?:Spain|Filmart|Un Certain Regard|February)/.test(d))).toEqual([]);
  });

  it('the company that sold or sealed deals with another is the seller, not a buyer', () => {
    expect(
      told('Lantern Pictures sold “Salt Road” and “Copper Bay” to a Thai outfit.').filter((d) => d.endsWith('/ Lantern Pictures')),
    ).toEqual([]);
    expect(
      told('Lantern Pictures also said it sealed a pair of deals with Harbor Films for “Salt Road.”').filter((d) =>
        d.endsWith('/ Lantern Pictures'),
      ),
    ).toEqual([]);
  });

  it('a company that closed a territory or sealed a deal to take a film bought it', () => {
    expect(told('Golem sealed a deal to take “Salt Road” to Spain.')).toContain('Salt Road / Golem');
  });
});

describe('sales lists and titles', () => {
  it('"picked up Spain on T": the territory was bought, the film is T', () => {
    expect(deals('Golem has picked up Spain on Salt Road.')).toEqual(['Salt Road / Golem / Spain']);
  });

  it('"bought Benelux: X has Switzerland": a territory and a colon open no title', () => {
    expect(
      told('A Belgian distributor, Cineart has bought Benelux: Harbor Films has rights to Switzerland.').filter((d) =>
        d.includes('Benelux'),
      ),
    ).toEqual([]);
  });

  it('a list item the reading cannot take does not end the list: the buyers after it are read', () => {
    const got = deals(
      'Starring Tom Reyes and Ana Ruiz, the heist thriller “Salt Road” has been sold to Ember for Japan, Kestrel for Italy, Films De L’Aube for Belgium, Nordlys for Thailand and Halcyon for Switzerland.',
    );
    expect(got).toContain('Salt Road / Nordlys / Thailand');
    expect(got).toContain('Salt Road / Halcyon / Switzerland');
  });

  it('"France and French-speaking Benelux": the list goes on, and the deal claims no whole group it was not sold', () => {
    const got = deals(
      '“Salt Road” has gone to Ember in the UK, Kestrel in France and French-speaking Benelux, Halcyon in Japan and Lumo in Mexico.',
    );
    expect(got).toContain('Salt Road / Kestrel / France');
    expect(got).toContain('Salt Road / Halcyon / Japan');
  });
});

describe('what the clause and list readers took for a film or a sale', () => {
  const before = 'Lantern Pictures has sold “Salt Road” to Harbor Films.\n\n';
  const more = (text: string) => told(before + text).filter((d) => d !== 'Salt Road / Harbor Films');

  it('a count and a date are no film: "10 have gone to X", "acquired rights on February 16"', () => {
    expect(more('Of the 21 deals for Competition films, 10 have gone to Mubi.')).toEqual([]);
    expect(more('Music Box announced it acquired North American rights on February 16.').filter((d) => d.startsWith('February'))).toEqual(
      [],
    );
  });

  it('a quoted festival section is no film: the film before it is', () => {
    expect(
      more(
        'Sundance Selects has picked up North American rights to The Blue Door by Ana Ruiz which premiered on May 16 at Cannes in the ‘Un Certain Regard’ section.',
      ),
    ).toEqual(['The Blue Door / Sundance Selects']);
  });

  it('a market in capitals is no film: "T presented at MIPDOC was sold to ..."', () => {
    expect(
      more(
        'Harbor’s flagship documentary The Nun presented for the first time at MIPDOC was sold to Ireland (RTE) and Poland (Kestrel TV).',
      ).filter((d) => d.startsWith('MIPDOC')),
    ).toEqual([]);
  });

  it('where a series aired is no sale of it', () => {
    expect(
      more(
        '“Salt Road” is based on the series of the same name, which aired in 100 territories, including France (TF1) and Australia (Fox Kids).',
      ),
    ).toEqual([]);
  });

  it('what a company the sentence calls a sales company picks up is its sales, not a licence for the filmmaker’s country', () => {
    const text = `${before}Cologne-based sales company Lumo Films has picked up Dutch filmmaker Ana Ruiz’s Copper Bay, which had its world premiere in Rotterdam.`;
    const got = facts(text);
    expect(got.filter((f) => f.type === 'deal' && f.fields.title === 'Copper Bay')).toEqual([]);
    expect(got.flatMap((f) => (f.type === 'mandate' ? [`${f.fields.title} / ${f.fields.company}`] : []))).toContain(
      'Copper Bay / Lumo Films',
    );
  });

  it('a distributor that picks up a Dutch filmmaker’s film buys no Dutch rights the sentence does not name', () => {
    expect(deals('Harbor Films has picked up Dutch filmmaker Ana Ruiz’s “Copper Bay” for the UK.')).toEqual([
      'Copper Bay / Harbor Films / UK',
    ]);
    expect(deals('Harbor Films has picked up Dutch filmmaker Ana Ruiz’s “Copper Bay”.')).toEqual(['Copper Bay / Harbor Films / -']);
  });
});

describe('more shapes of real sales news', () => {
  it('"Germany/Austria (X)": territories joined by a slash are territories, each the buyer’s', () => {
    expect(deals('“Salt Road” was sold to Germany/Austria (Harbor Films) and the US/Australia (Golem).')).toEqual([
      'Salt Road / Harbor Films / Germany and Austria',
      'Salt Road / Golem / US and Australia',
    ]);
    // a company written with a slash stays a company
    expect(deals('Curzon/Artificial Eye has acquired UK rights to “Salt Road.”')).toEqual(['Salt Road / Curzon/Artificial Eye / UK']);
  });

  it('"has sold rights for France to X, for Spain to Y": one deal per buyer', () => {
    expect(
      deals(
        'Since its Berlin success, Lantern Pictures has sold rights to “Copper Bay” for France to Bellissima Film, for Spain to Golem and for Israel to Nachshon Film.',
      ),
    ).toEqual(['Copper Bay / Bellissima Film / France', 'Copper Bay / Golem / Spain', 'Copper Bay / Nachshon Film / Israel']);
  });

  it('snared, snagged, taking rights, paying a sum for rights', () => {
    expect(deals('Sony snared worldwide rights to Tom Reyes’ “Copper Bay,” sold by FilmNation and CAA.')).toEqual([
      'Copper Bay / Sony / Worldwide',
    ]);
    expect(deals('No sale was bigger than Paramount taking worldwide rights to the Tom Reyes-Dana Holt comedy Copper Bay.')).toEqual([
      'Copper Bay / Paramount / Worldwide',
    ]);
    expect(deals('It was followed by Focus paying $7 million for worldwide rights to Dana Holt’s “Iron Gate.”')).toEqual([
      'Iron Gate / Focus / Worldwide',
    ]);
    // "is taking the film to Cannes" is no deal
    expect(deals('Neon is taking “Copper Bay” to Cannes.')).toEqual([]);
  });
});

describe('sales told after the film was named', () => {
  it('"Deals also closed for R (X), R2 (Y)": the film of the sales before', () => {
    expect(
      deals(
        'Lantern Pictures has sold “Salt Road” to Harbor Films for the UK. Deals also closed for Greece (Audiovisual), Turkey (Pinema) and Israel (Forum).',
      ),
    ).toEqual([
      'Salt Road / Harbor Films / UK',
      'Salt Road / Audiovisual / Greece',
      'Salt Road / Pinema / Turkey',
      'Salt Road / Forum / Israel',
    ]);
  });

  it('a described film that went to X for R, Y for R2: the film in focus, when the sentence names none', () => {
    const text =
      'Lantern Pictures brought “Salt Road” to Berlin. The desert-set hunt for a lost caravan, starring Tom Reyes, went to Bim for Italy, Lauren for Spain and TVA for Canada.';
    expect(deals(text)).toEqual(['Salt Road / Bim / Italy', 'Salt Road / Lauren / Spain', 'Salt Road / TVA / Canada']);
    // one buyer alone is not enough to say which film a titleless sentence sold
    expect(deals('Lantern Pictures brought “Salt Road” to Berlin. The desert-set hunt for a lost caravan went to Bim for Italy.')).toEqual(
      [],
    );
  });
});

describe('names and territories as the trade writes them', () => {
  it('"T has already presold to R (X)": the title before an adverb and its sale', () => {
    expect(deals('Salt Road has already presold to North America (Neon) and Germany (Koch Films).')).toEqual([
      'Salt Road / Neon / North America',
      'Salt Road / Koch Films / Germany',
    ]);
  });

  it('"Germany-Switzerland-Austria (X)": places joined by hyphens, each the buyer’s', () => {
    expect(
      deals(
        '“Salt Road” was sold for theatrical release to 17 territories, among them Germany-Switzerland-Austria (Der Filmverleih) and Italy (Imago).',
      ),
    ).toEqual(['Salt Road / Der Filmverleih / Germany, Switzerland and Austria', 'Salt Road / Imago / Italy']);
  });

  it('"snapped by X and Y for R": joint buyers share the territory written once; a company named after a month is a company', () => {
    expect(
      deals(
        'Salt Road was instantly snapped by Neue Visionen and Splendid for German-speaking territories, and September Films for Benelux.',
      ),
    ).toEqual([
      'Salt Road / Neue Visionen / German-speaking Europe',
      'Salt Road / Splendid / German-speaking Europe',
      'Salt Road / September Films / Benelux',
    ]);
  });
});

describe('people are no film, and a buyer’s country is no part of its name', () => {
  it('"rights to P and P2 drama T", "P and P2’s drama T": the film follows the names', () => {
    expect(deals('Harbor Films has closed a deal for UK rights to Tom Reyes and Ana Ruiz drama The Long Cellar.')).toEqual([
      'The Long Cellar / Harbor Films / UK',
    ]);
    expect(told('Harbor Films has acquired rights to Tom Reyes and Ana Ruiz’s drama “Salt Road.”')).toEqual(['Salt Road / Harbor Films']);
  });

  it('"by directorial duo P and P2, the modern tale ...": the second name is no film that takes the next sales', () => {
    const text =
      'Lantern Pictures has sold drama “Glory” to several territories. The second film by directorial duo Ana Ruiz and Tom Reyes, the modern tale follows a railway worker.\n\nLantern has announced deals to France (Urban Distribution) and the UK (New Wave).';
    expect(told(text)).toEqual(['Glory / Urban Distribution', 'Glory / New Wave']);
  });

  it('"Germany’s GM Films", "Buyer AOE": the country is the deal’s territory, the role word no part of the name', () => {
    expect(deals('Germany’s Harbor Films has bought “Salt Road” and “Copper Bay.”')).toEqual([
      'Salt Road / Harbor Films / Germany',
      'Copper Bay / Harbor Films / Germany',
    ]);
    expect(deals('Buyer AOE snapped up “Salt Road” for Singapore.')).toEqual(['Salt Road / AOE / Singapore']);
  });
});

describe('where a title ends', () => {
  it('"deals for T to Benelux (X) and Greece (Y)": the territory of the first pair is no part of the title', () => {
    expect(
      deals('Lantern Films closed deals for Rolf Berg’s Copper Country to Benelux (Cinemien) and Greece (Feelgood Entertainment).'),
    ).toEqual(['Copper Country / Cinemien / Benelux', 'Copper Country / Feelgood Entertainment / Greece']);
    // a title that ends in a place stays whole where no sale to it follows
    expect(deals('Harbor Films has acquired “Coming to America” for the UK.')).toEqual(['Coming to America / Harbor Films / UK']);
  });

  it('a title read with its possessive is the title the article names', () => {
    const text =
      'Strand Releasing has acquired North American rights to “Salt Road.” The deal was announced ahead of “Salt Road’s” New York debut. The film will be released in the U.K. by Altitude and in France by Jour2Fête.';
    expect(deals(text)).toEqual([
      'Salt Road / Strand Releasing / North America',
      'Salt Road / Altitude / U.K.',
      'Salt Road / Jour2Fête / France',
    ]);
  });

  it('a quote someone stressed or insisted is speech, not a film', () => {
    expect(told('“Genre comes first,” Ana Ruiz stressed. The thriller was acquired by Leda Films for Latin America.')).toEqual([]);
  });
});

describe('a buyer’s list of films', () => {
  const titles = (text: string) => told(text).map((d) => d.split(' / ')[0]);

  it('"snapped up A, B, C and D": one deal per film', () => {
    expect(titles('Lantern Film snapped up Dry Hills, Club Orange, Fallen Stars and Last Winter at script stage.')).toEqual([
      'Dry Hills',
      'Club Orange',
      'Fallen Stars',
      'Last Winter',
    ]);
  });

  it('"bought multiple titles led by A, B, and C, as well as P’s D and P2’s E"', () => {
    expect(
      titles(
        'Harbor Films has also bought multiple titles led by Salt Road, The Iron Gate, and Copper Bay, as well as Ana Ruiz’s Winter Guest and Dana Holt’s Along The Shore.',
      ),
    ).toEqual(['Salt Road', 'The Iron Gate', 'Copper Bay', 'Winter Guest', 'Along The Shore']);
  });

  it('"acquired four titles: A, P’s B and P2’s C"', () => {
    expect(
      titles('Harbor Films has acquired four titles: Tobacco Barns, Tom Reyes’ Staring At Strangers and Dana Holt’s Walls Can Talk.'),
    ).toEqual(['Tobacco Barns', 'Staring At Strangers', 'Walls Can Talk']);
  });

  it('a credit after the film is no further film', () => {
    expect(titles('Harbor Films has acquired Salt Road, starring Tom Reyes, for the UK.')).toEqual(['Salt Road']);
    expect(titles('Harbor Films has acquired Salt Road, Ana Ruiz’s second feature, for the UK.')).toEqual(['Salt Road']);
  });
});

describe('a possessive inside a title', () => {
  it('"P’s The Angels’ Share", "P’s My Father’s Wedding": a title that opens with an article or a pronoun keeps its possessive', () => {
    expect(
      told(
        'Harbor Films had already bought Ken Ruiz’s The Angels’ Share; Tom Reyes’ My Father’s Wedding and Dana Holt’s White Elephant.',
        // (the apostrophe as the reading spells it: straight or curly)
      ).map((d) => d.split(' / ')[0].replace(/’/g, "'")),
    ).toEqual(["The Angels' Share", "My Father's Wedding", 'White Elephant']);
  });
});

describe('deals told in a relative clause or as a release', () => {
  it('"local smash T, which was snapped up by X": the relative clause is the film’s', () => {
    expect(
      told('Lantern has scored a Japanese deal on local smash Salt Road, which was snapped up by Amuse Soft Entertainment.'),
    ).toContain('Salt Road / Amuse Soft Entertainment');
    // a company acquired by another is no film
    expect(told('Neon, which was acquired by a private equity group, has bought “Salt Road.”')).toEqual(['Salt Road / Neon']);
  });

  it('"X will release P’s T in theaters across the U.K. and Ireland": a settled release is a deal for those territories', () => {
    expect(deals('Harbor Films will release Ana Ruiz’s “Salt Road” in theaters across the U.K. and Ireland.')).toEqual([
      'Salt Road / Harbor Films / U.K. and Ireland',
    ]);
  });
});

describe('a Title Case headline', () => {
  it('"Film Movement Takes U.S. on ‘T’": a company the gazetteer knows keeps its first word', () => {
    expect(deals('Cannes: Film Movement Takes U.S. and Canada on ‘Salt Road’')).toEqual(['Salt Road / Film Movement / U.S. and Canada']);
  });
});
