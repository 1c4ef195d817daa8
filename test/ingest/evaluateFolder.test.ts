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
import {
  companyKey,
  evaluateFolder,
  formatFolderReport,
  isAnnotatedFolder,
  loadFolder,
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
  });
});
