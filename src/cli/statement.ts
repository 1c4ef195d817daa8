/**
 * filmrights statement <contract> --period 2022-Q1 [--json | --pdf FILE | --xlsx FILE] [--issue [--correction]]
 *
 * A contract's statement for one reporting period: printed as a table, or as JSON, or written as
 * PDF or XLSX. With --issue it is issued (frozen, numbered) first. The CLI acts as an administrator
 * with the financial-terms permission: whoever can open the database can read it.
 */
import { writeFileSync } from 'node:fs';
import Table from 'cli-table3';
import type { Command } from 'commander';
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
        const s = await withApp(cmd, (app) =>
          o.issue
            ? issueStatement(app, actor, contract, o.period, { correction: o.correction })
            : computeStatement(app, actor, contract, o.period),
        );
        if (o.pdf) writeFileSync(o.pdf, await statementPdf(s));
        if (o.xlsx) writeFileSync(o.xlsx, await statementXlsx(s));
        if (o.json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        else if (!o.pdf && !o.xlsx) process.stdout.write(`${statementTable(s)}\n`);
        else
          process.stdout.write(
            `${[o.pdf, o.xlsx].filter(Boolean).join(' and ')}: ${statementTitle(s)}, due ${s.currency} ${grouped(s.due)}\n`,
          );
      },
    );
}
