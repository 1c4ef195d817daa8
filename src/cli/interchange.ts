/**
 * The CLI's `import` and `export` commands (registered by src/cli/main.ts):
 *
 *   filmrights import FILE [--preview] [--retailer NAME] [--kind deals|catalog] [--map field=Header ...] [--format F]
 *   filmrights export avails --format ema-xlsx|ema-xml|csv|xlsx [--version V] --out FILE [--title T ...] [--territory EXPR] [--license-type EST ...]
 *   filmrights export catalog|contracts|acquisitions|audit --format csv|xlsx --out FILE
 *   filmrights export FILE.json | -            (the whole record, JSON interchange format; only to a .json file or standard output)
 *
 * `import` finds the format itself (JSON document, EMA avails XLSX or XML,
 * CSV / XLSX deal or catalog sheet), checks the whole file and writes it in
 * one transaction or not at all; every problem is printed with its place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { invalid } from '../domain/errors.js';
import { closest } from '../domain/fuzzy.js';
import { EXPORT_LICENSE_TYPES, type ExportLicenseType } from '../interchange/ema/vocab.js';
import { IMPORT_FORMATS, type ImportFormat } from '../interchange/parse.js';
import { ImportRefused, problemLine, type Problem } from '../interchange/problems.js';
import type { SheetKind } from '../interchange/sheets/import.js';
import { FilmRights, SYSTEM, type Actor } from '../services/app.js';
import { exportEma, type EmaExportOptions } from '../services/emaExport.js';
import { importFile, type ImportFileResult } from '../services/imports.js';
import { exportJson } from '../services/interchange.js';
import { LISTS, exportList, type ListName } from '../services/lists.js';

const CLI: Actor = { ...SYSTEM, id: 'cli', username: 'cli' };
const collect = (value: string, previous: string[] = []) => [...previous, value];

async function withApp<T>(cmd: Command, fn: (app: FilmRights) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<{ db?: string; databaseUrl?: string }>();
  const app = await FilmRights.open({ url: g.databaseUrl, file: g.db });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function readInput(file: string): Buffer {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw invalid('file', file, `file: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** What an import did (or would do), for people. */
export function importSummary(r: ImportFileResult): string[] {
  const lines: string[] = [];
  if (r.format === 'json') {
    if (r.summary)
      lines.push(
        `Imported ${
          Object.entries(r.summary)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ') || 'nothing new'
        }.`,
      );
  } else {
    const verb = r.committed ? 'Imported' : 'Would import';
    const what =
      'transactions' in r
        ? `EMA avails (${r.format === 'ema-xml' ? 'XML' : 'spreadsheet'}${r.version ? ` v${r.version}` : ''}, ${r.transactions} transactions)`
        : `${r.kind} sheet (${r.rows} rows)`;
    lines.push(
      `${verb} ${what}: ${r.created.titles} new titles, ${r.created.companies} new companies, ${r.created.contracts} contracts with ${r.created.blocks} rights blocks.`,
    );
    if ('mapping' in r)
      lines.push(
        `Columns: ${Object.entries(r.mapping)
          .filter(([, h]) => h)
          .map(([f, h]) => `${f} ← "${h}"`)
          .join(', ')}`,
      );
    for (const c of r.contracts.slice(0, 20)) {
      lines.push(`  ${c.ref} (${c.direction}): ${c.licensor ?? '?'} → ${c.licensee ?? '?'}`);
      for (const b of c.blocks.slice(0, 5))
        lines.push(
          `    ${b.title}: ${b.territories}; ${b.media}; ${b.start ?? 'any time'} to ${b.end ?? 'open'}${b.exclusive ? '' : ' (non-exclusive)'}`,
        );
      if (c.blocks.length > 5) lines.push(`    ... and ${c.blocks.length - 5} more blocks`);
    }
    if (r.contracts.length > 20) lines.push(`  ... and ${r.contracts.length - 20} more contracts`);
    if (!r.committed && !r.problems.some((p) => p.severity === 'error'))
      lines.push('Nothing was written (preview). Run without --preview to import.');
  }
  for (const p of r.problems.filter((x) => x.severity === 'warning')) lines.push(`warning: ${problemLine(p)}`);
  return lines;
}

/** The errors that refuse a file (or would, in a preview), one line each with its place; none: no lines. */
export function refusalLines(name: string, problems: Problem[], preview: boolean): string[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (!errors.length) return [];
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  return [
    preview
      ? `error: ${name} would be refused (preview, nothing was written): ${count}`
      : `error: ${name} was refused, nothing was written: ${count}`,
    ...errors.map((p) => `  ${problemLine(p)}`),
  ];
}

