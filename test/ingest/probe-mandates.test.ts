/**
 * Issue 12, round 8: sales mandates as the trade writes them. A sales company takes on a film's sales (a
 * `mandate`): a market line-up or slate listing titles, `X is handling international sales on T`, `X will
 * represent T`, `X has boarded T`, a sales company acquiring world rights, credit lines, `sold by X`, `X, which
 * reps T`, `the sales agent behind T`, a company named as `sales agent X`, a person named with the company
 * they work for, and the several representatives of one deal. And what is not one: a distributor's or a
 * producer's slate, a sale made by the agent, a territory a sales company bought for its own distribution arm.
 * Sentences written for this project (invented films and people, real sales companies and distributors).
 */
import { describe, expect, it } from 'vitest';
import { facts } from './fixtures.js';

/** The mandates and deals of a text, in the order told: `T / X` for a mandate, `deal: T / X / territories`. */
const status = (text: string): string[] =>
  facts(text).flatMap((f) => {
    const d = f.fields as { title?: string; company?: string; buyer?: string; territories?: string | null };
    if (f.type === 'mandate') return [`${d.title} / ${d.company}`];
    if (f.type === 'deal') return [`deal: ${d.title} / ${d.buyer} / ${d.territories ?? '-'}`];
    return [];
  });

/** The mandates only, sorted (a line-up's order is not what is tested). */
const mandatesOf = (text: string): string[] =>
  facts(text)
    .filter((f) => f.type === 'mandate')
    .map((f) => {
      const d = f.fields as { title: string; company: string };
      return `${d.title} / ${d.company}`;
    })
    .sort();

const market = (body: string) => `Market round-up\n\n${body}`;

describe('a sales company’s line-up or slate', () => {
  it("X's Cannes line-up includes T1, T2 and T3", () => {
    expect(mandatesOf(market('Celluloid Dreams’ Cannes line-up includes ‘The Salt Road’, ‘Night Ferry’ and ‘Copper Rain’.'))).toEqual([
      'Copper Rain / Celluloid Dreams',
      'Night Ferry / Celluloid Dreams',
      'The Salt Road / Celluloid Dreams',
    ]);
  });

  it("X's slate features a director's T and T2", () => {
    expect(
      mandatesOf(market('The Match Factory’s Berlin slate features Ana Ruiz’s ‘Winter Ledger’ and Tom Berg’s ‘Blue Hour Motel’.')),
    ).toEqual(['Blue Hour Motel / The Match Factory', 'Winter Ledger / The Match Factory']);
  });

  it("titles on X's roster include", () => {
    expect(mandatesOf(market('Titles on Films Boutique’s EFM roster include ‘Paper Harbour’ and ‘The Glass Meadow’.'))).toEqual([
      'Paper Harbour / Films Boutique',
      'The Glass Meadow / Films Boutique',
    ]);
  });

  it("X's line-up is headed by T", () => {
    expect(mandatesOf(market('HanWay Films’ AFM line-up is headed by ‘The Quiet Tide’.'))).toEqual(['The Quiet Tide / HanWay Films']);
  });

  it('X is finishing off sales on titles including T and T2', () => {
    expect(
      mandatesOf(
        market('Celluloid Dreams is finishing off sales on six titles at the market, including ‘Iron Lullaby’ and ‘Night Ferry’.'),
      ),
    ).toEqual(['Iron Lullaby / Celluloid Dreams', 'Night Ferry / Celluloid Dreams']);
  });

  it('X heads to the market with T and T2', () => {
    expect(mandatesOf(market('Playtime heads to Cannes with ‘Copper Rain’ and ‘The Last Orchard’.'))).toEqual([
      'Copper Rain / Playtime',
      'The Last Orchard / Playtime',
    ]);
  });

  it('X is bringing T to the market', () => {
    expect(mandatesOf(market('Fortissimo Films is bringing ‘The Quiet Tide’ and ‘Salt and Smoke’ to the AFM.'))).toEqual([
      'Salt and Smoke / Fortissimo Films',
      'The Quiet Tide / Fortissimo Films',
    ]);
  });

  it('among the titles on X’s slate are T and T2', () => {
    expect(mandatesOf(market('Among the titles on Memento’s AFM slate are ‘The Glass Meadow’ and ‘Night Ferry’.'))).toEqual([
      'Night Ferry / Memento',
      'The Glass Meadow / Memento',
    ]);
  });

  it('the company’s slate also includes (the sales company in focus)', () => {
    expect(
      mandatesOf(
        market('Beta Cinema is launching ‘The Salt Road’ in Berlin. The company’s slate also includes ‘Night Ferry’ and ‘Copper Rain’.'),
      ),
    ).toEqual(['Copper Rain / Beta Cinema', 'Night Ferry / Beta Cinema', 'The Salt Road / Beta Cinema']);
  });

  it('X has acquired films: a director ("earlier film")\'s T', () => {
    expect(
      mandatesOf(
        market(
          'Films Boutique has acquired three films set for Cannes. The sales banner has also acquired Ana Ruiz (“Cold Harbour”)’s “Paper Harbour” and Tom Berg (“Echoes”)’s “The Lantern Keeper,” set for Directors’ Fortnight.',
        ),
      ),
    ).toEqual(['Paper Harbour / Films Boutique', 'The Lantern Keeper / Films Boutique']);
  });

  it('a list of acquired films past "; as well as", a maker described by an unknown word', () => {
    expect(
      mandatesOf(
        market(
          'Films Boutique has acquired four films for Venice. The sales banner has also acquired rising Ruritanian helmer Ana Ruiz (“Echoes”)’s “The Quiet Tide” and Tom Berg’s “Copper Rain”; as well as Maltese filmmaker Lena Holm (“Drift”)’s “Salt Wolves,” set for Critics’ Week.',
        ),
      ),
    ).toEqual(['Copper Rain / Films Boutique', 'Salt Wolves / Films Boutique', 'The Quiet Tide / Films Boutique']);
  });
});

