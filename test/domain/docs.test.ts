import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMediaDoc } from '../../src/domain/mediaDoc.js';
import { renderTerritoryDoc } from '../../src/domain/territoryDoc.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('generated docs are up to date', () => {
  it('docs/territories.md matches data/territory-groups.json (npx tsx scripts/gen-territory-doc.ts)', () => {
    expect(read('docs/territories.md')).toBe(renderTerritoryDoc());
  });
  it('docs/media.md matches data/media-tree.json (npx tsx scripts/gen-media-doc.ts)', () => {
    expect(read('docs/media.md')).toBe(renderMediaDoc());
  });
  it('every group and its judgment calls are in the territory doc', () => {
    const doc = renderTerritoryDoc();
    expect(doc).toContain('| North America | `north-america` |');
    expect(doc).toContain('### CIS (`cis`)');
    expect(doc).toMatch(/Ukraine \(UA\) is NOT included/);
  });
});
