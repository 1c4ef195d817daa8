import { describe, expect, it } from 'vitest';
import { domainError } from './testing/expectError.js';
import fc from 'fast-check';
import { emptySet, equals, fromIndices, isEmpty, minus, union } from '../../src/domain/bitset.js';
import {
  ALL_MEDIA,
  MEDIA,
  MEDIA_ALIAS_SETS,
  MEDIA_TREE,
  type MediaNode,
  mediaLabel,
  mediaLeafIds,
  mediaNode,
  mediaSetFromIds,
  parseMedia,
  validateMediaTree,
} from '../../src/domain/media.js';

const ids = (expr: string) => mediaLeafIds(parseMedia(expr));
const allNodes: MediaNode[] = [];
const walk = (n: MediaNode) => {
  allNodes.push(n);
  n.children.forEach(walk);
};
walk(MEDIA_TREE);

const error = domainError;

describe('media tree', () => {
  it('has the leaves in tree order', () => {
    expect([...MEDIA.codes]).toEqual([
      'theatrical',
      'non-theatrical',
      'public-video',
      'airline',
      'hotel',
      'ship',
      'train',
      'vehicle',
      'rental',
      'sell-through',
      'pay-tv',
      'free-tv',
      'basic-tv',
      'svod',
      'avod',
      'tvod',
      'est',
      'fast',
    ]);
    expect(MEDIA_TREE.id).toBe('all-media');
    expect(equals(MEDIA_TREE.leaves, ALL_MEDIA)).toBe(true);
  });
  it("keeps IFTA's nodes and marks ours", () => {
    expect(mediaNode('theatrical')).toMatchObject({ status: 'read', verified: true });
    expect(mediaNode('theatrical')!.source).toMatch(/IFTA/);
    expect(mediaNode('airline')).toMatchObject({ status: 'read-partial', verified: false });
    expect(mediaNode('hotel')).toMatchObject({ status: 'name-only' });
    for (const id of ['all-media', 'pay-tv', 'free-tv', 'basic-tv', 'rental', 'sell-through', 'svod', 'avod', 'tvod', 'est', 'fast'])
      expect(mediaNode(id)!.source, id).toBe('filmrights');
    expect(mediaNode('television')).toMatchObject({ source: 'filmrights', status: 'not-read' });
    expect(mediaNode('television')!.iftaSource).toMatch(/IFTA/);
  });
  it('every node and alias parses to its leaves', () => {
    for (const n of allNodes)
      for (const name of [n.name, n.id, ...n.aliases]) expect(equals(parseMedia(name), n.leaves), `${n.id}: "${name}"`).toBe(true);
    for (const a of MEDIA_ALIAS_SETS)
      for (const name of [a.name, ...a.aliases]) expect(equals(parseMedia(name), a.leaves), `${a.id}: "${name}"`).toBe(true);
  });
});

describe('parseMedia', () => {
  it('reads media as deals write them', () => {
    expect(equals(parseMedia('All Media'), ALL_MEDIA)).toBe(true);
    expect(equals(parseMedia('all rights'), ALL_MEDIA)).toBe(true);
    expect(ids('TV rights')).toEqual(['pay-tv', 'free-tv', 'basic-tv']);
    expect(ids('SVOD')).toEqual(['svod']);
    expect(ids('SVOD and AVOD')).toEqual(['svod', 'avod']);
    expect(ids('Theatrical, DVD')).toEqual(['theatrical', 'rental', 'sell-through']);
    expect(ids('all media excl. theatrical')).toEqual(MEDIA.codes.filter((c) => c !== 'theatrical'));
    expect(ids('all rights except SVOD')).toEqual(MEDIA.codes.filter((c) => c !== 'svod'));
    expect(ids('streaming')).toEqual(['svod', 'avod', 'fast']);
    expect(ids('digital')).toEqual(['svod', 'avod', 'tvod', 'est', 'fast']);
    expect(ids('EST/TVOD')).toEqual(['tvod', 'est']);
    expect(ids('download to own')).toEqual(['est']);
    expect(ids('transactional')).toEqual(['tvod']);
    expect(ids('Home Entertainment')).toEqual(['rental', 'sell-through', 'tvod', 'est']);
    expect(ids('Pay-TV & Free-TV')).toEqual(['pay-tv', 'free-tv']);
    expect(ids('airline rights')).toEqual(['airline']);
    expect(ids('All Media (excl. Television), Pay TV')).toEqual(MEDIA.codes.filter((c) => c !== 'free-tv' && c !== 'basic-tv'));
  });
  it('names unknown media with suggestions', () => {
    const e = error(() => parseMedia('SVDO', 'deal.media'));
    expect(e.code).toBe('unknown-name');
    expect(e.field).toBe('deal.media');
    expect(e.suggestions[0]).toBe('SVOD');
    expect(error(() => parseMedia('Televsion')).suggestions[0]).toBe('Television');
  });
  it('never returns an empty set', () => {
    expect(error(() => parseMedia('')).code).toBe('invalid');
    expect(error(() => parseMedia('all media excl. all rights')).code).toBe('invalid');
  });
});

