/**
 * The shapes real trade articles give their deals in (issue 12), each in
 * sentences written for this project: buyers in parentheses whatever their
 * words, a quoted headline title repeated unquoted, sales lists after "found
 * deals in", "was sold by X for ...", "deals to", releases by a distributor in
 * a territory, a title behind a lead-in, "T went to X", apposition, and
 * opening phrases that are not titles.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';
import { splitBuyers } from '../../src/ingest/extract/dealTerms.js';
import { TRADE_COMPANIES, companyEntry, distinctiveName } from '../../src/ingest/companies.js';
import { catalogTitleUsable, findTitleSpans } from '../../src/ingest/titles.js';
import { matchingView, segment } from '../../src/ingest/text.js';

const deals = (text: string): string[] =>
  extractFacts(text, { date: '2024-02-26' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => {
      const d = f.fields as { title: string; buyer: string; territories: string | null; seller: string | null };
      return `${d.title} / ${d.buyer} / ${d.territories ?? '-'}`;
    });

const sellers = (text: string) =>
  extractFacts(text, { date: '2024-02-26' })
    .facts.filter((f) => f.type === 'deal')
    .map((f) => (f.fields as { seller: string | null }).seller);

const titles = (text: string) => {
  const view = matchingView(text);
  return findTitleSpans(view, segment(text)).map(([a, b]) => view.slice(a, b));
};

describe('sales lists of real articles', () => {
  it('a buyer in parentheses keeps every word of its name (a month, a lower-case word)', () => {
    expect(
      deals(
        'Competition film Nightjar has sold to Belgium (October Films Distribution), Portugal (Be Happy Filmes) and Greece (Seven Arts Hellas).',
      ),
    ).toEqual([
      'Nightjar / October Films Distribution / Belgium',
      'Nightjar / Be Happy Filmes / Portugal',
      'Nightjar / Seven Arts Hellas / Greece',
    ]);
  });

  it('"former Yugoslavia (X)" keeps its territory', () => {
    expect(deals('Competition film Nightjar has sold to Poland (Kino Wolna) and former Yugoslavia (Balkan Screens).')).toEqual([
      'Nightjar / Kino Wolna / Poland',
      'Nightjar / Balkan Screens / former Yugoslavia',
    ]);
  });

  it('two buyers in one pair of parentheses are two deals; a known slashed name stays whole', () => {
    expect(deals('Competition film Nightjar has sold to Austria (Alpen Kino and Donau Film) and Israel (Galil Films/Yam Cinema).')).toEqual(
      [
        'Nightjar / Alpen Kino / Austria',
        'Nightjar / Donau Film / Austria',
        'Nightjar / Galil Films / Israel',
        'Nightjar / Yam Cinema / Israel',
      ],
    );
    expect(splitBuyers('Curzon Artificial Eye')).toEqual(['Curzon Artificial Eye']);
  });

  it('"the former-Yugoslavia" written with a hyphen', () => {
    expect(deals('Competition film Nightjar was sold to Balkan Screens for the former-Yugoslavia and Kino Wolna for Poland.')).toEqual([
      'Nightjar / Balkan Screens / former Yugoslavia',
      'Nightjar / Kino Wolna / Poland',
    ]);
  });

  it('"pan-Scandinavian rights" is Scandinavia', () => {
    expect(deals('Stockholm-based Fjordkino has taken pan-Scandinavian rights to "Nightjar".')).toEqual([
      'Nightjar / Fjordkino / Scandinavia',
    ]);
  });

  it('a seller\'s one sale: "X sold T to Y", "X has sold North American rights to T to Y", rights and media before the title', () => {
    expect(sellers("Lumen Sales sold 'Salt Road' to Harbor Films.")).toEqual(['Lumen Sales']);
    expect(deals("Lumen Sales sold 'Salt Road' to Harbor Films.")).toEqual(['Salt Road / Harbor Films / -']);
    expect(deals("Lumen Sales has sold North American rights to 'Salt Road' to Harbor Films.")).toEqual([
      'Salt Road / Harbor Films / North America',
    ]);
    expect(deals("Lumen Sales sold U.S. theatrical and DVD rights on 'Salt Road' to Harbor Films.")).toEqual([
      'Salt Road / Harbor Films / U.S.',
    ]);
  });

  it('"sold T to X, T2 to Y and P\'s T3 to Z for free TV in Sweden": each item its own title', () => {
    expect(
      deals(
        "Lumen Sales also sold 'Desire' to Korea's Sonamu Pictures, 'Cochochi' to Kanal Film and Ana Ruiz's 'Long Shore' to Nordvision for free TV in Sweden.",
      ),
    ).toEqual(['Desire / Sonamu Pictures / Korea', 'Cochochi / Kanal Film / -', 'Long Shore / Nordvision / Sweden']);
  });

  it('"found deals in" starts a list of sales', () => {
    expect(deals('Festival title Night Harbour found deals in Spain (Alma Cine) and Chile (Andes Films).')).toEqual([
      'Night Harbour / Alma Cine / Spain',
      'Night Harbour / Andes Films / Chile',
    ]);
  });

  it('"was sold by X for ...": X is the seller of each sale, not a buyer', () => {
    const text =
      'Northlight Sales is handling "Glass Orchard." The drama was sold by Northlight Sales for the U.S. (Brightwell Pictures) and Germany and Austria (Alpenkino Verleih).';
    expect(deals(text)).toEqual(['Glass Orchard / Brightwell Pictures / U.S.', 'Glass Orchard / Alpenkino Verleih / Germany and Austria']);
    expect(sellers(text)).toEqual(['Northlight Sales', 'Northlight Sales']);
  });

  it('"deals to Greece (X)" after an opening phrase', () => {
    expect(
      deals(
        'Ana Ruiz\'s drama "Low Tide" sold well. In southern Europe, there have been individual territory deals to Greece (Seven Arts Hellas) and Turkey (Bosphorus Film).',
      ),
    ).toEqual(['Low Tide / Seven Arts Hellas / Greece', 'Low Tide / Bosphorus Film / Turkey']);
  });

  it('"was released by X in France" is a deal; "was released by X" alone is not', () => {
    expect(deals('"Paper Saints" was released by Lumen Distribution in Spain on March 3.')).toEqual([
      'Paper Saints / Lumen Distribution / Spain',
    ]);
    expect(deals('"Paper Saints" was released by Lumen Distribution on March 3.')).toEqual([]);
  });
});

describe('deals in passing', () => {
  it('"other titles the streamer picked up include T and T" are deals of the streamer in focus', () => {
    expect(
      deals(
        "Mubi has picked up 'Salt Road'. Other titles the streamer picked up in Cannes 2021 include 'Winter Orchard' and 'Glass Rivers'.",
      ),
    ).toEqual(['Salt Road / Mubi / -', 'Winter Orchard / Mubi / -', 'Glass Rivers / Mubi / -']);
  });

  it('"X\'s earlier acquisitions include T and P\'s T"; a line-up is not a purchase, nor a rumour', () => {
    expect(deals("Lakeside Films' earlier acquisitions include 'Winter Orchard' and Ana Ruiz's 'Glass Rivers'.")).toEqual([
      'Winter Orchard / Lakeside Films / -',
      'Glass Rivers / Lakeside Films / -',
    ]);
    expect(deals("Other titles in the lineup include 'Winter Orchard' and 'Glass Rivers'.")).toEqual([]);
    expect(deals("Titles Lakeside is said to have acquired include 'Winter Orchard'.")).toEqual([]);
  });

  it('"Palace Ent. for Australia": a company abbreviation does not end the sentence', () => {
    expect(deals("Northlight Sales sold 'Salt Road' to Palace Ent. for Australia and New Zealand and Lucky Red for Italy.")).toEqual([
      'Salt Road / Palace Ent. / Australia and New Zealand',
      'Salt Road / Lucky Red / Italy',
    ]);
  });
});

describe('talks, not deals', () => {
  const talks = (text: string) =>
    extractFacts(text, { date: '2024-02-26' })
      .facts.filter((f) => f.type === 'rumour' || f.type === 'deal')
      .map((f) => `${f.type} ${f.fields.title} / ${'party' in f.fields ? f.fields.party : f.fields.buyer}`);

  it('"are negotiating a deal on T" and "the online outfit is in final negotiations to pick up T" are talks', () => {
    expect(talks("Netflix and Lakeside Films are negotiating a deal on 'Salt Road'.")).toEqual([
      'rumour Salt Road / Netflix',
      'rumour Salt Road / Lakeside Films',
    ]);
    expect(
      talks("Netflix is growing its horror slate. The online outfit is reportedly in final negotiations to pick up 'Dark Notes'."),
    ).toEqual(['rumour Dark Notes / Netflix']);
  });
});

describe('sales mandates', () => {
  const mandates = (text: string) =>
    extractFacts(text, { date: '2024-02-26' })
      .facts.filter((f) => f.type === 'mandate')
      .map((f) => `${f.fields.title} / ${f.fields.company}`);

  it('a list of titles after "handling international sales for" gives one mandate each', () => {
    expect(
      mandates(
        "Munich-based sales agent Lumen Sales will be handling international sales for three premieres: 'Salt Road', 'Glass Rivers' and 'Winter Orchard'.",
      ),
    ).toEqual(['Glass Rivers / Lumen Sales', 'Winter Orchard / Lumen Sales', 'Salt Road / Lumen Sales']);
  });

  it('"will also be representing Ana Ruiz\'s second feature T"; not "representing" a person', () => {
    expect(mandates("Lumen Sales will also be representing Ana Ruiz's second feature 'Salt Road'.")).toEqual(['Salt Road / Lumen Sales']);
    expect(mandates("Lumen Sales is representing Ana Ruiz at the market, with 'Salt Road' in the bag.")).toEqual([]);
  });
});

describe('passives of real articles', () => {
  it('"will be distributed in France by X" is a settled deal; "could be acquired by X" is not', () => {
    expect(deals('"Salt Road" premieres in Locarno. It will be distributed in France by Nour Films.')).toEqual([
      'Salt Road / Nour Films / France',
    ]);
    expect(deals('"Salt Road" premieres in Locarno. It could be acquired by Nour Films.')).toEqual([]);
  });

  it('"was also acquired by U.K. distributor X": the adverb, and the buyer\'s country', () => {
    expect(deals('"Salt Road" did well. The movie was also acquired by U.K. distributor Thistle Pictures in Cannes.')).toEqual([
      'Salt Road / Thistle Pictures / U.K.',
    ]);
  });

  it('a release by one buyer, then the sales of the same clause', () => {
    expect(
      deals(
        'Competition title "Salt Road", which will be distributed in France by Nour Films, was bought for Benelux by Kanaal Film and for Austria by Donau Film.',
      ),
    ).toEqual(['Salt Road / Nour Films / France', 'Salt Road / Kanaal Film / Benelux', 'Salt Road / Donau Film / Austria']);
  });
});

describe('titles of real articles', () => {
  it('a quoted headline title is a title where the body repeats it, and a subject title takes the focus', () => {
    const text = [
      "Sales Outfit Closes Deals On 'Ember' And 'Glass Rivers'",
      '',
      'Glass Rivers was acquired by Nordfilm in Sweden.',
      'Ember also won the audience award. The drama has sold to Italy (Satellite Film) and Norway (Fjordkino).',
    ].join('\n');
    expect(deals(text)).toEqual(['Glass Rivers / Nordfilm / Sweden', 'Ember / Satellite Film / Italy', 'Ember / Fjordkino / Norway']);
  });

  it("a deal verb reads the title behind its lead-in: X's romantic comedy T, the dark comedy T", () => {
    expect(deals("Harbor Films picked up Mira Solberg's romantic comedy Velvet Thursday, starring Ola Berg.")).toEqual([
      'Velvet Thursday / Harbor Films / -',
    ]);
  });

  it('"T went to X", with two titles as its subject', () => {
    expect(deals('Early in the festival, the dark comedy Paper Saints went to Greenlight Features after a bidding war.')).toEqual([
      'Paper Saints / Greenlight Features / -',
    ]);
    expect(
      deals('Competition film Two Rivers, which screened at midnight, and Long Shore, a market title, went to Brightwell Films.'),
    ).toEqual(['Two Rivers / Brightwell Films / -', 'Long Shore / Brightwell Films / -']);
  });

  it('"jumped on the rights to T" and "was picked up for distribution by X"', () => {
    expect(deals('Lakeside Pictures jumped on the distribution rights to "Cold Comfort".')).toEqual([
      'Cold Comfort / Lakeside Pictures / -',
    ]);
    expect(deals('The thriller "Cold Comfort" was picked up for distribution by Ninefold Films.')).toEqual([
      'Cold Comfort / Ninefold Films / -',
    ]);
  });

  it("apposition names a title: T, a Critics' Week entry; one of the year's films, T,", () => {
    expect(titles("Sunfall, a Critics' Week entry from Ana Ruiz, sold to Argentina's Pampa Cine.")).toContain('Sunfall');
    expect(deals("Sunfall, a Critics' Week entry from Ana Ruiz, sold to Argentina's Pampa Cine and Norway's Fjordkino.")).toEqual([
      'Sunfall / Pampa Cine / Argentina',
      'Sunfall / Fjordkino / Norway',
    ]);
    expect(titles('The firm also handles one of the biggest French films of the year, Glass Harbour, by director Jean Morel.')).toContain(
      'Glass Harbour',
    );
  });

  it("a film link after an auteur's possessive or a nationality: the title is what follows it", () => {
    expect(titles("Julia Berg's The Quiet Tree [+see also:\nfilm profile\n]\nwas bought for Greece by Nutopia.")).toEqual([
      'The Quiet Tree',
    ]);
    expect(titles('Producers are finishing sales on the Austrian/Turkish Karavan [+see also:\nfilm profile\n]\nthis week.')).toEqual([
      'Karavan',
    ]);
  });

  it('an opening phrase before "the film" is not a title', () => {
    const text = 'Competition film "Night Harbour" did well. In Europe, the film sold to Germany (Weltfilm) and Spain (Alma Cine).';
    expect(titles(text)).not.toContain('In Europe');
    expect(deals(text)).toEqual(['Night Harbour / Weltfilm / Germany', 'Night Harbour / Alma Cine / Spain']);
  });
});

describe('the company gazetteer', () => {
  it('knows the trade’s short forms and each company’s country and kind', () => {
    expect(companyEntry('SPC')).toMatchObject({ name: 'Sony Pictures Classics', country: 'US', kind: 'distributor' });
    expect(companyEntry('Curzon/Artificial Eye')?.name).toBe('Curzon Artificial Eye');
    expect(companyEntry('No Such Pictures Ltd')).toBeUndefined();
    expect(TRADE_COMPANIES.length).toBeGreaterThan(300);
    expect(new Set(TRADE_COMPANIES.map((c) => c.kind))).toEqual(
      new Set(['distributor', 'sales-agent', 'studio', 'streamer', 'broadcaster']),
    );
  });

  it('a name that is also a plain word stays out of the known companies (a film may carry it)', () => {
    expect(distinctiveName('Palace')).toBe(false);
    expect(distinctiveName('September')).toBe(false);
    expect(distinctiveName('Golden Village')).toBe(true);
    expect(distinctiveName('KMBO')).toBe(true);
    expect(distinctiveName('Lusomundo')).toBe(false);
    expect(distinctiveName('Cinéart')).toBe(true);
  });

  it('a company whose name looks like a person’s is a buyer in "X for Territory"', () => {
    expect(deals('The comedy "Paper Saints" has been sold to Golden Village for Singapore and Cinema Mondo for Finland.')).toEqual([
      'Paper Saints / Golden Village / Singapore',
      'Paper Saints / Cinema Mondo / Finland',
    ]);
  });
});

describe('the title in focus', () => {
  it('a new title named alone in a sentence becomes the one "the drama" means next', () => {
    const text = [
      'Northlight Sales closed deals on "Glass Orchard" in Berlin.',
      'The firm also represents one of the most anticipated films of the year, Winter Orchard, by director Ana Ruiz.',
      'The drama has been sold to Kino Wolna for Poland and Alma Cine for Spain.',
    ].join(' ');
    expect(deals(text)).toEqual(['Winter Orchard / Kino Wolna / Poland', 'Winter Orchard / Alma Cine / Spain']);
  });

  it('a prize-winner named in a list of awards does not take the focus', () => {
    const text = [
      '"Iron Tide" won the Golden Lion on Saturday.',
      'The Orizzonti award for best film went to "Sun Keepers."',
      'Mubi acquired the film for the U.K.',
    ].join(' ');
    expect(deals(text)).toEqual(['Iron Tide / Mubi / U.K.']);
  });
});

describe('the catalog as a gazetteer of titles', () => {
  const withCatalog = (text: string, titles: string[]) =>
    extractFacts(text, { date: '2024-02-26', known: { titles } })
      .facts.filter((f) => f.type === 'deal')
      .map((f) => `${f.fields.title} / ${f.fields.buyer} / ${f.fields.territories ?? '-'}`);

  it('a title the catalog knows is found unquoted, where nothing else marks it', () => {
    expect(withCatalog('Lakeside Films holds Salt Road for Spain.', [])).toEqual([]);
    expect(withCatalog('Lakeside Films holds Salt Road for Spain.', ['Salt Road'])).toEqual(['Salt Road / Lakeside Films / Spain']);
    expect(withCatalog('Lakeside Films bought Sirât for Spain.', ['Sirât'])).toEqual(['Sirât / Lakeside Films / Spain']);
  });

  it('a one-word title that is a word of the language waits for its context', () => {
    expect(catalogTitleUsable('Hope')).toBe(false);
    expect(catalogTitleUsable('Sirât')).toBe(true);
    expect(catalogTitleUsable('Salt Road')).toBe(true);
    expect(withCatalog('Hope is fading for Lakeside Films, which bought Spain.', ['Hope'])).toEqual([]);
  });
});

describe('headlines', () => {
  it('a headline in Title Case tells one deal per "Company Verb \'Title\'", linked ones too', () => {
    expect(
      deals('READ MORE: Weekly Acquisition Rundown: Lakeside Films Picks Up ‘Salt Road,’ Brightwell Buys ‘Glass Rivers’ and More'),
    ).toEqual(['Salt Road / Lakeside Films / -', 'Glass Rivers / Brightwell / -']);
    expect(deals("Mubi Acquires U.K. Rights To Ana Ruiz's 'Winter Orchard'")).toEqual(['Winter Orchard / Mubi / U.K.']);
  });

  it("the headline's short forms and the body's full ones are one deal", () => {
    const text = [
      "Acquisition Rundown: Brightwell Picks Up 'Salt Road'",
      '',
      'Brightwell Pictures has acquired the North American rights to Ana Ruiz\'s "Salt Road: A Winter Journey," about a salt merchant.',
    ].join('\n');
    expect(deals(text)).toEqual(['Salt Road: A Winter Journey / Brightwell Pictures / North America']);
  });
});

describe('round 2b: titles and lists of real articles', () => {
  it('a possessive before a title that is the sale\'s subject: "Ana Ruiz\'s Nightjar was sold to"', () => {
    expect(titles("Ana Ruiz's Nightjar was sold to Spain.")).toEqual(['Nightjar']);
    expect(deals("Ana Ruiz's Nightjar has sold to Spain (Alma Cine) and Italy (Be Water).")).toEqual([
      'Nightjar / Alma Cine / Spain',
      'Nightjar / Be Water / Italy',
    ]);
    // a role after the possessive is still no title
    expect(titles("Lumen Sales' head of sales Ana Ruiz was sold on it.")).toEqual([]);
  });

  it('an opening adverb before the subject of a sale: "Elsewhere, T has sold to"', () => {
    expect(deals('Elsewhere, Nightjar has sold to Spain (Alma Cine) and Poland (Kino Wolna).')).toEqual([
      'Nightjar / Alma Cine / Spain',
      'Nightjar / Kino Wolna / Poland',
    ]);
  });

  it('"X in the Middle East and Norway\'s Y": a possessive territory starts the next item', () => {
    expect(
      deals("Competition title Glass Rivers sold to Argentina's Andes Films, Teleview in the Middle East and Norway's Fjordkino."),
    ).toEqual(['Glass Rivers / Andes Films / Argentina', 'Glass Rivers / Teleview / Middle East', 'Glass Rivers / Fjordkino / Norway']);
  });

  it('a title with commas before a film link, and the same title shortened with an ellipsis', () => {
    const text =
      'With its purchase of Golden Bear winner 9 Days, 2 Nights and 1 Morning [+see also: trailer] the firm is busy. ' +
      'A hit before its prize, 9 Days… was bought for France (Alma Cine) and Spain (Andes Films).';
    expect(deals(text)).toEqual([
      '9 Days, 2 Nights and 1 Morning / Alma Cine / France',
      '9 Days, 2 Nights and 1 Morning / Andes Films / Spain',
    ]);
    // two titles the short form could begin: it stays no title
    expect(
      titles(
        'Golden Bear winner 9 Days, 2 Nights and 1 Morning [+see also: trailer] and 9 Days, 4 Nights and 1 Noon [+see also: trailer] sold. 9 Days… was a hit.',
      ),
    ).toEqual(['9 Days, 2 Nights and 1 Morning', '9 Days, 4 Nights and 1 Noon']);
  });
});

describe('round 2b: the unquoted object of a deal verb', () => {
  it('"has bought T for the U.K.", "will release T in North America", "sold T to X in Spain": the title without what it swallowed', () => {
    expect(deals('Harbor Films has bought Salt Road for the U.K. and Ireland.')).toEqual(['Salt Road / Harbor Films / U.K. and Ireland']);
    expect(deals('Brightwell Pictures will release Salt Road in North America.')).toEqual([
      'Salt Road / Brightwell Pictures / North America',
    ]);
    expect(deals('Lumen Sales sold Salt Road to Alma Cine in Spain and Kino Wolna in Poland.')).toEqual([
      'Salt Road / Alma Cine / Spain',
      'Salt Road / Kino Wolna / Poland',
    ]);
    expect(deals('Brightwell Pictures has taken Salt Road for the U.S. in a seven-figure deal.')).toEqual([
      'Salt Road / Brightwell Pictures / U.S.',
    ]);
  });

  it('a title with "to" or "in" inside stays whole; a company or a territory after the verb is no title', () => {
    expect(titles('Brightwell Pictures has acquired Back to the Future Road for Spain.')).toEqual(['Back to the Future Road']);
    expect(titles('Brightwell Pictures has acquired Lionsgate Films for $20 million.')).toEqual([]);
    expect(titles('Brightwell Pictures has bought Spain and Portugal.')).toEqual([]);
    // a date, a year or a prize after the verb is no part of a title, and no title
    expect(titles('Brightwell Pictures acquired Salt Road in March.')).toEqual(['Salt Road']);
    expect(titles('Lionsgate acquired Summit Entertainment in 2012.')).toEqual([]);
    expect(titles('Ana Ruiz took Best Film in Berlin.')).toEqual([]);
  });

  it('"Lumen Sales has closed deals on T, including X (Spain)"; "T has also sold to Japan (X)"; "T will be released in the U.K. by X"', () => {
    expect(deals('Lumen Sales has closed a raft of deals on Salt Road, including Alma Cine (Spain) and Kino Wolna (Poland).')).toEqual([
      'Salt Road / Alma Cine / Spain',
      'Salt Road / Kino Wolna / Poland',
    ]);
    expect(deals('Salt Road has also sold to Japan (Tokyo Screen) and Korea (Sonamu Pictures).')).toEqual([
      'Salt Road / Tokyo Screen / Japan',
      'Salt Road / Sonamu Pictures / Korea',
    ]);
    expect(deals('Salt Road will be released in the U.K. by Thistle Pictures.')).toEqual(['Salt Road / Thistle Pictures / U.K.']);
  });
});

describe('round 2b: a negotiator stays on the side the article gives', () => {
  const negotiators = (text: string) =>
    extractFacts(text, { date: '2024-02-26' })
      .facts.filter((f) => f.type === 'deal')
      .flatMap((f) => (f.fields as { negotiators: Array<{ name: string; company: string | null; side: string | null }> }).negotiators)
      .map((p) => `${p.name} / ${p.company ?? '-'} / ${p.side ?? '-'}`);

  it('"negotiated by A for the buyer and B for the seller": B is the seller\'s', () => {
    const text =
      "Brightwell Pictures has acquired North American rights to 'Salt Road'. The deal was negotiated by Ana Ruiz for Brightwell Pictures and Tom Berg for Lumen Sales.";
    expect(negotiators(text)).toEqual(['Ana Ruiz / Brightwell Pictures / licensee', 'Tom Berg / Lumen Sales / licensor']);
    expect(sellers(text)).toEqual(['Lumen Sales']);
  });
});

describe('round 2b: more deal shapes', () => {
  it('"Deals on T were closed with X for Spain and Y for Poland"', () => {
    expect(deals("Deals on 'Salt Road' were closed with Alma Cine for Spain and Kino Wolna for Poland.")).toEqual([
      'Salt Road / Alma Cine / Spain',
      'Salt Road / Kino Wolna / Poland',
    ]);
  });

  it('"P\'s T went to X for TERR", "T landed at X"', () => {
    expect(deals("Ana Ruiz's 'Salt Road' went to Brightwell Pictures for North America.")).toEqual([
      'Salt Road / Brightwell Pictures / North America',
    ]);
    expect(deals("'Salt Road' landed at Brightwell Pictures.")).toEqual(['Salt Road / Brightwell Pictures / -']);
    // a prize that went to a title is no deal
    expect(deals("The Golden Bear went to 'Salt Road'.")).toEqual([]);
  });

  it('"X has come on board to distribute T in Poland"; "T has found homes in Spain (X)"', () => {
    expect(deals("Kino Wolna has come on board to distribute 'Salt Road' in Poland.")).toEqual(['Salt Road / Kino Wolna / Poland']);
    expect(deals("'Salt Road' has found homes in Spain (Alma Cine) and Poland (Kino Wolna).")).toEqual([
      'Salt Road / Alma Cine / Spain',
      'Salt Road / Kino Wolna / Poland',
    ]);
  });
});

describe('round 2b: a territory, then its buyer', () => {
  it('"sold to Spain, where X will release it" is X\'s deal for Spain', () => {
    expect(deals("'Salt Road' has sold to Spain and Portugal, where Alma Cine will release it, and to Poland (Kino Wolna).")).toEqual([
      'Salt Road / Alma Cine / Spain and Portugal',
      'Salt Road / Kino Wolna / Poland',
    ]);
    expect(sellers("Lumen Sales sold 'Salt Road' to Spain, where Alma Cine will release it in May.")).toEqual(['Lumen Sales']);
  });
});

describe('round 2b: multi-title deals', () => {
  it('"a three-picture deal with X covering T, T2 and T3": one deal per title, X the seller', () => {
    const text =
      "Brightwell Pictures has inked a three-picture deal with Lumen Sales covering 'Salt Road', 'Glass Rivers' and 'Winter Orchard'.";
    expect(deals(text)).toEqual([
      'Salt Road / Brightwell Pictures / -',
      'Glass Rivers / Brightwell Pictures / -',
      'Winter Orchard / Brightwell Pictures / -',
    ]);
    expect(sellers(text)).toEqual(['Lumen Sales', 'Lumen Sales', 'Lumen Sales']);
    expect(deals("Brightwell Pictures struck a slate deal including 'Salt Road' and 'Glass Rivers' for North America.")).toEqual([
      'Salt Road / Brightwell Pictures / North America',
      'Glass Rivers / Brightwell Pictures / North America',
    ]);
  });

  it('talks on a two-picture deal are no deal', () => {
    expect(deals("Brightwell Pictures is in talks on a two-picture deal for 'Salt Road' and 'Glass Rivers'.")).toEqual([]);
  });
});

describe('round 2b: capitals that are no title', () => {
  it('a label before a colon ("VERDICT:") and capitals that begin a longer name ("the VISA Screening Room")', () => {
    expect(titles("VERDICT: This week's market had buyers buzzing. NIGHTJAR was acquired by Brightwell Pictures.")).toEqual(['NIGHTJAR']);
    expect(
      titles('Nightjar screens for the industry at 9pm at the VISA Screening Room. NIGHTJAR was acquired by Brightwell Pictures.'),
    ).toEqual(['NIGHTJAR']);
  });
});

describe('round 2b: sales companies', () => {
  const facts = (text: string) =>
    extractFacts(text, { date: '2024-02-26' })
      .facts.filter((f) => f.type === 'mandate' || f.type === 'deal')
      .map((f) => `${f.type} ${f.fields.title} / ${f.type === 'mandate' ? f.fields.company : f.fields.buyer}`);

  it('a sales company that acquires a film for the world takes on its sales: a mandate, not a licence', () => {
    expect(facts("The Match Factory has acquired world rights to 'Salt Road'.")).toEqual(['mandate Salt Road / The Match Factory']);
    // a distributor's acquisition stays a deal, and so does a sales company's purchase for one territory
    expect(facts("Brightwell Pictures has acquired world rights to 'Salt Road'.")).toEqual(['deal Salt Road / Brightwell Pictures']);
    expect(facts("The Match Factory has acquired German rights to 'Salt Road'.")).toEqual(['deal Salt Road / The Match Factory']);
  });

  it("a sales company's line-up gives one mandate per title; a distributor's slate gives none", () => {
    expect(facts("Lumen Sales' Cannes line-up includes 'Salt Road' and Ana Ruiz's 'Glass Rivers'.")).toEqual([
      'mandate Salt Road / Lumen Sales',
      'mandate Glass Rivers / Lumen Sales',
    ]);
    expect(facts("The Match Factory's slate also features 'Winter Orchard'.")).toEqual(['mandate Winter Orchard / The Match Factory']);
    expect(facts("Brightwell Pictures' fall slate includes 'Salt Road'.")).toEqual([]);
  });

  it('"Sales were made on T, P\'s T2 and T3": mandates of the sales company in focus, not of a distributor', () => {
    expect(facts("Lumen Sales had a good market. Sales were made on Ana Ruiz's 'Salt Road' and 'Winter Orchard'.")).toEqual([
      'mandate Salt Road / Lumen Sales',
      'mandate Winter Orchard / Lumen Sales',
    ]);
    expect(facts("Brightwell Pictures had a good market. Sales were made on 'Salt Road'.")).toEqual([]);
  });
});
