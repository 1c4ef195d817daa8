/**
 * A statement as a PDF a licensor or producer can file: real text (selectable and searchable, in
 * the standard Helvetica fonts every reader has), the lines with Prior | Current | Cumulative, and
 * the amount due.
 */
import PDFDocument from 'pdfkit';
import { grouped, rowCells, statementRows, statementTitle, type StatementView } from './view.js';

export function statementPdf(s: StatementView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${statementTitle(s)}: ${s.contract.ref} ${s.period.key}`, Creator: 'filmrights' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(statementTitle(s));
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  doc.text(`Contract ${s.contract.ref}: ${s.parties.reporter} to ${s.parties.recipient}`);
  doc.text(`Period ${s.period.key} (${s.period.start} to ${s.period.end}); due ${s.dueOn}; amounts in ${s.currency}`);
  if (s.pool.length > 1) doc.text(`Cross-collateralised with ${s.pool.filter((r) => r !== s.contract.ref).join(', ')}`);
  if (s.issued)
    doc.text(`Issued ${s.issued.issuedAt.slice(0, 10)}${s.issued.corrects ? `; corrects statement no. ${s.issued.corrects}` : ''}`);
  doc.moveDown();

  const left = doc.page.margins.left;
  const cols = [left, left + 230, left + 320, left + 410];
  const width = 85;
  const row = (label: string, values: Array<string | undefined>, o: { bold?: boolean; indent?: boolean } = {}) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc.font(o.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    doc.text(label, cols[0] + (o.indent ? 12 : 0), y, { width: 225 - (o.indent ? 12 : 0) });
    const after = doc.y;
    values.forEach((v, i) => {
      if (v !== undefined) doc.text(v, cols[i + 1], y, { width, align: 'right' });
    });
    doc.y = Math.max(after, y + 14);
    doc.x = left;
  };
  row('', ['Prior', 'Current', 'Cumulative'], { bold: true });
  doc
    .moveTo(left, doc.y)
    .lineTo(cols[3] + width, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.moveDown(0.3);
  for (const r of statementRows(s)) {
    const values = rowCells(r).map((v) => (v === undefined ? undefined : grouped(v)));
    row(r.label, values, { bold: r.strong, indent: r.indent });
  }
  doc.moveDown();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Amount due: ${s.currency} ${grouped(s.due)}`, left);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(10).text('How the money flows');
  doc.font('Helvetica').fontSize(9);
  for (const step of s.steps) doc.text(step);
  doc.end();
  return done;
}
