import { describe, expect, it } from 'vitest';
import { parseDay, PERPETUITY } from '../../src/domain/dates.js';
import { parseMedia } from '../../src/domain/media.js';
import type { AvailsQuestion } from '../../src/domain/avails.js';
import { RightsIndex } from '../../src/domain/rightsIndex.js';
import {
  groupStatus,
  inheritedBlocks,
  refreshUnits,
  TitleTree,
  unitStatus,
  type ScopedBlock,
  type TitleNode,
} from '../../src/domain/series.js';
import { parseTerritories } from '../../src/domain/territories.js';
import { domainError } from './testing/expectError.js';

function expectDomainError(f: () => unknown, field: string, message: RegExp): void {
  const e = domainError(f);
  expect(e.field).toBe(field);
  expect(e.message).toMatch(message);
}

const node = (id: string, kind: TitleNode['kind'], parent: string | null = null, number: number | null = null): TitleNode => ({
  id,
  kind,
  parent,
  number,
});

function show(): TitleTree {
  const t = new TitleTree();
  t.set(node('X', 'series'));
  t.set(node('X1', 'season', 'X', 1));
  t.set(node('X2', 'season', 'X', 2));
  for (const s of ['X1', 'X2']) for (let e = 1; e <= 3; e++) t.set(node(`${s}E${e}`, 'episode', s, e));
  return t;
}

describe('the catalog tree', () => {
  it('puts an episode under a season and a season under a series, nowhere else', () => {
    const t = show();
    expectDomainError(
      () => t.set(node('E', 'episode', 'X', 9)),
      'title.parent',
      /an episode belongs to a season, a miniseries or a volume, not a series/,
    );
    expectDomainError(() => t.set(node('S', 'season', 'X1E1', 9)), 'title.parent', /a season belongs to a series, not an episode/);
    expectDomainError(() => t.set(node('S', 'season')), 'title.parent', /belongs to a series/);
    expectDomainError(() => t.set(node('F', 'film', 'X')), 'title.parent', /has no parent/);
    expectDomainError(() => t.set(node('E', 'episode', 'NOPE', 1)), 'title.parent', /no title NOPE/);
    t.set(node('MS', 'miniseries'));
    t.set(node('MS1', 'episode', 'MS', 1));
    expect(t.units('MS')).toEqual(['MS1']);
  });

  it('refuses a number taken under the same parent, and numbers below 1', () => {
    const t = show();
    expectDomainError(() => t.set(node('X1E4', 'episode', 'X1', 2)), 'title.number', /X1 already has number 2 \(X1E2\)/);
    expectDomainError(() => t.set(node('X1E4', 'episode', 'X1', 0)), 'title.number', /whole number from 1/);
    t.set(node('X2E4', 'episode', 'X2', 4));
    // renumbering a title to its own number is fine
    t.set(node('X2E4', 'episode', 'X2', 4));
    expect(t.children('X2')).toEqual(['X2E1', 'X2E2', 'X2E3', 'X2E4']);
  });

  it('refuses cycles and a kind change that would orphan the titles under it', () => {
    const t = new TitleTree();
    t.set(node('A', 'series'));
    t.set(node('B', 'volume', 'A', 1));
    t.set(node('C', 'episode', 'B', 1));
    expectDomainError(() => t.set(node('B', 'film')), 'title.kind', /C \(an episode\) sits under this title, which cannot be a film/);
    expectDomainError(() => t.set(node('A', 'season', 'B', 2)), 'title.parent', /belongs to a series, not a volume/);
    expect(t.get('B')?.kind).toBe('volume');
  });
});

describe('rights inherited downward (docs/domain.md)', () => {
  const territories = (s: string) => parseTerritories(s);
  const media = (s: string) => parseMedia(s);
  const block = (contract: string, kind: ScopedBlock['kind'], where: string, what: string, scope?: ScopedBlock['scope']): ScopedBlock => ({
    contract,
    kind,
    territories: territories(where),
    media: media(what),
    languages: null,
    start: parseDay('2026-01-01'),
    end: PERPETUITY,
    exclusive: true,
    ...(scope ? { scope } : {}),
  });
  const q: AvailsQuestion = {
    territories: territories('Germany'),
    media: media('Pay TV'),
    languages: null,
    start: parseDay('2027-01-01'),
    end: parseDay('2027-12-31'),
    exclusive: true,
    match: 'cover-entire',
  };

  it('a worldwide mandate on the series reaches a season made later; Season 1 sold in Germany; an episode withheld', () => {
    const t = show();
    const own = new Map<string, ScopedBlock[]>([
      ['X', [block('MANDATE', 'in', 'Worldwide', 'All Media', { includesFuture: true, covers: null, excludes: ['X2E3'] })]],
      ['X1', [block('SKY-DE', 'out', 'Germany', 'Pay TV')]],
    ]);
    const index = new RightsIndex();
    refreshUnits(index, t, (id) => own.get(id) ?? [], ['X']);
    t.set(node('X3', 'season', 'X', 3));
    t.set(node('X3E1', 'episode', 'X3', 1));
    refreshUnits(index, t, (id) => own.get(id) ?? [], ['X3E1']);

    expect(inheritedBlocks(t, (id) => own.get(id) ?? [], 'X1E2').map((b) => b.contract)).toEqual(['SKY-DE', 'MANDATE']);
    expect(inheritedBlocks(t, (id) => own.get(id) ?? [], 'X2E3')).toEqual([]);
    expect(index.titles().sort()).toEqual(['X1E1', 'X1E2', 'X1E3', 'X2E1', 'X2E2', 'X2E3', 'X3E1'].filter((x) => x !== 'X2E3'));

    const rows = index.avails(t.units('X'), q, { include: 'all' });
    const status = (u: string) => unitStatus(rows.filter((r) => r.titles.includes(u)));
    expect(t.units('X1').map(status)).toEqual(['unavailable', 'unavailable', 'unavailable']);
    expect(t.units('X2').map(status)).toEqual(['available', 'available', 'unavailable']);
    expect(groupStatus(t.units('X2').map(status))).toBe('partly-available');
    expect(groupStatus(t.units('X3').map(status))).toBe('available');
    expect(groupStatus(t.units('X1').map(status))).toBe('unavailable');
  });

  it('a mandate that does not include future seasons covers only the titles it lists', () => {
    const t = show();
    const own = new Map<string, ScopedBlock[]>([
      [
        'X',
        [block('MANDATE', 'in', 'Worldwide', 'All Media', { includesFuture: false, covers: ['X1', 'X1E1', 'X1E2', 'X1E3'], excludes: [] })],
      ],
    ]);
    const index = new RightsIndex();
    t.set(node('X1E4', 'episode', 'X1', 4));
    refreshUnits(index, t, (id) => own.get(id) ?? [], ['X']);
    expect(index.titles().sort()).toEqual(['X1E1', 'X1E2', 'X1E3']);
    const rows = index.avails(t.units('X1'), q, { include: 'all' });
    expect(rows.filter((r) => r.titles.includes('X1E4')).map((r) => r.outcome.reasons[0].code)).toEqual(['no-rights-in']);
  });
});