describe('handling and representing', () => {
  it('X is handling international sales on T', () => {
    expect(mandatesOf(market('Bankside Films is handling international sales on ‘The Salt Road’.'))).toEqual([
      'The Salt Road / Bankside Films',
    ]);
  });

  it('X handles world sales (the film in focus)', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ premieres in Rotterdam. Charades handles world sales.')).toEqual([
      'Iron Lullaby / Charades',
    ]);
  });

  it('X will be handling international sales for T', () => {
    expect(mandatesOf(market('Indie Sales will be handling international sales for ‘Night Ferry’, which premieres in Berlin.'))).toEqual([
      'Night Ferry / Indie Sales',
    ]);
  });

  it('X will handle sales on several films, listed after a colon', () => {
    expect(
      mandatesOf(
        market('Beta Cinema will handle international sales on three Panorama titles: ‘Salt Road’, ‘Night Ferry’ and ‘Copper Rain’.'),
      ),
    ).toEqual(['Copper Rain / Beta Cinema', 'Night Ferry / Beta Cinema', 'Salt Road / Beta Cinema']);
  });

  it('X is also handling sales for a director’s T, the drama starring ...', () => {
    expect(
      mandatesOf(
        market('TrustNordisk is also handling sales for Ana Ruiz’s ‘The Salt Road’, the Danish drama starring Lena Holm and Tom Berg.'),
      ),
    ).toEqual(['The Salt Road / TrustNordisk']);
  });

  it('X handles international rights: the film the paragraph is about', () => {
    expect(
      mandatesOf(
        'Deals round-up\n\nNeon has acquired U.S. rights to ‘Paper Harbour’.\n\nMubi has acquired U.S. rights to ‘The Glass Meadow’. XYZ Films handles North American sales for ‘The Glass Meadow’. Paris-based Charades handles international rights.',
      ),
    ).toEqual(['The Glass Meadow / Charades', 'The Glass Meadow / XYZ Films']);
  });

  it('X co-produced the film and handles international sales', () => {
    expect(
      mandatesOf(
        'New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ premieres on Friday. Neon will release it in the U.S. and Rocket Science co-produced with Kestrel Films and handles international sales.',
      ),
    ).toEqual(['Iron Lullaby / Rocket Science']);
  });

  it('X, which handles the film in other territories', () => {
    expect(
      mandatesOf(
        'New Film ‘Iron Lullaby’\n\nMubi will release ‘Iron Lullaby’ in France. Charades, which handles the film in other territories, will screen a promo at the AFM.',
      ),
    ).toEqual(['Iron Lullaby / Charades']);
  });

  it('the firm is also handling one of the year’s films, T', () => {
    expect(
      mandatesOf(
        market(
          'Playtime is screening ‘Night Ferry’ at the AFM. The firm is also handling one of the biggest Belgian films of the year, ‘The Salt Road’, by Ana Ruiz.',
        ),
      ),
    ).toEqual(['Night Ferry / Playtime', 'The Salt Road / Playtime']);
  });

  it('X will represent T at the EFM', () => {
    expect(mandatesOf(market('Picture Tree International will represent ‘The Lantern Keeper’ at the EFM.'))).toEqual([
      'The Lantern Keeper / Picture Tree International',
    ]);
  });

  it('X will represent the film at the AFM (the film in focus)', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ wrapped in May. Charades will represent the film at the AFM.')).toEqual([
      'Iron Lullaby / Charades',
    ]);
  });

  it('X will also be representing a director’s second feature T', () => {
    expect(mandatesOf(market('Memento will also be representing actress-director Lena Holm’s second feature ‘Blue Hour Motel’.'))).toEqual([
      'Blue Hour Motel / Memento',
    ]);
  });

  it('CAA represents US rights (the film in focus)', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ premieres on Friday. CAA represents U.S. rights.')).toEqual([
      'Iron Lullaby / CAA',
    ]);
  });

  it('T is represented by X', () => {
    expect(mandatesOf(market('‘Copper Rain’ is represented by Totem Films.'))).toEqual(['Copper Rain / Totem Films']);
  });

  it('a kind of film T represented by X', () => {
    expect(
      mandatesOf(market('Ana Ruiz’s Midnight Madness entry ‘Salt Wolves’ represented by Rocket Science opens the section on Thursday.')),
    ).toEqual(['Salt Wolves / Rocket Science']);
  });

  it('T, handled by X, screens ...', () => {
    expect(mandatesOf(market('Kestrel Films’ drama ‘The Long Field’ handled by Cinetic screens at 9pm at the Lightbox.'))).toEqual([
      'The Long Field / Cinetic',
    ]);
  });

  it('T starring P is sold internationally by X', () => {
    expect(mandatesOf(market('Neon’s ‘Salt Wolves’ starring Lena Holm is sold internationally by FilmNation Entertainment.'))).toEqual([
      'Salt Wolves / FilmNation Entertainment',
    ]);
  });

  it('X is the US sales agent and Y handles international sales', () => {
    expect(
      mandatesOf(
        'New Film ‘Iron Lullaby’\n\nIt premieres at 6pm, followed by Ana Ruiz’s ‘The Glass Meadow’. CAA is the US sales agent and Bankside Films handles international sales.',
      ),
    ).toEqual(['The Glass Meadow / Bankside Films', 'The Glass Meadow / CAA']);
  });
});

