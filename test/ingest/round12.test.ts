/**
 * Issue 12, round 12: faults seen on a further set of real articles (kept outside the repository), each shown
 * here by a sentence written for this project (invented films, people and companies; a few real distributors).
 */
import { describe, expect, it } from 'vitest';
import { deals } from './fixtures.js';

const SOLD = 'Lantern Sales has sold “Salt Road” widely since its premiere. ';

describe('a buyer that took a territory of the film in focus, its clause naming no film', () => {
  it('"Denmark’s X, a buyer of T2 and T3, has acquired Danish rights": the film in focus, and its past buys', () => {
    expect(deals(`${SOLD}Denmark’s Nordlys, a buyer of “Copper Sky” and “Winter Ledger”, has acquired Danish rights.`)).toEqual([
      'Salt Road / Nordlys / Denmark',
      'Copper Sky / Nordlys / Denmark',
      'Winter Ledger / Nordlys / Denmark',
    ]);
  });

  it('"Another buyer, X, which acquired T2, has licensed Greece"', () => {
    expect(
      deals(`${SOLD}Another art-house buyer, Kestrel Films, which acquired Palme d’Or winner “Copper Sky”, has licensed Greece.`),
    ).toEqual(['Salt Road / Kestrel Films / Greece', 'Copper Sky / Kestrel Films / -']);
  });

  it('"X, whose slate features T2, has purchased rights to Poland": the slate is no deal of this sentence', () => {
    expect(deals(`${SOLD}Kestrel Films, whose slate features “Copper Sky”, has purchased rights to Poland.`)).toEqual([
      'Salt Road / Kestrel Films / Poland',
    ]);
  });

  it('"R’s X, a specialist which runs festivals, has picked up rights to R and R2"', () => {
    expect(deals(`${SOLD}Poland’s Kestrel Films, a specialist which runs festivals, has picked up rights to Poland and Slovakia.`)).toEqual(
      ['Salt Road / Kestrel Films / Poland and Slovakia'],
    );
  });

  it('never in talks, and never a sales company', () => {
    expect(deals(`${SOLD}Kestrel Films, a buyer of “Copper Sky”, is in talks for Polish rights.`)).toEqual([]);
    expect(deals(`${SOLD}Wild Bunch, which sold “Copper Sky”, has picked up rights to Poland.`)).toEqual([]);
  });
});

describe('where a title ends', () => {
  it('"P’s Portrait of a Girl in Winter to Sweden (X)": the descriptor is no part of the title, the territory is not either', () => {
    expect(
      deals('MK2 Films sold Ana Ruiz’s Portrait of a Girl in Winter to Sweden (Folkets Bio), the UK (Curzon) and Spain (Karma).'),
    ).toEqual([
      'Portrait of a Girl in Winter / Folkets Bio / Sweden',
      'Portrait of a Girl in Winter / Curzon / UK',
      'Portrait of a Girl in Winter / Karma / Spain',
    ]);
  });
});

describe('no film', () => {
  it('a dateline in capitals before an en dash, and a sales company written "Intl."', () => {
    expect(
      deals('PARIS – Lantern Intl. has struck a raft of pre-sales on Salt Road, the new film by Ana Ruiz. Kestrel Films acquired Benelux.'),
    ).toEqual(['Salt Road / Kestrel Films / Benelux']);
  });
});