describe('mediaSetFromIds and mediaLabel', () => {
  it('expands node ids to leaves and rejects unknown ids', () => {
    expect(mediaLeafIds(mediaSetFromIds(['television', 'svod']))).toEqual(['pay-tv', 'free-tv', 'basic-tv', 'svod']);
    const e = error(() => mediaSetFromIds(['svodd'], 'media_ids'));
    expect(e.field).toBe('media_ids');
    expect(e.suggestions).toContain('svod');
  });
  it('names sets as people write them', () => {
    expect(mediaLabel(ALL_MEDIA)).toBe('All Media');
    expect(mediaLabel(parseMedia('pay tv, free tv, basic tv'))).toBe('Television');
    expect(mediaLabel(parseMedia('SVOD'))).toBe('SVOD');
    expect(mediaLabel(parseMedia('all media excl. theatrical'))).toBe('All Media excl. Theatrical');
    expect(mediaLabel(parseMedia('SVOD and AVOD'))).toBe('SVOD and AVOD');
    expect(mediaLabel(parseMedia('svod, avod, fast'))).toBe('Streaming');
    expect(mediaLabel(emptySet(MEDIA.size))).toBe('no media');
  });
  it('labels round-trip for every set of leaves', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: MEDIA.size - 1 }), { minLength: 1 }), (idx) => {
        const s = fromIndices(MEDIA.size, idx);
        const l = mediaLabel(s);
        expect(mediaLeafIds(parseMedia(l)), l).toEqual(mediaLeafIds(s));
      }),
      { numRuns: 300 },
    );
    for (const n of allNodes) {
      const c = minus(ALL_MEDIA, n.leaves);
      if (!isEmpty(c)) expect(equals(parseMedia(mediaLabel(c)), c)).toBe(true);
      expect(equals(parseMedia(mediaLabel(union(n.leaves, mediaSetFromIds(['svod'])))), union(n.leaves, mediaSetFromIds(['svod'])))).toBe(
        true,
      );
    }
  });
});

describe('validateMediaTree', () => {
  const leaf = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id.toUpperCase(), source: 'test', ...extra });
  const msg = (raw: unknown) => {
    try {
      validateMediaTree(raw, 'media.json');
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };
  it('builds a small tree', () => {
    const d = validateMediaTree({
      tree: { ...leaf('all'), children: [leaf('a'), leaf('b')] },
      aliasSets: [{ id: 'ab', name: 'AB both', nodes: ['a', 'b'], source: 't' }],
    });
    expect([...d.table.codes]).toEqual(['a', 'b']);
    expect(d.aliasSets[0].leaves[0]).toBe(3);
  });
  it('rejects bad nodes, naming the file, node and field', () => {
    expect(msg({ tree: { ...leaf('all'), children: [leaf('a'), leaf('a')] } })).toMatch(/media.json: node "a", field "id": duplicate/);
    expect(msg({ tree: { ...leaf('all'), children: [{ id: 'x', source: 't' }] } })).toMatch(/node "x", field "name"/);
    expect(msg({ tree: { ...leaf('all'), children: [leaf('a', { aliases: ['ALL'] })] } })).toMatch(/already names node "a"/);
    expect(msg({ tree: { ...leaf('all'), children: [leaf('a', { status: 'maybe' })] } })).toMatch(/field "status"/);
    expect(msg({ tree: leaf('all'), aliasSets: [{ id: 's', name: 'S', nodes: ['zz'], source: 't' }] })).toMatch(
      /alias set "s", field "nodes\[0\]": unknown media node "zz"/,
    );
  });
});
