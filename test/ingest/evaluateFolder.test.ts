/**
 * `npm run eval:ingest -- <folder>` on a folder in the annotated format: a
 * header read off the text, (title, buyer) matching forgiving on case,
 * punctuation, "the" and company suffixes, talks and mandates scored apart,
 * status confusions, territory agreement. The articles are written here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyFact } from '../../src/ingest/types.js';
import {
  companyKey,
  evaluateFolder,
  formatFolderReport,
  isAnnotatedFolder,
  loadFolder,
  missedStages,
  unreadCover,
  readArticleFile,
} from '../../src/ingest/evaluateFolder.js';

const dir = mkdtempSync(join(tmpdir(), 'eval-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deal = (title: string, buyer: string | null, territories: string[], status = 'closed') => ({
  title,
  buyer,
  seller: null,
  territories,
  media: null,
  festival: null,
  price: null,
  status,
});
writeFileSync(
  join(dir, '01-trade-harbour.txt'),
  'url: https://example.org/a\ndate: 2022-05-20\noutlet: Example Trade\n\nGreyline Releasing has acquired U.S. rights to "The Copper Bay" from Northlight. Kinofilm is in talks for Germany on "Salt Road".\n',
);
writeFileSync(
  join(dir, '01-trade-harbour.expected.json'),
  JSON.stringify({
    deals: [
      deal('Copper Bay', 'Greyline', ['United States']),
      deal('Salt Road', 'Kinofilm', ['Germany'], 'talks'),
      deal('Glass Rivers', 'Odeon Hellas', ['Greece']),
    ],
  }),
);

describe('scoring a folder in the annotated format', () => {
  it('reads the header and the body after the first blank line; "unknown" is no date', () => {
    expect(readArticleFile('url: u\ndate: unknown\noutlet: X\n\nBody text.')).toEqual({
      url: 'u',
      outlet: 'X',
      date: null,
      body: 'Body text.',
    });
    expect(isAnnotatedFolder(dir)).toBe(true);
    expect(loadFolder(dir)[0]).toMatchObject({ id: '01-trade-harbour', outlet: 'Example Trade', date: '2022-05-20' });
  });

  it('matches (title, buyer) forgiving on "the", punctuation and company suffixes; U.S. = United States; lists the miss', () => {
    expect(companyKey('Greyline Releasing')).toBe('greyline');
    expect(companyKey('Films')).toBe('films');
    const [r] = evaluateFolder(loadFolder(dir));
    expect(r.closed).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(r.strictClosed).toEqual({ tp: 0, fp: 1, fn: 2 });
    expect(r.talks.tp).toBe(1);
    expect(r.territory).toEqual({ matched: 1, exact: 1, jaccard: 1 });
    expect(r.missed.map((m) => m.title)).toEqual(['Glass Rivers']);
    const text = formatFolderReport([r], '== test', true);
    expect(text).toContain('Example Trade');
    expect(text).toContain('missed     "Glass Rivers" / "Odeon Hellas"');
    expect(r.missedStages).toEqual({ titleNeverRead: 1, buyerNeverRead: 0, unpairedInOneSentence: 0, unpairedApart: 0 });
    expect(text).toContain('title never read 1, buyer never read 0');
  });

  it('counts each missed deal at the stage where the reading stopped: title, buyer, or the pairing', () => {
    const text = 'Odeon Hellas bought "Glass Rivers" for Greece. Later news. Pathe Nord has news. Tin Roof opens soon.';
    const fact = (type: string, fields: Record<string, unknown>) => ({ type, fields, span: [0, 1], spans: [] }) as unknown as AnyFact;
    const facts = [
      fact('selection', { title: 'Glass Rivers', festival: 'Berlinale' }),
      fact('titleCompany', { title: 'Salt Road', company: 'Kinofilm' }),
      fact('deal', { title: 'Tin Roof', buyer: 'Someone Else' }),
      fact('mandate', { title: 'Other', company: 'Odeon Hellas' }),
      fact('mandate', { title: 'Other', company: 'Pathe Nord' }),
    ];
    const missed = [
      { title: 'Glass Rivers', buyer: 'Odeon Hellas', territories: [] },
      { title: 'The Tin Roof', buyer: 'Pathe Nord Films', territories: [] },
      { title: 'Salt Road', buyer: 'Greyline', territories: [] },
      { title: 'Never Named', buyer: 'Kinofilm', territories: [] },
    ];
    expect(missedStages(text, facts, missed)).toEqual({ titleNeverRead: 1, buyerNeverRead: 1, unpairedInOneSentence: 1, unpairedApart: 1 });
  });

  it('counts the sentences listed as not read, the missed deals they hold, those whose buyer the form offers or fills in, and whose title it offers', () => {
    const text = 'Odeon Hellas Films, fresh from the market, also closed on Glass Rivers for Greece.\nThe weather was fine all week long.';
    const missed = [
      { title: 'Glass Rivers', buyer: 'Odeon Hellas', territories: [] },
      { title: 'Tin Roof', buyer: 'Pathe Nord', territories: [] },
    ];
    expect(unreadCover(text, [], missed)).toEqual({
      sentences: 1,
      partly: 0,
      sentenceCount: 2,
      missedNamed: 1,
      buyerOffered: 1,
      buyerFirst: 1,
      titleOffered: 1,
    });
    // a buyer offered but not first, a title the sentence does not offer
    const second = 'The Cypriot rights went to Lumen Films, and Odeon Hellas Films also closed for Greece.';
    expect(unreadCover(second, [], [{ title: 'Glass Rivers', buyer: 'Odeon Hellas', territories: [] }])).toMatchObject({
      missedNamed: 1,
      buyerOffered: 1,
      buyerFirst: 0,
      titleOffered: 0,
    });
  });
});
