/**
 * A buyer's avails sheet as files: PDF (pdfkit, real text in the standard Helvetica fonts) and
 * XLSX (exceljs). Both are written from the sheet's view alone, which carries statuses and never
 * another buyer's name or a contract reference, so neither file can leak them.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { AvailsSheetView } from '../../contract/index.js';

export const SHEET_STATUS_WORDS = { available: 'Available', 'on-hold': 'On hold', 'not-available': 'Not available' } as const;

export function sheetHeading(s: AvailsSheetView): string[] {
  return [
    `Avails for ${s.buyer.name}`,
    `${s.territoryLabel} · ${s.mediaLabel} · ${s.exclusive ? 'exclusive' : 'non-exclusive'}`,
    `Period ${s.period}. Available: free for the whole period; on hold: free but for a deal in negotiation. Made ${s.madeOn}.`,
  ];
}

export function availsSheetPdf(s: AvailsSheetView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Avails for ${s.buyer.name}`, Creator: 'filmrights' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [title, scope, period] = sheetHeading(s);
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text(scope).text(period);
  doc.moveDown();
  const left = doc.page.margins.left;
  const cols = [left, left + 150, left + 390];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(c, cols[i], y, { width: (cols[i + 1] ?? doc.page.width - doc.page.margins.right) - cols[i] - 8 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = Math.max(bottom, y + 12);
    doc.x = left;
  };
  for (const t of s.titles) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`${t.name}${t.year ? ` (${t.year})` : ''}`, left);
    doc.moveDown(0.2);
    row(['Territory', 'Media', 'Status'], true);
    if (!t.rows.length) row(['—', '—', 'Not available']);
    for (const r of t.rows) row([r.countryName, r.media, SHEET_STATUS_WORDS[r.status]]);
    doc.moveDown();
  }
  doc.end();
  return done;
}

export async function availsSheetXlsx(s: AvailsSheetView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const ws = wb.addWorksheet('Avails');
  ws.columns = [{ width: 34 }, { width: 8 }, { width: 26 }, { width: 40 }, { width: 16 }];
  const [title, scope, period] = sheetHeading(s);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([scope]);
  ws.addRow([period]);
  ws.addRow([]);
  ws.addRow(['Title', 'Year', 'Territory', 'Media', 'Status']).font = { bold: true };
  for (const t of s.titles) for (const r of t.rows) ws.addRow([t.name, t.year ?? '', r.countryName, r.media, SHEET_STATUS_WORDS[r.status]]);
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
