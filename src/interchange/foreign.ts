/**
 * Files people give `import` by mistake: a signed contract as PDF, a folder
 * zipped, an OpenDocument or Word file, the database itself, an image. Each
 * is named from its first bytes (or, for a zip archive, its entries), so the
 * refusal says what the file is instead of "not UTF-8" or "corrupt".
 */
import { UnreadableFile } from './problems.js';

const NOT_IMPORT = 'not a CSV, XLSX, XML or JSON file: it is';

const SIGNATURES: Array<{ bytes: Buffer; what: string }> = [
  { bytes: Buffer.from('%PDF-'), what: 'a PDF document' },
  { bytes: Buffer.from('SQLite format 3\0'), what: 'a SQLite database (a backup is loaded with "filmrights restore")' },
  { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), what: 'a PNG image' },
  { bytes: Buffer.from([0xff, 0xd8, 0xff]), what: 'a JPEG image' },
  { bytes: Buffer.from('GIF8'), what: 'a GIF image' },
  { bytes: Buffer.from([0x1f, 0x8b]), what: 'a gzip archive' },
  { bytes: Buffer.from('Rar!'), what: 'a RAR archive' },
  { bytes: Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), what: 'a 7-Zip archive' },
  { bytes: Buffer.from('{\\rtf'), what: 'an RTF document' },
];

/** Bytes that text (in any 8-bit encoding) does not hold: C0 controls other than tab, line ends, form feed and Ctrl-Z. */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a;
}

/**
 * Refuses a file whose first bytes say it is no import at all (a PDF, a database, an image,
 * binary data), naming what it is. UTF-16 text (with its byte order mark) is left to the CSV
 * reader, which says how to save it.
 */
export function refuseForeignFile(data: Buffer, name: string): void {
  for (const s of SIGNATURES) {
    if (data.length >= s.bytes.length && data.subarray(0, s.bytes.length).equals(s.bytes))
      throw new UnreadableFile(name, `${NOT_IMPORT} ${s.what}`);
  }
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) return;
  const sample = data.subarray(0, 8192);
  // UTF-16 text without its byte order mark: every other byte NUL (ASCII letters), at one parity
  const nulsAt = [0, 1].map((parity) => sample.filter((b, i) => b === 0 && i % 2 === parity).length);
  if (sample.length >= 8 && Math.max(...nulsAt) * 4 > sample.length && Math.min(...nulsAt) * 20 < sample.length)
    throw new UnreadableFile(name, 'the file is UTF-16 text; save it as "CSV UTF-8" and import it again');
  let controls = 0;
  for (const b of sample) if (isControl(b)) controls++;
  // a stray control character in a sheet is the sheet's problem; many make binary data
  if (controls >= 4 && controls * 100 > sample.length)
    throw new UnreadableFile(name, 'not a CSV, XLSX, XML or JSON file: it holds binary data');
}

/** Refuses a zip archive that is no XLSX workbook (no xl/workbook.xml), naming what it is when its entries say. */
export function refuseForeignZip(entries: Array<{ name: string }>, name: string, mimetype: () => string | null): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return;
  const type = names.has('mimetype') ? (mimetype() ?? '') : '';
  const what = type.includes('opendocument.spreadsheet')
    ? 'an OpenDocument spreadsheet: save it as .xlsx (or CSV UTF-8) and import it again'
    : type.includes('opendocument')
      ? 'an OpenDocument file, not a spreadsheet'
      : names.has('word/document.xml')
        ? 'a Word document'
        : names.has('ppt/presentation.xml')
          ? 'a PowerPoint presentation'
          : 'a ZIP archive with no workbook in it (no xl/workbook.xml)';
  throw new UnreadableFile(name, `${NOT_IMPORT} ${what}`);
}
