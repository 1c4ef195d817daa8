/**
 * The command line: the same database as the server (DATABASE_URL for
 * PostgreSQL, FILMRIGHTS_DB for a SQLite file, else ./data/filmrights.db),
 * the same services.
 *
 *   filmrights import <file> | export <file>
 *   filmrights avails --title "One Second" --territory "North America" --media "all rights" --from 2022-01-01 [--json]
 *   filmrights conflicts <deal.json>
 *   filmrights statement <contract> --period 2022-Q1 [--json | --pdf FILE | --xlsx FILE] [--issue]
 *   filmrights users add|list|passwd|reset-password|set-role|disable|enable
 *   filmrights demo | backup <file> | restore <file> | serve
 *
 * Errors print one line per problem, naming the field, and exit with 1.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Table from 'cli-table3';
import { Argument, Command, Option } from 'commander';
import { MATCH_TYPES, type MatchType } from '../domain/avails.js';
import { DomainError, invalid } from '../domain/errors.js';
import { DEFAULT_SQLITE_FILE, SCHEMA_VERSION, StoreConfigError, USER_ROLES, type SchemaUpgrade, type UserRole } from '../store/index.js';
import { FilmRights, SYSTEM, type Actor, type IndexSnapshotOptions } from '../services/app.js';
import { askAvails, type AvailsInput } from '../services/avails.js';
import { backupDatabase, checkBackupFile, removePartial, restoreDatabase } from '../services/backup.js';
import { TitleIndex } from '../services/catalog.js';
import { checkProposedDeal, type BlockInput } from '../services/contracts.js';
import { loadDemo } from '../services/demo.js';
import { checkIntegrity } from '../services/integrity.js';
import { defaultSnapshotFile } from '../services/indexSnapshot.js';
import { ForbiddenError, NotFoundError, RightsConflictError, StaleVersionError } from '../services/errors.js';
import { ImportError } from '../services/interchange.js';
import { FetchError } from '../ingest/safeFetch.js';
import { registerInterchangeCommands } from './interchange.js';
import { registerIngestCommand } from './ingest.js';
import { registerStatementCommand } from './statement.js';
import { ensureWebBuild, WebBuildError, webBuildState } from './webBuild.js';
import { createUser, generatePassword, listUsers, setPassword, updateUser, userIdByName } from '../services/users.js';
import type { AvailRowView, ConflictReportView } from '../services/views.js';
import { VERSION } from '../version.js';

/** Who the CLI acts as: whoever can open the database is its administrator. */
const CLI: Actor = { ...SYSTEM, id: 'cli', username: 'cli' };

interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
}

function sqliteFile(opts: GlobalOptions): string | undefined {
  if (opts.databaseUrl || (!opts.db && process.env.DATABASE_URL?.trim())) return undefined;
  return opts.db ?? (process.env.FILMRIGHTS_DB?.trim() || DEFAULT_SQLITE_FILE);
}

/** What opening the database did to its schema, in one line (nothing when it was up to date). */
export function upgradeLine(u: SchemaUpgrade | null): string | null {
  if (!u || u.from === null) return null;
  return `filmrights: database upgraded from schema ${u.from} to ${u.to} (${u.applied.join(', ')})${u.backup ? `; the database as it was is in ${u.backup}` : ''}`;
}

async function withApp<T>(
  cmd: Command,
  fn: (app: FilmRights, opts: GlobalOptions) => Promise<T>,
  indexSnapshot?: IndexSnapshotOptions,
): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const app = await FilmRights.open({ url: opts.databaseUrl, file: opts.db, indexSnapshot });
  const upgraded = upgradeLine(app.store.upgrade);
  if (upgraded) console.error(upgraded);
  try {
    return await fn(app, opts);
  } finally {
    await app.close();
  }
}

