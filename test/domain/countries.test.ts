import { describe, expect, it } from 'vitest';
import { COUNTRIES, COUNTRY_LIST, countryName, findCountry, getCountry } from '../../src/domain/countries.js';
import { DomainError } from '../../src/domain/errors.js';

describe('countries', () => {
  it('holds every ISO 3166-1 alpha-2 code plus XK, sorted, within 256 bits', () => {
    expect(COUNTRIES.size).toBe(250);
    expect(COUNTRIES.size).toBeLessThanOrEqual(256);
    expect([...COUNTRIES.codes]).toEqual([...COUNTRIES.codes].sort());
    expect(COUNTRIES.has('XK')).toBe(true);
    expect(getCountry('XK')!.note).toMatch(/user-assigned/);
    for (const c of [
      'US',
      'GB',
      'DE',
      'FR',
      'CN',
      'PR',
      'GG',
      'JE',
      'IM',
      'GI',
      'FO',
      'GL',
      'UM',
      'AS',
      'MP',
      'VI',
      'GU',
      'BL',
      'MF',
      'TF',
    ])
      expect(COUNTRIES.has(c), c).toBe(true);
    expect(COUNTRY_LIST.every((c) => /^[A-Z]{3}$/.test(c.alpha3))).toBe(true);
  });
  it('names codes', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('cn')).toBe('China');
    expect(countryName('XK')).toBe('Kosovo');
    expect(() => countryName('ZZ')).toThrow(DomainError);
  });
  it('finds countries by name, alias, own-language name and code', () => {
    const cases: [string, string][] = [
      ['Germany', 'DE'],
      ['DE', 'DE'],
      ['deu', 'DE'],
      ['Deutschland', 'DE'],
      ['USA', 'US'],
      ['U.S.', 'US'],
      ['United States of America', 'US'],
      ['UK', 'GB'],
      ['Great Britain', 'GB'],
      ['England', 'GB'],
      ['Eire', 'IE'],
      ['South Korea', 'KR'],
      ['Korea, Republic of', 'KR'],
      ['Ivory Coast', 'CI'],
      ["cote d'ivoire", 'CI'],
      ['Czechia', 'CZ'],
      ['Holland', 'NL'],
      ['España', 'ES'],
      ['Canary Islands', 'ES'],
      ['Russian Federation', 'RU'],
      ['Vatican', 'VA'],
      ['DR Congo', 'CD'],
      ['Republic of the Congo', 'CG'],
    ];
    for (const [q, code] of cases) expect(findCountry(q), q).toBe(code);
    expect(findCountry('Congo')).toBeUndefined(); // two countries claim it
    expect(findCountry('Narnia')).toBeUndefined();
  });
});