const LIST_CHOICES = ['avails', ...LISTS.filter((l) => l !== 'avails')];

/**
 * `export TARGET` with no list of that name writes the whole record as JSON: only to a .json file
 * or "-" (standard output), so that a mistyped list ("contract") or a list's file name
 * ("catalog.xlsx") is refused instead of receiving JSON.
 */
function checkJsonTarget(target: string, o: { format?: string; out?: string }): void {
  const ext = extname(target).toLowerCase();
  if (target !== '-' && ext !== '.json') {
    if (!ext) {
      const near = closest(target, LIST_CHOICES, 1);
      throw invalid(
        'list',
        target,
        `list: no list "${target}"; the lists are ${LIST_CHOICES.join(', ')} (or FILE.json, or "-", for the whole record as JSON)${near.length ? `. Did you mean: ${near[0]}?` : ''}`,
        near,
      );
    }
    const stem = basename(target, extname(target)).toLowerCase();
    const list = LIST_CHOICES.find((l) => l === stem);
    const hint =
      list && (ext === '.csv' || ext === '.xlsx')
        ? `; the ${list} as ${ext.slice(1).toUpperCase()}: export ${list} --out ${target}`
        : `; a list: export ${LIST_CHOICES.join('|')} --out FILE`;
    throw invalid('file', target, `file: the whole record is written as JSON, to a .json file or "-", not to "${target}"${hint}`);
  }
  if (o.format) throw invalid('format', o.format, 'format: the whole record is written as JSON; --format is for avails and the lists');
  if (o.out)
    throw invalid(
      'out',
      o.out,
      `out: the whole record is written to the file named first (export ${target}); --out is for avails and the lists`,
    );
}

