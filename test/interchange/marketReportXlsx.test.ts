/**
 * The market report's XLSX writes each MG in its currency's decimals, as the list exports do: a yen amount has
 * none (an auditor found "#,##0.00" on JPY totals).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { marketReportXlsx } from '../../src/interchange/marketSheet/report.js';

describe('the market report as XLSX', () => {
  it("formats each MG and each total in its currency's decimals", async () => {
    const data = await marketReportXlsx({
      market: { id: 'm', name: 'Filmart', start: '2027-03-15', end: '2027-03-18' },
      meetings: { count: 0, byBuyer: [] },
      offers: { count: 2, byStatus: [{ status: 'signed', count: 2 }] },
      titles: [],
      deals: [
        {
          offer: { id: 'o1', ref: 'O-1' },
          buyer: { id: 'b1', name: 'Tsubame Eiga' },
          titles: [],
          contract: null,
          mg: { amount: '25000000', currency: 'JPY' },
        },
        {
          offer: { id: 'o2', ref: 'O-2' },
          buyer: { id: 'b2', name: 'Harbour Lane' },
          titles: [],
          contract: null,
          mg: { amount: '150000.00', currency: 'USD' },
        },
      ],
      mgTotals: [
        { currency: 'JPY', signed: '25000000', open: '0' },
        { currency: 'USD', signed: '150000.00', open: '0.00' },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const deals = wb.getWorksheet('Deals closed')!;
    const formats = new Map<string, string>();
    deals.eachRow((row) => {
      if (typeof row.getCell(5).value === 'number') formats.set(String(row.getCell(6).value), row.getCell(5).numFmt);
    });
    expect(Object.fromEntries(formats)).toEqual({ JPY: '#,##0', USD: '#,##0.00' });
    const totals = wb.getWorksheet('MG totals')!;
    const totalFormats: Record<string, string> = {};
    totals.eachRow((row) => {
      if (typeof row.getCell(2).value === 'number') totalFormats[String(row.getCell(1).value)] = row.getCell(2).numFmt;
    });
    expect(totalFormats).toEqual({ JPY: '#,##0', USD: '#,##0.00' });
  });
});
