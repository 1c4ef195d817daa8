/**
 * A statement as a PDF a licensor or producer can file: real text (selectable and searchable, in
 * fonts embedded in the file, so a licensee named in Chinese or Korean reads as written), the lines
 * with Prior | Current | Cumulative, and the amount due.
 */
import { newPdf } from '../pdf/document.js';
import { drawText, keepRoom, layoutText, lineHeight, writeText, type TextStyle } from '../pdf/text.js';
import { grouped, rowCells, statementRows, statementTitle, type StatementView } from './view.js';

const TITLE: TextStyle = { size: 16, bold: true };
const BODY: TextStyle = { size: 10 };
const STRONG: TextStyle = { size: 10, bold: true };
const DUE: TextStyle = { size: 11, bold: true };
const STEP: TextStyle = { size: 9 };

export function statementPdf(s: StatementView): Promise<Buffer> {
  const { doc, done } = newPdf(`${statementTitle(s)}: ${s.contract.ref} ${s.period.key}`);

  writeText(doc, statementTitle(s), TITLE);
  doc.y += 3;
  writeText(doc, `Contract ${s.contract.ref}: ${s.parties.reporter} to ${s.parties.recipient}`, BODY);
  writeText(doc, `Period ${s.period.key} (${s.period.start} to ${s.period.end}); due ${s.dueOn}; amounts in ${s.currency}`, BODY);
  if (s.pool.length > 1) writeText(doc, `Cross-collateralised with ${s.pool.filter((r) => r !== s.contract.ref).join(', ')}`, BODY);
  if (s.issued)
    writeText(
      doc,
      `Issued ${s.issued.issuedAt.slice(0, 10)}${s.issued.corrects ? `; corrects statement no. ${s.issued.corrects}` : ''}`,
      BODY,
    );
  doc.y += lineHeight(BODY);

  const left = doc.page.margins.left;
  const cols = [left, left + 230, left + 320, left + 410];
  const width = 85;
  const row = (label: string, values: Array<string | undefined>, o: { bold?: boolean; indent?: boolean } = {}) => {
    const style = o.bold ? STRONG : BODY;
    const indent = o.indent ? 12 : 0;
    const labelBlock = layoutText(doc, label, style, 225 - indent);
    const cells = values.map((v) => (v === undefined ? undefined : layoutText(doc, v, style, width)));
    const height = Math.max(14, labelBlock.height, ...cells.map((c) => c?.height ?? 0));
    keepRoom(doc, height);
    const y = doc.y;
    drawText(doc, labelBlock, cols[0] + indent, y);
    cells.forEach((c, i) => {
      if (c) drawText(doc, c, cols[i + 1], y, { width, align: 'right' });
    });
    doc.y = y + height;
    doc.x = left;
  };
  row('', ['Prior', 'Current', 'Cumulative'], { bold: true });
  doc
    .moveTo(left, doc.y)
    .lineTo(cols[3] + width, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += 3;
  for (const r of statementRows(s)) {
    const values = rowCells(r).map((v) => (v === undefined ? undefined : grouped(v)));
    row(r.label, values, { bold: r.strong, indent: r.indent });
  }
  doc.y += lineHeight(BODY);
  writeText(doc, `Amount due: ${s.currency} ${grouped(s.due)}`, DUE);
  doc.y += lineHeight(BODY);
  writeText(doc, 'How the money flows', STRONG);
  for (const step of s.steps) writeText(doc, step, STEP);
  doc.end();
  return done;
}
