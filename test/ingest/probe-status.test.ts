/**
 * Issue 12, "trade press as it is really written": the status a sentence gives a film and a company. A sales
 * agent's mandate (`X handles world sales on T`), talks and rumours (`X is in talks to acquire T`), and a
 * closed deal must each be read as what they are: talks never become a closed deal. Sentences written for this
 * project (invented films and people, real sales companies and distributors), each after a one-line headline
 * naming the film, as an article opens.
 */
import { describe, expect, it } from 'vitest';
import { facts } from './fixtures.js';

/** The mandates, talks, rumours, denials and deals of a text, in the order told: `T / company` for a mandate. */
const status = (text: string): string[] =>
  facts(text).flatMap((f) => {
    const d = f.fields as unknown as Record<string, string | null>;
    if (f.type === 'mandate') return [`${d.title} / ${d.company}`];
    if (f.type === 'rumour') return [`${d.kind}: ${d.title} / ${d.party}`];
    if (f.type === 'deal') return [`deal: ${d.title} / ${d.buyer} / ${d.territories ?? '-'}`];
    return [];
  });

describe('sales mandates', () => {
  it('is handling world sales on', () => {
    expect(
      status('New Film ‘Copper Rain’\n\nWild Bunch is handling world sales on ‘Copper Rain’, the second feature of Lena Ostrova.'),
    ).toEqual(['Copper Rain / Wild Bunch']);
  });

  it('handles international sales for', () => {
    expect(status('New Film ‘The Salt Orchard’\n\nThe Match Factory handles international sales for ‘The Salt Orchard’.')).toEqual([
      'The Salt Orchard / The Match Factory',
    ]);
  });

  it('has boarded T', () => {
    expect(status('New Film ‘Winter Ledger’\n\nFilms Boutique has boarded ‘Winter Ledger’, the debut of Sara Kolb.')).toEqual([
      'Winter Ledger / Films Boutique',
    ]);
  });

  it('boards T for world sales', () => {
    expect(status('New Film ‘Winter Ledger’\n\nMemento boards ‘Winter Ledger’ for world sales.')).toEqual(['Winter Ledger / Memento']);
  });

  it('has come on board T', () => {
    expect(status('New Film ‘Paper Harbour’\n\nProtagonist Pictures has come on board ‘Paper Harbour’ ahead of Berlin.')).toEqual([
      'Paper Harbour / Protagonist Pictures',
    ]);
  });

  it('has come on board to handle sales', () => {
    expect(
      status('New Film ‘Paper Harbour’\n\nProtagonist Pictures has come on board to handle international sales on ‘Paper Harbour’.'),
    ).toEqual(['Paper Harbour / Protagonist Pictures']);
  });

  it('sales agent acquired international rights', () => {
    expect(status('New Film ‘The Glass Meadow’\n\nThe Match Factory has acquired international rights to ‘The Glass Meadow’.')).toEqual([
      'The Glass Meadow / The Match Factory',
    ]);
  });

  it('sales agent has taken world rights', () => {
    expect(status('New Film ‘The Glass Meadow’\n\nWild Bunch has taken world rights to ‘The Glass Meadow’.')).toEqual([
      'The Glass Meadow / Wild Bunch',
    ]);
  });

  it('sales agent acquired world sales rights', () => {
    expect(status('New Film ‘The Glass Meadow’\n\nFilms Boutique has acquired world sales rights to ‘The Glass Meadow’.')).toEqual([
      'The Glass Meadow / Films Boutique',
    ]);
  });

  it('launches sales at Cannes', () => {
    expect(status('New Film ‘Iron Lullaby’\n\nMemento launches sales on ‘Iron Lullaby’ at Cannes.')).toEqual(['Iron Lullaby / Memento']);
  });

  it('will launch sales at the EFM', () => {
    expect(status('New Film ‘Iron Lullaby’\n\nMemento will launch sales on ‘Iron Lullaby’ at the EFM.')).toEqual([
      'Iron Lullaby / Memento',
    ]);
  });

  it('will introduce T to buyers at AFM', () => {
    expect(status('New Film ‘Iron Lullaby’\n\nWild Bunch will introduce ‘Iron Lullaby’ to buyers at the AFM.')).toEqual([
      'Iron Lullaby / Wild Bunch',
    ]);
  });

  it('will present T to buyers', () => {
    expect(status('New Film ‘Iron Lullaby’\n\nThe Match Factory will present ‘Iron Lullaby’ to buyers in Berlin.')).toEqual([
      'Iron Lullaby / The Match Factory',
    ]);
  });

  it("X's Cannes slate includes T, T2 and T3", () => {
    expect(
      status('Cannes Market Slates\n\nWild Bunch’s Cannes slate includes ‘Copper Rain’, ‘Night Ferry’ and ‘The Last Orchard’.'),
    ).toEqual(['Copper Rain / Wild Bunch', 'Night Ferry / Wild Bunch', 'The Last Orchard / Wild Bunch']);
  });

  it('X line-up also includes', () => {
    expect(status('Cannes Market Slates\n\nThe Match Factory’s line-up also includes ‘Copper Rain’ and ‘Night Ferry’.')).toEqual([
      'Copper Rain / The Match Factory',
      'Night Ferry / The Match Factory',
    ]);
  });

  it('X reps T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nFilms Boutique reps ‘Blue Hour Motel’.')).toEqual(['Blue Hour Motel / Films Boutique']);
  });

  it('X reps world rights to T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nFilms Boutique reps world rights to ‘Blue Hour Motel’.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('X is repping T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nMemento is repping ‘Blue Hour Motel’ in Berlin.')).toEqual(['Blue Hour Motel / Memento']);
  });

  it('T is sold by X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\n‘Blue Hour Motel’ is sold by Films Boutique.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('T is being sold internationally by X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\n‘Blue Hour Motel’ is being sold internationally by The Match Factory.')).toEqual([
      'Blue Hour Motel / The Match Factory',
    ]);
  });

  it('credit (international sales)', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nThe film is produced by Kestrel Films, with Wild Bunch (international sales).')).toEqual([
      'Blue Hour Motel / Wild Bunch',
    ]);
  });

  it('sales: X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nDirector: Ana Ruiz. Producer: Kestrel Films. Sales: Films Boutique.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('International sales: X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nDirector: Ana Ruiz.\n\nInternational sales: The Match Factory')).toEqual([
      'Blue Hour Motel / The Match Factory',
    ]);
  });

  it('world sales are handled by X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nWorld sales are handled by Memento.')).toEqual(['Blue Hour Motel / Memento']);
  });

  it('world sales on T are handled by X', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nWorld sales on ‘Blue Hour Motel’ are handled by Memento.')).toEqual([
      'Blue Hour Motel / Memento',
    ]);
  });

  it('X holds world rights', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nWild Bunch holds world rights to ‘Blue Hour Motel’.')).toEqual([
      'Blue Hour Motel / Wild Bunch',
    ]);
  });

  it('X holds international rights (no title)', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nThe film premieres in Rotterdam. Films Boutique holds international rights.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('X has added T to its line-up', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nThe Match Factory has added ‘Blue Hour Motel’ to its line-up.')).toEqual([
      'Blue Hour Motel / The Match Factory',
    ]);
  });

  it('X has added T to its Berlin slate', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nMemento has added ‘Blue Hour Motel’ to its Berlin slate.')).toEqual([
      'Blue Hour Motel / Memento',
    ]);
  });

  it('X will sell T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nFilms Boutique will sell ‘Blue Hour Motel’ at the EFM.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('X will handle sales', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nFilms Boutique will handle international sales on ‘Blue Hour Motel’.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('X is selling T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nMemento is selling ‘Blue Hour Motel’ at the market.')).toEqual([
      'Blue Hour Motel / Memento',
    ]);
  });

  it('handling sales list with directors', () => {
    expect(
      status(
        'Berlin Sales\n\nThe Match Factory is handling international sales on Ana Ruiz’s ‘Copper Rain’, Tom Berg’s ‘Night Ferry’ and Lise Dahl’s ‘The Last Orchard’.',
      ),
    ).toEqual(['Copper Rain / The Match Factory', 'Night Ferry / The Match Factory', 'The Last Orchard / The Match Factory']);
  });

  it('list of titles with directors in parentheses', () => {
    expect(
      status(
        'Berlin Sales\n\nWild Bunch is handling ‘Copper Rain’ (Ana Ruiz), ‘Night Ferry’ (Tom Berg) and ‘The Last Orchard’ (Lise Dahl).',
      ),
    ).toEqual(['Copper Rain / Wild Bunch', 'Night Ferry / Wild Bunch', 'The Last Orchard / Wild Bunch']);
  });

  it('X is the sales agent on T', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nMemento is the sales agent on ‘Blue Hour Motel’.')).toEqual(['Blue Hour Motel / Memento']);
  });

  it('Paris-based X is handling sales', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nParis-based Films Boutique is handling world sales.')).toEqual([
      'Blue Hour Motel / Films Boutique',
    ]);
  });

  it('X handles international sales and Y US', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nWild Bunch handles international sales while Neon has North American rights.')).toEqual([
      'Blue Hour Motel / Wild Bunch',
      'deal: Blue Hour Motel / Neon / North America',
    ]);
  });

  it('X has picked up international sales rights', () => {
    expect(
      status('New Film ‘Blue Hour Motel’\n\nThe Match Factory has picked up international sales rights to ‘Blue Hour Motel’.'),
    ).toEqual(['Blue Hour Motel / The Match Factory']);
  });

  it('X secured worldwide sales rights', () => {
    expect(status('New Film ‘Blue Hour Motel’\n\nMemento has secured worldwide rights to ‘Blue Hour Motel’.')).toEqual([
      'Blue Hour Motel / Memento',
    ]);
  });

  it('sales are being handled by X (no title)', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Sales are being handled by Films Boutique.')).toEqual([
      'Quiet Engine / Films Boutique',
    ]);
  });

  it('X is also handling sales on the film', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Wild Bunch is also handling sales on the film.')).toEqual([
      'Quiet Engine / Wild Bunch',
    ]);
  });

  it('the film is being sold by X', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. The film is being sold by The Match Factory.')).toEqual([
      'Quiet Engine / The Match Factory',
    ]);
  });

  it('X, which is handling international sales, will', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nMemento International, which is handling international sales, will launch the film at the EFM.'),
    ).toEqual(['Quiet Engine / Memento International']);
  });

  it('sales company has picked up the film', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Paris-based sales company Wild Bunch has picked up the film.'),
    ).toEqual(['Quiet Engine / Wild Bunch']);
  });

  it('X handles world sales excluding France', () => {
    expect(status('New Film ‘Quiet Engine’\n\nWild Bunch handles world sales on ‘Quiet Engine’ excluding France.')).toEqual([
      'Quiet Engine / Wild Bunch',
    ]);
  });

  it('sales company has taken on T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nFilms Boutique has taken on ‘Quiet Engine’.')).toEqual(['Quiet Engine / Films Boutique']);
  });

  it('sales company snapped up world sales rights', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe Match Factory has snapped up world sales rights to ‘Quiet Engine’.')).toEqual([
      'Quiet Engine / The Match Factory',
    ]);
  });

  it('sales company nabbed international rights', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe Match Factory nabbed international rights to ‘Quiet Engine’ ahead of Cannes.')).toEqual([
      'Quiet Engine / The Match Factory',
    ]);
  });

  it('X is representing the film internationally', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Films Boutique is representing the film internationally.'),
    ).toEqual(['Quiet Engine / Films Boutique']);
  });

  it('X is selling the film internationally', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Films Boutique is selling the film internationally.'),
    ).toEqual(['Quiet Engine / Films Boutique']);
  });

  it('X, which handles the film in other territories', () => {
    expect(
      status(
        'New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Wild Bunch, which handles the film in other territories, will screen a promo at the AFM.',
      ),
    ).toEqual(['Quiet Engine / Wild Bunch']);
  });

  it("X is the film's international sales agent", () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. The Match Factory is the film’s international sales agent.'),
    ).toEqual(['Quiet Engine / The Match Factory']);
  });

  it('X serves as sales agent on T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nFilms Boutique serves as sales agent on ‘Quiet Engine’.')).toEqual([
      'Quiet Engine / Films Boutique',
    ]);
  });

  it('X is shopping the film at the AFM', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Memento International is shopping the film at the AFM.'),
    ).toEqual(['Quiet Engine / Memento International']);
  });

  it('X has launched sales on T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nWild Bunch has launched sales on ‘Quiet Engine’.')).toEqual(['Quiet Engine / Wild Bunch']);
  });

  it('X launched presales on T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nWild Bunch launched presales on ‘Quiet Engine’ in Berlin.')).toEqual([
      'Quiet Engine / Wild Bunch',
    ]);
  });

  it('X introduced T to buyers (past)', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe Match Factory introduced ‘Quiet Engine’ to buyers in Berlin.')).toEqual([
      'Quiet Engine / The Match Factory',
    ]);
  });

  it('X will screen T for buyers', () => {
    expect(status('New Film ‘Quiet Engine’\n\nFilms Boutique will screen ‘Quiet Engine’ for buyers at the market.')).toEqual([
      'Quiet Engine / Films Boutique',
    ]);
  });

  it('T, sold by X, premieres', () => {
    expect(status('New Film ‘Quiet Engine’\n\n‘Quiet Engine’, sold by Films Boutique, premieres in Rotterdam.')).toEqual([
      'Quiet Engine / Films Boutique',
    ]);
  });

  it('sales agent X, which acquired T', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nSales agent Films Boutique, which acquired ‘Quiet Engine’ last month, will show it in Berlin.'),
    ).toEqual(['Quiet Engine / Films Boutique']);
  });

  it('through sales handler X', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe drama has pre-sold to 20 territories through sales handler Films Boutique.')).toEqual([
      'Quiet Engine / Films Boutique',
    ]);
  });

  it('through its sales representative X', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nThe drama has pre-sold to 20 territories through its sales representative Films Boutique.'),
    ).toEqual(['Quiet Engine / Films Boutique']);
  });

  it('unquoted: X is handling world sales on T', () => {
    expect(status('Neon circles Berlin drama\n\nFilms Boutique is handling world sales on Copper Harbour.')).toEqual([
      'Copper Harbour / Films Boutique',
    ]);
  });

  it('unquoted: X has boarded T', () => {
    expect(status('Neon circles Berlin drama\n\nFilms Boutique has boarded Copper Harbour, the debut of Ana Ruiz.')).toEqual([
      'Copper Harbour / Films Boutique',
    ]);
  });

  it("unquoted: X will launch sales on director's T", () => {
    expect(status('Neon circles Berlin drama\n\nWild Bunch will launch sales on Ana Ruiz’s Copper Harbour at the EFM.')).toEqual([
      'Copper Harbour / Wild Bunch',
    ]);
  });

  it("unquoted: director's T is sold by X", () => {
    expect(status('Neon circles Berlin drama\n\nAna Ruiz’s Copper Harbour is sold by The Match Factory.')).toEqual([
      'Copper Harbour / The Match Factory',
    ]);
  });
});

