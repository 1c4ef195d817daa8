/**
 * Issue 12, round 8: precision on unseen articles. Trap sentences written for this project (invented films and
 * people; real and invented companies) in the register of Variety, Deadline, THR, Screen, Cineuropa and IndieWire:
 * each names a film and a company with a sale's words, or a title and a company, and tells no closed deal of the
 * film's rights, or tells one with a buyer or a title that is easy to get wrong. Each asserts the exact deals as
 * `title / buyer / territories`.
 */
import { describe, expect, it } from 'vitest';
import { deals } from './fixtures.js';

describe('trap sentences: no closed deal, or the right buyer and title', () => {
  it("a company's earlier releases named as its credentials are deals in passing, told once", () => {
    expect(deals('The distributor, whose slate includes ‘Copper Sky’ and ‘The Lantern Keeper’, opened an office in Berlin.')).toEqual([]);
  });

  it('producers, co-producers and financiers are not buyers', () => {
    expect(deals('‘The Salt Road’ is produced by Komplizen Film and co-produced by Arte France Cinema.')).toEqual([]);
    expect(deals('The Salt Road is produced by Komplizen Film in co-production with ZDF.')).toEqual([]);
    expect(deals('Film4 and the BFI financed ‘Copper Rain’, which shoots in Wales this spring.')).toEqual([]);
    expect(deals('Protagonist co-produces ‘Copper Rain’ with Element Pictures.')).toEqual([]);
    expect(deals('Element Pictures produced ‘Harbour Lights’ with backing from Screen Ireland.')).toEqual([]);
    expect(deals('‘Harbour Lights’ was developed with the support of the Sundance Institute.')).toEqual([]);
    expect(deals('The film is a co-production between Rosa Filmes of Portugal and Les Films du Worso of France.')).toEqual([]);
    expect(deals('Blue Heron Films boarded ‘The Glass Meadow’ as co-producer.')).toEqual([]);
    expect(deals('Anonymous Content has come aboard ‘The Glass Meadow’ as a producer.')).toEqual([]);
    expect(deals('The film was shot in Morocco and produced by Ana Ruiz for Mandarin Cinema.')).toEqual([]);
    expect(deals('Executive producers include Tom Reyes of Film4 and Sara Kolb of the BFI.')).toEqual([]);
  });

  it('festival selections, premieres and awards tell no deal', () => {
    expect(deals('‘The Salt Road’, which won the Golden Bear last year, will open in Germany on May 4.')).toEqual([]);
    expect(deals('The Salt Road, winner of the Golden Lion, screens in the Horizons section.')).toEqual([]);
    expect(deals('‘Copper Rain’ world premieres in Directors’ Fortnight on May 18.')).toEqual([]);
    expect(deals('The Berlinale has selected ‘Winter Ledger’ for its Competition.')).toEqual([]);
    expect(deals('Sundance picked ‘Winter Ledger’ as its opening night film.')).toEqual([]);
    expect(deals('Cannes has added ‘The Glass Meadow’ to its Official Selection.')).toEqual([]);
    expect(deals('The jury, headed by Ana Ruiz, awarded ‘The Glass Meadow’ the Grand Prix.')).toEqual([]);
    expect(deals('Toronto has landed the world premiere of ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Venice nabbed ‘Paper Harbour’ for its Out of Competition slot.')).toEqual([]);
    expect(deals('Locarno has taken ‘Paper Harbour’ for the Piazza Grande.')).toEqual([]);
  });

  it('a box-office figure for a distributor tells no deal', () => {
    expect(deals('‘The Salt Road’ grossed $3 million for Focus Features over the weekend.')).toEqual([]);
    expect(deals('In France, ‘Copper Rain’ took €1.2m in its first week for Le Pacte.')).toEqual([]);
    expect(deals('Curzon’s ‘Harbour Lights’ opened to £400,000 at the U.K. box office.')).toEqual([]);
    expect(deals('Harbour Lights has earned $12 million in North America for A24.')).toEqual([]);
  });

  it('a staff move names a deal only for the company the executive bought for', () => {
    expect(deals('Tom Reyes, who oversaw the acquisition of ‘Copper Rain’ at IFC Films, has joined Magnolia Pictures.')).toEqual([]);
    expect(deals('Sara Kolb, formerly of Focus Features, where she acquired ‘Harbour Lights’, joins A24.')).toEqual([]);
    expect(deals('Mubi has hired Jane Doe, who bought ‘Winter Ledger’ for Curzon, as head of acquisitions.')).toEqual([]);
  });

  it("a person's possessive is never a buyer", () => {
    expect(deals('Ana Ruiz’s ‘The Salt Road’ opens in Spain on June 2.')).toEqual([]);
    expect(deals('Lena Ostrova’s Copper Rain has been selected for Cannes.')).toEqual([]);
    expect(deals('Tom Reyes’ ‘Winter Ledger’ will close the Berlinale.')).toEqual([]);
    expect(deals('Mubi acquired Ana Ruiz’s ‘The Salt Road’ for the U.K.')).toEqual(['The Salt Road / Mubi / U.K.']);
  });

  it('rights to a remake, sequel, book, play, song, format or life story are no film-rights deal', () => {
    expect(deals('Netflix has acquired the remake rights to ‘The Salt Road’.')).toEqual([]);
    expect(deals('Lionsgate acquired the English-language remake rights to Copper Rain.')).toEqual([]);
    expect(deals('Amazon has acquired the film rights to Lena Ostrova’s novel ‘The Glass Meadow’.')).toEqual([]);
    expect(deals('StudioCanal has picked up the rights to the bestselling book ‘Paper Harbour’.')).toEqual([]);
    expect(deals('A24 has acquired the life rights of Ana Ruiz for a biopic.')).toEqual([]);
    expect(deals('Universal has optioned the novel ‘Winter Ledger’.')).toEqual([]);
    expect(deals('Milan Records acquired the soundtrack rights to ‘The Salt Road’.')).toEqual([]);
    expect(deals('Banijay has acquired the format rights to ‘Copper Rain’.')).toEqual([]);
    expect(deals('Sony has acquired the rights to the song ‘Harbour Lights’ for the film.')).toEqual([]);
    expect(deals('Focus Features has bought the rights to the play ‘Winter Ledger’.')).toEqual([]);
    expect(deals('StudioCanal has acquired the book rights to ‘The Salt Road’.')).toEqual([]);
    expect(deals('Netflix has acquired the rights to Lena Ostrova’s memoir ‘Copper Sky’.')).toEqual([]);
    expect(deals('Working Title has optioned the rights to ‘Copper Sky’, a novel by Lena Ostrova.')).toEqual([]);
    expect(deals('Neon has acquired the sequel rights to ‘Copper Sky’.')).toEqual([]);
    expect(deals('Universal has acquired the stage rights to ‘Copper Sky’.')).toEqual([]);
    expect(deals('Ubisoft has acquired the video game rights to ‘Copper Sky’.')).toEqual([]);
  });

  it('talks, passes, lost bids and deals that fell through give no closed deal to the losers', () => {
    expect(deals('Neon is in talks to acquire ‘The Salt Road’.')).toEqual([]);
    expect(deals('Mubi is in advanced talks for North American rights to Copper Rain.')).toEqual([]);
    expect(deals('A24 passed on ‘Harbour Lights’ early in the festival.')).toEqual([]);
    expect(deals('Several buyers passed on ‘Harbour Lights’, including Neon and A24.')).toEqual([]);
    expect(deals('The deal with Netflix for ‘The Glass Meadow’ fell through.')).toEqual([]);
    expect(deals('A deal for ‘The Glass Meadow’ with Magnolia collapsed last week.')).toEqual([]);
    expect(deals('Magnolia was rumoured to have bought ‘Paper Harbour’, but no deal was done.')).toEqual([]);
    expect(deals('Netflix and Amazon are circling ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Bidding for ‘Paper Harbour’ was led by Neon and Mubi.')).toEqual([]);
    expect(deals('Neon made an offer for ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Neon bid $5 million for ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Neon is said to be in the lead for ‘Paper Harbour’.')).toEqual([]);
  });

  it('an earlier distributor named in passing', () => {
    expect(deals('Kino Lorber previously distributed ‘The Salt Road’ in the U.S.')).toEqual(['The Salt Road / Kino Lorber / U.S.']);
    expect(deals('Bac Films, the film’s original distributor, has reissued ‘Copper Rain’.')).toEqual([]);
  });

  it("a sales company's world rights and its mandate are not closed deals; its sale to a distributor is", () => {
    expect(deals('Wild Bunch holds world rights to ‘The Salt Road’.')).toEqual([]);
    expect(deals('The Match Factory will handle sales on ‘Copper Rain’.')).toEqual([]);
    expect(deals('Films Boutique is selling Copper Rain worldwide.')).toEqual([]);
    expect(deals('Memento has acquired world rights to ‘Winter Ledger’ and will launch sales in Cannes.')).toEqual([]);
    expect(deals('HanWay Films is handling international sales, while CAA represents U.S. rights.')).toEqual([]);
    expect(deals('Wild Bunch will introduce ‘The Glass Meadow’ to buyers at the EFM.')).toEqual([]);
  });

  it('negations, conditions, plans and questions tell no closed deal', () => {
    expect(deals('Netflix did not acquire ‘The Salt Road’.')).toEqual([]);
    expect(deals('Neon has not acquired ‘Copper Rain’, despite reports.')).toEqual([]);
    expect(deals('Will Netflix acquire ‘Copper Rain’?')).toEqual([]);
    expect(deals('Who will acquire ‘Copper Rain’?')).toEqual([]);
    expect(deals('Mubi plans to acquire ‘Winter Ledger’ at the market.')).toEqual([]);
    expect(deals('Neon hopes to acquire ‘Winter Ledger’.')).toEqual([]);
    expect(deals('Netflix is expected to acquire ‘Winter Ledger’.')).toEqual([]);
    expect(deals('Netflix wants to acquire ‘Winter Ledger’.')).toEqual([]);
    expect(deals('Mubi is looking to acquire ‘Winter Ledger’.')).toEqual([]);
    expect(deals('Netflix could acquire ‘Winter Ledger’ before the festival ends.')).toEqual([]);
    expect(deals('Neither Netflix nor Amazon acquired ‘Winter Ledger’.')).toEqual([]);
    expect(deals('No distributor has acquired ‘Paper Harbour’ yet.')).toEqual([]);
    expect(deals('‘Paper Harbour’ has yet to find a U.S. distributor.')).toEqual([]);
    expect(deals('‘Paper Harbour’ is still looking for a distributor.')).toEqual([]);
    expect(deals('Paper Harbour remains available for the U.S.')).toEqual([]);
    expect(deals('Mubi denied it had acquired ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Sources say Neon never bought ‘Paper Harbour’.')).toEqual([]);
    expect(deals('If Neon acquires ‘Paper Harbour’, it will be its third Cannes buy.')).toEqual([]);
    expect(deals('Neon declined to acquire ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Unless Neon acquires ‘Paper Harbour’, the film will go to Mubi.')).toEqual([]);
    expect(deals('Had Neon acquired ‘Paper Harbour’, it would have opened in May.')).toEqual([]);
    expect(deals('Neither Neon nor Mubi has acquired ‘Paper Harbour’.')).toEqual([]);
    expect(deals('Mubi, rather than Neon, acquired ‘Paper Harbour’.')).toEqual(['Paper Harbour / Mubi / -']);
  });

  it('TV commissions, orders and renewals are no rights deals', () => {
    expect(deals('Netflix has commissioned a second season of ‘The Salt Road’.')).toEqual([]);
    expect(deals('BBC Two has ordered ‘Copper Rain’, a six-part drama from Element Pictures.')).toEqual([]);
    expect(deals('HBO has renewed ‘Copper Rain’ for a third season.')).toEqual([]);
    expect(deals('Channel 4 has greenlit ‘Winter Ledger’, a four-part thriller.')).toEqual([]);
    expect(deals('Sky commissioned Winter Ledger from Left Bank Pictures.')).toEqual([]);
  });

  it('a cinema chain that books or screens a film buys nothing', () => {
    expect(deals('Odeon has booked ‘The Salt Road’ into 300 screens.')).toEqual([]);
    expect(deals('AMC will play ‘The Salt Road’ in 200 theaters.')).toEqual([]);
    expect(deals('Curzon cinemas will screen ‘Copper Rain’ in London.')).toEqual([]);
  });

  it("a distributor's possessive with a release date is not a deal", () => {
    expect(deals('A24’s ‘The Salt Road’ opens on May 3.')).toEqual([]);
    expect(deals('Neon’s Copper Rain hits theaters on Friday.')).toEqual([]);
    expect(deals('Focus Features’ ‘Winter Ledger’ will be released on Nov. 10.')).toEqual([]);
    expect(deals('Mubi’s ‘Harbour Lights’ arrives on the streamer in June.')).toEqual([]);
    expect(deals('Netflix’s upcoming ‘Paper Harbour’ stars Tom Reyes.')).toEqual([]);
  });

  it('Title Case headlines that tell no deal', () => {
    expect(deals("Neon's 'The Salt Road' Sets Fall Release\n\nThe drama will open on Oct. 4.")).toEqual([]);
    expect(deals("'Copper Rain' Director Lena Ostrova Joins Mubi Jury\n\nOstrova will sit on the jury.")).toEqual([]);
    expect(deals("Netflix Sets Premiere Date for 'Winter Ledger'\n\nThe film will debut on Dec. 1.")).toEqual([]);
    expect(deals("A24 Unveils Trailer for 'Harbour Lights'\n\nThe trailer runs two minutes.")).toEqual([]);
    expect(deals("Mubi Boss Talks 'The Glass Meadow' Success\n\nThe company had its best year.")).toEqual([]);
    expect(deals("Cannes Adds 'Paper Harbour' to Lineup\n\nThe festival runs May 14-25.")).toEqual([]);
    expect(deals("Wild Bunch Boards 'Paper Harbour'\n\nThe company will launch sales in Berlin.")).toEqual([]);
    expect(deals("Neon Passes on 'Paper Harbour'\n\nThe distributor declined.")).toEqual([]);
    expect(deals('Sony Pictures Classics Exec Joins Neon\n\nShe acquired ‘The Salt Road’ at Sundance.')).toEqual([]);
  });

  it('the buyer among several companies: the seller, the broker and the parent are not', () => {
    expect(deals('Mubi acquired ‘The Salt Road’ from Wild Bunch.')).toEqual(['The Salt Road / Mubi / -']);
    expect(deals('Wild Bunch sold ‘The Salt Road’ to Mubi.')).toEqual(['The Salt Road / Mubi / -']);
    expect(deals('‘The Salt Road’, sold by Wild Bunch, went to Mubi.')).toEqual(['The Salt Road / Mubi / -']);
    expect(deals('Curzon has acquired U.K. rights to Copper Rain from The Match Factory.')).toEqual(['Copper Rain / Curzon / U.K.']);
    expect(deals('The Match Factory has sold Copper Rain to Curzon for the U.K.')).toEqual(['Copper Rain / Curzon / U.K.']);
    expect(deals('In a deal brokered by CAA, Neon has acquired ‘Winter Ledger’.')).toEqual(['Winter Ledger / Neon / -']);
    expect(deals('Neon acquired ‘Winter Ledger’ in a deal negotiated with CAA and Cinetic.')).toEqual(['Winter Ledger / Neon / -']);
    expect(deals('The deal was negotiated by Jane Doe for Neon with Wild Bunch.')).toEqual([]);
    expect(deals('Magnolia Pictures, a subsidiary of 2929 Entertainment, acquired ‘Harbour Lights’.')).toEqual([
      'Harbour Lights / Magnolia Pictures / -',
    ]);
    expect(deals('After Neon acquired ‘Copper Sky’ last year, Mubi has now bought ‘Harbour Lights’.')).toEqual([
      'Copper Sky / Neon / -',
      'Harbour Lights / Mubi / -',
    ]);
    expect(deals('Mubi, which bought ‘Copper Sky’ from Films Boutique, has now acquired ‘Harbour Lights’ from Memento.')).toEqual([
      'Copper Sky / Mubi / -',
      'Harbour Lights / Mubi / -',
    ]);
    expect(deals('Wild Bunch has closed deals on ‘The Glass Meadow’ with Cineart for Benelux and Filmwelt for Germany.')).toEqual([
      'The Glass Meadow / Cineart / Benelux',
      'The Glass Meadow / Filmwelt / Germany',
    ]);
    expect(deals('Kinofilm, which bought ‘The Glass Meadow’ in Cannes, will release it in Germany.')).toEqual([
      'The Glass Meadow / Kinofilm / -',
    ]);
    expect(deals('Kino Lorber has acquired the film, a co-production of Rosa Filmes and Arte France Cinema, for North America.\n')).toEqual(
      [],
    );
    expect(deals('Producers Rosa Filmes sold ‘Paper Harbour’ to Netflix.')).toEqual(['Paper Harbour / Netflix / -']);
    expect(deals('Netflix acquired ‘Paper Harbour’ from producers Element Pictures and Film4.')).toEqual(['Paper Harbour / Netflix / -']);
    expect(deals('Netflix acquired ‘Paper Harbour’, produced by Element Pictures, for worldwide.')).toEqual([
      'Paper Harbour / Netflix / -',
    ]);
    expect(deals('Vertigo Releasing acquired ‘Paper Harbour’, which Altitude had passed on.')).toEqual([
      'Paper Harbour / Vertigo Releasing / -',
    ]);
  });

  it('unquoted titles beside producers, partners and earlier releases', () => {
    expect(deals('The Glass Meadow is a co-production between Le Pacte and Komplizen Film.')).toEqual([]);
    expect(deals('Directed by Ana Ruiz, The Salt Road is produced by Rosa Filmes and sold by Wild Bunch.')).toEqual([]);
    expect(deals('The Salt Road won the Golden Leopard at Locarno last year.')).toEqual([]);
    expect(deals('The Salt Road, which Wild Bunch sells, premiered in Venice.')).toEqual([]);
    expect(deals('Lucky Red is the Italian co-producer of Winter Ledger.')).toEqual([]);
    expect(deals('Winter Ledger was co-financed by Canal+ and Cine+.')).toEqual([]);
    expect(deals('Frenetic Films is a partner on Winter Ledger.')).toEqual([]);
    expect(deals('Paper Harbour marks the third collaboration between Ana Ruiz and Mubi.')).toEqual([]);
    expect(deals('The Salt Road stars Tom Reyes and Sara Kolb.')).toEqual([]);
    expect(deals('Gaumont’s The Salt Road topped the French box office with 300,000 admissions.')).toEqual([]);
    expect(deals('The Glass Meadow will be handled internationally by Pathé.')).toEqual([]);
    expect(deals('StudioCanal will distribute The Glass Meadow in the UK, France and Germany.')).toEqual([
      'The Glass Meadow / StudioCanal / UK, France and Germany',
    ]);
    expect(deals('The company also acquired Copper Sky, a documentary by Lena Ostrova.')).toEqual([]);
    expect(deals('BIM Distribuzione has picked up Italian rights to Copper Sky, which Films Boutique is selling.')).toEqual([
      'Copper Sky / BIM Distribuzione / Italy',
    ]);
    expect(deals('Golem, which bought Copper Sky for Spain last year, returns to the market.')).toEqual(['Copper Sky / Golem / Spain']);
    expect(deals('Since Netflix bought Copper Sky, the director has made two more films.')).toEqual(['Copper Sky / Netflix / -']);
    expect(deals('Netflix, which acquired Copper Sky in 2019, is not involved in The Glass Meadow.')).toEqual(['Copper Sky / Netflix / -']);
    expect(deals('Buyers including Curzon, Cineart and Filmwelt attended the screening of The Glass Meadow.')).toEqual([]);
    expect(deals('Mubi screened The Glass Meadow for buyers on Monday.')).toEqual([]);
    expect(deals('The Glass Meadow has sold out at Berlin, the sales agent said.')).toEqual([]);
    expect(deals('Mubi Germany co-hosted a party for The Glass Meadow.')).toEqual([]);
    expect(deals('Madman’s managing director Tom Reyes praised The Glass Meadow.')).toEqual([]);
    expect(deals('Netflix pulled The Glass Meadow from its slate.')).toEqual([]);
    expect(deals('Netflix dropped The Glass Meadow after test screenings.')).toEqual([]);
    expect(deals('Netflix sold The Glass Meadow back to its producers.')).toEqual([]);
    expect(deals('The Glass Meadow will be available on Netflix from May.')).toEqual([]);
  });

  it('the film a sentence without a title of its own is about', () => {
    expect(
      deals(
        "Mubi Buys 'The Salt Road'\n\nMubi has acquired U.K. rights to the film. Ruiz’s debut Copper Sky won the Golden Bear. It was distributed in Germany by Alamode.",
      ),
    ).toEqual(['The Salt Road / Mubi / U.K.', 'Copper Sky / Alamode / Germany']);
    expect(
      deals(
        "Mubi Buys 'The Salt Road'\n\nMubi has acquired U.K. rights to the film, which Wild Bunch sells. Wild Bunch is also selling Copper Sky, Lena Ostrova’s new film. Mubi also has Germany.",
      ),
    ).toEqual(['The Salt Road / Mubi / U.K. and Germany']);
    expect(
      deals(
        'Wild Bunch Unveils Cannes Slate\n\nThe line-up includes The Salt Road, which premiered in Venice, and Copper Sky. Kinofilm has bought Germany.',
      ),
    ).toEqual([]);
    expect(
      deals(
        '‘The Salt Road’ Wins Golden Bear\n\nAna Ruiz’s drama won the top prize on Saturday. Neon, which acquired Ruiz’s Copper Sky in 2021, is said to be circling the film.',
      ),
    ).toEqual(['Copper Sky / Neon / -']);
    expect(
      deals(
        '‘The Salt Road’ Wins Golden Bear\n\nAna Ruiz’s drama won the top prize on Saturday. The film is produced by Rosa Filmes and sold by Wild Bunch, which has already closed deals for France and Spain.',
      ),
    ).toEqual([]);
    expect(
      deals('‘The Salt Road’ Wins Golden Bear\n\nThe film won on Saturday. Last year’s winner, Copper Sky, was bought by Neon.'),
    ).toEqual(['Copper Sky / Neon / -']);
    expect(
      deals(
        'The Salt Road opened the festival. The Match Factory, which sells the film, has also closed deals on Copper Sky with Curzon for the U.K.',
      ),
    ).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals("Neon Buys 'The Salt Road'\n\nNeon has bought the film. Sources say Mubi also bid on the film, as did A24.")).toEqual([
      'The Salt Road / Neon / -',
    ]);
    expect(
      deals(
        "Neon Buys 'The Salt Road'\n\nNeon has bought the film. The director is represented by CAA, which brokered the deal with Cinetic.",
      ),
    ).toEqual(['The Salt Road / Neon / -']);
  });

  it("sales lists beside a producer's country or a festival's section in parentheses", () => {
    expect(
      deals(
        'Wild Bunch has sold The Salt Road to Germany (Kinofilm), Benelux (Cineart) and Spain (Golem). The film is produced by Rosa Filmes (Portugal) and Les Films du Worso (France).',
      ),
    ).toEqual(['The Salt Road / Kinofilm / Germany', 'The Salt Road / Cineart / Benelux', 'The Salt Road / Golem / Spain']);
    expect(
      deals(
        'Memento has closed deals on Copper Sky for Germany (Alamode) and Italy (Lucky Red). The film premiered at Berlin (Panorama) and Toronto (Platform).',
      ),
    ).toEqual(['Copper Sky / Alamode / Germany', 'Copper Sky / Lucky Red / Italy']);
    expect(
      deals(
        'Memento has closed deals on Copper Sky for Germany (Alamode). Its director’s earlier films include Winter Ledger (2018) and Paper Harbour (Mubi, 2020).',
      ),
    ).toEqual(['Copper Sky / Alamode / Germany']);
    expect(
      deals(
        'The Match Factory has sold Copper Sky to Curzon (U.K.) and Filmwelt (Germany). The company’s Berlin slate also includes Winter Ledger (Competition) and Paper Harbour (Panorama).',
      ),
    ).toEqual(['Copper Sky / Curzon / U.K.', 'Copper Sky / Filmwelt / Germany']);
    expect(
      deals(
        'TrustNordisk has sold Copper Sky to SF Studios (Scandinavia). Winter Ledger, produced by Zentropa (Denmark), is also on the slate.',
      ),
    ).toEqual(['Copper Sky / SF Studios / Scandinavia']);
    expect(deals('Films Boutique’s line-up: The Salt Road (Ana Ruiz), Copper Sky (Lena Ostrova) and Winter Ledger (Tom Reyes).')).toEqual(
      [],
    );
    expect(deals('Other titles include Copper Sky, whose producers, Komplizen Film, also made Winter Ledger.')).toEqual([]);
  });

  it('broadcasters that co-produce, commission or license a documentary', () => {
    expect(deals('ZDF/Arte and SVT co-produced the documentary ‘The Salt Road’, which premiered at IDFA.')).toEqual([]);
    expect(deals('The Salt Road, a co-production of YLE Finland and NRK Norway, will air in the spring.')).toEqual([]);
    expect(deals('ARTE France and RTS are on board as broadcasters for ‘Copper Sky’.')).toEqual([]);
  });

  it('box-office reports naming distributors', () => {
    expect(deals('In second place, Bac Films’ Copper Sky added 80,000 admissions.')).toEqual([]);
    expect(deals('Neon’s Copper Sky crossed $10 million, a record for the distributor’s Palme d’Or winners.')).toEqual([]);
    expect(deals('Copper Sky grossed $4.2m for Diaphana, while The Salt Road took $1.1m for Haut et Court.')).toEqual([]);
    expect(deals('Sony Pictures Classics opened Copper Sky in four theaters.')).toEqual([]);
  });

  it("where an unquoted title and a buyer's name end", () => {
    expect(deals('Neon acquired Ana Ruiz’s Copper Sky in 2021.')).toEqual(['Copper Sky / Neon / -']);
    expect(deals('Neon acquired Ana Ruiz’s Copper Sky at Cannes.')).toEqual(['Copper Sky / Neon / -']);
    expect(deals('Neon acquired Ana Ruiz’s Copper Sky in January.')).toEqual(['Copper Sky / Neon / -']);
    expect(deals('Curzon has picked up Oscar-nominated Copper Sky for the U.K.')).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals('Curzon has picked up Spanish hit Copper Sky for the U.K.')).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals('Curzon has acquired Copper Sky by Ana Ruiz for the U.K.')).toEqual(['Copper Sky / Curzon / -']);
    expect(deals('Curzon has acquired Copper Sky, starring Tom Reyes, for the U.K.')).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals('Curzon has acquired Copper Sky (2023) for the U.K.')).toEqual(['Copper Sky / Curzon / -']);
    expect(deals('Curzon has acquired Copper Sky This Week for the U.K.')).toEqual(['Copper Sky This Week / Curzon / U.K.']);
    expect(deals('Neon CEO Tom Quinn said the company bought Copper Sky after one screening.')).toEqual(['Copper Sky / Neon / -']);
    expect(deals('Germany’s Kinofilm has bought Copper Sky.')).toEqual(['Copper Sky / Kinofilm / -']);
    expect(deals('U.K. distributor Curzon Artificial Eye has bought Copper Sky.')).toEqual(['Copper Sky / Curzon Artificial Eye / -']);
    expect(deals('Curzon also took Copper Sky and Winter Ledger for the U.K.')).toEqual([
      'Copper Sky / Curzon / U.K.',
      'Winter Ledger / Curzon / U.K.',
    ]);
    expect(deals('Curzon took U.K. rights to Copper Sky on Monday.')).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals('Mubi picked up Copper Sky after its premiere in Venice.')).toEqual(['Copper Sky / Mubi / -']);
    expect(deals('Mubi picked up Lena Ostrova’s Venice Competition title Copper Sky.')).toEqual(['Copper Sky / Mubi / -']);
    expect(deals('Mubi picked up Copper Sky, the Venice Competition title from Lena Ostrova, for North America.')).toEqual([
      'Copper Sky / Mubi / North America',
    ]);
    expect(deals('Mubi picked up the Venice Competition title from Lena Ostrova.')).toEqual([]);
    expect(deals('Mubi picked up Copper Sky, Lena Ostrova’s follow-up to Winter Ledger.')).toEqual(['Copper Sky / Mubi / -']);
    expect(deals('IFC Films has acquired Copper Sky from Cannes Film Festival winner Lena Ostrova.')).toEqual([
      'Copper Sky / IFC Films / -',
    ]);
    expect(deals('IFC Films has U.S. rights to Copper Sky from Memento Films International.')).toEqual(['Copper Sky / IFC Films / U.S.']);
    expect(deals('The film was acquired by IFC Films President Arianna Bocco.')).toEqual([]);
    expect(deals('Copper Sky was acquired by IFC Films’ Arianna Bocco and Jane Doe.')).toEqual(['Copper Sky / IFC Films / -']);
    expect(deals('Magnolia Pictures, a subsidiary of 2929 Entertainment, acquired Copper Sky.')).toEqual([
      'Copper Sky / Magnolia Pictures / -',
    ]);
    expect(deals('Magnolia, part of 2929 Entertainment, acquired Copper Sky.')).toEqual(['Copper Sky / Magnolia / -']);
    expect(deals('Searchlight, owned by Disney, acquired Copper Sky.')).toEqual(['Copper Sky / Searchlight / -']);
    expect(deals('Vertigo Releasing, which is backed by StudioCanal, acquired Copper Sky.')).toEqual([
      'Copper Sky / Vertigo Releasing / -',
    ]);
    expect(deals('Vertigo Releasing, a joint venture of StudioCanal and Film4, acquired Copper Sky.')).toEqual([
      'Copper Sky / Vertigo Releasing / -',
    ]);
  });

  it('questions, in a headline or the body', () => {
    expect(deals("Will Netflix Buy 'Copper Sky'?\n\nThe streamer has been circling the film.")).toEqual([]);
    expect(deals('Did Neon pay $10 million for ‘Copper Sky’?')).toEqual([]);
    expect(deals('Why did Neon acquire ‘Copper Sky’?')).toEqual([]);
    expect(deals('Neon acquired ‘Copper Sky’? Not so fast.')).toEqual([]);
  });

  it("'the former' and 'the latter'", () => {
    expect(deals('Wild Bunch sells ‘The Salt Road’ and ‘Copper Sky’. Neon has U.S. rights to the former.')).toEqual([
      'The Salt Road / Neon / U.S.',
    ]);
    expect(deals('Wild Bunch sells ‘The Salt Road’ and ‘Copper Sky’. Kinofilm bought the latter for Germany.')).toEqual([
      'Copper Sky / Kinofilm / Germany',
    ]);
  });

  it('headlines about a film that tell no sale of its rights', () => {
    expect(deals('Neon’s ‘Copper Sky’ Tops Specialty Box Office\n\nThe film took $400,000 from four theaters.')).toEqual([]);
    expect(deals('Netflix’s ‘Copper Sky’ Gets First Trailer\n\nThe film streams from May.')).toEqual([]);
    expect(deals('Mubi’s ‘Copper Sky’ Heads To Toronto\n\nThe film will screen in Platform.')).toEqual([]);
    expect(deals('‘Copper Sky’ Team Talks Cannes Debut\n\nThe cast spoke to Variety.')).toEqual([]);
    expect(deals('Searchlight Dates ‘Copper Sky’ For Awards Run\n\nThe film opens on Nov. 3.')).toEqual([]);
    expect(deals('Netflix Orders ‘Copper Sky’ Sequel\n\nThe streamer will produce a second film.')).toEqual([]);
    expect(deals('Amazon Lands Rights To Ana Ruiz Novel ‘Copper Sky’\n\nThe studio will develop a film.')).toEqual([]);
    expect(deals('A24 Buys Ana Ruiz Spec Script ‘Copper Sky’\n\nThe project will be directed by Tom Reyes.')).toEqual([]);
    expect(deals('Lionsgate Nabs Remake Rights To ‘Copper Sky’\n\nThe original premiered at Sundance.')).toEqual([]);
  });

  it('line-ups with credits or countries in parentheses', () => {
    expect(
      deals('The Competition line-up includes Copper Sky (Wild Bunch), The Salt Road (The Match Factory) and Winter Ledger (Memento).'),
    ).toEqual([]);
    expect(deals('Titles in Competition: ‘Copper Sky’ (dir. Ana Ruiz), ‘The Salt Road’ (dir. Tom Reyes).')).toEqual([]);
    expect(deals('The festival opens with Copper Sky (Portugal, France) and closes with The Salt Road (Spain).')).toEqual([]);
    expect(deals('Among last year’s hits were Copper Sky (Neon) and The Salt Road (Mubi).')).toEqual([
      'Copper Sky / Neon / -',
      'The Salt Road / Mubi / -',
    ]);
    expect(deals('The slate includes Copper Sky (produced by Rosa Filmes) and The Salt Road (Komplizen Film).')).toEqual([]);
  });

  it('a hyphened backer before a title', () => {
    expect(deals('Netflix-backed Copper Sky opens the festival.')).toEqual([]);
    expect(deals('The Film4-backed Copper Sky world premieres in Venice.')).toEqual([]);
    expect(deals('The Neon-distributed Copper Sky won the Palme d’Or.')).toEqual([]);
  });

  it('sales companies taking a film on', () => {
    expect(deals('The Match Factory acquired world sales rights to Copper Sky.')).toEqual([]);
    expect(deals('HanWay Films has picked up international rights to Copper Sky and will launch it in Berlin.')).toEqual([]);
    expect(deals('Films Boutique has picked up Copper Sky for world sales.')).toEqual([]);
    expect(deals('Wild Bunch nabbed international rights to Copper Sky.')).toEqual([]);
    expect(deals('Memento bought the film for the world excluding France.')).toEqual([]);
    expect(deals('Paris-based sales company Indie Sales has acquired Copper Sky.')).toEqual([]);
  });

  it('executives named with their company', () => {
    expect(deals('Jane Doe of Mubi bought Copper Sky at Cannes.')).toEqual(['Copper Sky / Mubi / -']);
    expect(deals('Curzon CEO Tom Reyes acquired Copper Sky.')).toEqual(['Copper Sky / Curzon / -']);
  });

  it('producers and financiers coming aboard a project', () => {
    expect(deals('Film4 has boarded Copper Sky, which Ana Ruiz will direct.')).toEqual([]);
    expect(deals('Participant has come aboard to co-finance Copper Sky.')).toEqual([]);
    expect(deals('Blumhouse has acquired the pitch Copper Sky from writer Tom Reyes.')).toEqual([]);
  });

  it('market talk: bidders, offers, first-look rights', () => {
    expect(deals('Neon is said to be closing in on ‘Copper Sky’ for around $4 million.')).toEqual([]);
    expect(deals('Searchlight was the likely buyer of ‘Copper Sky’ late Saturday.')).toEqual([]);
    expect(deals('Neon and A24 were among the bidders for ‘Copper Sky’.')).toEqual([]);
    expect(deals('Neon was close to a deal for ‘Copper Sky’ on Sunday.')).toEqual([]);
    expect(deals('Neon kicked the tires on ‘Copper Sky’ but walked away.')).toEqual([]);
    expect(deals('Neon was circling ‘Copper Sky’, but Searchlight swooped in.')).toEqual([]);
    expect(deals('Word is that Neon has ‘Copper Sky’.')).toEqual([]);
    expect(deals('Neon was hammering out a deal for ‘Copper Sky’ at press time.')).toEqual([]);
    expect(deals('Neon has made a seven-figure offer for ‘Copper Sky’.')).toEqual([]);
    expect(deals('Neon was among the distributors that screened ‘Copper Sky’.')).toEqual([]);
    expect(deals('The buzz title ‘Copper Sky’ drew interest from Neon, A24 and Searchlight.')).toEqual([]);
    expect(deals('Neon is expected to close on ‘Copper Sky’ by Monday.')).toEqual([]);
    expect(deals('Neon is believed to have bought ‘Copper Sky’.')).toEqual([]);
    expect(deals('Neon may have acquired ‘Copper Sky’, sources say.')).toEqual([]);
    expect(deals('Neon was reportedly nearing a deal for ‘Copper Sky’.')).toEqual([]);
    expect(deals('A deal for ‘Copper Sky’ is close, with Neon in pole position.')).toEqual([]);
    expect(deals('Buyers were lining up for ‘Copper Sky’, with Neon leading the pack.')).toEqual([]);
    expect(deals('Neon, which has been on a buying spree, is eyeing ‘Copper Sky’.')).toEqual([]);
    expect(deals('Netflix has first-look rights to ‘Copper Sky’.')).toEqual([]);
    expect(deals('Netflix has first dibs on ‘Copper Sky’.')).toEqual([]);
  });

  it('festival line-ups naming studios, producers and streamers', () => {
    expect(deals('Out of competition: ‘Copper Sky’ (Netflix), ‘The Salt Road’ (Amazon).')).toEqual([]);
    expect(deals('Netflix’s ‘Copper Sky’ and Amazon Studios’ ‘The Salt Road’ will screen in Competition.')).toEqual([]);
    expect(deals('The festival will open with Searchlight’s ‘Copper Sky’.')).toEqual([]);
    expect(deals('Also in Competition is Copper Sky, a Netflix original from Ana Ruiz.')).toEqual([]);
    expect(deals('Copper Sky, a Searchlight release, premieres out of competition.')).toEqual([]);
    expect(deals('Copper Sky, from Searchlight, premieres out of competition.')).toEqual([]);
    expect(deals('Copper Sky, a Rosa Filmes production, premieres in Orizzonti.')).toEqual([]);
    expect(deals('Copper Sky, an Amazon Original, premieres in Orizzonti.')).toEqual([]);
  });

  it('box-office reports naming distributors in passing', () => {
    expect(deals('Le Pacte released Copper Sky on 300 screens, where it took €1m.')).toEqual([]);
    expect(deals('In its second week, Copper Sky (Le Pacte, 300 screens) slipped to fourth.')).toEqual([]);
  });
  it('sales lists: what is said of a buyer in parentheses, a second title, talks and buyers that only attended', () => {
    expect(
      deals('Wild Bunch has sold Copper Sky to Germany (Alamode), Italy (Lucky Red, which also co-produced) and Spain (Golem).'),
    ).toEqual(['Copper Sky / Alamode / Germany', 'Copper Sky / Lucky Red / Italy', 'Copper Sky / Golem / Spain']);
    expect(deals('Copper Sky (Portugal/France) has sold to Germany (Alamode) and Spain (Golem).')).toEqual([
      'Copper Sky / Alamode / Germany',
      'Copper Sky / Golem / Spain',
    ]);
    expect(deals('Copper Sky, by Ana Ruiz (Night Train), has sold to Germany (Alamode).')).toEqual(['Copper Sky / Alamode / Germany']);
    expect(deals('Wild Bunch has sold Copper Sky, produced by Rosa Filmes (Lisbon), to Germany (Alamode).')).toEqual([
      'Copper Sky / Alamode / Germany',
    ]);
    expect(deals('Buyers at the screening of Copper Sky included Alamode, Golem and Lucky Red.')).toEqual([]);
    expect(deals('Alamode, Golem and Lucky Red are regular Wild Bunch clients.')).toEqual([]);
    expect(deals('Copper Sky has sold to Germany, where Wild Bunch Germany will release it.')).toEqual([
      'Copper Sky / Wild Bunch Germany / Germany',
    ]);
    expect(deals('Memento is in talks with Alamode for Germany on Copper Sky.')).toEqual([]);
    expect(deals('Memento is finalising deals for Germany (Alamode) and Spain (Golem) on Copper Sky.')).toEqual([]);
    expect(deals('Deals for Germany (Alamode) and Spain (Golem) are close on Copper Sky.')).toEqual([]);
    expect(deals('Germany (Alamode) and Spain (Golem) are in negotiation for Copper Sky.')).toEqual([]);
  });
});

