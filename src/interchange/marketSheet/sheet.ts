/**
 * The line-up sheet of a market: per title in line-up order, its logline, director(s), cast,
 * status and screening times in the market's local time, as PDF (pdfkit, real text) and XLSX
 * (exceljs). The services gather the sheet; this module only writes it.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

export interface LineupSheet {
  market: string;
  dates: string;
  timeZone: string;
  rows: Array<{
    title: string;
    year: number | null;
    status: string;
    logline: string | null;
    directors: string[];
    cast: string[];
    /** e.g. "Fri 15 May 10:00, Palais H (95 min)". */
    screenings: string[];
  }>;
}

const STATUS_WORDS: Record<string, string> = {
  completed: 'Completed',
  'post-production': 'Post-production',
  'pre-sale': 'Pre-sale',
  'in-development': 'In development',
};
export const statusWord = (s: string) => STATUS_WORDS[s] ?? s;

export function lineupSheetPdf(s: LineupSheet): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${s.market}: line-up`, Creator: 'filmrights' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(`${s.market}: line-up`);
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(`${s.dates}. Times are local (${s.timeZone}).`);
  doc.fillColor('black').moveDown();
  if (!s.rows.length) doc.text('No titles in the line-up yet.');
  for (const r of s.rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${r.title}${r.year ? ` (${r.year})` : ''}`, { continued: true });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`   ${statusWord(r.status)}`);
    if (r.logline) doc.font('Helvetica-Oblique').fontSize(10).text(r.logline);
    doc.font('Helvetica').fontSize(10);
    if (r.directors.length) doc.text(`Director: ${r.directors.join(', ')}`);
    if (r.cast.length) doc.text(`Cast: ${r.cast.join(', ')}`);
    doc.text(r.screenings.length ? `Screenings: ${r.screenings.join('; ')}` : 'Screenings: none scheduled');
    doc.moveDown();
  }
  doc.end();
  return done;
}

export async function lineupSheetXlsx(s: LineupSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const ws = wb.addWorksheet('Line-up');
  ws.columns = [{ width: 32 }, { width: 8 }, { width: 16 }, { width: 60 }, { width: 26 }, { width: 40 }, { width: 50 }];
  ws.addRow([`${s.market}: line-up`]).font = { bold: true, size: 14 };
  ws.addRow([`${s.dates}. Times are local (${s.timeZone}).`]);
  ws.addRow([]);
  ws.addRow(['Title', 'Year', 'Status', 'Logline', 'Director', 'Cast', 'Screenings']).font = { bold: true };
  for (const r of s.rows) {
    const row = ws.addRow([
      r.title,
      r.year ?? '',
      statusWord(r.status),
      r.logline ?? '',
      r.directors.join(', '),
      r.cast.join(', '),
      r.screenings.join('\n'),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
