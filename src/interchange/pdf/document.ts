/**
 * A new A4 PDF for the writers (statements, avails sheets, line-up sheets): 50-point margins, the
 * embedded fonts registered, and the finished file as a Buffer once the writer calls `doc.end()`.
 */
import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts.js';

export function newPdf(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Creator: 'filmrights' } });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
