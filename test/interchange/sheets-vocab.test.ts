import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { importFile } from '../../src/services/imports.js';
import { ImportRefused, type Problem } from '../../src/interchange/problems.js';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

let app: FilmRights;
beforeEach(async () => {
  app = await FilmRights.open({ file: ':memory:' });
  await setWeCompany(app, SYSTEM, (await findOrCreateCompany(app, SYSTEM, { name: 'Rockstar Films', kind: 'distributor' })).company.id);
});
afterEach(() => app.close());

async function errorsOf(file: Buffer, name: string): Promise<Problem[]> {
  const r = await importFile(app, SYSTEM, file, name, { commit: true }).catch((e: unknown) => e);
  expect(r).toBeInstanceOf(ImportRefused);
  return (r as ImportRefused).problems.filter((p) => p.severity === 'error');
}

describe('deal and catalog sheets share the strict vocabularies', () => {
  it('an unknown MG currency is an error naming the row and column, with the closest codes', async () => {
    const e = await errorsOf(
      csv(['Title;Buyer;Territory;Media;Start;End;MG;Currency', 'One Second;Neon;Canada;SVOD;2026-01-01;2027-12-31;100000;EUX']),
      'deals.csv',
    );
    expect(e).toHaveLength(1);
    expect(e[0].where).toMatch(/row 2.*Currency/);
    expect(e[0].message).toBe('unknown currency code "EUX" is not an ISO 4217 currency code');
    expect(e[0].suggestions).toContain('EUR');
  });

  it('an unknown production country in a catalog sheet is an error with suggestions', async () => {
    const e = await errorsOf(
      csv(['Title;Year;Director;Countries;Languages', 'One Second;2020;Zhang Yimou;China, Frnace;zh']),
      'catalog.csv',
    );
    expect(e).toHaveLength(1);
    expect(e[0].where).toMatch(/^row 2, /);
    expect(e[0].message).toMatch(/unknown country "Frnace"/);
    expect(e[0].suggestions).toContain('France');
  });
});
