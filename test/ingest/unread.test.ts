/**
 * The sentences the review asks a person to read: a sale's words and a name, long enough to state a deal,
 * and no deal, talks or mandate drawn from them, or one that leaves out a company they name. Sentences of
 * our own.
 */
import { describe, expect, it } from 'vitest';
import { buyerPlacesIn, companiesIn, titlePlacesIn, unreadDealSentences, type Reading } from '../../src/ingest/unread.js';

const listed = (text: string, readings: Reading[]) =>
  unreadDealSentences(text, readings).map((u) => ({ quote: text.slice(u.span[0], u.span[1]), partly: u.partly, names: u.names }));

const at = (text: string, sentence: string): [number, number] => [text.indexOf(sentence), text.indexOf(sentence) + sentence.length];

describe('sentences the reader could not read', () => {
  const lantern = 'Lantern Pictures also closed on Salt Road for the Benelux.';
  const kino = 'Kinofilm took German rights to The Copper Bay last week.';
  const text = [
    lantern,
    'Rights Deals Wrap.',
    'the team said the market felt busy and sold well.',
    kino,
    'The weather in Cannes was warm all week and nobody complained.',
  ].join('\n');
  const deal: Reading = { spans: [at(text, kino)], names: ['The Copper Bay', 'Kinofilm'], sale: true };

  it('lists a sentence with a sale and a name that gave no deal, with the companies it names; not a short headline, a sentence without a name, nor chatter', () => {
    expect(listed(text, [deal])).toEqual([{ quote: lantern, partly: false, names: ['Lantern Pictures'] }]);
    expect(unreadDealSentences(text, [deal])[0].titles).toEqual(['Salt Road']);
  });

  it('a sentence some deal, talks or mandate cites is read; a credit or a festival citing it is not a reading of its sale', () => {
    const credit: Reading = { spans: [at(text, lantern)], names: ['Salt Road', 'Lantern Pictures'], sale: false };
    expect(listed(text, [credit]).map((u) => u.quote)).toEqual([lantern, kino]);
    expect(unreadDealSentences('', [])).toEqual([]);
  });

  it('a sentence read in part: the deal read leaves out buyers the sentence names', () => {
    const list = 'Salt Road has sold to Kinofilm for Germany, Cineart for Benelux and Palace Films for Australia.';
    const first: Reading = { spans: [at(list, list)], names: ['Salt Road', 'Kinofilm'], sale: true };
    expect(listed(list, [first])).toEqual([{ quote: list, partly: true, names: ['Cineart', 'Palace Films'] }]);
    const all: Reading = { spans: [at(list, list)], names: ['Salt Road', 'Kinofilm', 'Cineart', 'Palace Films'], sale: true };
    expect(listed(list, [first, all])).toEqual([]);
  });

  it('finds companies by the trade gazetteer and by their corporate word, the longer name first, once each', () => {
    expect(companiesIn('Wild Bunch sold it to Lantern Pictures, and Wild Bunch International to Mubi; Lantern Pictures again.')).toEqual([
      'Wild Bunch',
      'Lantern Pictures',
      'Wild Bunch International',
      'Mubi',
    ]);
  });

  it('offers, after the companies it knows, the names a sentence gives where the trade puts a buyer', () => {
    const sale = 'Salt Road has sold to Cordova Releasing for Spain, Italy (Luce Nova) and Japan (Hoshi), said Ana Ruiz.';
    expect(listed(sale, [])[0].names).toEqual(['Cordova Releasing', 'Luce Nova', 'Hoshi']);
    // a subject before a verb of buying; after `by`, a person's name is no buyer; territories and months never
    expect(buyerPlacesIn('Elsewhere, Bramble has acquired the drama for France in May.')).toEqual(['Bramble']);
    expect(buyerPlacesIn('The drama, directed by Ana Ruiz and produced by Tom Reyes, was picked up by Vela.')).toEqual(['Vela']);
    expect(buyerPlacesIn('It went to Germany and to Austria in June, with Italy (Luce Nova) to follow.')).toEqual(['Luce Nova']);
  });

  it("offers the titles a sentence may name: quoted first, then in a title's place; not its companies, festivals or prizes", () => {
    const sentence = "Vela picked up 'The Long Thaw' and Ana Ruiz's drama Salt Road, a Berlinale Panorama entry, after the Golden Bear.";
    expect(titlePlacesIn(sentence, ['Vela'])).toEqual(['The Long Thaw', 'Salt Road']);
    expect(titlePlacesIn('Kinofilm acquired Mubi for Germany at the Cannes Film Festival.', ['Kinofilm', 'Mubi'])).toEqual([]);
    const text = 'Lantern Pictures closed on "Night Harbour" for the Benelux.';
    expect(unreadDealSentences(text, [])[0].titles).toEqual(['Night Harbour']);
  });
});
