/**
 * The sentences the review asks a person to read: a sale's words and a name, long enough to state a deal,
 * and no deal, talks or mandate drawn from them. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { unreadDealSentences } from '../../src/ingest/unread.js';

const quoteOf = (text: string, spans: Array<[number, number]>) => spans.map(([a, b]) => text.slice(a, b));

describe('sentences the reader could not read', () => {
  const text = [
    'Lantern Pictures also closed on Salt Road for the Benelux.',
    'Rights Deals Wrap.',
    'the team said the market felt busy and sold well.',
    'Kinofilm took German rights to The Copper Bay last week.',
    'The weather in Cannes was warm all week and nobody complained.',
  ].join('\n');
  const read: [number, number] = [text.indexOf('Kinofilm'), text.indexOf('last week.') + 10];

  it('lists a sentence with a sale and a name that gave no deal, not a short headline, a sentence without a name, nor chatter', () => {
    expect(quoteOf(text, unreadDealSentences(text, [read]))).toEqual(['Lantern Pictures also closed on Salt Road for the Benelux.']);
  });

  it('a sentence some deal, talks or mandate cites is read', () => {
    expect(quoteOf(text, unreadDealSentences(text, []))).toEqual([
      'Lantern Pictures also closed on Salt Road for the Benelux.',
      'Kinofilm took German rights to The Copper Bay last week.',
    ]);
    expect(unreadDealSentences('', [])).toEqual([]);
  });
});
