/**
 * Zip archives and XLSX workbooks built in the test, byte by byte (node:zlib),
 * so that no large or hostile binary is committed: a workbook whose sheet
 * inflates to hundreds of MB from a few hundred KB, one that lies about its
 * sizes, one with more rows than an import takes.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The entry's bytes (deflated here). */
  data?: Buffer;
  /** Already deflated: the raw deflate stream, and what the directory should say. */
  deflated?: { body: Buffer; size: number; crc: number };
}

/** A zip archive of the parts, deflated, with a central directory. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const d = p.deflated ?? {
      body: deflateRawSync(p.data ?? Buffer.alloc(0)),
      size: (p.data ?? Buffer.alloc(0)).length,
      crc: crc32(p.data ?? Buffer.alloc(0)),
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(d.crc >>> 0, 14);
    local.writeUInt32LE(d.body.length, 18);
    local.writeUInt32LE(d.size, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(d.crc >>> 0, 16);
    head.writeUInt32LE(d.body.length, 20);
    head.writeUInt32LE(d.size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, name, d.body);
    central.push(head, name);
    offset += local.length + name.length + d.body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * `head`, then `chunk` `times` over, then `tail`, deflated without ever
 * holding the whole: each piece is deflated on its own and flushed, which a
 * deflate stream allows, so the chunk is compressed once and repeated.
 */
export function repeatedDeflate(head: string, chunk: Buffer, times: number, tail: string): { body: Buffer; size: number; crc: number } {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const c = deflateRawSync(chunk, flush);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(t, crc);
  const body = Buffer.concat([deflateRawSync(h, flush), ...Array.from({ length: times }, () => c), deflateRawSync(t)]);
  return { body, size: h.length + chunk.length * times + t.length, crc };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Deals" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHARED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`;
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A one-sheet workbook ("Deals") whose sheet entry is given. */
export function workbook(sheet: ZipPart['deflated'] | Buffer): Buffer {
  const part: ZipPart = Buffer.isBuffer(sheet)
    ? { name: 'xl/worksheets/sheet1.xml', data: sheet }
    : { name: 'xl/worksheets/sheet1.xml', deflated: sheet };
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(SHARED) },
    part,
  ]);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A deal sheet of `rows` data rows (a header row first), as sheet XML. */
export function dealSheetXml(rows: number): Buffer {
  const out: string[] = [
    SHEET_HEAD,
    `<row r="1">${cell('A1', 'Title')}${cell('B1', 'Buyer')}${cell('C1', 'Territory')}${cell('D1', 'Media')}</row>`,
  ];
  for (let r = 2; r <= rows + 1; r++)
    out.push(
      `<row r="${r}">${cell(`A${r}`, `Film ${r}`)}${cell(`B${r}`, 'Neon')}${cell(`C${r}`, 'Germany')}${cell(`D${r}`, 'SVOD')}</row>`,
    );
  out.push(SHEET_TAIL);
  return Buffer.from(out.join(''));
}

/** A workbook whose sheet inflates to `mb` MB of rows that repeat (honest sizes in its directory, or `declaredSize` if given). */
export function zipBomb(mb: number, declaredSize?: number): Buffer {
  const row = '<row><c t="inlineStr"><is><t>boom</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)).slice(0, 1024 * 1024));
  const d = repeatedDeflate(SHEET_HEAD, chunk, mb, SHEET_TAIL);
  return workbook({ ...d, size: declaredSize ?? d.size });
}

/**
 * A one-sheet workbook laid out as openpyxl (and so pandas) writes it: the
 * sheet's entry before the workbook's, the sheet's relation an absolute
 * target ("/xl/worksheets/sheet1.xml"), strings inline and no shared
 * strings entry, the styles after the sheet.
 */
export function openpyxlLayoutWorkbook(sheetName: string, sheet: Buffer): Buffer {
  const rels = WORKBOOK_RELS.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"');
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;
  return zip([
    {
      name: 'docProps/app.xml',
      data: Buffer.from('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    { name: 'xl/styles.xml', data: Buffer.from(styles) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK.replace('name="Deals"', `name="${sheetName}"`)) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
  ]);
}