function readJsonFile(file: string, field = 'file'): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw invalid(field, file, `${field}: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid(field, file, `${field}: "${file}" is not valid JSON (${(e as Error).message})`);
  }
}

function period(r: { start: string | null; end: string | null }): string {
  return `${r.start ?? 'any time'} to ${r.end ?? 'perpetuity'}`;
}

/** No colours when the output is not a terminal (a file, a pipe, a test). */
function plainStyle(): { style?: { head: string[]; border: string[] } } {
  return process.stdout.isTTY ? {} : { style: { head: [], border: [] } };
}

export function availsTable(rows: AvailRowView[]): string {
  if (!rows.length) return 'No rows: nothing matches the question.';
  const table = new Table({
    head: ['Titles', 'Territories', 'Media', 'Languages', 'Period', 'Status', 'Why'],
    wordWrap: true,
    colWidths: [18, 28, 20, 16, 26, 13, 40],
    ...plainStyle(),
  });
  for (const r of rows) {
    table.push([
      r.titles.join(', '),
      r.territoryLabel,
      r.mediaLabel,
      r.languageLabel,
      period(r),
      r.status,
      r.reasons.map((x) => `${x.code}: ${x.message}`).join('\n'),
    ]);
  }
  return table.toString();
}

function conflictText(report: ConflictReportView): string {
  const lines: string[] = [];
  for (const b of report.blocks) {
    for (const r of b.conflicts)
      lines.push(
        `blocks[${b.block}]: conflict: ${r.titles.join(', ')}, ${r.territoryLabel}, ${r.mediaLabel}, ${period(r)}: ${r.reasons.map((x) => x.message).join('; ')}`,
      );
    for (const r of b.holds)
      lines.push(
        `blocks[${b.block}]: on hold: ${r.titles.join(', ')}, ${r.territoryLabel}, ${r.mediaLabel}, ${period(r)}: ${r.reasons.map((x) => x.message).join('; ')}`,
      );
  }
  return [report.clear ? 'Clear: the deal can be signed.' : 'Conflicts: the deal cannot be signed as it is.', ...lines].join('\n');
}

async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const text = readFileSync(0, 'utf8');
    return text.split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // readline writes what is typed through _writeToOutput (not in its types): replaced so a password is not echoed
  const out = rl as typeof rl & { _writeToOutput?: (s: string) => void };
  return new Promise((res) => {
    process.stdout.write(prompt);
    out._writeToOutput = (s: string) => {
      if (s.includes('\n')) process.stdout.write('\n');
    };
    rl.question('', (answer) => {
      rl.close();
      res(answer);
    });
  });
}

async function passwordFrom(opts: { password?: string }): Promise<string> {
  const password = opts.password ?? process.env.FILMRIGHTS_PASSWORD ?? (await askHidden('Password: '));
  if (password === '')
    throw invalid(
      'password',
      null,
      'password: missing; give it with --password, in FILMRIGHTS_PASSWORD, or on standard input (or run the command in a terminal to be asked)',
    );
  return password;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('filmrights')
    .description('The business side of film: catalog, rights, avails, deals, festivals.')
    // `filmrights --version` (or -V) is read before the commands (main): a program-wide --version
    // option would swallow `export avails --version 2.4`, the EMA version of an export
    .addHelpText('after', '\nfilmrights --version (or -V): print the version and the database schema it writes, and exit')
    .option('--db <file>', 'SQLite database file (default: FILMRIGHTS_DB, else ./data/filmrights.db)')
    .option('--database-url <url>', 'PostgreSQL URL (default: DATABASE_URL)')
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });

  // import FILE (any format) and export avails|lists|FILE.json: src/cli/interchange.ts
  registerInterchangeCommands(program);
  registerIngestCommand(program);
  registerStatementCommand(program, withApp, CLI);

  program
    .command('avails')
    .description('what is available: titles x territories x media x window, rolled up, with the reasons')
    .option('--title <name>', 'a title (name or id); repeat for several; none: the whole catalog', collect, [])
    .requiredOption('--territory <expr>', 'territories, e.g. "Worldwide excl. China"')
    .requiredOption('--media <expr>', 'media, e.g. "all rights", "SVOD"')
    .requiredOption('--from <date>', 'first day of the window (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the window (default: perpetuity)')
    .option('--language <code>', 'a language (BCP 47); repeat for several; none: all languages', collect, [])
    .addOption(new Option('--exclusive', 'ask for an exclusive grant (default)').conflicts('nonExclusive'))
    .option('--non-exclusive', 'ask for a non-exclusive grant')
    .addOption(new Option('--match <type>', 'how the window must match').choices([...MATCH_TYPES]).default('cover-entire'))
    .option('--min-days <n>', 'minimum length of an available period, in days')
    .addOption(new Option('--include <rows>', 'which rows to show').choices(['all', 'available']))
    .option('--json', 'print {"rows": [...]} as JSON')
    .action(
      async (
        o: {
          title: string[];
          territory: string;
          media: string;
          from: string;
          to?: string;
          language: string[];
          nonExclusive?: boolean;
          match: MatchType;
          minDays?: string;
          include?: 'all' | 'available';
          json?: boolean;
        },
        cmd: Command,
      ) => {
        let minDays: number | undefined;
        if (o.minDays !== undefined) {
          minDays = Number(o.minDays);
          if (!Number.isInteger(minDays) || minDays < 1)
            throw invalid('min-days', o.minDays, `min-days: "${o.minDays}" is not a whole number of days (1 or more)`);
        }
        const input: AvailsInput = {
          titles: o.title,
          territories: o.territory,
          media: o.media,
          languages: o.language.length ? o.language : null,
          start: o.from,
          end: o.to ?? null,
          exclusive: !o.nonExclusive,
          match: o.match,
          ...(minDays !== undefined ? { minDays } : {}),
          ...(o.include ? { include: o.include } : {}),
        };
        const answer = await withApp(cmd, (app) => askAvails(app, CLI, input));
        if (o.json) process.stdout.write(`${JSON.stringify({ rows: answer.rows }, null, 2)}\n`);
        else console.log(availsTable(answer.rows));
      },
    );

  program
    .command('conflicts')
    .description('check a proposed deal against the rights on record (writes nothing); exit 2 when it conflicts')
    .argument(
      '<deal.json>',
      'the deal: {titles: [names], blocks: [{title?, territories, media, start, end, exclusive}]} (as in the JSON format) or {titleIds, blocks}',
    )
    .option('--json', 'print the conflict report as JSON')
    .action(async (file: string, o: { json?: boolean }, cmd: Command) => {
      const deal = readJsonFile(file) as {
        titles?: string[];
        titleIds?: string[];
        blocks?: Array<BlockInput & { title?: string }>;
        excludeContractId?: string;
      };
      if (typeof deal !== 'object' || deal === null) throw invalid('deal', deal, 'deal: expected an object with titles and blocks');
      if (!Array.isArray(deal.blocks) || !deal.blocks.length)
        throw invalid('blocks', deal.blocks, 'blocks: the deal names no rights block');
      const report = await withApp(cmd, async (app) => {
        const index = await TitleIndex.load(app.store.db);
        const titleIds = deal.titleIds ?? (deal.titles ?? []).map((t, i) => index.resolve(t, `titles[${i}]`));
        const blocks = deal.blocks!.map((b, i) => {
          const { title, ...rest } = b;
          return title ? { ...rest, titleId: index.resolve(title, `blocks[${i}].title`) } : rest;
        });
        return checkProposedDeal(app, { titleIds, blocks, excludeContractId: deal.excludeContractId });
      });
      console.log(o.json ? JSON.stringify(report, null, 2) : conflictText(report));
      if (!report.clear) process.exitCode = 2;
    });

  const users = program.command('users').description('user accounts');
  users
    .command('add')
    .description('add a user')
    .argument('<username>')
    .addOption(new Option('--role <role>', 'admin, editor or viewer').choices([...USER_ROLES]).default('viewer'))
    .option('--financials', 'may see and set financial terms (MGs, deal prices; box-office grosses are public)')
    .option('--password <password>', 'the password (else FILMRIGHTS_PASSWORD, else asked)')
    .action(async (username: string, o: { role: UserRole; financials?: boolean; password?: string }, cmd: Command) => {
      const password = await passwordFrom(o);
      const u = await withApp(cmd, (app) =>
        createUser(app, { username, password, role: o.role, canSeeFinancials: o.financials ?? o.role === 'admin' }, CLI),
      );
      console.log(`Created ${u.username} (${u.role}).`);
    });
  users
    .command('list')
    .description('list the users with their role and status')
    .option('--json', 'as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const list = await withApp(cmd, (app) => listUsers(app));
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (!list.length) return console.log('No users yet: add one with "filmrights users add <username> --role admin".');
      const table = new Table({ head: ['Username', 'Role', 'Financials', 'Disabled'], ...plainStyle() });
      for (const u of list) table.push([u.username, u.role, u.canSeeFinancials ? 'yes' : 'no', u.disabled ? 'yes' : 'no']);
      console.log(table.toString());
    });
  users
    .command('passwd')
    .description("set a user's password (ends their sessions)")
    .argument('<username>')
    .option('--password <password>', 'the new password (else FILMRIGHTS_PASSWORD, else asked)')
    .action(async (username: string, o: { password?: string }, cmd: Command) => {
      const password = await passwordFrom(o);
      await withApp(cmd, async (app) => setPassword(app, CLI, await userIdByName(app, username), password));
      console.log(`Password of ${username} changed.`);
    });
  users
    .command('reset-password')
    .description('give a user a new generated password, printed once (ends their sessions)')
    .argument('<username>')
    .action(async (username: string, _o, cmd: Command) => {
      const password = generatePassword();
      await withApp(cmd, async (app) => setPassword(app, CLI, await userIdByName(app, username), password));
      console.log(`New password of ${username}: ${password} (shown once; give it to them through a safe channel).`);
    });
  users
    .command('set-role')
    .description("change a user's role (ends their sessions); the last enabled admin keeps theirs")
    .argument('<username>')
    .addArgument(new Argument('<role>', 'admin, editor or viewer').choices([...USER_ROLES]))
    .action(async (username: string, role: UserRole, _o, cmd: Command) => {
      const u = await withApp(cmd, async (app) => updateUser(app, CLI, await userIdByName(app, username), { role }));
      console.log(`${u.username} is now ${/^[aeiou]/.test(u.role) ? 'an' : 'a'} ${u.role}.`);
    });
  users
    .command('disable')
    .description('stop a user from signing in: ends their sessions, their API tokens stop working (kept for re-enabling)')
    .argument('<username>')
    .action(async (username: string, _o, cmd: Command) => {
      await withApp(cmd, async (app) => updateUser(app, CLI, await userIdByName(app, username), { disabled: true }));
      console.log(`${username} is disabled: signed out, and refused from now on.`);
    });
  users
    .command('enable')
    .description('let a disabled user sign in again (their API tokens work again)')
    .argument('<username>')
    .action(async (username: string, _o, cmd: Command) => {
      await withApp(cmd, async (app) => updateUser(app, CLI, await userIdByName(app, username), { disabled: false }));
      console.log(`${username} is enabled and can sign in again.`);
    });

  program
    .command('check')
    .description('check the database: the rights index agrees with the store, and no exclusive right is sold twice')
    .option('--index-snapshot [file]', "start the index from the server's snapshot (or this file), as a server does, and check that")
    .action(async (o: { indexSnapshot?: string | true }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const file = o.indexSnapshot === true ? defaultSnapshotFile({ url: g.databaseUrl, file: g.db }) : (o.indexSnapshot ?? null);
      if (o.indexSnapshot !== undefined && !file)
        throw invalid('index-snapshot', o.indexSnapshot, 'index-snapshot: no snapshot file for this database');
      const report = await withApp(cmd, (app) => checkIntegrity(app), file ? { file, write: false } : undefined);
      console.log(`Checked ${report.titles} titles, ${report.blocks} rights blocks.`);
      for (const t of report.indexMismatches) console.log(`index differs from the store for title ${t}`);
      for (const d of report.doubleSales)
        console.log(`title ${d.titleId}: ${d.contract} sells rights already sold under ${d.against.join(', ')} (no override recorded)`);
      if (report.indexMismatches.length || report.doubleSales.length) process.exitCode = 1;
      else console.log('OK: the index agrees with the store and no exclusive right is sold twice.');
    });

  program
    .command('demo')
    .description('load the demo data (the One Second trade-press report) into an empty catalog')
    .action(async (_o, cmd: Command) => {
      const summary = await withApp(cmd, (app) => loadDemo(app, CLI));
      console.log(
        summary
          ? `Demo loaded: ${summary.titles} titles, ${summary.contracts} contracts, ${summary.facts} sourced facts.`
          : 'The catalog has titles already: demo not loaded.',
      );
    });

  program
    .command('backup')
    .description('back the database up (SQLite: an online copy of the file; PostgreSQL: every table as JSON)')
    .argument('<file>')
    .action(async (file: string, _o, cmd: Command) => {
      const r = await withApp(cmd, async (app, opts) => {
        try {
          return await backupDatabase(app, CLI, file, { sqliteFile: sqliteFile(opts) });
        } catch (e) {
          removePartial(file);
          throw e;
        }
      });
      console.log(`Backed up ${r.rows} rows to ${r.file} (${r.kind === 'sqlite' ? 'SQLite copy' : 'JSON'}).`);
    });

  program
    .command('restore')
    .description('restore a backup (either kind) into an empty database')
    .argument('<file>')
    .action(async (file: string, _o, cmd: Command) => {
      checkBackupFile(file); // before the database is opened (or made)
      const r = await withApp(cmd, (app) => restoreDatabase(app, CLI, file));
      console.log(`Restored ${r.rows} rows.`);
    });

  program
    .command('serve')
    .description('run the web app and the API')
    .option('--port <port>', 'port', process.env.PORT ?? '8080')
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--demo', 'load the demo data when the catalog is empty')
    .option('--no-web-build', 'do not build the web app (dist/web) when it is missing or older than its sources')
    .action(async (o: { port: string; host: string; demo?: boolean; webBuild: boolean }, cmd: Command) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid('port', o.port, `port: "${o.port}" is not a port number`);
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.webBuild) await buildWebIfNeeded();
      const { startServer } = await import('../api/server.js');
      const server = await startServer({ port, host: o.host, url: g.databaseUrl, file: g.db, demo: o.demo, logger: true });
      const upgraded = upgradeLine(server.app.store.upgrade);
      if (upgraded) console.log(upgraded);
      if (server.admin?.password)
        console.log(`First start: admin user "${server.admin.username}" with password ${server.admin.password} (shown once).`);
      console.log(`filmrights is listening on ${server.url}`);
      // Graceful stop: no new connections (a request on a kept-alive one gets 503), the requests in
      // flight finish and are answered, then the database closes (the pool, or the SQLite file with
      // its WAL checkpointed) and the process exits 0. A second signal stops it at once.
      const stop = (signal: NodeJS.Signals) => {
        const log = server.server.log;
        log.info({ signal }, 'shutting down: finishing the requests in flight');
        server.close().then(
          () => {
            log.info({ signal }, 'stopped: every request answered, database closed');
            process.exit(0);
          },
          (e: unknown) => {
            log.error({ err: e, signal }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  return program;
}

/**
 * Before serving: build the web app when it is missing or its sources changed,
 * with progress on stderr. Where it cannot be built (vite is a development
 * dependency) the server still starts: on the older build, else API only.
 */
async function buildWebIfNeeded(): Promise<void> {
  const log = (line: string) => console.error(`filmrights: ${line}`);
  try {
    await ensureWebBuild({ log });
  } catch (e) {
    if (!(e instanceof WebBuildError) || e.reason !== 'unavailable')
      throw new Error(`web app: ${e instanceof Error ? e.message : String(e)} (fix it, or serve without it: --no-web-build)`);
    log(
      `cannot build the web app: ${e.message}; ${webBuildState().state === 'missing' ? 'serving the API only' : 'serving the older build'}`,
    );
  }
}

/** One line per problem, naming the field. */
export function errorLines(e: unknown): string[] {
  if (e instanceof ImportError)
    return e.issues.length === 1
      ? [`error: ${e.issues[0].message}`]
      : [`error: ${e.issues.length} problems, nothing was imported:`, ...e.issues.map((i) => `  ${i.message}`)];
  if (e instanceof RightsConflictError) return [`error: ${e.message}`];
  // the operator at the server's own console may see what the network said (the API shows only the first line)
  if (e instanceof FetchError) return [`error: ${e.message}`, `  (${e.detail})`];
  if (
    e instanceof DomainError ||
    e instanceof StoreConfigError ||
    e instanceof NotFoundError ||
    e instanceof ForbiddenError ||
    e instanceof StaleVersionError
  ) {
    return [`error: ${e.message.split('\n')[0]}`];
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED') return ['error: DATABASE_URL: cannot connect to PostgreSQL (connection refused)'];
  return [`error: ${e instanceof Error ? e.message : String(e)}`];
}

export const VERSION_LINE = `${VERSION} (database schema ${SCHEMA_VERSION})`;

/**
 * A reader that stops reading (`filmrights import ... | head -1`) closes the pipe, and the next write
 * fails with EPIPE: an error event that would end the process with a stack trace, maybe half-way
 * through an import. Instead, what is left to print goes nowhere and the command finishes its work
 * (an import is still written whole), exiting as it would have.
 */
let closedOutputIgnored = false;
export function ignoreClosedOutput(): void {
  if (closedOutputIgnored) return;
  closedOutputIgnored = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      throw e;
    });
  }
}

export async function main(argv: string[] = process.argv): Promise<number> {
  ignoreClosedOutput();
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${VERSION_LINE}\n`);
    return 0;
  }
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    for (const line of errorLines(e)) console.error(line);
    if (process.env.FILMRIGHTS_DEBUG && e instanceof Error) console.error(e.stack);
    return 1;
  }
}

// Run directly (`tsx src/cli/main.ts ...`); bin/filmrights.js imports it and calls main() itself.
const isMain = !!process.argv[1] && /(?:^|[\\/])main\.ts$/.test(process.argv[1]);
if (isMain) {
  main().then((code) => {
    process.exitCode = code;
  });
}
