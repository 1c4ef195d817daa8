/**
 * A buyer's avails sheet as files: PDF (pdfkit, real text in embedded fonts, so a Japanese buyer's
 * dates and names read as written) and XLSX (exceljs). Both are written from the sheet's view alone, which carries statuses and never
 * another buyer's name or a contract reference, so neither file can leak them.
 */
import ExcelJS from 'exceljs';
import type { AvailsSheetView } from '../../contract/index.js';
import { newPdf } from '../pdf/document.js';
import { drawText, keepRoom, layoutText, lineHeight, writeText, type TextStyle } from '../pdf/text.js';

export const SHEET_STATUS_WORDS = { available: 'Available', 'on-hold': 'On hold', 'not-available': 'Not available' } as const;

export function sheetHeading(s: AvailsSheetView): string[] {
  return [
    `Avails for ${s.buyer.name}`,
    `${s.territoryLabel} · ${s.mediaLabel} · ${s.exclusive ? 'exclusive' : 'non-exclusive'}`,
    `Period ${s.period}. Available: free for the whole period; on hold: free but for a deal in negotiation. Made ${s.madeOn}.`,
  ];
}

const TITLE: TextStyle = { size: 16, bold: true };
const BODY: TextStyle = { size: 10 };
const FILM: TextStyle = { size: 12, bold: true };
const CELL: TextStyle = { size: 9 };
const HEAD: TextStyle = { size: 9, bold: true };

export function availsSheetPdf(s: AvailsSheetView): Promise<Buffer> {
  const { doc, done } = newPdf(`Avails for ${s.buyer.name}`);
  const [title, scope, period] = sheetHeading(s);
  writeText(doc, title, TITLE);
  doc.y += 3;
  writeText(doc, scope, BODY);
  writeText(doc, period, BODY);
  doc.y += lineHeight(BODY);
  const left = doc.page.margins.left;
  const cols = [left, left + 150, left + 390, doc.page.width - doc.page.margins.right + 8];
  const row = (cells: string[], style: TextStyle) => {
    const blocks = cells.map((c, i) => layoutText(doc, c, style, cols[i + 1] - cols[i] - 8));
    const height = Math.max(12, ...blocks.map((b) => b.height));
    keepRoom(doc, height);
    const y = doc.y;
    blocks.forEach((b, i) => drawText(doc, b, cols[i], y));
    doc.y = y + height;
    doc.x = left;
  };
  for (const t of s.titles) {
    keepRoom(doc, 80);
    writeText(doc, `${t.name}${t.year ? ` (${t.year})` : ''}`, FILM);
    doc.y += 2;
    row(['Territory', 'Media', 'Status'], HEAD);
    if (!t.rows.length) row(['—', '—', 'Not available'], CELL);
    for (const r of t.rows) row([r.countryName, r.media, SHEET_STATUS_WORDS[r.status]], CELL);
    doc.y += lineHeight(CELL);
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