describe('trap sentences in an article', () => {
  it('a quotation is speech, not a title that lends its words to the film', () => {
    expect(
      deals(
        "Curzon Picks Up 'Copper Sky'\n\nCurzon has picked up U.K. rights to Copper Sky from The Match Factory. Its head of acquisitions said: “Copper Sky is extraordinary.”",
      ),
    ).toEqual(['Copper Sky / Curzon / U.K.']);
    expect(deals('Mubi has acquired ‘Harbour Lights’. “We are thrilled to bring it to audiences,” said Tom Reyes.')).toEqual([
      'Harbour Lights / Mubi / -',
    ]);
  });

  it('an unquoted title ends before the seller that follows it', () => {
    expect(deals("Curzon Picks Up 'Copper Sky'\n\nCurzon has picked up U.K. rights to Copper Sky from The Match Factory.")).toEqual([
      'Copper Sky / Curzon / U.K.',
    ]);
  });

  it("'T2, which went to X': about what stands before the comma, not the sentence's first title", () => {
    expect(
      deals(
        'Curzon has picked up Copper Sky. Copper Sky is Ruiz’s third feature after The Salt Road, which Curzon also released, and Winter Ledger, which went to Picturehouse.',
      ),
      // the earlier release told in passing ("The Salt Road, which Curzon also released") is a closed deal too, read
      // since round 12 (relativeBuyer.ts); what matters here is that Winter Ledger's buyer is never Curzon's film's
    ).toEqual(['Copper Sky / Curzon / -', 'The Salt Road / Curzon / -']);
  });

  it("'whose previous feature was bought by X' is about another film", () => {
    expect(
      deals('The line-up includes Paper Harbour, the new film from Sara Kolb, whose previous feature was bought by Neon after Toronto.'),
    ).toEqual([]);
    expect(deals("Mubi Buys 'Paper Harbour'\n\nMubi has bought U.K. rights to the film. Her debut was picked up by Neon.")).toEqual([
      'Paper Harbour / Mubi / U.K.',
    ]);
  });

  it('a text cut mid-sentence: no deal for a film the cut sentence does not name, complete list pairs kept', () => {
    expect(deals("Mubi Buys 'Copper Sky'\n\nMubi has bought U.K. rights to Copper Sky. A24 acquired North American")).toEqual([
      'Copper Sky / Mubi / U.K.',
    ]);
    expect(
      deals("Wild Bunch Sells 'Copper Sky'\n\nWild Bunch has sold the film to Germany (Alamode), Spain (Golem), Italy (Lucky"),
    ).toEqual(['Copper Sky / Alamode / Germany', 'Copper Sky / Golem / Spain']);
  });

  it('a company name whose space before its corporate word the page lost', () => {
    expect(deals('Wild Bunch has sold Copper Sky to Germany (Alamode) and Japan (HarborCommunications).')).toEqual([
      'Copper Sky / Alamode / Germany',
      'Copper Sky / Harbor Communications / Japan',
    ]);
  });

  it("a festival's section written with a possessive is not a film that takes the next sale", () => {
    expect(deals("Films Boutique Sells 'Copper Sky'\n\nThe film screened in Critics’ Week. Curzon has acquired U.K. rights.")).toEqual([
      'Copper Sky / Curzon / U.K.',
    ]);
    expect(deals("Films Boutique Sells 'Copper Sky'\n\nThe film premiered in Directors’ Fortnight. Germany went to Alamode.")).toEqual([
      'Copper Sky / Alamode / Germany',
    ]);
    expect(
      deals("Films Boutique Sells 'Copper Sky'\n\nIt was selected for SXSW’s Narrative Spotlight. Curzon has acquired U.K. rights."),
    ).toEqual(['Copper Sky / Curzon / U.K.']);
  });
});