export function registerInterchangeCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import a file, all of it or nothing: JSON document, EMA avails (XLSX or XML), or a CSV/XLSX deal or catalog sheet (format detected)',
    )
    .argument('<file>', 'the file ("-" for standard input, then give --format)')
    .option('--preview', 'check and show what would be created; write nothing')
    .addOption(new Option('--format <format>', 'the format, when detection should not decide').choices([...IMPORT_FORMATS]))
    .option('--retailer <name>', 'EMA: the retailer (licensee) when the file names none')
    .addOption(new Option('--kind <kind>', 'sheets: deals or catalog (default: guessed from the headers)').choices(['deals', 'catalog']))
    .option(
      '--map <field=Header>',
      'sheets: map a column to a field (repeatable), e.g. --map buyer=Licensee --map territory="Terr."',
      collect,
      [],
    )
    .option('--sheet <name>', 'sheets: the worksheet to read (default: the first with data)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        o: { preview?: boolean; format?: ImportFormat; retailer?: string; kind?: SheetKind; map: string[]; sheet?: string; json?: boolean },
        cmd: Command,
      ) => {
        const mapping: Record<string, string | null> = {};
        for (const m of o.map) {
          const i = m.indexOf('=');
          if (i < 1) throw invalid('map', m, `map: "${m}" is not field=Header`);
          mapping[m.slice(0, i).trim()] = m.slice(i + 1).trim() || null;
        }
        const data = readInput(file);
        const name = file === '-' ? 'stdin' : file;
        let lastShown = 0;
        try {
          const r = await withApp(cmd, (app) =>
            importFile(app, CLI, data, name, {
              commit: !o.preview,
              format: o.format,
              retailer: o.retailer,
              kind: o.kind,
              mapping: o.map.length ? mapping : undefined,
              sheet: o.sheet,
              baseDir: file === '-' ? process.cwd() : dirname(resolve(file)),
              onProgress: (done, total) => {
                if (total >= 500 && (done - lastShown >= total / 10 || done === total)) {
                  lastShown = done;
                  process.stderr.write(`  ${done}/${total} contracts\n`);
                }
              },
            }),
          );
          if (o.json) console.log(JSON.stringify(r, null, 2));
          else {
            for (const l of importSummary(r)) console.log(l);
            for (const l of refusalLines(name, r.problems, !r.committed)) console.error(l);
          }
          if (r.problems.some((p) => p.severity === 'error')) process.exitCode = 1;
        } catch (e) {
          if (!(e instanceof ImportRefused)) throw e;
          for (const l of refusalLines(name, e.problems, false)) console.error(l);
          process.exitCode = 1;
        }
      },
    );

  program
    .command('export')
    .description(
      'export: "avails" (EMA XLSX/XML, or the answer as CSV/XLSX), a list (catalog, contracts, acquisitions, audit), or the whole record as JSON (export FILE.json)',
    )
    .argument('<what>', `${LIST_CHOICES.join(' | ')} | FILE.json or "-" for the whole record (JSON)`)
    .argument('[file]', 'where to write (or --out; "-" for standard output)')
    .option('--out <file>', 'where to write')
    .addOption(
      new Option('--format <format>', 'avails: ema-xlsx, ema-xml, csv, xlsx; lists: csv, xlsx').choices([
        'ema-xlsx',
        'ema-xml',
        'csv',
        'xlsx',
      ]),
    )
    .option('--version <v>', 'EMA: spreadsheet 1.8 or 1.9 (default 1.9), XML 2.2.1, 2.2.2, 2.3, 2.4, 2.5, 2.5.2, 2.6 or 2.7 (default 2.5)')
    .option('--title <name>', 'a title (name or id); repeatable; none: every title', collect, [])
    .option('--territory <expr>', 'territories (default Worldwide)')
    .option('--license-type <type>', `EMA: ${EXPORT_LICENSE_TYPES.join(', ')}; repeatable (default all)`, collect, [])
    .option('--from <date>', 'first day (default today)')
    .option('--to <date>', 'last day (default open)')
    .option('--retailer <name>', 'EMA: the retailer the file is for (Licensee)')
    .addOption(
      new Option('--source <source>', 'EMA: what we can still license (avails) or what is licensed to --retailer (windows)')
        .choices(['avails', 'windows'])
        .default('avails'),
    )
    .option('--exclusive', 'EMA: exclusive availability (default non-exclusive, as retail windows are)')
    .option('--format-profile <fp>', 'EMA: SD, HD, UHD; repeatable (default HD and SD)', collect, [])
    .option('--licensor <name>', 'EMA: the licensor named in the file (default: our company)')
    .option('--media <expr>', 'avails as CSV/XLSX: media (default All Media)')
    .action(
      async (
        what: string,
        file: string | undefined,
        o: Record<string, unknown> & {
          out?: string;
          format?: string;
          version?: string;
          title: string[];
          licenseType: string[];
          formatProfile: string[];
        },
        cmd: Command,
      ) => {
        const out = o.out ?? file;
        const write = (data: Buffer | string, rows: string) => {
          if (!out || out === '-') process.stdout.write(data);
          else {
            writeFileSync(out, data);
            console.log(`Exported ${rows} to ${out}.`);
          }
        };
        if (what !== 'avails' && !(LISTS as readonly string[]).includes(what)) {
          // The whole record as JSON (the original `export FILE`).
          const target = what;
          checkJsonTarget(target, { format: o.format, out: o.out ?? file });
          const doc = await withApp(cmd, (app) => exportJson(app, CLI));
          const text = `${JSON.stringify(doc, null, 2)}\n`;
          if (target === '-') process.stdout.write(text);
          else {
            writeFileSync(target, text);
            console.log(`Exported to ${target}.`);
          }
          return;
        }
        if (what === 'avails' && (o.format === 'ema-xlsx' || o.format === 'ema-xml' || !o.format)) {
          const format = (o.format ?? (out?.endsWith('.xml') ? 'ema-xml' : 'ema-xlsx')) as 'ema-xlsx' | 'ema-xml';
          const opts: EmaExportOptions = {
            titles: o.title,
            territories: o.territory as string | undefined,
            licenseTypes: o.licenseType.map((x) => x.toUpperCase()) as ExportLicenseType[],
            from: o.from as string | undefined,
            to: (o.to as string | undefined) ?? null,
            retailer: (o.retailer as string | undefined) ?? null,
            source: o.source as 'avails' | 'windows',
            exclusive: Boolean(o.exclusive),
            formatProfiles: o.formatProfile,
            licensor: o.licensor as string | undefined,
          };
          const r = await withApp(cmd, (app) => exportEma(app, format, o.version ?? (format === 'ema-xlsx' ? '1.9' : '2.5'), opts));
          write(r.data, `${r.transactions} EMA transactions`);
          return;
        }
        const format = (o.format ?? (out?.endsWith('.csv') ? 'csv' : 'xlsx')) as 'csv' | 'xlsx';
        if (format !== 'csv' && format !== 'xlsx') throw invalid('format', format, `format: a list is written as csv or xlsx`);
        const r = await withApp(cmd, (app) =>
          exportList(app, CLI, what as ListName, format, {
            avails:
              what === 'avails'
                ? {
                    titles: o.title,
                    territories: (o.territory as string) ?? 'Worldwide',
                    media: (o.media as string) ?? 'All Media',
                    start: (o.from as string) ?? new Date().toISOString().slice(0, 10),
                    end: (o.to as string) ?? null,
                    include: 'all',
                  }
                : undefined,
          }),
        );
        write(r.data, `${r.rows} rows`);
      },
    );
}
