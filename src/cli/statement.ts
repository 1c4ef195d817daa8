/**
 * filmrights statement <contract> --period 2022-Q1 [--json | --pdf FILE | --xlsx FILE] [--issue [--correction]]
 *
 * A contract's statement for one reporting period: printed as a table, or as JSON, or written as
 * PDF or XLSX. With --issue it is issued (frozen, numbered) first. The CLI acts as an administrator
 * with the financial-terms permission: whoever can open the database can read it.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { invalid } from '../domain/errors.js';
import { statementPdf } from '../interchange/statements/pdf.js';
import { grouped, rowCells, statementRows, statementTitle } from '../interchange/statements/view.js';
import { statementXlsx } from '../interchange/statements/xlsx.js';
import type { Actor, FilmRights } from '../services/app.js';
import { computeStatement, issueStatement, type StatementView } from '../services/money/statements.js';

type WithApp = <T>(cmd: Command, fn: (app: FilmRights) => Promise<T>) => Promise<T>;

export function statementTable(s: StatementView): string {
  const table = new Table({
    head: ['', 'Prior', 'Current', 'Cumulative'],
    colAligns: ['left', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const r of statementRows(s)) {
    const label = r.indent ? `  ${r.label}` : r.label;
    table.push([label, ...rowCells(r).map((v) => (v === undefined ? '' : grouped(v)))]);
  }
  return [
    `${statementTitle(s)}: ${s.contract.ref}, ${s.parties.reporter} to ${s.parties.recipient}`,
    `Period ${s.period.key} (${s.period.start} to ${s.period.end}), due ${s.dueOn}, in ${s.currency}`,
    table.toString(),
    `Amount due: ${s.currency} ${grouped(s.due)}`,
  ].join('\n');
}

const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * A file the statement is written to. It is checked before anything is issued (a partial file is
 * made beside it, so its folder exists and may be written), filled while the statement is being
 * issued, and moved into place once the statement is.
 */
class OutputFile {
  readonly partial: string;

  constructor(
    readonly field: 'pdf' | 'xlsx',
    readonly path: string,
    consequence: string,
  ) {
    const full = resolve(path);
    if (existsSync(full) && statSync(full).isDirectory())
      throw invalid(field, path, `${field}: "${path}" is a folder, not a file${consequence}`);
    this.partial = join(dirname(full), `.${basename(full)}.partial-${process.pid}`);
    try {
      closeSync(openSync(this.partial, 'w'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw invalid(field, path, `${field}: cannot write "${path}" (${WHY[code] ?? (code || (e as Error).message)})${consequence}`);
    }
  }

  write(data: Buffer): void {
    writeFileSync(this.partial, data);
  }

  commit(): void {
    renameSync(this.partial, this.path);
  }

  drop(): void {
    rmSync(this.partial, { force: true });
  }
}

export function registerStatementCommand(program: Command, withApp: WithApp, actor: Actor): void {
  program
    .command('statement')
    .description("a contract's statement for a reporting period (Prior | Current | Cumulative, and the amount due)")
    .argument('<contract>', 'the contract (its ref or id)')
    .requiredOption('--period <period>', 'the reporting period, e.g. 2022-Q1, 2022-H2, 2022')
    .option('--json', 'print the statement as JSON')
    .option('--pdf <file>', 'write it as PDF')
    .option('--xlsx <file>', 'write it as XLSX')
    .option('--issue', 'issue it (frozen and numbered) before printing or writing it')
    .option('--correction', 'with --issue: a correction of the statement already issued for the period')
    .action(
      async (
        contract: string,
        o: { period: string; json?: boolean; pdf?: string; xlsx?: string; issue?: boolean; correction?: boolean },
        cmd: Command,
      ) => {
        if (o.correction && !o.issue)
          throw invalid('correction', true, 'correction: --correction issues a correction, so it needs --issue too');
        // every file is checked before anything is issued, and written before the issue is committed
        const consequence = o.issue ? '; nothing was issued' : '';
        const files: OutputFile[] = [];
        const render = async (s: StatementView) => {
          for (const f of files) f.write(f.field === 'pdf' ? await statementPdf(s) : await statementXlsx(s));
        };
        let s: StatementView;
        try {
          if (o.pdf) files.push(new OutputFile('pdf', o.pdf, consequence));
          if (o.xlsx) files.push(new OutputFile('xlsx', o.xlsx, consequence));
          s = await withApp(cmd, async (app) => {
            if (o.issue) return issueStatement(app, actor, contract, o.period, { correction: o.correction, beforeCommit: render });
            const draft = await computeStatement(app, actor, contract, o.period);
            await render(draft);
            return draft;
          });
        } catch (e) {
          for (const f of files) f.drop();
          throw e;
        }
        for (const f of files) {
          try {
            f.commit();
          } catch (e) {
            throw new Error(
              `${f.field}: ${s.issued ? `statement no. ${s.issued.number} was issued, but ` : ''}moving it to "${f.path}" failed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): it is in "${f.partial}"`,
            );
          }
        }
        if (o.json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        else if (!o.pdf && !o.xlsx) process.stdout.write(`${statementTable(s)}\n`);
        else
          process.stdout.write(
            `${[o.pdf, o.xlsx].filter(Boolean).join(' and ')}: ${statementTitle(s)}, due ${s.currency} ${grouped(s.due)}\n`,
          );
      },
    );
}