describe('boarding, coming aboard, acquiring world rights', () => {
  it('X has boarded T (a sales company)', () => {
    expect(mandatesOf(market('Celluloid Dreams has boarded ‘The Lantern Keeper’.'))).toEqual(['The Lantern Keeper / Celluloid Dreams']);
  });

  it('X has boarded international sales on T', () => {
    expect(mandatesOf(market('Charades has boarded international sales on ‘Winter Ledger’.'))).toEqual(['Winter Ledger / Charades']);
  });

  it('X has come aboard to sell T', () => {
    expect(mandatesOf(market('Bankside Films has come aboard to sell ‘The Quiet Tide’.'))).toEqual(['The Quiet Tide / Bankside Films']);
  });

  it('X has come on board to handle world sales of T', () => {
    expect(mandatesOf(market('Playtime has come on board to handle world sales of ‘Salt Wolves’.'))).toEqual(['Salt Wolves / Playtime']);
  });

  it('X has acquired international rights to T (a sales company)', () => {
    expect(mandatesOf(market('Celluloid Dreams has acquired international rights to ‘Night Ferry’.'))).toEqual([
      'Night Ferry / Celluloid Dreams',
    ]);
  });

  it('X has picked up world sales rights for the film, excluding a country', () => {
    expect(
      mandatesOf(
        'New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ opens in Canada on Friday. Paris-based sales agent Loco Films picked up world sales rights for the film, excluding Canada.',
      ),
    ).toEqual(['Iron Lullaby / Loco Films']);
  });

  it('X has acquired T ahead of its premiere (a sales company, no territory)', () => {
    expect(mandatesOf(market('Luxbox has acquired ‘The Long Field’ ahead of its Venice premiere.'))).toEqual(['The Long Field / Luxbox']);
  });

  it('X has taken worldwide rights to T and will launch it at Cannes', () => {
    expect(mandatesOf(market('Totem Films has taken worldwide rights to ‘Salt Wolves’ and will launch it at Cannes.'))).toEqual([
      'Salt Wolves / Totem Films',
    ]);
  });
});

