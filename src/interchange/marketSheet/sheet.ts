/**
 * The line-up sheet of a market: per title in line-up order, its logline, director(s), cast,
 * status and screening times in the market's local time, as PDF (pdfkit, real text in embedded fonts,
 * laid out in them: a long title is cut with "…" before the status beside it) and XLSX (exceljs). The services gather the sheet; this module only writes it.
 */
import ExcelJS from 'exceljs';
import { newPdf } from '../pdf/document.js';
import { ascent, drawText, keepRoom, layoutText, lineHeight, writeText, type TextStyle } from '../pdf/text.js';

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

const HEADING: TextStyle = { size: 18, bold: true };
const NOTE: TextStyle = { size: 10, color: '#444' };
const TITLE: TextStyle = { size: 13, bold: true };
const STATUS: TextStyle = { size: 10 };
const LOGLINE: TextStyle = { size: 10, italic: true };
const BODY: TextStyle = { size: 10 };
/** A title longer than this many lines ends with "…". */
const TITLE_LINES = 2;

export function lineupSheetPdf(s: LineupSheet): Promise<Buffer> {
  const { doc, done } = newPdf(`${s.market}: line-up`);
  writeText(doc, `${s.market}: line-up`, HEADING);
  writeText(doc, `${s.dates}. Times are local (${s.timeZone}).`, NOTE);
  doc.y += lineHeight(BODY);
  if (!s.rows.length) writeText(doc, 'No titles in the line-up yet.', BODY);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.right - left;
  for (const r of s.rows) {
    keepRoom(doc, 120);
    // the status stands at the right margin on the title's first line; the title keeps clear of it
    const status = layoutText(doc, statusWord(r.status), STATUS, width);
    const title = layoutText(doc, `${r.title}${r.year ? ` (${r.year})` : ''}`, TITLE, width - status.width - 12, TITLE_LINES);
    const y = doc.y;
    drawText(doc, title, left, y);
    drawText(doc, status, left, y + ascent(TITLE) - ascent(STATUS), { width, align: 'right' });
    doc.y = y + title.height + 2;
    if (r.logline) writeText(doc, r.logline, LOGLINE);
    if (r.directors.length) writeText(doc, `Director: ${r.directors.join(', ')}`, BODY);
    if (r.cast.length) writeText(doc, `Cast: ${r.cast.join(', ')}`, BODY);
    writeText(doc, r.screenings.length ? `Screenings: ${r.screenings.join('; ')}` : 'Screenings: none scheduled', BODY);
    doc.y += lineHeight(BODY);
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
