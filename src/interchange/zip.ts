/**
 * An XLSX workbook is a zip archive, and a zip archive can be a bomb: a
 * 1 MB file whose sheet inflates to gigabytes. Before any XLSX is parsed,
 * its central directory (the archive's table of contents, at its end) is
 * read: how many entries, and how large each says it is once inflated. An
 * archive over the limits is refused, naming the limit, before anything is
 * inflated. Then every entry is inflated once, counting and discarding the
 * bytes, so that an archive that lies about its sizes is refused too,
 * without ever holding more than a small buffer.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { tooLarge } from '../domain/errors.js';
import { UnreadableFile } from './problems.js';

export interface ZipLimits {
  /** The most bytes all entries may hold, inflated. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

function u64(b: Buffer, at: number): number {
  const n = b.readBigUInt64LE(at);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts (the entries' data ends there). */
  dirStart: number;
}

/** The entries the central directory lists; an UnreadableFile when there is none to read. */
export function zipEntries(data: Buffer, name: string, limits: ZipLimits): ZipDirectory {
  const bad = (why: string) => new UnreadableFile(name, `not a readable XLSX workbook (truncated or corrupt: ${why})`);
  // the end of central directory record: in the last 22 bytes, or before a comment of up to 64 KiB
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no zip directory: truncated or not a zip archive');
  let count = data.readUInt16LE(eocd + 10);
  let dirSize = data.readUInt32LE(eocd + 12);
  let dirStart = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === MAX32 || dirStart === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || data.readUInt32LE(loc) !== ZIP64_LOCATOR) throw bad('a zip64 archive without its locator');
    const z = u64(data, loc + 8);
    if (z + 56 > data.length || data.readUInt32LE(z) !== ZIP64_EOCD) throw bad('a zip64 archive without its directory record');
    count = u64(data, z + 32);
    dirSize = u64(data, z + 40);
    dirStart = u64(data, z + 48);
  }
  if (count > limits.maxEntries) {
    throw tooLarge(
      'file',
      count,
      `${name}: the archive has ${count.toLocaleString('en-US')} entries, more than the limit of ${limits.maxEntries.toLocaleString('en-US')}; nothing was written`,
    );
  }
  if (dirStart + dirSize > data.length) throw bad('its directory points past the end of the file: truncated');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirStart;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw bad('a damaged zip directory');
    const method = data.readUInt16LE(p + 10);
    let compressedSize = data.readUInt32LE(p + 20);
    let size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    let localHeader = data.readUInt32LE(p + 42);
    const entryName = data.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    // zip64: the sizes that do not fit 32 bits are in the extra field 0x0001, in this order
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = data.readUInt16LE(x);
      const len = data.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === MAX32 && q + 8 <= x + 4 + len) {
          size = u64(data, q);
          q += 8;
        }
        if (compressedSize === MAX32 && q + 8 <= x + 4 + len) {
          compressedSize = u64(data, q);
          q += 8;
        }
        if (localHeader === MAX32 && q + 8 <= x + 4 + len) localHeader = u64(data, q);
      }
      x += 4 + len;
    }
    total += size;
    if (total > limits.maxUnpackedBytes) {
      throw tooLarge(
        'file',
        total,
        `${name}: the workbook inflates to more than ${mib(limits.maxUnpackedBytes)} (the limit; ${entryName} alone is ${mib(size)}); nothing was written`,
      );
    }
    entries.push({ name: entryName, method, compressedSize, size, localHeader });
    p = extraEnd + commentLength;
  }
  return { entries, dirStart };
}

/** Inflates one entry, counting (and dropping) the bytes: refused as soon as it holds more than it says. */
async function checkEntrySize(data: Buffer, name: string, e: ZipEntry): Promise<void> {
  const lh = e.localHeader;
  if (lh + 30 > data.length || data.readUInt32LE(lh) !== LOCAL)
    throw new UnreadableFile(name, `not a readable XLSX workbook (the entry ${e.name} is damaged)`);
  const start = lh + 30 + data.readUInt16LE(lh + 26) + data.readUInt16LE(lh + 28);
  const body = data.subarray(start, start + e.compressedSize);
  const liar = () =>
    tooLarge(
      'file',
      e.name,
      `${name}: the entry ${e.name} inflates to more than the ${mib(e.size)} the archive says (a zip bomb?); nothing was written`,
    );
  if (e.method === 0) {
    if (body.length !== e.size) throw liar();
    return;
  }
  if (e.method !== 8)
    throw new UnreadableFile(name, `not a readable XLSX workbook (the entry ${e.name} uses compression method ${e.method}, not deflate)`);
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > e.size) {
        inflate.destroy();
        reject(liar());
      }
    });
    inflate.on('error', (err) =>
      reject(new UnreadableFile(name, `not a readable XLSX workbook (the entry ${e.name} does not inflate: ${err.message})`)),
    );
    inflate.on('end', () =>
      n === e.size
        ? resolve()
        : reject(
            new UnreadableFile(name, `not a readable XLSX workbook (the entry ${e.name} holds ${n} bytes, not the ${e.size} it says)`),
          ),
    );
    inflate.end(body);
  });
}

/** The bytes of a small entry (at most `max` bytes inflated), or null: larger, or not readable. */
export function smallEntry(data: Buffer, e: ZipEntry, max = 4096): Buffer | null {
  if (e.size > max || e.localHeader + 30 > data.length || data.readUInt32LE(e.localHeader) !== LOCAL) return null;
  const start = e.localHeader + 30 + data.readUInt16LE(e.localHeader + 26) + data.readUInt16LE(e.localHeader + 28);
  const body = data.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return body;
    return e.method === 8 ? inflateRawSync(body, { maxOutputLength: max }) : null;
  } catch {
    return null;
  }
}

/** Refuses an archive over the limits (by its directory, then by what its entries really hold). */
export async function checkZip(data: Buffer, name: string, limits: ZipLimits): Promise<ZipDirectory> {
  const dir = zipEntries(data, name, limits);
  for (const e of dir.entries) if (e.size > 0 || e.compressedSize > 0) await checkEntrySize(data, name, e);
  return dir;
}

/**
 * The archive's entries (local headers and data, as they are) in another
 * order, for a reader that reads an archive front to back: `first` names
 * the entries it needs before the others. The central directory and its end
 * record follow, as they are: such a reader reads on until the end record,
 * and input that stops after the last entry is a truncated archive to it
 * ("FILE_ENDED"). The directory's offsets are those of the original order,
 * which a front-to-back reader does not use.
 */
export function reordered(data: Buffer, dir: ZipDirectory, first: (name: string) => number): Buffer[] {
  const byOffset = [...dir.entries].sort((a, b) => a.localHeader - b.localHeader);
  const parts = byOffset.map((e, i) => ({
    rank: first(e.name),
    i,
    bytes: data.subarray(e.localHeader, i + 1 < byOffset.length ? byOffset[i + 1].localHeader : dir.dirStart),
  }));
  return [...parts.sort((a, b) => a.rank - b.rank || a.i - b.i).map((p) => p.bytes), data.subarray(dir.dirStart)];
}
