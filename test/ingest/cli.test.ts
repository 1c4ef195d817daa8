/** `filmrights ingest <file|url> [--json]` as a process, on a temporary SQLite file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';

const SEED = join(ROOT, 'corpus/articles/00-seed-one-second.txt');
const dir = mkdtempSync(join(tmpdir(), 'filmrights-ingest-cli-'));

/** One CLI process on a SQLite file, to its exit (test/support/processes.ts). */
function cli(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: join(dir, 'filmrights.db') };
  delete env.DATABASE_URL;
  return runCli(args, { env });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test runs CLI processes in a row: room for a busy machine.
describe('filmrights ingest', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('stores an article file with its facts, once, and prints them (or JSON)', async () => {
    const first = await cli(['ingest', SEED, '--outlet', 'Variety']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Ingested article \S+: Ahead of its premiere .* \(Variety, 2021-07-20\), 53 facts \(53 to review\)/);
    expect(first.stdout).toContain(
      'deal             Neon ← Wild Bunch: One Second, North America; negotiated by Jeff Deutchman (Neon), Eva Diederix (Wild Bunch)',
    );
    expect(first.stdout).toContain(
      'withdrawal       One Second withdrawn from Berlin International Film Festival 2019 (69th), Competition: technical reasons',
    );
    const again = await cli(['ingest', SEED, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.duplicate).toBe(true);
    expect(json.article.facts).toHaveLength(53);
  });

  it('--dry-run extracts without a database; errors name the problem', async () => {
    const dry = await cli([
      'ingest',
      '--dry-run',
      '--json',
      join(ROOT, 'corpus/articles/10-charades-season-in-hell.txt'),
      '--date',
      '2024-05-20',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    const facts = JSON.parse(dry.stdout).facts as Array<{ type: string; fields: { buyer?: string } }>;
    expect(facts.filter((f) => f.type === 'deal').map((f) => f.fields.buyer)).toEqual([
      'Diaphana',
      'Cineart',
      'Sun Distribution',
      'Curzon',
      'Neon',
    ]);
    // a sentence that speaks of a sale the reader drew nothing from is named after the facts, for a person to read
    const article = join(dir, 'unread.txt');
    writeFileSync(
      article,
      'Greyline Releasing has acquired U.S. rights to "The Copper Bay" from Northlight Sales.\n' +
        "Lantern Pictures, fresh from a busy week and a long night, also closed on Dana Holt's Salt Road, a tale told over one long winter.\n",
    );
    const plain = await cli(['ingest', '--dry-run', article, '--date', '2024-05-20']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(
      "1 sentence speaks of a sale the reader did not read, or read in part: read it\n  “Lantern Pictures, fresh from a busy week and a long night, also closed on Dana Holt's Salt Road",
    );
    const json = JSON.parse((await cli(['ingest', '--dry-run', '--json', article])).stdout);
    expect(plain.stdout).toContain("    (buyer perhaps Lantern Pictures; title perhaps Salt Road, Dana Holt's Salt Road)");
    expect(json.unread).toEqual([
      { span: [87, 217], partly: false, names: ['Lantern Pictures'], titles: ['Salt Road', "Dana Holt's Salt Road"] },
    ]);
    const missing = await cli(['ingest', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: file: cannot read ".*nope\.txt" \(ENOENT\)/);
  });
});
