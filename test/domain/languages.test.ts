import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../src/domain/errors.js';
import { LANGUAGES, languageLabel, languageName, parseLanguages, validateLanguages } from '../../src/domain/languages.js';
import { domainError } from './testing/expectError.js';

const error = domainError;

describe('parseLanguages', () => {
  it('reads absent or "all" as all languages (null)', () => {
    for (const v of [null, undefined, '', '  ', 'all', 'All languages', 'any', []]) expect(parseLanguages(v as never)).toBeNull();
  });
  it('reads names and tags into sorted, unique, normalized BCP 47 tags', () => {
    expect(parseLanguages('French, German')).toEqual(['de', 'fr']);
    expect(parseLanguages(['fr', 'de-CH'])).toEqual(['de-CH', 'fr']);
    expect(parseLanguages('FR-ca; fr-CA; French (Canada)')).toEqual(['fr-CA']);
    expect(parseLanguages('zh-hans, zh_Hant')).toEqual(['zh-Hans', 'zh-Hant']);
    expect(parseLanguages('pt-BR and es-419')).toEqual(['es-419', 'pt-BR']);
    expect(parseLanguages('Brazilian Portuguese / Latin American Spanish')).toEqual(['es-419', 'pt-BR']);
    expect(parseLanguages('Spanish (Latin America)')).toEqual(['es-419']);
    expect(parseLanguages('Chinese (Traditional, Taiwan)')).toEqual(['zh-Hant-TW']);
    expect(parseLanguages('Deutsch & Français')).toEqual(['de', 'fr']);
    expect(parseLanguages('Mandarin, Cantonese')).toEqual(['yue', 'zh']);
    expect(parseLanguages('Farsi')).toEqual(['fa']);
    expect(parseLanguages('sr-Latn-RS')).toEqual(['sr-Latn-RS']);
    expect(parseLanguages('english')).toEqual(['en']);
  });
  it('names unknown languages and bad tags with suggestions', () => {
    const e = error(() => parseLanguages('French, Germn', 'deal.languages'));
    expect(e.code).toBe('unknown-name');
    expect(e.field).toBe('deal.languages');
    expect(e.value).toBe('Germn');
    expect(e.suggestions[0]).toBe('German');
    expect(error(() => parseLanguages('en-UK')).suggestions).toEqual(['en-GB']);
    expect(error(() => parseLanguages('fr-ZZ')).code).toBe('unknown-name');
    expect(error(() => parseLanguages('xx')).code).toBe('unknown-name');
    expect(error(() => parseLanguages('es-999')).code).toBe('unknown-name');
    expect(error(() => parseLanguages('French, all')).code).toBe('invalid');
    expect(error(() => parseLanguages([3] as never)).code).toBe('invalid');
  });
});

describe('languageName and languageLabel', () => {
  it('names tags', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('fr-CA')).toBe('Canadian French');
    expect(languageName('fr-SN')).toBe('French (Senegal)');
    expect(languageName('sr-Latn')).toBe('Serbian (Latin)');
    expect(languageName('zh-Hant-TW')).toBe('Chinese (Traditional, Taiwan)');
    expect(() => languageName('qq')).toThrow(DomainError);
  });
  it('labels lists', () => {
    expect(languageLabel(null)).toBe('All languages');
    expect(languageLabel(['fr'])).toBe('French');
    expect(languageLabel(['de', 'fr'])).toBe('French and German');
    expect(languageLabel(['it', 'de', 'fr'])).toBe('French, German and Italian');
  });
  it('names parse back to their tags', () => {
    const codes = LANGUAGES.map((l) => l.code);
    const region = fc.constantFrom(undefined, 'CA', 'BR', 'US', 'GB', 'CH', 'TW', '419', 'XK');
    const script = fc.constantFrom(undefined, 'Latn', 'Hans', 'Cyrl', 'Zzzz');
    fc.assert(
      fc.property(fc.constantFrom(...codes), script, region, (lang, sc, rg) => {
        const tag = [lang, sc, rg].filter(Boolean).join('-');
        expect(parseLanguages(languageName(tag)), tag).toEqual([tag]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('languages data', () => {
  it('holds ISO 639-1 with names', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(183);
    expect(LANGUAGES.find((l) => l.code === 'de')).toMatchObject({ name: 'German', nativeName: 'Deutsch' });
  });
  it('rejects bad data, naming the entry and field', () => {
    expect(() =>
      validateLanguages({ languages: [{ code: 'fr', name: 'French' }], variants: [{ tag: 'fr-ZZ', name: 'x' }] }, 'l.json'),
    ).toThrow(/l.json: variants\[0\], field "tag"/);
    expect(() => validateLanguages({ languages: [{ code: 'FRE', name: 'French' }] }, 'l.json')).toThrow(/language "FRE", field "code"/);
  });
});
