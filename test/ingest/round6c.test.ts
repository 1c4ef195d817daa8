/**
 * Issue 12, round 6c: a sales company's market slate told film by film, as
 * mandates (extract/slates.ts). Sentences written for this project (never
 * the development set's or any article's).
 */
import { describe, expect, it } from 'vitest';
import { facts, mandates } from './fixtures.js';

describe('a sales slate told film by film', () => {
  it('a list of films behind their directors, a relative clause between the items', () => {
    expect(
      mandates(
        'Lumen Sales kicks off sales on Ana Ruiz’s Salt Road, Tom Berg’s The Cold Harbour, which wraps in June, and Lea Moss’s period drama Night Ferry.',
      ),
    ).toEqual(['Salt Road / Lumen Sales', 'The Cold Harbour / Lumen Sales', 'Night Ferry / Lumen Sales']);
  });

  it('a seller presenting a film: the film, not the cast that follows it', () => {
    expect(mandates('Memento International launches Ana Ruiz’s sci-fi The Glass Key co-starring Tom Berg, Lea Moss and Ian Hart.')).toEqual(
      ['The Glass Key / Memento International'],
    );
  });

  it('"the company" and "its titles": the sales company in focus', () => {
    const text =
      'Wild Bunch International unveils Ana Ruiz’s new film The Glass Key, about two sisters. ' +
      'The company is also handling Salt Road and Iron Gate. Its Berlin titles comprise the thriller Night Ferry.';
    expect(mandates(text)).toEqual([
      'The Glass Key / Wild Bunch International',
      'Salt Road / Wild Bunch International',
      'Iron Gate / Wild Bunch International',
      'Night Ferry / Wild Bunch International',
    ]);
  });

  it('"the sales outfit" is the seller named before', () => {
    expect(
      mandates('Global Screen is screening Ana Ruiz’s documentary Salt Road. The sales outfit is also pre-selling the animated Iron Gate.'),
    ).toEqual(['Salt Road / Global Screen', 'Iron Gate / Global Screen']);
  });

  it('the directors of a film named after it are not films', () => {
    expect(mandates('Beta Cinema is handling Salt Road from Swiss filmmakers Ana Ruiz and Lea Moss.')).toEqual(['Salt Road / Beta Cinema']);
  });

  it('a distributor launching a film is no seller; a verb that says "sales" is', () => {
    expect(mandates('Nordlys Films launches Ana Ruiz’s thriller The Glass Key.')).toEqual([]);
    expect(mandates('Nordlys Films launches sales on Ana Ruiz’s thriller The Glass Key.')).toEqual(['The Glass Key / Nordlys Films']);
  });
});

describe('a rundown entry that names its sellers alone', () => {
  it('"X and Y are repping.": the film the paragraph is about', () => {
    const text =
      'SALT ROAD – Director: Ana Ruiz; Cast: Tom Berg.\nA ferry pilot looks for her brother. Lumen Sales and Nordlys Agency are repping.\n\n' +
      'IRON GATE – Director: Lea Moss.\nA heist in a border town. Vela International selling offshore.';
    expect(mandates(text)).toEqual(['SALT ROAD / Lumen Sales', 'SALT ROAD / Nordlys Agency', 'IRON GATE / Vela International']);
  });

  it('a company with more to say is not a seller line', () => {
    expect(mandates('SALT ROAD – Director: Ana Ruiz.\nNordlys Films are repping the director in talks with studios.')).toEqual([]);
  });
});

describe('a sales company that acquires a film takes on its sales', () => {
  it('the films it acquired, named after their directors, one mandate each; "the sales banner" is the company', () => {
    const text =
      'Films Boutique has acquired four films set to premiere in Cannes, including Ana Ruiz (“Cold Harbour”)’s “Salt Road”. ' +
      'The Berlin-based international sales banner has also acquired Tom Berg’s “Night Ferry” and Lea Moss’s “Iron Gate”.';
    expect(mandates(text)).toEqual(['Salt Road / Films Boutique', 'Night Ferry / Films Boutique', 'Iron Gate / Films Boutique']);
  });

  it("a sales company that buys a territory's rights is a buyer, not a seller", () => {
    expect(mandates('Films Boutique has acquired French rights to “Salt Road”.')).toEqual([]);
  });
});

const talks = (text: string): string[] =>
  facts(text)
    .filter((f) => f.type === 'rumour')
    .map((f) => {
      const d = f.fields as { title: string; party: string; kind: string };
      return `${d.title} / ${d.party} / ${d.kind}`;
    });

describe('the last steps of a negotiation are talks', () => {
  it('final stages, close to a final deal, close to signing, poised to acquire', () => {
    expect(talks('Nordlys Films is reportedly in the final stages of closing a deal to pick up “Salt Road”.')).toEqual([
      'Salt Road / Nordlys Films / talks',
    ]);
    expect(talks('Vela Films is thought to be close to a final deal for “Iron Gate”.')).toEqual(['Iron Gate / Vela Films / talks']);
    expect(talks('At press time, Trimark was close to signing for Ana Ruiz’s “Cold Harbour”.')).toEqual(['Cold Harbour / Trimark / talks']);
    expect(talks('Nordlys Films is poised to acquire “Night Ferry”.')).toEqual(['Night Ferry / Nordlys Films / talks']);
  });

  it('an appositive between the company and its verb', () => {
    expect(
      talks(
        'Nordlys Films, the most active of the specialty labels, is in final negotiations to acquire North American rights to “Salt Road”.',
      ),
    ).toEqual(['Salt Road / Nordlys Films / talks']);
  });

  it('the counterpart named after the talks is the buyer', () => {
    expect(
      talks('“Salt Road” has found a home, with producer Lumen Pictures in negotiations for a U.S. distribution pact with the Vela Group.'),
    ).toEqual(['Salt Road / Vela Group / talks']);
    expect(talks('“Salt Road” is in final talks with Nordlys Films.')).toEqual(['Salt Road / Nordlys Films / talks']);
  });

  it('talks for a role are no deal', () => {
    expect(talks('Lumen Pictures is developing “Salt Road”, for which Ana Ruiz and Tom Berg are in talks to star.')).toEqual([]);
  });
});

describe('agents named after a film the text does not quote', () => {
  it('a kind of film, a name, then its agents; a second agent joined by "and sold internationally by"', () => {
    expect(
      mandates(
        'That day brings the Ana Ruiz drama Salt Road shepherded by UTA and Evolution in the US and sold internationally by Vela International.',
      ),
    ).toEqual(['Salt Road / UTA', 'Salt Road / Evolution', 'Salt Road / Vela International']);
  });

  it('a person after a kind word is not a film', () => {
    expect(mandates('The documentary, directed by Ana Ruiz, was well received.')).toEqual([]);
  });
});