describe('talks, rumours and denials: never a closed deal', () => {
  it('is in talks to acquire', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is in talks to acquire ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('is in final negotiations for', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is in final negotiations for ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('is in final negotiations to acquire NA rights', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is in final negotiations to acquire North American rights to ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('is circling', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is circling ‘Marble Tide’.')).toEqual(['rumour: Marble Tide / Mubi']);
  });

  it('is said to be close to a deal for', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is said to be close to a deal for ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('is nearing a deal for', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is nearing a deal for ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('is nearing a deal (no title)', () => {
    expect(status('New Film ‘Marble Tide’\n\nAfter the premiere, Mubi is nearing a deal.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('is in advanced talks with Y over T', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is in advanced talks with The Match Factory over ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('sources say X is eyeing', () => {
    expect(status('New Film ‘Marble Tide’\n\nSources say Mubi is eyeing ‘Marble Tide’.')).toEqual(['rumour: Marble Tide / Mubi']);
  });

  it('X is expected to take T for the U.S.', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is expected to take ‘Marble Tide’ for the U.S.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('a deal with X is imminent', () => {
    expect(status('New Film ‘Marble Tide’\n\nA deal with Neon is imminent.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('a deal with X is imminent, title', () => {
    expect(status('New Film ‘Marble Tide’\n\nA deal with Neon for ‘Marble Tide’ is said to be imminent.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('X and Y are vying for T', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon and Mubi are vying for ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Neon',
      'talks: Marble Tide / Mubi',
    ]);
  });

  it('X reportedly paid $N for T', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon reportedly paid $5 million for ‘Marble Tide’.')).toEqual(['rumour: Marble Tide / Neon']);
  });

  it('X is reported to have paid', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is reported to have paid $5 million for ‘Marble Tide’.')).toEqual([
      'rumour: Marble Tide / Neon',
    ]);
  });

  it('X denied it had bought T', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi denied it had bought ‘Marble Tide’.')).toEqual(['denial: Marble Tide / Mubi']);
  });

  it('X denied reports it had acquired', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi denied reports that it had acquired ‘Marble Tide’.')).toEqual([
      'denial: Marble Tide / Mubi',
    ]);
  });

  it('talks then confirmed', () => {
    expect(
      status(
        'New Film ‘Marble Tide’\n\nNeon was in talks to acquire ‘Marble Tide’ last week.\n\nNeon has now acquired North American rights to ‘Marble Tide’.',
      ),
    ).toEqual(['deal: Marble Tide / Neon / North America']);
  });

  it('is in negotiations (no title)', () => {
    expect(status('New Film ‘Marble Tide’\n\nThe film screens in Sundance. Neon is in negotiations to pick up the film.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('is understood to be in talks', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is understood to be in talks for ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('is poised to acquire', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is poised to acquire ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('is closing a deal for', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is closing a deal for ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('X is in talks for US rights', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is in talks for U.S. rights to ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('in talks headline', () => {
    expect(status('Neon In Talks For ‘Marble Tide’\n\nThe film screened in Sundance on Friday.')).toEqual(['talks: Marble Tide / Neon']);
  });

  it('X is eyeing (plain)', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is eyeing ‘Marble Tide’ for the U.K.')).toEqual(['rumour: Marble Tide / Mubi']);
  });

  it('X is in the running', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon is in the running for ‘Marble Tide’.')).toEqual(['rumour: Marble Tide / Neon']);
  });

  it('X has been in talks with sales', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon has been in talks with Wild Bunch about ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Neon',
    ]);
  });

  it('several buyers circling', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon, Mubi and A24 are circling ‘Marble Tide’.')).toEqual([
      'rumour: Marble Tide / Neon',
      'rumour: Marble Tide / Mubi',
      'rumour: Marble Tide / A24',
    ]);
  });

  it('is finalising a deal', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is finalising a deal for U.K. rights to ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Mubi',
    ]);
  });

  it('a reported deal later said not done', () => {
    expect(
      status(
        'New Film ‘Iron Valley’\n\nOn Monday a radio host said that the documentary ‘Iron Valley’ had been acquired by Neon. Its producer, Tom Reyes, later said no deal had yet been reached for the film.',
      ),
    ).toEqual(['rumour: Iron Valley / Neon']);
  });

  it('has not yet been sold', () => {
    expect(
      status(
        'New Film ‘Iron Valley’\n\n‘Iron Valley’ has been picked up by Mubi, a blog reported. The film has not yet been sold, its producer said.',
      ),
    ).toEqual(['rumour: Iron Valley / Mubi']);
  });

  it('talks headline with final negotiations is no deal', () => {
    expect(status('Neon In Final Negotiations To Acquire ‘Marble Tide’\n\nThe film screened in Sundance on Friday.')).toEqual([]);
  });

  it('headline nears deal is talks', () => {
    expect(status('Mubi Nears Deal For ‘Marble Tide’\n\nThe film screened in Sundance on Friday.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('nears a deal in the body', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi nears a deal for ‘Marble Tide’.')).toEqual(['talks: Marble Tide / Mubi']);
  });

  it('X is in negotiations for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon is in negotiations for ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Neon']);
  });

  it('X is negotiating for U.S. rights to T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon is negotiating for U.S. rights to ‘Quiet Engine’.')).toEqual([
      'talks: Quiet Engine / Neon',
    ]);
  });

  it('X is in early talks for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nMubi is in early talks for ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Mubi']);
  });

  it('X was in talks for T, sources said', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon was in talks for ‘Quiet Engine’, sources said.')).toEqual([
      'talks: Quiet Engine / Neon',
    ]);
  });

  it('X has emerged as the frontrunner for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon has emerged as the frontrunner for ‘Quiet Engine’.')).toEqual([
      'talks: Quiet Engine / Neon',
    ]);
  });

  it('X is believed to have made an offer for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nMubi is believed to have made an offer for ‘Quiet Engine’.')).toEqual([
      'rumour: Quiet Engine / Mubi',
    ]);
  });

  it('talks are under way with X for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nTalks are under way with Neon for ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Neon']);
  });

  it('X and Y are said to be bidding for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon and Mubi are said to be bidding for ‘Quiet Engine’.')).toEqual([
      'rumour: Quiet Engine / Neon',
      'rumour: Quiet Engine / Mubi',
    ]);
  });

  it('X is set to acquire T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon is set to acquire ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Neon']);
  });

  it('X is expected to close a deal for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon is expected to close a deal for ‘Quiet Engine’ this week.')).toEqual([
      'talks: Quiet Engine / Neon',
    ]);
  });

  it('sources say X has acquired T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nSources say Neon has acquired ‘Quiet Engine’.')).toEqual(['rumour: Quiet Engine / Neon']);
  });

  it('X has not acquired T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon has not acquired ‘Quiet Engine’, a spokesperson said.')).toEqual([
      'denial: Quiet Engine / Neon',
    ]);
  });

  it('X has yet to close a deal for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon has yet to close a deal for ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Neon']);
  });

  it('X is close to acquiring T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nMubi is close to acquiring ‘Quiet Engine’.')).toEqual(['talks: Quiet Engine / Mubi']);
  });

  it('X is in talks with sales agent over NA rights', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon is in talks with Films Boutique over North American rights to ‘Quiet Engine’.')).toEqual(
      ['talks: Quiet Engine / Neon'],
    );
  });

  it('the talks with X over T are ongoing', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe talks with Mubi over ‘Quiet Engine’ are said to be close.')).toEqual([
      'talks: Quiet Engine / Mubi',
    ]);
  });

  it('unquoted: X is in talks for T', () => {
    expect(
      status('Neon circles Berlin drama\n\nNeon is in talks for Ana Ruiz’s drama Copper Harbour, which premieres in Panorama.'),
    ).toEqual(['talks: Copper Harbour / Neon']);
  });

  it('unquoted: X is in advanced negotiations for T', () => {
    expect(status('Neon circles Berlin drama\n\nNeon is in advanced negotiations for North American rights to Copper Harbour.')).toEqual([
      'talks: Copper Harbour / Neon',
    ]);
  });

  it('unquoted: X is closing a deal for T', () => {
    expect(status('Neon circles Berlin drama\n\nNeon is closing a deal for Copper Harbour.')).toEqual(['talks: Copper Harbour / Neon']);
  });

  it('unquoted: X is said to be close to a deal for T', () => {
    expect(status('Neon circles Berlin drama\n\nNeon is said to be close to a deal for Copper Harbour.')).toEqual([
      'talks: Copper Harbour / Neon',
    ]);
  });
});

