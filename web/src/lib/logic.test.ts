import { describe, expect, it } from 'vitest';
import { conflictRequest, emptyDraft, newBlock } from './dealDraft';
import { infoFromRows } from './mapInfo';
import { checkState, fromExpression, toExpression, toggle } from './mediaTree';
import { applySuggestion, expectsName, fragmentsAt } from './territoryExpr';
import type { AvailRow, MediaNode } from '../../../src/contract/index.js';

describe('territory expression fragments', () => {
  it('finds the item under the caret after separators and keywords', () => {
    expect(fragmentsAt('Ger').map((f) => f.text)).toEqual(['Ger']);
    expect(fragmentsAt('Worldwide excl. Chi').map((f) => f.text)).toEqual(['Chi']);
    expect(fragmentsAt('France, Benel').map((f) => f.text)).toEqual(['Benel']);
    expect(fragmentsAt('Worldwide excluding North America and Chi').map((f) => f.text)).toEqual(['North America and Chi', 'Chi']);
    expect(fragmentsAt('Latin America (excl. Bra').map((f) => f.text)).toEqual(['Bra']);
  });

  it('completes the word at the caret, not the end of the text', () => {
    const text = 'Germ, France';
    const [f] = fragmentsAt(text, 4);
    expect(f).toMatchObject({ start: 0, end: 4, text: 'Germ' });
    expect(applySuggestion(text, f, 'Germany')).toEqual({ text: 'Germany, France', caret: 7 });
  });

  it('puts the chosen name in place of the fragment, with a space after a separator', () => {
    const text = 'Worldwide excl. chi';
    const [f] = fragmentsAt(text);
    expect(applySuggestion(text, f, 'China').text).toBe('Worldwide excl. China');
    const t2 = 'France,Ger';
    expect(applySuggestion(t2, fragmentsAt(t2)[0], 'Germany').text).toBe('France, Germany');
  });

  it('knows when a name is expected next', () => {
    expect(expectsName('Worldwide excl. ')).toBe(true);
    expect(expectsName('France,')).toBe(true);
    expect(expectsName('France')).toBe(false);
  });
});

const tree: MediaNode[] = [
  {
    id: 'all',
    name: 'All Media',
    aliases: ['all rights'],
    children: [
      { id: 'theatrical', name: 'Theatrical' },
      {
        id: 'tv',
        name: 'Television',
        aliases: ['TV'],
        children: [
          { id: 'pay', name: 'Pay TV' },
          { id: 'free', name: 'Free TV' },
        ],
      },
      { id: 'svod', name: 'SVOD' },
    ],
  },
];

describe('media tree', () => {
  it('names a selection with the fewest nodes', () => {
    expect(toExpression(tree, new Set(['pay', 'free']))).toBe('Television');
    expect(toExpression(tree, new Set(['pay', 'free', 'svod']))).toBe('Television, SVOD');
    expect(toExpression(tree, new Set(['theatrical', 'pay', 'free', 'svod']))).toBe('All Media');
    expect(toExpression(tree, new Set(['pay']))).toBe('Pay TV');
  });

  it('reads expressions written with names and aliases, with exclusions', () => {
    expect([...fromExpression(tree, 'TV rights').selected].sort()).toEqual(['free', 'pay']);
    expect([...fromExpression(tree, 'all rights excl. Free TV').selected].sort()).toEqual(['pay', 'svod', 'theatrical']);
    expect(fromExpression(tree, 'SVOD, Hologram').unknown).toEqual(['Hologram']);
  });

  it('ticks and unticks whole branches; a partly ticked node is mixed', () => {
    const s = toggle(tree[0].children![1], new Set());
    expect(checkState(tree[0], s)).toBe('some');
    expect(checkState(tree[0].children![1], s)).toBe('all');
    expect(toggle(tree[0].children![1], s).size).toBe(0);
  });
});

describe('conflict check request', () => {
  it('asks per title for blocks that apply to every title, and remembers the editor block', () => {
    const d = emptyDraft();
    d.titles = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    d.blocks = [
      { ...newBlock(), territories: 'Germany', media: 'SVOD' },
      { ...newBlock(), territories: '', media: 'SVOD' },
      { ...newBlock(), titleId: 'b', territories: 'France', media: 'TV' },
    ];
    const r = conflictRequest(d, 'c1');
    expect(r.origin).toEqual([0, 0, 2]);
    expect(r.body.excludeContractId).toBe('c1');
    expect(r.body.blocks).toMatchObject([
      { titleId: 'a', territories: 'Germany' },
      { titleId: 'b', territories: 'Germany' },
      { titleId: 'b', territories: 'France' },
    ]);
  });

  it('says what is missing before it can check', () => {
    expect(conflictRequest(emptyDraft()).why).toMatch(/title/);
    const d = emptyDraft();
    d.titles = [{ id: 'a', name: 'A' }];
    expect(conflictRequest(d).why).toMatch(/rights block/);
  });
});

describe('avails rows on the map', () => {
  const row = (territories: string[], status: AvailRow['status'], codes: string[] = []): AvailRow => ({
    titles: ['One Second'],
    titleIds: ['one-second'],
    territories,
    territoryLabel: territories.join(', '),
    media: ['svod'],
    mediaLabel: 'SVOD',
    languages: null,
    languagesExcept: [],
    languageLabel: 'All languages',
    start: '2027-01-01',
    end: '2029-12-31',
    status,
    reasons: codes.map((code) => ({ code, contracts: ['X'], message: code })),
  });

  it('colours sold, no rights, window not met and mixed countries', () => {
    const info = infoFromRows([
      row(['US', 'CA'], 'unavailable', ['rights-out-exist']),
      row(['CN'], 'unavailable', ['no-rights-in']),
      row(['DE'], 'available'),
      row(['FR'], 'unavailable', ['window-not-met']),
      row(['US'], 'available'),
    ]);
    expect(info.CA.status).toBe('sold');
    expect(info.CN.status).toBe('no-rights');
    expect(info.DE.status).toBe('available');
    expect(info.FR.status).toBe('partial');
    expect(info.US.status).toBe('partial');
  });
});

import { toggleInExpression } from '../components/TerritoryMapPicker';

describe('picking territories on the map', () => {
  it('adds a country, removes a listed one, excludes a covered one', () => {
    expect(toggleInExpression('', 'Germany', false)).toBe('Germany');
    expect(toggleInExpression('France', 'Germany', false)).toBe('France, Germany');
    expect(toggleInExpression('France, Germany', 'Germany', true)).toBe('France');
    expect(toggleInExpression('Benelux', 'Belgium', true)).toBe('Benelux excl. Belgium');
    expect(toggleInExpression('Worldwide excl. China', 'Japan', true)).toBe('Worldwide excl. China, Japan');
    expect(toggleInExpression('Worldwide excl. China', 'China', false)).toBe('Worldwide excl. China; China');
    expect(toggleInExpression('Europe excl. France; Japan', 'Italy', true)).toBeNull();
  });
});
