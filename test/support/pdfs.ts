/**
 * Reading back the PDFs filmrights writes, the way a reader does: the text as extracted (pdf-parse,
 * so as a person copying it would get it), each piece of text with its place on the page (pdf.js,
 * for "nothing drawn over anything, nothing past the margins"), and the fonts the file names.
 */
import { PDFParse } from 'pdf-parse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text as pdf.js finds it, in points from the page's top left corner. */
export interface PlacedText {
  page: number;
  str: string;
  left: number;
  right: number;
  /** The top and bottom of the text's em box (baseline minus the font size, and the baseline plus a fifth of it). */
  top: number;
  bottom: number;
}

export interface ReadPdf {
  text: string;
  pages: Array<{ width: number; height: number }>;
  placed: PlacedText[];
  /** Every /BaseFont the file names (an embedded subset reads "ABCDEF+NotoSans-Regular"). */
  fonts: string[];
  /** How many fonts carry their own program (FontFile2 or FontFile3) and a ToUnicode map. */
  embedded: number;
  toUnicode: number;
}

export async function readPdf(data: Uint8Array): Promise<ReadPdf> {
  const bytes = new Uint8Array(data);
  const parser = new PDFParse({ data: bytes.slice() });
  const text = (await parser.getText()).text;
  await parser.destroy();

  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: ReadPdf['pages'] = [];
  const placed: PlacedText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    pages.push({ width, height });
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , size, x, y] = item.transform as number[];
      placed.push({ page: n, str: item.str, left: x, right: x + item.width, top: height - y - size, bottom: height - y + size * 0.2 });
    }
  }
  await doc.destroy();

  const raw = Buffer.from(bytes).toString('latin1');
  return {
    text,
    pages,
    placed,
    fonts: [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]),
    embedded: (raw.match(/\/FontFile[23]\b/g) ?? []).length,
    toUnicode: (raw.match(/\/ToUnicode\b/g) ?? []).length,
  };
}

/** Pairs of text pieces on the same page whose boxes overlap by more than `slack` points each way. */
export function overlaps(placed: PlacedText[], slack = 0.5): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      if (a.page !== b.page) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) out.push([a.str, b.str]);
    }
  return out;
}

/** Text pieces that reach past the page's side margins (by more than half a point). */
export function pastMargins(r: ReadPdf, margin: number): string[] {
  return r.placed.filter((p) => p.left < margin - 0.5 || p.right > r.pages[p.page - 1].width - margin + 0.5).map((p) => p.str);
}
