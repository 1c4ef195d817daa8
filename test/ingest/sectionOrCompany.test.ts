/**
 * A festival's section named like a common word ("Harbour" at Rotterdam, "Forum" at the Berlinale) is the first word
 * of a company when a corporate word closes the name: found by an attacker's probe of the review (a demo buyer,
 * "Harbour Lane Pictures", became "Lane Pictures" and a Rotterdam selection). Sentences written for this project.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/ingest/extract.js';
import { deals } from './fixtures.js';

const types = (text: string) => extractFacts(text, { date: '2024-02-22' }).facts.map((f) => f.type);

describe('a section name at the front of a company name', () => {
  it('"Harbour Lane Pictures has acquired T": the whole name buys, and no festival is read', () => {
    const text = 'Harbour Lane Pictures has acquired Japanese rights to “The Salt Road” from Cinephil, the companies said.';
    expect(deals(text)).toEqual(['The Salt Road / Harbour Lane Pictures / Japan']);
    expect(types(text)).toEqual(['deal']);
  });

  it('"Forum Films has acquired T" is no Berlinale Forum selection', () => {
    expect(types('Forum Films has acquired Israeli rights to “The Salt Road”.')).toEqual(['deal']);
  });

  it('the section itself is still read: "T premiered in the Forum section of the Berlinale"', () => {
    const facts = extractFacts('“The Salt Road” premiered in the Forum section of the Berlinale.', { date: '2024-02-22' }).facts;
    expect(facts.find((f) => f.type === 'selection')?.fields).toMatchObject({ title: 'The Salt Road', section: 'Forum' });
  });
});
