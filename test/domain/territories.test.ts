import { describe, expect, it } from 'vitest';
import { domainError } from './testing/expectError.js';
import { count, equals, minus, union } from '../../src/domain/bitset.js';
import { SET_EXPR_KEYWORDS } from '../../src/domain/setExpr.js';
import {
  TERRITORY_GROUPS,
  WORLDWIDE,
  lookupTerritoryName,
  parseTerritories,
  suggestTerritories,
  territoryCodes,
  territorySetFromCodes,
} from '../../src/domain/territories.js';

const codes = (expr: string, restOf?: Uint32Array) => territoryCodes(parseTerritories(expr, 'territories', restOf));
const set = (...c: string[]) => territorySetFromCodes(c);
const group = (id: string) => {
  const g = TERRITORY_GROUPS.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g.set;
};
const NA = ['AS', 'CA', 'GU', 'MP', 'PR', 'UM', 'US', 'VI'];

const error = domainError;

describe('every group and alias', () => {
  it('parses to its members, by name, label and every alias', () => {
    for (const g of TERRITORY_GROUPS) {
      for (const n of [g.name, g.label, ...g.aliases]) {
        expect(territoryCodes(parseTerritories(n)), `${g.id}: "${n}"`).toEqual(territoryCodes(g.set));
      }
    }
  });
  it('aliases written as lists mean the union of their parts', () => {
    for (const g of TERRITORY_GROUPS) {
      for (const a of g.aliases) {
        const parts = a.split(/\s*(?:,|&|\/|\band\b)\s*/).filter(Boolean);
        if (parts.length < 2) continue;
        const sets = parts.map((p) => lookupTerritoryName(p));
        if (sets.some((s) => !s)) continue; // a phrase, not a list ("Central and Eastern Europe")
        let u = sets[0]!.set;
        for (const s of sets.slice(1)) u = union(u, s!.set);
        expect(territoryCodes(u), `${g.id}: "${a}"`).toEqual(territoryCodes(g.set));
      }
    }
  });
  it('has the groups the trade names, with the decided memberships', () => {
    const ids = TERRITORY_GROUPS.map((g) => g.id);
    for (const id of [
      'worldwide',
      'north-america',
      'united-states',
      'canada',
      'united-kingdom',
      'uk-ireland',
      'ireland',
      'benelux',
      'scandinavia',
      'german-speaking-europe',
      'france',
      'iberia',
      'spain',
      'italy',
      'latin-america',
      'spanish-speaking-latin-america',
      'brazil',
      'former-yugoslavia',
      'cis',
      'baltics',
      'eastern-europe',
      'middle-east',
      'africa',
      'sub-saharan-africa',
      'anz',
      'pan-asia',
      'indian-subcontinent',
      'greater-china',
      'japan',
      'south-korea',
      'southeast-asia',
      'europe',
    ]) {
      expect(ids).toContain(id);
    }
    expect(count(group('worldwide'))).toBe(250);
    expect(territoryCodes(group('north-america'))).toEqual(NA);
    expect(territoryCodes(group('united-kingdom'))).toEqual(['GB', 'GG', 'IM', 'JE']);
    expect(territoryCodes(group('german-speaking-europe'))).toEqual(['AT', 'CH', 'DE', 'LI', 'LU']);
    expect(territoryCodes(group('greater-china'))).toEqual(['CN', 'HK', 'MO', 'TW']);
    expect(territoryCodes(group('italy'))).toEqual(['IT', 'SM', 'VA']);
    expect(territoryCodes(group('france'))).toEqual(['BL', 'FR', 'GF', 'GP', 'MC', 'MF', 'MQ', 'NC', 'PF', 'PM', 'RE', 'TF', 'WF', 'YT']);
    expect(territoryCodes(group('cis'))).not.toContain('UA');
    expect(territoryCodes(group('cis'))).not.toContain('EE');
    expect(territoryCodes(group('former-yugoslavia'))).toContain('XK');
    expect(count(group('sub-saharan-africa'))).toBe(49);
    expect(equals(group('africa'), union(group('north-africa'), group('sub-saharan-africa')))).toBe(true);
    expect(territoryCodes(group('latin-america'))).not.toContain('PR');
    expect(territoryCodes(group('latin-america'))).toContain('MX');
  });
  it('every group has a source', () => {
    for (const g of TERRITORY_GROUPS) expect(g.source.length, g.id).toBeGreaterThan(5);
  });
});

