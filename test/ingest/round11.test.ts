/**
 * Issue 12, round 11: faults seen on a further set of real articles (kept outside the repository), each shown
 * here by a sentence written for this project (invented films, people and companies; a few real broadcasters).
 */
import { describe, expect, it } from 'vitest';
import { deals } from './fixtures.js';

describe('a buyer named with the country it serves', () => {
  it('"licensed by SVT Sweden and NRK Norway": each broadcaster, each with its country', () => {
    expect(deals('“Salt Road” has been licensed by SVT Sweden and NRK Norway ahead of its launch.')).toEqual([
      'Salt Road / SVT / Sweden',
      'Salt Road / NRK / Norway',
    ]);
  });

  it('"YLE Finland and NRK Norway are the latest broadcasters to acquire T"', () => {
    expect(deals('YLE Finland and NRK Norway are the latest broadcasters to acquire Lantern’s documentary “Salt Road”.')).toEqual([
      'Salt Road / YLE / Finland',
      'Salt Road / NRK / Norway',
    ]);
  });

  it('an acronym named with a country is a broadcaster, not the film the next sentence means', () => {
    const got = deals(
      'VRPO the Netherlands and YLE Finland are the latest broadcasters to acquire Lantern Pictures’ topical documentary "Salt Road", which follows a strike. The film was licensed by SVT Sweden and NRK Norway.',
    );
    expect(got).toEqual(['Salt Road / YLE / Finland', 'Salt Road / SVT / Sweden', 'Salt Road / NRK / Norway']);
  });
});

describe('a buyer’s list of films', () => {
  it('"three Cannes titles:" opens a list, each item with its maker and the comma inside the quote', () => {
    expect(
      deals(
        'Jade Pictures has snagged China rights to three Cannes titles: Ana Ruiz’s “Copper Bay,” Tom Reyes’ “Salt Road” and Dana Holt’s “Winter Ledger.”',
      ),
    ).toEqual(['Copper Bay / Jade Pictures / China', 'Salt Road / Jade Pictures / China', 'Winter Ledger / Jade Pictures / China']);
  });

  it('"a trio of titles from X:" with a clause after each item up to the semicolon', () => {
    expect(
      deals(
        'Volga acquired a trio of titles from Lantern: Ana Ruiz’s family drama “Copper Bay,” which won a prize; another competition player, Tom Reyes’ “Salt Road,” which has sold out; and Dana Holt’s “Winter Ledger.”',
      ).map((d) => d.split(' / ')[0]),
    ).toEqual(['Copper Bay', 'Salt Road', 'Winter Ledger']);
  });

  it('"tied down Spanish rights to" a list whose items carry an adjective or a kind', () => {
    expect(
      deals(
        'Golem has tied down Spanish rights to Ana Ruiz’s Cannes opener “Copper Bay,” Tom Reyes’ upcoming “Salt Road” and Dana Holt docu-feature “Winter Ledger.”',
      ),
    ).toEqual(['Copper Bay / Golem / Spain', 'Salt Road / Golem / Spain', 'Winter Ledger / Golem / Spain']);
  });

  it('"scoring T" after the buyer’s clause', () => {
    expect(deals('Harbor Films showed off its buying power, scoring Lantern’s "Copper Bay."')).toEqual(['Copper Bay / Harbor Films / -']);
  });
});

describe('descriptions before a title', () => {
  it('"the P starrer T": the film follows the cast', () => {
    expect(deals('Curzon acquired UK rights to the Ana Ruiz, Tom Reyes starrer Copper Bay.')).toEqual(['Copper Bay / Curzon / UK']);
  });

  it('any adjective before a kind of film: "S’s topical documentary T", the territory after it', () => {
    expect(deals('Curzon has picked up Lantern Pictures’ topical documentary "Salt Road" for the UK.')).toEqual([
      'Salt Road / Curzon / UK',
    ]);
  });

  it('the owner’s possessive before the film is never its buyer', () => {
    expect(deals('Curzon has acquired Lantern’s Copper Bay for the UK.')).toEqual(['Copper Bay / Curzon / UK']);
  });
});