describe('credit lines and "sold by"', () => {
  it('Sales: X', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\nProduction: Kestrel Films. Sales: Charades.')).toEqual(['Iron Lullaby / Charades']);
  });

  it('International sales: X', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\nProduction: Kestrel Films.\n\nInternational sales: Bankside Films.')).toEqual([
      'Iron Lullaby / Bankside Films',
    ]);
  });

  it('T (X) in a list of market screenings: sales companies', () => {
    expect(
      mandatesOf(
        market('Market screenings on Friday include ‘Night Ferry’ (Memento), ‘Copper Rain’ (Films Boutique) and ‘Salt Wolves’ (Charades).'),
      ),
    ).toEqual(['Copper Rain / Films Boutique', 'Night Ferry / Memento', 'Salt Wolves / Charades']);
  });

  it('T, sold by X, premieres', () => {
    expect(mandatesOf(market('‘The Quiet Tide’, sold by Pluto Film, premieres in the Panorama.'))).toEqual(['The Quiet Tide / Pluto Film']);
  });

  it('T is being sold by X at the market', () => {
    expect(mandatesOf(market('‘Salt Wolves’ is being sold by Westend Films at the EFM.'))).toEqual(['Salt Wolves / Westend Films']);
  });

  it('the drama T, sold internationally by X', () => {
    expect(mandatesOf(market('The drama ‘Salt Wolves’, sold internationally by New Europe Film Sales, opens the section.'))).toEqual([
      'Salt Wolves / New Europe Film Sales',
    ]);
  });
});

describe('relative clauses and "the sales agent behind"', () => {
  it('X, which reps T, ...', () => {
    expect(mandatesOf(market('Wide House, which reps ‘Copper Rain’, has opened an office in Rome.'))).toEqual(['Copper Rain / Wide House']);
  });

  it('X, which is handling world sales on the film, ...', () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\nHanWay Films, which is handling world sales on the film, will screen it on Monday.'),
    ).toEqual(['Iron Lullaby / HanWay Films']);
  });

  it('X, the sales agent behind T, ...', () => {
    expect(mandatesOf(market('Pluto Film, the sales agent behind ‘The Quiet Tide’, has hired a new head of acquisitions.'))).toEqual([
      'The Quiet Tide / Pluto Film',
    ]);
  });

  it('the sales company behind T, X, ...', () => {
    expect(mandatesOf(market('The sales company behind ‘Night Ferry’, Westend Films, has closed a raft of deals.'))).toEqual([
      'Night Ferry / Westend Films',
    ]);
  });

  it('X is the sales agent behind T and T2', () => {
    expect(mandatesOf(market('Wide Management is the sales agent behind ‘Copper Rain’ and ‘The Lantern Keeper’.'))).toEqual([
      'Copper Rain / Wide Management',
      'The Lantern Keeper / Wide Management',
    ]);
  });
});

