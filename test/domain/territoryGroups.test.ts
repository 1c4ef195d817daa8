import { describe, expect, it } from 'vitest';
import { CodeTable } from '../../src/domain/codeTable.js';
import { validateCountries } from '../../src/domain/countries.js';
import { DomainError } from '../../src/domain/errors.js';
import { validateTerritoryGroups } from '../../src/domain/territoryGroups.js';

const table = new CodeTable('country', ['AT', 'BE', 'DE', 'LU', 'NL']);
const ok = (extra: Record<string, unknown>[] = []) => ({
  groups: [
    { id: 'benelux', name: 'Benelux', members: ['BE', 'NL', 'LU'], source: 'test' },
    { id: 'dach', name: 'DACH', aliases: ['German-speaking'], members: ['DE', 'AT'], source: 'test' },
    ...extra,
  ],
});

function rejects(raw: unknown): DomainError {
  try {
    validateTerritoryGroups(raw, table, 'groups.json');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid-data');
    expect((e as DomainError).message).toContain('groups.json');
    return e as DomainError;
  }
  throw new Error('expected the data to be rejected');
}

describe('validateTerritoryGroups', () => {
  it('resolves members, includes and excludes', () => {
    const groups = validateTerritoryGroups(
      ok([
        { id: 'west', name: 'West', includes: ['benelux', 'dach'], excludes: ['LU'], source: 'test' },
        { id: 'all', name: 'All', allCountries: true, source: 'test' },
      ]),
      table,
    );
    const west = groups.find((g) => g.id === 'west')!;
    expect([...west.set]).toEqual([1 | 2 | 4 | 16]); // AT BE DE NL
    expect(groups.find((g) => g.id === 'all')!.set[0]).toBe(31);
    expect(groups.find((g) => g.id === 'dach')!.label).toBe('DACH');
  });
  it('rejects a bad member code, naming the group and the field', () => {
    const e = rejects(ok([{ id: 'bad', name: 'Bad', members: ['DE', 'XX'], source: 'test' }]));
    expect(e.message).toContain('group "bad"');
    expect(e.message).toContain('members[1]');
    expect(e.message).toContain('"XX"');
    expect(e.field).toBe('groups.json#group "bad".members[1]');
  });
  it('rejects unknown includes, bad excludes, cycles and empty groups', () => {
    expect(rejects(ok([{ id: 'x', name: 'X', includes: ['nope'], source: 't' }])).message).toMatch(/group "x".*includes\[0\].*nope/);
    expect(rejects(ok([{ id: 'x', name: 'X', members: ['DE'], excludes: ['ZZ'], source: 't' }])).message).toMatch(/excludes\[0\]/);
    expect(
      rejects(
        ok([
          { id: 'a', name: 'A', includes: ['b'], source: 't' },
          { id: 'b', name: 'B', includes: ['a'], source: 't' },
        ]),
      ).message,
    ).toMatch(/includes itself/);
    expect(rejects(ok([{ id: 'x', name: 'X', members: ['DE'], excludes: ['DE'], source: 't' }])).message).toMatch(/no countries/);
    expect(rejects(ok([{ id: 'x', name: 'X', source: 't' }])).message).toMatch(/needs members/);
  });
  it('rejects duplicate ids, missing fields and names that name two groups', () => {
    expect(rejects(ok([{ id: 'benelux', name: 'Other', members: ['DE'], source: 't' }])).message).toMatch(/duplicate id/);
    expect(rejects(ok([{ id: 'x', members: ['DE'], source: 't' }])).message).toMatch(/group "x", field "name"/);
    expect(rejects(ok([{ id: 'x', name: 'X', members: ['DE'] }])).message).toMatch(/field "source"/);
    expect(rejects(ok([{ id: 'x', name: 'the Benelux!', members: ['DE'], source: 't' }])).message).toMatch(/already names group "benelux"/);
    expect(rejects(ok([{ id: 'Bad Id', name: 'X', members: ['DE'], source: 't' }])).message).toMatch(/id/);
    expect(rejects({ nope: [] }).message).toMatch(/groups/);
  });
});

describe('validateCountries', () => {
  const c = (code: string, extra: Record<string, unknown> = {}) => ({ code, alpha3: `${code}X`, name: `Name ${code}`, ...extra });
  it('accepts a sorted table', () => {
    expect(validateCountries({ countries: [c('AA'), c('BB', { aliases: ['Bee'] })] }).map((x) => x.code)).toEqual(['AA', 'BB']);
  });
  it('rejects bad entries, naming the file, entry and field', () => {
    const msg = (raw: unknown) => {
      try {
        validateCountries(raw, 'countries.json');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(msg({ countries: [c('BB'), c('AA')] })).toMatch(/countries.json: countries\[1\] \(AA\), field "code": not sorted/);
    expect(msg({ countries: [c('AA'), c('AA')] })).toMatch(/duplicate/);
    expect(msg({ countries: [c('A1')] })).toMatch(/alpha-2/);
    expect(msg({ countries: [{ code: 'AA', alpha3: 'AAA' }] })).toMatch(/field "name"/);
    expect(msg({ countries: [c('AA', { aliases: [3] })] })).toMatch(/aliases\[0\]/);
    expect(msg({ countries: Array.from({ length: 257 }, (_, i) => c(`A${i}`)) })).toMatch(/at most 256/);
  });
});
