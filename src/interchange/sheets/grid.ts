/**
 * An XLSX workbook read as a stream: the archive is checked first (zip.ts:
 * entry count, inflated size, and that every entry holds what it says), then
 * each sheet is read row by row (ExcelJS's streaming reader) and only the
 * cells' values are kept, up to a number of rows: a workbook with more rows
 * than one import takes is refused as soon as the row after the limit is
 * read, naming the limit, without reading on.
 */
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { tooLarge } from '../../domain/errors.js';
import { UnreadableFile } from '../problems.js';
import { refuseForeignZip } from '../foreign.js';
import { checkZip, reordered, smallEntry, type ZipLimits } from '../zip.js';
import { readCell, type CellRead } from './cells.js';

export interface XlsxLimits extends ZipLimits {
  /** The most rows (with a value) all sheets together may have. */
  maxRows: number;
}

export interface SheetGrid {
  name: string;
  /** Rows with a value, by their 1-based number; cells by 1-based column (index 0 unused). */
  rows: Map<number, Array<CellRead | undefined>>;
  /** The last row number with a value (0: an empty sheet). */
  lastRow: number;
}

/** The value of a cell of the grid (an empty cell: value null). */
export function gridCell(g: SheetGrid, row: number, col: number): CellRead {
  return g.rows.get(row)?.[col] ?? { value: null };
}

/** The cells of a row with a value or a formula, with their column. */
export function gridRow(g: SheetGrid, row: number): Array<{ col: number; cell: CellRead }> {
  const out: Array<{ col: number; cell: CellRead }> = [];
  const cells = g.rows.get(row);
  if (cells) cells.forEach((cell, col) => cell && out.push({ col, cell }));
  return out;
}

const PARTS_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * A workbook relation's target as ExcelJS's stream reader matches it to a
 * sheet's part: relative to xl/ ("worksheets/sheet1.xml"). The format allows
 * an absolute target too ("/xl/worksheets/sheet1.xml", as openpyxl and so
 * pandas write it), which the reader does not match, and then names the
 * sheet "Sheet1" whatever the workbook calls it (exceljs issue 2663).
 */
export function targetInXl(target: string): string {
  const part = posix.normalize(target.startsWith('/') ? target : `/xl/${target}`);
  return part.startsWith('/xl/') ? part.slice('/xl/'.length) : target;
}

interface RelationsReader {
  _parseRels(entry: unknown): Promise<void>;
  workbookRels?: Array<{ Target?: string }>;
}

/** Every sheet of the workbook, in the workbook's order. */
export async function readWorkbookGrids(data: Buffer, name: string, limits: XlsxLimits): Promise<SheetGrid[]> {
  const dir = await checkZip(data, name, limits);
  refuseForeignZip(dir.entries, name, () => {
    const entry = dir.entries.find((e) => e.name === 'mimetype');
    return entry ? (smallEntry(data, entry)?.toString('latin1') ?? null) : null;
  });
  // the streaming reader needs the workbook, its relations, shared strings and styles before the sheets
  const parts = reordered(data, dir, (n) => (PARTS_FIRST.indexOf(n) >= 0 ? PARTS_FIRST.indexOf(n) : PARTS_FIRST.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(parts), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // the relations are read before any sheet (PARTS_FIRST): their targets are made relative to xl/ there
  const relations = reader as typeof reader & RelationsReader;
  const parseRelations = relations._parseRels.bind(reader);
  relations._parseRels = async (entry) => {
    await parseRelations(entry);
    for (const rel of relations.workbookRels ?? []) if (rel.Target) rel.Target = targetInXl(rel.Target);
  };
  const grids: Array<SheetGrid & { id: number; seen: number }> = [];
  let total = 0;
  try {
    for await (const ws of reader) {
      // the stream reader's sheets carry their id and name, which its types leave out
      const w = ws as typeof ws & { id: number | string; name: string };
      const grid = { name: w.name, id: Number(w.id), seen: grids.length, rows: new Map<number, Array<CellRead | undefined>>(), lastRow: 0 };
      grids.push(grid);
      for await (const row of w) {
        const cells: Array<CellRead | undefined> = [];
        let any = false;
        row.eachCell({ includeEmpty: false }, (c, col) => {
          const v = readCell(c);
          if ('formula' in v || v.value !== null) {
            cells[col] = v;
            any = true;
          }
        });
        if (!any) continue;
        if (++total > limits.maxRows) {
          throw tooLarge(
            'file',
            total,
            `${name}: the workbook has more than ${limits.maxRows.toLocaleString('en-US')} rows (the limit of one import; found at sheet ${w.name}, row ${row.number}): split it into several files; nothing was written`,
          );
        }
        grid.rows.set(row.number, cells);
        if (row.number > grid.lastRow) grid.lastRow = row.number;
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'too-large') throw e;
    throw new UnreadableFile(name, `not a readable XLSX workbook (truncated or corrupt: ${(e as Error).message.split('\n')[0]})`);
  }
  // the workbook's own sheet order (the archive may hold them in another)
  const model: { sheets?: Array<{ id: number }> } | undefined = reader.model;
  const order = (model?.sheets ?? []).map((s) => Number(s.id));
  const rank = (g: { id: number; seen: number }) => (order.includes(g.id) ? order.indexOf(g.id) : order.length + g.seen);
  return grids.sort((a, b) => rank(a) - rank(b)).map(({ name: n, rows, lastRow }) => ({ name: n, rows, lastRow }));
}