describe('a company introduced as a sales agent, and the people who work for one', () => {
  it('sales agent X has boarded T', () => {
    expect(mandatesOf(market('Sales agent Lumen Pictures has boarded ‘The Quiet Tide’.'))).toEqual(['The Quiet Tide / Lumen Pictures']);
  });

  it('Paris-based sales agent X will handle international sales on T', () => {
    expect(mandatesOf(market('Paris-based sales agent Kestrel Sales will handle international sales on ‘Salt Wolves’.'))).toEqual([
      'Salt Wolves / Kestrel Sales',
    ]);
  });

  it('German sales outfit X has taken on T', () => {
    expect(mandatesOf(market('German sales outfit Lumen Pictures has taken on ‘The Long Field’.'))).toEqual([
      'The Long Field / Lumen Pictures',
    ]);
  });

  it('Cologne-based sales agent X will be handling international sales for three premieres, named after', () => {
    expect(
      mandatesOf(
        market('Cologne-based sales agent Lumen Pictures will be handling international sales for ‘The Long Field’ and ‘Night Ferry’.'),
      ),
    ).toEqual(['Night Ferry / Lumen Pictures', 'The Long Field / Lumen Pictures']);
  });

  it('its sales agent, a person: no mandate for the person', () => {
    expect(mandatesOf('New Film ‘Iron Lullaby’\n\nIts sales agent, Tom Reyes, will show ‘Iron Lullaby’ to buyers in Berlin.')).toEqual([]);
  });

  it('its sales agent, P of X: the company’s mandate', () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\nIts sales agent, Tom Reyes of Charades, will show ‘Iron Lullaby’ to buyers in Berlin.'),
    ).toEqual(['Iron Lullaby / Charades']);
  });

  it('P of X is handling sales on T: the company’s', () => {
    expect(mandatesOf(market('Tom Reyes of Bankside Films is handling sales on ‘The Quiet Tide’.'))).toEqual([
      'The Quiet Tide / Bankside Films',
    ]);
  });

  it('P, head of sales at X, will introduce T to buyers', () => {
    expect(mandatesOf(market('Tom Reyes, head of sales at Charades, will introduce ‘Salt Wolves’ to buyers at the AFM.'))).toEqual([
      'Salt Wolves / Charades',
    ]);
  });
});

describe('the representatives of one deal', () => {
  it('negotiated with X and Y: a mandate each', () => {
    expect(status('Neon Buys ‘Iron Lullaby’\n\nNeon negotiated the deal with Cinetic Media and Submarine Entertainment.')).toEqual([
      'deal: Iron Lullaby / Neon / -',
      'Iron Lullaby / Cinetic Media',
      'Iron Lullaby / Submarine Entertainment',
    ]);
  });

  it('negotiated with P, head of international sales at X, and Y', () => {
    expect(
      mandatesOf(
        'Mubi Buys ‘Iron Lullaby’\n\nMubi has acquired U.S. rights to ‘Iron Lullaby’. Mubi’s Tom Reyes negotiated the deal with Lena Holm, head of international sales at Wild Bunch, and CAA Media Finance.',
      ),
    ).toEqual(['Iron Lullaby / CAA Media Finance', 'Iron Lullaby / Wild Bunch']);
  });

  it('negotiated with one company: the seller, no mandate', () => {
    expect(status('Neon Buys ‘Iron Lullaby’\n\nNeon negotiated the deal with Charades.')).toEqual(['deal: Iron Lullaby / Neon / -']);
  });
});

describe('controls: no mandate', () => {
  it("control: a distributor's release slate", () => {
    expect(mandatesOf(market('Neon’s fall slate includes ‘Copper Rain’ and ‘Night Ferry’.'))).toEqual([]);
  });

  it("control: a producer's slate", () => {
    expect(mandatesOf(market('Kestrel Productions’ slate includes ‘Copper Rain’ and ‘Night Ferry’.'))).toEqual([]);
  });

  it('control: a streamer launching a film', () => {
    expect(mandatesOf(market('Netflix launches ‘Copper Rain’ on Friday.'))).toEqual([]);
  });

  it('control: a sales company buying a territory for its distribution arm is a deal', () => {
    expect(status(market('Wild Bunch has acquired German rights to ‘Copper Rain’ for its distribution arm.'))).toEqual([
      'deal: Copper Rain / Wild Bunch / Germany',
    ]);
  });

  it('control: a sales company’s sales list gives deals, not a mandate', () => {
    expect(
      status(
        'New Film ‘Iron Lullaby’\n\nThe film was sold by TrustNordisk for the U.S. (Kino Lorber), Germany (Arsenal Filmverleih) and Poland (Aurora Films).',
      ),
    ).toEqual([
      'deal: Iron Lullaby / Kino Lorber / U.S.',
      'deal: Iron Lullaby / Arsenal Filmverleih / Germany',
      'deal: Iron Lullaby / Aurora Films / Poland',
    ]);
  });

  it('control: a distributor handling the film in one country', () => {
    expect(status('New Film ‘Iron Lullaby’\n\nCurzon is handling the film in the U.K.')).toEqual(['deal: Iron Lullaby / Curzon / U.K.']);
  });

  it('control: a distributor that boarded a film', () => {
    expect(mandatesOf(market('Neon has boarded ‘Copper Rain’ as co-producer.'))).toEqual([]);
  });

  it('control: the possessive of a distributor is no deal and no mandate', () => {
    expect(status(market('A24’s upcoming ‘Copper Rain’ premieres in May.'))).toEqual([]);
  });

  it('control: a distributor’s executive of a company', () => {
    expect(mandatesOf(market('Tom Reyes of Neon will present ‘Copper Rain’ to audiences in New York.'))).toEqual([]);
  });

  it('control: T (X) with a distributor in parentheses is no mandate', () => {
    expect(mandatesOf(market('Releases on Friday include ‘Night Ferry’ (Curzon) and ‘Copper Rain’ (Neon).'))).toEqual([]);
  });
});

