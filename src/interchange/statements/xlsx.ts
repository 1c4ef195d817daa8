/** A statement as an XLSX workbook: the lines with Prior | Current | Cumulative as numbers in the statement's currency. */
import ExcelJS from 'exceljs';
import { exponent } from '../../domain/money/amounts.js';
import { rowCells, statementRows, statementTitle, type StatementView } from './view.js';

export async function statementXlsx(s: StatementView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const ws = wb.addWorksheet(`Statement ${s.period.key}`.slice(0, 31));
  const fmt = `#,##0${exponent(s.currency) ? `.${'0'.repeat(exponent(s.currency))}` : ''}`;
  const num = (text: string) => Number(text); // decimal text of a currency amount: exact within a double's 15 digits
  ws.columns = [{ width: 44 }, { width: 18 }, { width: 18 }, { width: 18 }];
  ws.addRow([statementTitle(s)]).font = { bold: true, size: 14 };
  ws.addRow([`Contract ${s.contract.ref}: ${s.parties.reporter} to ${s.parties.recipient}`]);
  ws.addRow([`Period ${s.period.key} (${s.period.start} to ${s.period.end}), due ${s.dueOn}, in ${s.currency}`]);
  if (s.pool.length > 1) ws.addRow([`Cross-collateralised with ${s.pool.filter((r) => r !== s.contract.ref).join(', ')}`]);
  if (s.issued?.corrects) ws.addRow([`Corrects statement no. ${s.issued.corrects}`]);
  ws.addRow([]);
  const head = ws.addRow(['', 'Prior', 'Current', 'Cumulative']);
  head.font = { bold: true };
  for (const r of statementRows(s)) {
    const row = ws.addRow([r.indent ? `   ${r.label}` : r.label]);
    const values = rowCells(r);
    values.forEach((v, i) => {
      if (v === undefined) return;
      const cell = row.getCell(i + 2);
      cell.value = num(v);
      cell.numFmt = fmt;
    });
    if (r.strong) row.font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow(['How the money flows']).font = { bold: true };
  for (const step of s.steps) ws.addRow([step]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