describe('parseTerritories', () => {
  it('reads worldwide and its exclusions', () => {
    expect(equals(parseTerritories('Worldwide'), WORLDWIDE)).toBe(true);
    expect(equals(parseTerritories('World'), WORLDWIDE)).toBe(true);
    expect(equals(parseTerritories('all territories'), WORLDWIDE)).toBe(true);
    expect(equals(parseTerritories('Worldwide excluding China'), minus(WORLDWIDE, set('CN')))).toBe(true);
    expect(equals(parseTerritories('WW ex China'), minus(WORLDWIDE, set('CN')))).toBe(true);
    expect(equals(parseTerritories('Worldwide excl. North America and China'), minus(WORLDWIDE, set(...NA, 'CN')))).toBe(true);
    expect(equals(parseTerritories('World (excl. U.S.)'), minus(WORLDWIDE, group('united-states')))).toBe(true);
    expect(equals(parseTerritories('Worldwide, except for the U.S.'), minus(WORLDWIDE, group('united-states')))).toBe(true);
  });
  it('reads groups, adjectives and noise words', () => {
    expect(codes('North America')).toEqual(NA);
    expect(codes('North American rights')).toEqual(NA);
    expect(codes('U.S. and Canada')).toEqual(NA);
    expect(codes('US & Canada')).toEqual(NA);
    expect(codes('No. America')).toEqual(NA);
    expect(codes('Latin American territory')).toEqual(territoryCodes(group('latin-america')));
    expect(codes('German-speaking territories')).toEqual(['AT', 'CH', 'DE', 'LI', 'LU']);
    expect(codes('Scandinavian rights')).toEqual(territoryCodes(group('scandinavia')));
    expect(codes('the U.K.')).toEqual(['GB', 'GG', 'IM', 'JE']);
    expect(codes('U.K. only')).toEqual(['GB', 'GG', 'IM', 'JE']);
    expect(codes('Aus/NZ')).toEqual(['AU', 'NZ']);
    expect(codes('ANZ')).toEqual(['AU', 'NZ']);
    expect(codes('GSA')).toEqual(['AT', 'CH', 'DE', 'LI', 'LU']);
    expect(codes('Eire')).toEqual(['IE']);
    expect(codes('LatAm')).toEqual(territoryCodes(group('latin-america')));
  });
  it('reads exclusions within a group', () => {
    const latam = group('latin-america');
    expect(equals(parseTerritories('Latin America (excl. Brazil)'), minus(latam, set('BR')))).toBe(true);
    expect(equals(parseTerritories('Latin America except Brazil and Mexico'), minus(latam, set('BR', 'MX')))).toBe(true);
    expect(equals(parseTerritories('Latin America (excl. Brazil), Spain'), union(minus(latam, set('BR')), group('spain')))).toBe(true);
    expect(
      equals(parseTerritories('Europe excl. EU except France'), minus(group('europe'), minus(group('european-union'), group('france')))),
    ).toBe(true);
    expect(equals(parseTerritories('North America incl. Bermuda'), set(...NA, 'BM'))).toBe(true);
  });
  it('reads lists of countries, codes and groups', () => {
    expect(codes('DE, AT, CH')).toEqual(['AT', 'CH', 'DE']);
    expect(codes('DEU; AUT')).toEqual(['AT', 'DE']);
    expect(codes('UK & Eire')).toEqual(['GB', 'GG', 'IE', 'IM', 'JE']);
    expect(codes('France; Benelux')).toEqual(territoryCodes(union(group('france'), group('benelux'))));
    expect(codes('Germany/Austria')).toEqual(['AT', 'DE']);
    expect(codes('Germany + Austria')).toEqual(['AT', 'DE']);
    expect(codes('Bosnia and Herzegovina, Croatia and Trinidad and Tobago')).toEqual(['BA', 'HR', 'TT']);
    expect(codes('Korea, Republic of')).toEqual(['KR']);
    expect(codes('Virgin Islands, British')).toEqual(['VG']);
    expect(codes('Cocos (Keeling) Islands')).toEqual(['CC']);
    expect(codes('St. Lucia and St Kitts and Nevis')).toEqual(['KN', 'LC']);
  });
  it('matches names forgivingly', () => {
    expect(codes('GERMANY')).toEqual(['DE']);
    expect(codes('deutschland')).toEqual(['DE']);
    expect(codes('Cote d Ivoire')).toEqual(['CI']);
    expect(codes('Côte d’Ivoire')).toEqual(['CI']);
    expect(codes('the Netherlands')).toEqual(['NL']);
    expect(codes('Türkiye')).toEqual(['TR']);
    expect(codes('England')).toEqual(['GB']);
    expect(codes('Canary Islands')).toEqual(['ES']);
    expect(codes('Kosovo')).toEqual(['XK']);
  });
  it('reads Rest of World against the territories already named', () => {
    const named = parseTerritories('North America');
    expect(equals(parseTerritories('Rest of World', 'territories', named), minus(WORLDWIDE, named))).toBe(true);
    expect(equals(parseTerritories('RoW', 'territories', named), minus(WORLDWIDE, named))).toBe(true);
    expect(equals(parseTerritories('Rest of the World excl. China', 'territories', named), minus(WORLDWIDE, set(...NA, 'CN')))).toBe(true);
    const e = error(() => parseTerritories('Rest of World'));
    expect(e.code).toBe('invalid');
    expect(e.field).toBe('territories');
    expect(e.message).toMatch(/rest of the territories/);
    expect(error(() => parseTerritories('RoW', 'territories', WORLDWIDE)).message).toMatch(/leaves no territory/);
  });
  it('never returns an empty set silently', () => {
    for (const expr of ['', '   ', 'Worldwide excl. Worldwide', 'rights', ', ;']) {
      const e = error(() => parseTerritories(expr, 'deal.territories'));
      expect(e.code).toBe('invalid');
      expect(e.field).toBe('deal.territories');
    }
    expect(error(() => parseTerritories('excl. China')).code).toBe('invalid');
    expect(error(() => parseTerritories('Worldwide excl.')).code).toBe('invalid');
  });
  it('names unknown territories with close suggestions', () => {
    const e = error(() => parseTerritories('Germny, France', 'deal.territories'));
    expect(e.code).toBe('unknown-name');
    expect(e.field).toBe('deal.territories');
    expect(e.value).toBe('Germny');
    expect(e.suggestions[0]).toBe('Germany');
    expect(e.message).toContain('Did you mean: Germany');
    expect(error(() => parseTerritories('Scandanavia')).suggestions[0]).toBe('Scandinavia');
    expect(error(() => parseTerritories('Latin Amerika')).suggestions).toContain('Latin America');
    expect(error(() => parseTerritories('Worldwide excl. Chinaa')).suggestions).toContain('China');
    expect(error(() => parseTerritories('Narnia')).code).toBe('unknown-name');
  });
});

