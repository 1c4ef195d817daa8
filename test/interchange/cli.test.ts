/** `filmrights import` (any format) and `filmrights export avails|<list>`, as a process on a temporary SQLite file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-interchange-cli-'));
const DB = join(dir, 'filmrights.db');
/** MovieLabs' published samples, vendored with their licence (test/fixtures/movielabs/README.md). */
const SAMPLE = (f: string) => join(ROOT, 'test/fixtures/movielabs', f);

/** One CLI process on a SQLite file, to its exit (test/support/processes.ts). */
function cli(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: DB };
  delete env.DATABASE_URL;
  return runCli(args, { env });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test runs CLI processes in a row: room for a busy machine.
describe('filmrights import / export (interchange)', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('imports the demo JSON, then a deal sheet (format detected, preview first)', async () => {
    expect((await cli(['import', join(ROOT, 'data/demo.json')])).code).toBe(0);
    const sheet = join(dir, 'deals.csv');
    writeFileSync(sheet, 'Film,Licensee,Territories,Rights,From,To,Excl.\nOne Second,Cinéart,Benelux,Pay TV,2023-01-01,2025-12-31,yes\n');
    const preview = await cli(['import', sheet, '--preview']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /^Would import deals sheet \(1 rows\): 0 new titles, 1 new companies, 1 contracts with 1 rights blocks\./,
    );
    expect(preview.stdout).toContain('Nothing was written (preview).');
    const done = await cli(['import', sheet]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Imported deals sheet/);
    expect(done.stdout).toContain('One Second: Benelux; Pay TV; 2023-01-01 to 2025-12-31');
  });

  it('refuses the MovieLabs error sample, one line per problem, exit 1', async () => {
    const r = await cli(['import', SAMPLE('Avails_withErrors.xml'), '--retailer', 'iTunes']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/Avails_withErrors\.xml was refused, nothing was written: \d+ problems/);
    expect(lines).toContain(
      '  /AvailList/Avail[1]/Transaction[1]/Territory[1]: unknown country code "JJ" (ISO 3166-1 alpha-2) (did you mean: BJ, DJ, FJ?)',
    );
  });

  it('imports an EMA spreadsheet for a retailer, and exports EMA XML that validates', async () => {
    const r = await cli(['import', SAMPLE('Movies_v1.8.xlsx'), '--retailer', 'iTunes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported EMA avails \(spreadsheet v1\.8, 27 transactions\): 3 new titles/);
    const out = join(dir, 'avails.xml');
    const e = await cli([
      'export',
      'avails',
      '--format',
      'ema-xml',
      '--version',
      '2.4',
      '--out',
      out,
      '--from',
      '2022-01-01',
      '--retailer',
      'MUBI',
      '--license-type',
      'SVOD',
      '--license-type',
      'EST',
    ]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toMatch(/^Exported \d+ EMA transactions to /);
    expect((await validateAvailsXml(readFileSync(out, 'utf8'))).valid).toBe(true);
    const list = join(dir, 'contracts.csv');
    const l = await cli(['export', 'contracts', '--out', list]);
    expect(l.code, l.stderr).toBe(0);
    expect(readFileSync(list, 'utf8')).toContain('Cinéart');
  });
});