describe('controls: deals stay deals, a screening or a sale is no mandate', () => {
  it('control: distributor acquires NA rights', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon has acquired North American rights to ‘Marble Tide’.')).toEqual([
      'deal: Marble Tide / Neon / North America',
    ]);
  });

  it('control: distributor holds NA rights', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon holds North American rights to ‘Marble Tide’.')).toEqual([
      'deal: Marble Tide / Neon / North America',
    ]);
  });

  it('control: streamer holds worldwide rights is no mandate', () => {
    expect(status('New Film ‘Marble Tide’\n\nNetflix holds worldwide rights to ‘Marble Tide’.')).toEqual([
      'deal: Marble Tide / Netflix / Worldwide',
    ]);
  });

  it('control: present T to audiences is no mandate', () => {
    expect(status('New Film ‘Marble Tide’\n\nNeon will present ‘Marble Tide’ to audiences in New York.')).toEqual([]);
  });

  it('control: sales agent sells T to a buyer', () => {
    expect(status('New Film ‘Marble Tide’\n\nWild Bunch will sell ‘Marble Tide’ to Neon.')).toEqual([]);
  });

  it('control: talks with a sales company then closed, headline', () => {
    expect(status('New Film ‘Marble Tide’\n\nMubi is in talks with Films Boutique for ‘Marble Tide’.')).toEqual([
      'talks: Marble Tide / Mubi',
    ]);
  });

  it('control: no deal yet for one territory leaves others', () => {
    expect(
      status(
        'New Film ‘Iron Valley’\n\nNeon has acquired North American rights to ‘Iron Valley’. No deal has yet been reached for the U.K.',
      ),
    ).toEqual(['deal: Iron Valley / Neon / North America']);
  });

  it('control: headline deal still read', () => {
    expect(status('Neon Nabs ‘Marble Tide’\n\nThe film screened in Sundance on Friday.')).toEqual(['deal: Marble Tide / Neon / -']);
  });

  it('control: X closed a deal for T', () => {
    expect(status('New Film ‘Quiet Engine’\n\nNeon closed a deal for ‘Quiet Engine’ on Friday.')).toEqual([
      'deal: Quiet Engine / Neon / -',
    ]);
  });

  it('control: X has acquired T after Y was in talks', () => {
    expect(
      status('New Film ‘Quiet Engine’\n\nMubi was in talks for ‘Quiet Engine’. Neon has since acquired North American rights to the film.'),
    ).toEqual(['talks: Quiet Engine / Mubi', 'deal: Quiet Engine / Neon / North America']);
  });

  it('control: X is handling the film in the U.S. is no mandate', () => {
    expect(status('New Film ‘Quiet Engine’\n\nThe drama premieres in Rotterdam. Neon is handling the film in the U.S.')).toEqual([
      'deal: Quiet Engine / Neon / U.S.',
    ]);
  });

  it('control: T, sold by X to Y, is a sale', () => {
    // no rule reads this shape; the pair model (round 9) does, as a sale and not a mandate
    expect(status('New Film ‘Quiet Engine’\n\n‘Quiet Engine’, sold by Films Boutique to Neon, premieres in Rotterdam.')).toEqual([
      'deal: Quiet Engine / Neon / -',
    ]);
  });

  it('control: a person is circled, not a film', () => {
    expect(status('Neon circles Berlin drama\n\nNeon is circling Tom Hardwick for the lead.')).toEqual([]);
  });

  it('control: a sales company represents a director, not a film', () => {
    expect(status('Neon circles Berlin drama\n\nFilms Boutique is representing Ana Ruiz at the market.')).toEqual([]);
  });
});