describe('codes and sets', () => {
  it('round-trips codes', () => {
    expect(territoryCodes(territorySetFromCodes(['de', 'AT', 'XK']))).toEqual(['AT', 'DE', 'XK']);
  });
  it('rejects unknown codes with suggestions', () => {
    const e = error(() => territorySetFromCodes(['DE', 'UK'], 'codes'));
    expect(e.code).toBe('unknown-name');
    expect(e.field).toBe('codes');
    expect(e.suggestions).toEqual(['GB']);
    expect(error(() => territorySetFromCodes(['DEU'])).suggestions).toEqual(['DE']);
  });
  it('WORLDWIDE holds every code', () => {
    expect(count(WORLDWIDE)).toBe(250);
  });
});

describe('suggestTerritories', () => {
  it('completes prefixes, groups and countries', () => {
    const s = suggestTerritories('north am');
    expect(s[0]).toEqual({ name: 'North America', kind: 'group', codes: NA });
    expect(suggestTerritories('ger').map((x) => x.name)).toEqual(expect.arrayContaining(['Germany', 'German-speaking Europe']));
    expect(suggestTerritories('Benelux')[0].name).toBe('Benelux');
    expect(suggestTerritories('DE')[0]).toMatchObject({ name: 'Germany', kind: 'country', codes: ['DE'] });
    expect(suggestTerritories('nordics')[0].name).toBe('Scandinavia');
  });
  it('forgives typos and respects the limit', () => {
    expect(suggestTerritories('Germny').map((x) => x.name)).toContain('Germany');
    expect(suggestTerritories('a', 3)).toHaveLength(3);
    expect(suggestTerritories('')).toEqual([]);
  });
});

describe('hyphenated ex', () => {
  it('reads "ex-China" as an exclusion but keeps names that start with Ex-', () => {
    expect(territoryCodes(parseTerritories('WW ex-China'))).toEqual(territoryCodes(minus(WORLDWIDE, territorySetFromCodes(['CN']))));
    expect(territoryCodes(parseTerritories('Ex-Yugoslavia'))).toEqual(['BA', 'HR', 'ME', 'MK', 'RS', 'SI', 'XK']);
    expect(territoryCodes(parseTerritories('ex-USSR excl. Baltics'))).toEqual(territoryCodes(parseTerritories('CIS, Ukraine, Georgia')));
  });
});

describe('the keywords editors offer are the ones the parser reads', () => {
  it('reads every keyword of SET_EXPR_KEYWORDS between two territories', () => {
    for (const k of SET_EXPR_KEYWORDS) expect(() => parseTerritories(`Europe ${k} France`), k).not.toThrow();
    expect(() => parseTerritories('Europe exceptt France')).toThrow();
  });
});
