/**
 * The market report as XLSX (exceljs): one sheet per part. Written from the report as the service
 * answered it for the user, so money appears only when the answer carries it (the financial-terms
 * permission): without it there is no MG column and no totals sheet, not even empty ones.
 */
import ExcelJS from 'exceljs';
import type { MarketReportView } from '../../contract/index.js';
import { exponent } from '../../domain/money/amounts.js';

const STATUS_WORDS: Record<string, string> = {
  new: 'New',
  'in-negotiation': 'In negotiation',
  accepted: 'Accepted',
  'on-signature': 'On signature',
  signed: 'Signed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

function head(ws: ExcelJS.Worksheet, title: string, columns: Array<[string, number]>) {
  ws.columns = columns.map(([, width]) => ({ width }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(columns.map(([h]) => h)).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

/** An amount in its currency's decimals (JPY none, USD two, KWD three), as the list exports write money. */
const amountFormat = (currency: string | null | undefined) => {
  const e = currency ? exponent(currency) : 2;
  return `#,##0${e ? `.${'0'.repeat(e)}` : ''}`;
};

export async function marketReportXlsx(r: MarketReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'filmrights';
  const name = `${r.market.name} (${r.market.start} to ${r.market.end})`;

  const summary = wb.addWorksheet('Summary');
  head(summary, `${name}: market report`, [
    ['What', 30],
    ['Count', 12],
  ]);
  summary.addRow(['Meetings', r.meetings.count]);
  summary.addRow(['Offers', r.offers.count]);
  for (const s of r.offers.byStatus) summary.addRow([`Offers: ${STATUS_WORDS[s.status] ?? s.status}`, s.count]);
  summary.addRow(['Deals closed', r.deals.length]);

  const buyers = wb.addWorksheet('Meetings by buyer');
  head(buyers, 'Meetings by buyer', [
    ['Buyer', 36],
    ['Meetings', 12],
  ]);
  for (const b of r.meetings.byBuyer) buyers.addRow([b.name, b.count]);

  const titles = wb.addWorksheet('Titles by interest');
  head(titles, 'Titles by interest', [
    ['Title', 40],
    ['Meetings discussing', 20],
    ['Offers naming', 16],
  ]);
  for (const t of r.titles) titles.addRow([t.name, t.meetings, t.offers]);

  const money = r.mgTotals !== undefined;
  const deals = wb.addWorksheet('Deals closed');
  head(deals, 'Deals closed (signed offers)', [
    ['Offer', 14],
    ['Buyer', 30],
    ['Titles', 40],
    ['Contract', 24],
    ...(money
      ? ([
          ['MG', 16],
          ['Currency', 10],
        ] as Array<[string, number]>)
      : []),
  ]);
  for (const d of r.deals) {
    const row = deals.addRow([
      d.offer.ref,
      d.buyer.name,
      d.titles.map((t) => t.name).join(', '),
      d.contract?.ref ?? '',
      ...(money ? [d.mg ? Number(d.mg.amount) : '', d.mg?.currency ?? ''] : []),
    ]);
    if (money) row.getCell(5).numFmt = amountFormat(d.mg?.currency);
  }

  if (r.mgTotals) {
    const totals = wb.addWorksheet('MG totals');
    head(totals, 'Minimum guarantees by currency', [
      ['Currency', 10],
      ['Signed', 18],
      ['Open offers', 18],
    ]);
    for (const t of r.mgTotals) {
      const row = totals.addRow([t.currency, Number(t.signed), Number(t.open)]);
      row.getCell(2).numFmt = amountFormat(t.currency);
      row.getCell(3).numFmt = amountFormat(t.currency);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