describe('more forms of the same shapes', () => {
  it('X is handling world sales on the film (the film in focus)', () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ wrapped in June. Bankside Films is handling world sales on the film.'),
    ).toEqual(['Iron Lullaby / Bankside Films']);
  });

  it('X handles sales on T and T2', () => {
    expect(mandatesOf(market('Pluto Film handles international sales on ‘Night Ferry’ and ‘Copper Rain’.'))).toEqual([
      'Copper Rain / Pluto Film',
      'Night Ferry / Pluto Film',
    ]);
  });

  it('X is selling T at the EFM', () => {
    expect(mandatesOf(market('Westend Films is selling ‘The Quiet Tide’ at the EFM.'))).toEqual(['The Quiet Tide / Westend Films']);
  });

  it('X kicked off sales on T in Berlin', () => {
    expect(mandatesOf(market('Beta Cinema kicked off sales on ‘Salt Wolves’ in Berlin.'))).toEqual(['Salt Wolves / Beta Cinema']);
  });

  it('X will launch T at the AFM (a sales company)', () => {
    expect(mandatesOf(market('Celluloid Dreams will launch ‘Paper Harbour’ at the AFM.'))).toEqual(['Paper Harbour / Celluloid Dreams']);
  });

  it('X is pre-selling T', () => {
    expect(mandatesOf(market('HanWay Films is pre-selling ‘The Long Field’ in Cannes.'))).toEqual(['The Long Field / HanWay Films']);
  });

  it('X, which represents T and T2, ...', () => {
    expect(mandatesOf(market('Wide House, which represents ‘Copper Rain’ and ‘Night Ferry’, has hired a new head of sales.'))).toEqual([
      'Copper Rain / Wide House',
      'Night Ferry / Wide House',
    ]);
  });

  it('international sales are handled by X (the film in focus)', () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ is produced by Kestrel Films. International sales are handled by Charades.'),
    ).toEqual(['Iron Lullaby / Charades']);
  });

  it('world sales on T are handled by X', () => {
    expect(mandatesOf(market('World sales on ‘Salt Wolves’ are handled by Luxbox.'))).toEqual(['Salt Wolves / Luxbox']);
  });

  it('X reps T, T2 and T3', () => {
    expect(mandatesOf(market('Films Boutique reps ‘Copper Rain’, ‘Night Ferry’ and ‘Salt Wolves’.'))).toEqual([
      'Copper Rain / Films Boutique',
      'Night Ferry / Films Boutique',
      'Salt Wolves / Films Boutique',
    ]);
  });

  it('T is being repped by X', () => {
    expect(mandatesOf(market('‘Night Ferry’ is being repped by Cercamon.'))).toEqual(['Night Ferry / Cercamon']);
  });

  it('X holds world rights to T (a sales company)', () => {
    expect(mandatesOf(market('Playtime holds world rights to ‘The Quiet Tide’.'))).toEqual(['The Quiet Tide / Playtime']);
  });

  it('X has picked up international rights to T (a sales company)', () => {
    expect(mandatesOf(market('Charades has picked up international rights to ‘Salt Wolves’.'))).toEqual(['Salt Wolves / Charades']);
  });

  it('X serves as the international sales agent on T', () => {
    expect(mandatesOf(market('Cercamon serves as the international sales agent on ‘Copper Rain’.'))).toEqual(['Copper Rain / Cercamon']);
  });

  it("X is the film's international sales company", () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ shot in Lisbon. Indie Sales is the film’s international sales company.'),
    ).toEqual(['Iron Lullaby / Indie Sales']);
  });

  it('the film is sold internationally by X', () => {
    expect(
      mandatesOf('New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ premieres on Sunday. The film is sold internationally by Alpha Violet.'),
    ).toEqual(['Iron Lullaby / Alpha Violet']);
  });

  it('it is produced by Y and sold internationally by X', () => {
    expect(
      mandatesOf(
        'New Film ‘Iron Lullaby’\n\n‘Iron Lullaby’ won the jury prize. It is produced by Kestrel Films and sold internationally by Totem Films.',
      ),
    ).toEqual(['Iron Lullaby / Totem Films']);
  });

  it('sales agent X is introducing T to buyers', () => {
    expect(mandatesOf(market('Sales agent Lumen Pictures is introducing ‘Night Ferry’ to buyers in Berlin.'))).toEqual([
      'Night Ferry / Lumen Pictures',
    ]);
  });

  it('Berlin-based sales outfit X has acquired world rights to T', () => {
    expect(mandatesOf(market('Berlin-based sales outfit Picture Tree International has acquired world rights to ‘Copper Rain’.'))).toEqual([
      'Copper Rain / Picture Tree International',
    ]);
  });

  it('unquoted: X has boarded T, the debut of P', () => {
    expect(mandatesOf(market('Beta Cinema has boarded Salt Wolves, the debut of Ana Ruiz.'))).toEqual(['Salt Wolves / Beta Cinema']);
  });

  it('unquoted: X is handling international sales on T', () => {
    expect(mandatesOf(market('Celluloid Dreams is handling international sales on The Salt Road.'))).toEqual([
      'The Salt Road / Celluloid Dreams',
    ]);
  });

  it('unquoted: a kind of film T represented by X', () => {
    expect(mandatesOf(market('Ana Ruiz’s horror entry Salt Wolves represented by Rocket Science opens the section.'))).toEqual([
      'Salt Wolves / Rocket Science',
    ]);
  });

  it('a representative named after a person of the buyer: "negotiated with X and Y on behalf of the filmmakers"', () => {
    expect(
      mandatesOf(
        'Neon Buys ‘Iron Lullaby’\n\nTom Reyes negotiated the deal for Neon with Endeavor Content and Cinetic on behalf of the filmmakers.',
      ),
    ).toEqual(['Iron Lullaby / Cinetic', 'Iron Lullaby / Endeavor Content']);
  });
});

