/**
 * A snapshot of the rights index in a file, so a server starts in seconds rather than reading
 * every rights block from the database (docs/deploy.md, "Index snapshot").
 *
 * The file: 8 bytes of magic and format version, a 4-byte header length, a JSON header (the
 * stamp and the layout of the sections, small), then the sections: the index's typed-array
 * columns as raw bytes, and its interned strings as UTF-8 runs separated by NUL. Each section
 * carries its CRC-32. The stamp says which database (its identity row, migration 0013), which
 * schema, and which position of the rights change feed the index reflects: a server loading it
 * applies the feed from there, and refuses it (rebuilding from the store) when any of it does
 * not hold. Written to `<file>.partial` and renamed, so a crash leaves the previous one whole.
 */
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Bitset } from '../domain/bitset.js';
import type { Languages } from '../domain/rights.js';
import type { IndexColumns, PackedValues } from '../domain/rightsIndex.js';
import { DEFAULT_SQLITE_FILE, SCHEMA_VERSION, type Database } from '../store/index.js';

const MAGIC = 'FRINDEX1';
export const SNAPSHOT_FORMAT = 1;
/** More titles changed since the snapshot than this: rebuilding is quicker than catching up. */
export const MAX_CATCH_UP_TITLES = 10_000;
/** Strings are written in runs of this many (a JavaScript string holds at most ~512M characters). */
const STRING_RUN = 1 << 20;
const STRING_SEPARATOR = '\u0000';

/**
 * Where the server keeps its index snapshot: env FILMRIGHTS_INDEX_SNAPSHOT (a file, or "off"),
 * else beside the SQLite file (`<file>.rights-index`, in the data directory). With PostgreSQL
 * there is no file the database owns to put it beside, so a snapshot is kept only where
 * FILMRIGHTS_INDEX_SNAPSHOT names one (each app server its own). Null when off, unnamed for
 * PostgreSQL, or the database is in memory.
 */
export function defaultSnapshotFile(
  db: { url?: string; file?: string },
  env: Record<string, string | undefined> = process.env,
): string | null {
  const set = env.FILMRIGHTS_INDEX_SNAPSHOT?.trim();
  if (set === 'off') return null;
  if (set) return set;
  if (db.url ?? env.DATABASE_URL?.trim()) return null;
  const file = db.file ?? (env.FILMRIGHTS_DB?.trim() || DEFAULT_SQLITE_FILE);
  return file === ':memory:' || file === '' ? null : `${file}.rights-index`;
}

export interface SnapshotStamp {
  format: number;
  schema: string;
  databaseId: string;
  /** The change feed position the index reflects (every change up to it applied). */
  position: number;
  /** The feed's row at that position, to tell this database's feed from a restored or rewound one. */
  positionRow: { title: string; at: string } | null;
  writtenAt: string;
  titles: number;
  blocks: number;
}

interface Section {
  name: string;
  bytes: number;
  crc: number;
  /** Strings: how many in each run, and its bytes. Bitsets: words per set. */
  runs?: number[];
  runBytes?: number[];
  /** ASCII strings back to back, their offsets in the section `<name>Offsets`. */
  packed?: boolean;
  words?: number;
}

interface Header extends SnapshotStamp {
  endianness: string;
  languageSets: Languages[];
  /** Contract ref → the events its undated windows wait for (FilmRights.contractParties). */
  waiting: Array<[string, string[]]>;
  sections: Section[];
}

/** A snapshot that cannot be used, and why (the server logs it and rebuilds from the store). */
export class SnapshotRefused extends Error {}

/** This database's identity (migration 0013). */
export async function databaseId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('database_identity').select('id').orderBy('created_at').executeTakeFirst();
  return row?.id ?? '';
}

/** The stamp of a snapshot taken now, at this feed position. */
export async function stampAt(db: Kysely<Database>, position: number, counts: { titles: number; blocks: number }): Promise<SnapshotStamp> {
  const row =
    position > 0
      ? await db.selectFrom('rights_changes').select(['title_id', 'at']).where('seq', '=', position).executeTakeFirst()
      : undefined;
  return {
    format: SNAPSHOT_FORMAT,
    schema: SCHEMA_VERSION,
    databaseId: await databaseId(db),
    position,
    positionRow: row ? { title: row.title_id, at: row.at } : null,
    writtenAt: new Date().toISOString(),
    ...counts,
  };
}

