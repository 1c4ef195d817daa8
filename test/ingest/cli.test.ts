/** `filmrights ingest <file|url> [--json]` as a process, on a temporary SQLite file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/filmrights.js');
const SEED = join(ROOT, 'corpus/articles/00-seed-one-second.txt');
const dir = mkdtempSync(join(tmpdir(), 'filmrights-ingest-cli-'));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: join(dir, 'filmrights.db') };
    delete env.DATABASE_URL;
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 60_000, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filmrights ingest', () => {
  it('stores an article file with its facts, once, and prints them (or JSON)', async () => {
    const first = await cli(['ingest', SEED, '--outlet', 'Variety']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Ingested article \S+: Ahead of its premiere .* \(Variety, 2021-07-20\), 53 facts \(53 to review\)/);
    expect(first.stdout).toContain('deal             Neon ← Wild Bunch: One Second, North America; negotiated by Jeff Deutchman (Neon), Eva Diederix (Wild Bunch)');
    expect(first.stdout).toContain('withdrawal       One Second withdrawn from Berlin International Film Festival 2019 (69th), Competition: technical reasons');
    const again = await cli(['ingest', SEED, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json.duplicate).toBe(true);
    expect(json.article.facts).toHaveLength(53);
  });

  it('--dry-run extracts without a database; errors name the problem', async () => {
    const dry = await cli(['ingest', '--dry-run', '--json', join(ROOT, 'corpus/articles/10-charades-season-in-hell.txt'), '--date', '2024-05-20']);
    expect(dry.code, dry.stderr).toBe(0);
    const facts = JSON.parse(dry.stdout).facts as Array<{ type: string; fields: { buyer?: string } }>;
    expect(facts.filter((f) => f.type === 'deal').map((f) => f.fields.buyer)).toEqual(['Diaphana', 'Cineart', 'Sun Distribution', 'Curzon', 'Neon']);
    const missing = await cli(['ingest', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: file: cannot read ".*nope\.txt" \(ENOENT\)/);
  });
});