describe('more controls', () => {
  it('control: a distributor will release T is no mandate', () => {
    expect(status(market('Neon will release ‘Copper Rain’ in the U.S. in March.'))).toEqual(['deal: Copper Rain / Neon / U.S.']);
  });

  it('control: a streamer that acquired world rights bought them', () => {
    expect(status(market('Mubi has acquired world rights to ‘Copper Rain’.'))).toEqual(['deal: Copper Rain / Mubi / Worldwide']);
  });

  it('control: a sales company selling T to a buyer is a sale', () => {
    expect(status(market('Wild Bunch sold ‘Copper Rain’ to Neon for North America.'))).toEqual([
      'deal: Copper Rain / Neon / North America',
    ]);
  });

  it("control: a studio's slate", () => {
    expect(mandatesOf(market('A24’s slate includes ‘Copper Rain’ and ‘Night Ferry’.'))).toEqual([]);
  });

  it('control: a producer making a film', () => {
    expect(mandatesOf(market('Kestrel Films is producing ‘Copper Rain’ with Lumen Pictures.'))).toEqual([]);
  });

  it('control: a distributor that negotiated with one company', () => {
    expect(mandatesOf('Neon Buys ‘Iron Lullaby’\n\nNeon negotiated the deal with Endeavor Content on behalf of the filmmakers.')).toEqual(
      [],
    );
  });

  it('control: a person who represents a film is no company', () => {
    expect(mandatesOf(market('Tom Reyes represents ‘Copper Rain’ at the market.'))).toEqual([]);
  });
});