const asBytes = (a: Int32Array | Uint32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function concatInts(lists: readonly (Int32Array | Uint32Array)[]): Int32Array {
  const out = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

/** Writes the index's columns with their stamp; returns the bytes written. */
export function writeIndexSnapshot(
  file: string,
  stamp: SnapshotStamp,
  c: IndexColumns,
  waiting: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  const sections: Array<{ section: Section; chunks: Uint8Array[] }> = [];
  const add = (name: string, chunks: Uint8Array[], extra: Partial<Section> = {}) => {
    let crc = 0;
    for (const ch of chunks) crc = crc32(ch, crc);
    sections.push({ section: { name, bytes: chunks.reduce((n, ch) => n + ch.byteLength, 0), crc, ...extra }, chunks });
  };
  const ints = (name: string, a: Int32Array) => add(name, [asBytes(a)]);
  const strings = (name: string, values: readonly string[]) => {
    const chunks: Uint8Array[] = [];
    const runs: number[] = [];
    for (let i = 0; i < values.length; i += STRING_RUN) {
      const run = values.slice(i, i + STRING_RUN);
      const text = run.join(STRING_SEPARATOR);
      if (run.some((v) => v.includes(STRING_SEPARATOR))) throw new SnapshotRefused(`${name}: a value holds a NUL character`);
      chunks.push(Buffer.from(text, 'utf8'));
      runs.push(run.length);
    }
    add(name, chunks, { runs, runBytes: chunks.map((ch) => ch.byteLength) });
  };
  // ASCII strings (contract references, in practice), back to back with their offsets: read one by one when used
  const packed = (name: string, values: readonly string[]): boolean => {
    const offsets = new Int32Array(values.length + 1);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < values.length; i += STRING_RUN) {
      const text = values.slice(i, i + STRING_RUN).join('');
      if (Buffer.byteLength(text, 'utf8') !== text.length || offsets[i] + text.length > 2 ** 31 - 1) return false;
      chunks.push(Buffer.from(text, 'latin1'));
      for (let j = i; j < Math.min(values.length, i + STRING_RUN); j++) offsets[j + 1] = offsets[j] + values[j].length;
    }
    add(name, chunks, { packed: true });
    ints(`${name}Offsets`, offsets);
    return true;
  };
  const bitsets = (name: string, sets: readonly Bitset[]) => {
    const words = sets.length ? sets[0].length : 0;
    if (sets.some((s) => s.length !== words)) throw new SnapshotRefused(`${name}: sets of different sizes`);
    add(name, [asBytes(concatInts(sets))], { words });
  };
  bitsets('territorySets', c.territorySets);
  bitsets('mediaSets', c.mediaSets);
  const given = c.contracts;
  const contracts = Array.isArray(given) ? given : Array.from({ length: given.length }, (_, i) => given.at(i));
  if (!packed('contracts', contracts)) strings('contracts', contracts);
  strings('titleIds', c.titleIds);
  for (const k of ['titleStart', 'titleBlockList', 'tset', 'mset', 'contract', 'pairOf', 'slot', 'pairTset', 'pairMset'] as const)
    ints(k, c[k]);
  ints(
    'postingLengths',
    Int32Array.from(c.postings, (p) => p.length),
  );
  add(
    'postings',
    c.postings.map((p) => asBytes(p)),
  );
  const header: Header = {
    ...stamp,
    endianness: endianness(),
    languageSets: c.languageSets,
    waiting: [...waiting].map(([ref, words]) => [ref, [...words]]),
    sections: sections.map((s) => s.section),
  };
  const head = Buffer.from(JSON.stringify({ ...header, length: c.length, dead: c.dead }), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(head.length, 8);
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  let written = 0;
  try {
    for (const ch of [prefix, head, ...sections.flatMap((s) => s.chunks)]) {
      for (let off = 0; off < ch.byteLength;) off += writeSync(fd, ch, off, Math.min(ch.byteLength - off, 1 << 30));
      written += ch.byteLength;
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(partial, file);
  return written;
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let off = 0; off < into.byteLength;) {
    const n = readSync(fd, into, off, Math.min(into.byteLength - off, 1 << 30), position + off);
    if (n === 0) throw new SnapshotRefused(`truncated: ${position + off} bytes of ${position + into.byteLength}`);
    off += n;
  }
}

export interface OpenedSnapshot {
  stamp: SnapshotStamp;
  /** Reads the columns (checking every section's CRC-32); throws SnapshotRefused. */
  columns(): { columns: IndexColumns; waiting: Map<string, Set<string>> };
  close(): void;
}

/** Opens a snapshot and reads its header (the stamp), without reading the columns yet. */
export function openIndexSnapshot(file: string, options: ReadOptions = {}): OpenedSnapshot {
  const fd = openSync(file, 'r');
  try {
    const prefix = Buffer.alloc(12);
    readFully(fd, prefix, 0);
    if (prefix.toString('latin1', 0, 8) !== MAGIC) throw new SnapshotRefused('not an index snapshot (format)');
    const head = Buffer.alloc(prefix.readUInt32LE(8));
    readFully(fd, head, 12);
    let header: Header & { length: number; dead: number };
    try {
      header = JSON.parse(head.toString('utf8')) as Header & { length: number; dead: number };
    } catch {
      throw new SnapshotRefused('its header is not readable');
    }
    if (header.endianness !== endianness()) throw new SnapshotRefused(`written on a ${header.endianness}-endian machine`);
    const { format, schema, databaseId: id, position, positionRow, writtenAt, titles, blocks } = header;
    const stamp: SnapshotStamp = { format, schema, databaseId: id, position, positionRow, writtenAt, titles, blocks };
    return {
      stamp,
      columns: () => readColumns(fd, 12 + head.length, header, options),
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

export interface ReadOptions {
  /** Sections of at least this many bytes in all have their checksums computed by a worker thread (default 64 MB). */
  crcWorkerMinBytes?: number;
}

const CRC_WORKER_MIN_BYTES = 64 * 1024 * 1024;
/** The bytes read between two hand-overs to the checker. */
const CRC_CHUNK = 32 * 1024 * 1024;
/** Without any progress of the checker for this long, the main thread checks what is left itself. */
const CRC_STALL_MS = 30_000;

/** The checker's code: a running CRC-32 per section, one flag per section (1 right, 2 wrong), and a count of sections done. */
const CRC_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const flags = new Int32Array(workerData);
const running = new Map();
parentPort.on('message', ([i, sab, off, len, last, expected]) => {
  try {
    const crc = crc32(new Uint8Array(sab, off, len), running.get(i) ?? 0);
    running.set(i, crc);
    if (!last) return;
    running.delete(i);
    Atomics.store(flags, 1 + i, crc === expected ? 1 : 2);
  } catch {
    Atomics.store(flags, 1 + i, 3);
  }
  Atomics.add(flags, 0, 1);
  Atomics.notify(flags, 0);
});
`;

/**
 * Checks sections' CRC-32 in a worker thread as they are read. The read stays synchronous: the
 * main thread hands each chunk over and, at the end, waits (Atomics.wait) for the worker's flags.
 * A worker that cannot start or stalls is not trusted: the main thread checks what it left.
 */
class CrcChecker {
  private constructor(
    private readonly worker: Worker,
    private readonly flags: Int32Array,
  ) {}

  static start(sections: number): CrcChecker | null {
    try {
      const flags = new Int32Array(new SharedArrayBuffer(4 * (1 + sections)));
      const worker = new Worker(CRC_WORKER, { eval: true, workerData: flags.buffer });
      worker.unref();
      // an error is seen through the flags (a stall), not as an event: the main thread is blocked meanwhile
      worker.on('error', () => undefined);
      return new CrcChecker(worker, flags);
    } catch {
      return null;
    }
  }

  add(section: number, bytes: Uint8Array, off: number, len: number, last: boolean, expected: number): void {
    this.worker.postMessage([section, bytes.buffer, bytes.byteOffset + off, len, last, expected >>> 0]);
  }

  /** Waits until the worker has flagged `n` sections, or has made no progress for CRC_STALL_MS. */
  wait(n: number): void {
    let seen = Atomics.load(this.flags, 0);
    let quietSince = performance.now();
    while (seen < n) {
      Atomics.wait(this.flags, 0, seen, 1_000);
      const now = Atomics.load(this.flags, 0);
      if (now !== seen) {
        seen = now;
        quietSince = performance.now();
      } else if (performance.now() - quietSince > CRC_STALL_MS) break;
    }
  }

  /** Section i's flag: 1 right, 2 wrong, 0 or 3 not known (checked again by the caller). */
  flag(i: number): number {
    return Atomics.load(this.flags, 1 + i);
  }

  stop(): void {
    void this.worker.terminate();
  }
}

function readColumns(
  fd: number,
  start: number,
  header: Header & { length: number; dead: number },
  options: ReadOptions,
): { columns: IndexColumns; waiting: Map<string, Set<string>> } {
  const read = new Map<string, { bytes: Uint8Array; section: Section }>();
  let at = start;
  const total = header.sections.reduce((n, s) => n + s.bytes, 0);
  // a large snapshot's checksums are computed by a worker thread while the next bytes are read
  // (at 1M titles: 1.7 GB, ~2.7 s of CRC-32 beside ~5 s of reading on a 2-core machine)
  const checker = total >= (options.crcWorkerMinBytes ?? CRC_WORKER_MIN_BYTES) ? CrcChecker.start(header.sections.length) : null;
  try {
    header.sections.forEach((section, i) => {
      // each section in its own buffer: aligned for typed arrays, and none over 2 GB (shared with the checker when there is one)
      const bytes = new Uint8Array(checker ? new SharedArrayBuffer(section.bytes) : new ArrayBuffer(section.bytes));
      if (checker) {
        for (let off = 0; off < section.bytes || off === 0; off += CRC_CHUNK) {
          const len = Math.min(CRC_CHUNK, section.bytes - off);
          readFully(fd, bytes.subarray(off, off + len), at + off);
          checker.add(i, bytes, off, len, off + len >= section.bytes, section.crc);
          if (len === 0) break;
        }
      } else {
        readFully(fd, bytes, at);
        if (crc32(bytes) !== section.crc) throw new SnapshotRefused(`section ${section.name} is corrupt (checksum)`);
      }
      at += section.bytes;
      read.set(section.name, { bytes, section });
    });
    if (checker) {
      checker.wait(header.sections.length);
      header.sections.forEach((section, i) => {
        const flag = checker.flag(i);
        // a section the worker did not finish (it stalled or failed) is checked here
        const right = flag === 1 || (flag !== 2 && crc32(read.get(section.name)!.bytes) === section.crc);
        if (!right) throw new SnapshotRefused(`section ${section.name} is corrupt (checksum)`);
      });
    }
  } finally {
    checker?.stop();
  }
  const get = (name: string) => {
    const s = read.get(name);
    if (!s) throw new SnapshotRefused(`section ${name} is missing`);
    return s;
  };
  const ints = (name: string): Int32Array<ArrayBuffer> => {
    const { bytes } = get(name);
    if (bytes.byteLength % 4) throw new SnapshotRefused(`section ${name} is not whole numbers`);
    return new Int32Array(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / 4);
  };
  const strings = (name: string): string[] => {
    const { bytes, section } = get(name);
    const out: string[] = [];
    let off = 0;
    const runs = section.runs ?? [];
    runs.forEach((n, i) => {
      const size = section.runBytes?.[i] ?? 0;
      if (off + size > bytes.byteLength) throw new SnapshotRefused(`section ${name} is shorter than its runs`);
      const run = Buffer.from(bytes.buffer, bytes.byteOffset + off, size)
        .toString('utf8')
        .split(STRING_SEPARATOR);
      if (run.length !== n) throw new SnapshotRefused(`section ${name}: ${run.length} values, expected ${n}`);
      for (const v of run) out.push(v);
      off += size;
    });
    return out;
  };
  const packedOrStrings = (name: string): string[] | PackedValues<string> => {
    const { bytes, section } = get(name);
    if (!section.packed) return strings(name);
    const offsets = ints(`${name}Offsets`);
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== bytes.byteLength)
      throw new SnapshotRefused(`section ${name} does not match its offsets`);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { length: offsets.length - 1, at: (i) => buffer.toString('latin1', offsets[i], offsets[i + 1]) };
  };
  const bitsets = (name: string): Bitset[] => {
    const { bytes, section } = get(name);
    const all = new Uint32Array(bytes.buffer, 0, bytes.byteLength / 4);
    const words = section.words ?? 0;
    const sets: Bitset[] = [];
    for (let i = 0; words > 0 && i < all.length; i += words) sets.push(all.slice(i, i + words));
    return sets;
  };
  const lengths = ints('postingLengths');
  const allPostings = ints('postings');
  const postings: Int32Array[] = [];
  let off = 0;
  for (const n of lengths) {
    postings.push(allPostings.subarray(off, off + n));
    off += n;
  }
  if (off !== allPostings.length) throw new SnapshotRefused('section postings does not match its lengths');
  const columns: IndexColumns = {
    territorySets: bitsets('territorySets'),
    mediaSets: bitsets('mediaSets'),
    languageSets: header.languageSets,
    contracts: packedOrStrings('contracts'),
    titleIds: strings('titleIds'),
    titleStart: ints('titleStart'),
    titleBlockList: ints('titleBlockList'),
    length: header.length,
    dead: header.dead,
    tset: ints('tset'),
    mset: ints('mset'),
    contract: ints('contract'),
    pairOf: ints('pairOf'),
    slot: ints('slot'),
    pairTset: ints('pairTset'),
    pairMset: ints('pairMset'),
    postings,
  };
  return { columns, waiting: new Map(header.waiting.map(([ref, words]) => [ref, new Set(words)])) };
}

/**
 * Whether the store's change feed can bring a snapshot with this stamp up to date: the same
 * database and schema, the feed still holding the row at its position and everything after it,
 * and not so many titles changed since that rebuilding is quicker. Null when it can; else why not.
 */
export async function whyNotLoadable(db: Kysely<Database>, stamp: SnapshotStamp): Promise<string | null> {
  if (stamp.format !== SNAPSHOT_FORMAT) return `format ${stamp.format}, this server reads ${SNAPSHOT_FORMAT}`;
  if (stamp.schema !== SCHEMA_VERSION) return `written for database schema ${stamp.schema}, this one is ${SCHEMA_VERSION}`;
  if (stamp.databaseId !== (await databaseId(db))) return 'written from another database';
  const range = await db
    .selectFrom('rights_changes')
    .select((eb) => [eb.fn.max('seq').as('head'), eb.fn.min('seq').as('first')])
    .executeTakeFirst();
  const head = Number(range?.head ?? 0);
  if (head < stamp.position) return `its change feed position ${stamp.position} is past the database's (${head}): the database was rewound`;
  if (stamp.position > 0) {
    const row = await db.selectFrom('rights_changes').select(['title_id', 'at']).where('seq', '=', stamp.position).executeTakeFirst();
    if (!row && Number(range?.first ?? 0) > stamp.position)
      return `older than the change feed's retained history (from ${String(range?.first)})`;
    if (!row || !stamp.positionRow || row.title_id !== stamp.positionRow.title || row.at !== stamp.positionRow.at)
      return `the change feed at position ${stamp.position} is not the one it was written at`;
  }
  const changed = await db
    .selectFrom('rights_changes')
    .select((eb) => eb.fn.count<number | string>('title_id').distinct().as('n'))
    .where('seq', '>', stamp.position)
    .executeTakeFirst();
  const n = Number(changed?.n ?? 0);
  if (n > MAX_CATCH_UP_TITLES) return `${n} titles changed since it was written (over ${MAX_CATCH_UP_TITLES}: rebuilding is quicker)`;
  return null;
}
