/**
 * The real CLI, as a process, on a temporary SQLite file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT, ROOT, runCli, type Run } from '../support/processes.js';
import type { AvailRowView } from '../../src/services/views.js';

const dir = mkdtempSync(join(tmpdir(), 'filmrights-cli-'));
const DB = join(dir, 'filmrights.db');

/** One CLI process on a SQLite file, to its exit (test/support/processes.ts). */
function cli(args: string[], db = DB, input?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: db };
  delete env.DATABASE_URL;
  return runCli(args, { env, input });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every test runs one to a dozen CLI processes in a row: room for a busy machine.
describe('the filmrights CLI', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('imports the demo document', async () => {
    const r = await cli(['import', join(ROOT, 'data/demo.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Imported 5 companies, 19 people, 16 titles, 5 contracts, .*57 facts, 7 accounts, 2 buyers, 1 markets, 2 offers\.\n$/,
    );
  });

  it('answers avails as JSON: One Second in North America is sold to Neon', async () => {
    const r = await cli([
      'avails',
      '--title',
      'One Second',
      '--territory',
      'North America',
      '--media',
      'all rights',
      '--from',
      '2022-01-01',
      '--to',
      '2022-12-31',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as { rows: AvailRowView[] };
    expect(Object.keys(answer)).toEqual(['rows']);
    expect(answer.rows).toHaveLength(1);
    const [row] = answer.rows;
    expect(row).toMatchObject({
      titles: ['One Second'],
      titleIds: ['one-second'],
      territoryLabel: 'North America',
      mediaLabel: 'All Media',
      start: '2022-01-01',
      end: '2022-12-31',
      status: 'unavailable',
    });
    expect(row.territories).toEqual(expect.arrayContaining(['US', 'CA']));
    expect(row.reasons).toEqual([
      {
        code: 'rights-out-exist',
        contracts: ['WB-NEON-ONE-SECOND-NA'],
        message: 'sold to WB-NEON-ONE-SECOND-NA (Neon)',
        // the demo's Neon deal was read from the seed article, and nobody has reviewed it yet
        deals: [
          {
            ref: 'WB-NEON-ONE-SECOND-NA',
            id: expect.any(String),
            licensor: 'Wild Bunch',
            licensee: 'Neon',
            end: '2036-09-17',
            notReviewed: true,
          },
        ],
      },
    ]);
  });

  it('prints avails as a table by default, with labels, periods and reasons', async () => {
    const r = await cli([
      'avails',
      '--title',
      'ONE SECOND',
      '--territory',
      'Worldwide',
      '--media',
      'all media',
      '--from',
      '2022-01-01',
      '--to',
      '2022-12-31',
      '--non-exclusive',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Worldwide excl. North');
    expect(r.stdout).toContain('2022-01-01 to 2022-12-31');
    expect(r.stdout).toContain('no-rights-in: we hold no');
    expect(r.stdout).not.toContain('\u001b['); // no colours into a pipe
  });

  it('prints one clear line naming the field on an error, and exits with 1', async () => {
    const r = await cli(['avails', '--title', 'One Second', '--territory', 'Germny', '--media', 'all rights', '--from', '2022-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: territories: unknown territory "Germny". Did you mean: Germany?\n');
    const bad = await cli(['avails', '--title', 'One Second', '--territory', 'Germany', '--media', 'all rights', '--from', '2022-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: start: "2022-13-01" is not a real calendar date\n');
  });

  it('exports the record, which imports into an empty database and exports the same', async () => {
    const first = join(dir, 'export-1.json');
    const r = await cli(['export', first]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(first, 'utf8'));
    expect(doc.format).toBe('filmrights/1');
    expect(doc.we).toBe('Wild Bunch');
    expect(doc.titles).toHaveLength(16);
    const other = join(dir, 'other.db');
    expect((await cli(['import', first], other)).code).toBe(0);
    const second = join(dir, 'export-2.json');
    expect((await cli(['export', second], other)).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('refuses a bad document as a whole, one line per problem', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        contracts: [
          {
            ref: 'X',
            licensor: 'Wild Bunch',
            licensee: 'Neno',
            status: 'signed',
            titles: ['One Second'],
            blocks: [{ territories: 'Germny', media: 'All Media' }],
          },
        ],
      }),
    );
    const r = await cli(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: 2 problems, nothing was imported:',
      '  contracts[0].licensee: unknown company "Neno". Did you mean: Neon?',
      '  contracts[0].blocks[0].territories: unknown territory "Germny". Did you mean: Germany?',
    ]);
  });

  it('checks a proposed deal for conflicts (exit 2 when it collides)', async () => {
    const deal = join(dir, 'deal.json');
    writeFileSync(
      deal,
      JSON.stringify({
        titles: ['One Second'],
        blocks: [{ territories: 'Canada', media: 'SVOD', start: '2023-01-01', end: '2024-12-31' }],
      }),
    );
    const r = await cli(['conflicts', deal]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Conflicts: the deal cannot be signed as it is.');
    expect(r.stdout).toContain(
      'blocks[0]: conflict: One Second, Canada, SVOD, 2023-01-01 to 2024-12-31: sold to WB-NEON-ONE-SECOND-NA (Neon)',
    );
    writeFileSync(
      deal,
      JSON.stringify({
        titles: ['One Second'],
        blocks: [{ territories: 'Germany', media: 'SVOD', start: '2023-01-01', end: '2024-12-31' }],
      }),
    );
    const clear = await cli(['conflicts', deal]);
    expect(clear.code).toBe(0);
    expect(clear.stdout).toContain('Clear');
  });

  it('adds and lists users', async () => {
    const add = await cli(['users', 'add', 'eva', '--role', 'editor', '--financials', '--password', 'correct horse battery']);
    expect(add.code, add.stderr).toBe(0);
    const short = await cli(['users', 'passwd', 'eva'], DB, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('error: password: at least 10 characters\n');
    const list = await cli(['users', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ username: 'eva', role: 'editor', canSeeFinancials: true })]);
  });

  it('says a password is missing, and how to give it, when none is given', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: DB };
    delete env.DATABASE_URL;
    delete env.FILMRIGHTS_PASSWORD;
    const r = await runCli(['users', 'add', 'carol'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: password: missing; give it with --password, in FILMRIGHTS_PASSWORD, or on standard input (or run the command in a terminal to be asked)\n',
    );
    const list = await cli(['users', 'list', '--json']);
    expect((JSON.parse(list.stdout) as Array<{ username: string }>).map((u) => u.username)).not.toContain('carol');
  });

  it('changes a role, disables, enables and resets a password; the last enabled admin stays', async () => {
    const ada = await cli(['users', 'add', 'ada', '--role', 'admin', '--password', 'correct horse battery']);
    expect(ada.code, ada.stderr).toBe(0);
    const demote = await cli(['users', 'set-role', 'ada', 'editor']);
    expect(demote.code).toBe(1);
    expect(demote.stderr).toBe('error: role: at least one enabled admin must remain (ada is the last one)\n');
    const role = await cli(['users', 'set-role', 'eva', 'viewer']);
    expect(role.code, role.stderr).toBe(0);
    expect(role.stdout).toBe('eva is now a viewer.\n');
    expect((await cli(['users', 'disable', 'eva'])).code).toBe(0);
    let list = JSON.parse((await cli(['users', 'list', '--json'])).stdout) as Array<{ username: string; role: string; disabled: boolean }>;
    expect(list.find((u) => u.username === 'eva')).toMatchObject({ role: 'viewer', disabled: true });
    expect((await cli(['users', 'enable', 'eva'])).code).toBe(0);
    list = JSON.parse((await cli(['users', 'list', '--json'])).stdout);
    expect(list.find((u) => u.username === 'eva')).toMatchObject({ disabled: false });
    const reset = await cli(['users', 'reset-password', 'eva']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/^New password of eva: [\w-]{16} \(shown once/);
    const nobody = await cli(['users', 'disable', 'nobody']);
    expect(nobody.stderr).toBe('error: username: no user "nobody"\n');
    const help = await cli(['users', '--help']);
    for (const c of ['set-role <username> <role>', 'disable <username>', 'enable <username>', 'reset-password <username>'])
      expect(help.stdout).toContain(c);
  });

  it('backs up and restores into an empty database', async () => {
    const backup = join(dir, 'backup.db');
    const b = await cli(['backup', backup]);
    expect(b.code, b.stderr).toBe(0);
    const fresh = join(dir, 'restored.db');
    const r = await cli(['restore', backup], fresh);
    expect(r.code, r.stderr).toBe(0);
    const again = await cli(['restore', backup], fresh);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: database: not empty/);
    const missing = join(dir, 'no-such-backup.db');
    const none = await cli(['restore', missing], join(dir, 'never-made.db'));
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`error: file: "${missing}" does not exist\n`);
    expect(existsSync(join(dir, 'never-made.db'))).toBe(false);
    const avails = await cli(
      [
        'avails',
        '--title',
        'One Second',
        '--territory',
        'North America',
        '--media',
        'all rights',
        '--from',
        '2022-01-01',
        '--to',
        '2022-12-31',
        '--json',
      ],
      fresh,
    );
    expect(JSON.parse(avails.stdout).rows[0].reasons[0].code).toBe('rights-out-exist');
  });

  it('loads the demo only into an empty catalog', async () => {
    const r = await cli(['demo']);
    expect(r.stdout).toContain('demo not loaded');
    const empty = join(dir, 'demo.db');
    const d = await cli(['demo'], empty);
    expect(d.stdout).toContain('Demo loaded: 16 titles, 5 contracts, 57 sourced facts.');
  });

  it("runs the README's statement example on the demo", async () => {
    const line = readFileSync(join(ROOT, 'README.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('npx filmrights statement '))!;
    const args = line.split('#')[0].trim().split(/\s+/).slice(2);
    const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: join(dir, 'demo.db') };
    delete env.DATABASE_URL;
    const r = await runCli(args, { env, cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdf = args[args.indexOf('--pdf') + 1];
    expect(readFileSync(join(dir, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
