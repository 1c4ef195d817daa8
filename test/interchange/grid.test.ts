/**
 * Reading an XLSX workbook as a stream (src/interchange/sheets/grid.ts) whatever the order of its
 * zip entries and however its relations are written: here, as openpyxl and pandas write them.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids, gridCell } from '../../src/interchange/sheets/grid.js';
import { reordered, zipEntries } from '../../src/interchange/zip.js';
import { dealSheetXml, openpyxlLayoutWorkbook } from '../support/zipFiles.js';

const LIMITS = { maxRows: 1000, maxUnpackedBytes: 10 * 1024 * 1024, maxEntries: 100 };

describe('an XLSX workbook read as a stream', () => {
  it('hands the reader a whole archive: the entries in the order it needs, then the central directory and its end record', () => {
    const data = openpyxlLayoutWorkbook('Deals', dealSheetXml(3));
    const dir = zipEntries(data, 'deals.xlsx', LIMITS);
    const parts = reordered(data, dir, (n) => (n === 'xl/workbook.xml' ? 0 : 1));
    const stream = Buffer.concat(parts);
    // same bytes, other order: every entry once, and the archive's directory last, so that a
    // front-to-back reader comes to the archive's end record instead of running out of input
    expect(stream.length).toBe(data.length);
    expect(stream.subarray(0, 4).readUInt32LE(0)).toBe(0x04034b50);
    expect(stream.subarray(30, 30 + 'xl/workbook.xml'.length).toString()).toBe('xl/workbook.xml');
    expect(stream.subarray(stream.length - (data.length - dir.dirStart)).equals(data.subarray(dir.dirStart))).toBe(true);
  });

  it('reads an openpyxl-style workbook every time', async () => {
    const data = openpyxlLayoutWorkbook('Deals', dealSheetXml(20));
    // the archive used to end without its directory, and the zip reader's "FILE_ENDED" reached the
    // sheet reader or not depending on timing (most reads of this layout failed, not all)
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      try {
        const grids = await readWorkbookGrids(data, 'deals.xlsx', LIMITS);
        expect(grids.map((g) => g.lastRow)).toEqual([21]);
        expect(gridCell(grids[0], 2, 1)).toEqual({ value: 'Film 2' });
      } catch (e) {
        failures.push(`read ${i + 1}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("names a sheet as the workbook does when its relation's target is absolute (/xl/worksheets/...)", async () => {
    const data = openpyxlLayoutWorkbook('Ventes 2025', dealSheetXml(2));
    const grids = await readWorkbookGrids(data, 'ventes.xlsx', LIMITS);
    expect(grids.map((g) => g.name)).toEqual(['Ventes 2025']);
  });
});
