import { readFileSync, rmSync, truncateSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle, updateTitle } from '../../src/services/catalog.js';
import { checkProposedDeal, saveContract } from '../../src/services/contracts.js';
import { commitPlan } from '../../src/services/write/commitPlan.js';
import { Problems } from '../../src/interchange/problems.js';
import { loadDemo } from '../../src/services/demo.js';
import { checkIntegrity } from '../../src/services/integrity.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import type { AvailsQuestion } from '../../src/domain/avails.js';
import { parseDay } from '../../src/domain/dates.js';
import { parseMedia } from '../../src/domain/media.js';
import { parseTerritories } from '../../src/domain/territories.js';
import type { OpenOptions } from '../../src/store/index.js';
import { SCHEMA_VERSION } from '../../src/store/index.js';
import { openIndexSnapshot, writeIndexSnapshot } from '../../src/services/indexSnapshot.js';
import { RightsIndex } from '../../src/domain/rightsIndex.js';
import { rng } from '../../bench/synthetic.js';
import { describeEachDatabase } from '../support/databases.js';
import { PROCESS_TEST_TIMEOUT, runCli } from '../support/processes.js';

const TERRITORIES = ['Worldwide', 'Germany', 'France', 'North America', 'Scandinavia', 'Latin America', 'Japan', 'Benelux'];
const MEDIA = ['All Media', 'SVOD', 'Theatrical', 'Free TV', 'Pay TV', 'EST, TVOD'];

/** A question drawn from `r`: some territories and media, a period, exclusive or not, and how it must match. */
function randomQuestion(r: () => number): AvailsQuestion {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const start = parseDay('2019-01-01') + Math.floor(r() * 4000);
  return {
    territories: parseTerritories(pick(TERRITORIES)),
    media: parseMedia(pick(MEDIA)),
    languages: null,
    start,
    end: start + Math.floor(r() * 1500),
    exclusive: r() < 0.5,
    match: r() < 0.5 ? 'cover-entire' : 'overlap-part',
  };
}

/** An answer with its rows and their titles in one order, without the outcomes' numbers (each index numbers its own). */
function normal(rows: ReturnType<FilmRights['index']['avails']>): string[] {
  return rows
    .map((r) => {
      const { id: _id, ...outcome } = r.outcome;
      return JSON.stringify({ ...r, titles: [...r.titles].sort(), territories: [...r.territories], media: [...r.media], outcome });
    })
    .sort();
}

describeEachDatabase('the rights index snapshot', (_open, database) => {
  let dir: string;
  let options: OpenOptions;
  let drop: () => Promise<void>;
  let file: string;
  const lines: string[] = [];
  const ids: Record<string, string> = {};
  const log = (line: string) => lines.push(line);
  const openFromSnapshot = (o: OpenOptions = options, snapshot = file) =>
    FilmRights.open({ ...o, follow: true, followIntervalMs: 60_000, indexSnapshot: { file: snapshot, log, checkEveryMs: 3_600_000 } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'filmrights-snapshot-'));
    file = join(dir, 'index.rights-index');
    const location = await database.create();
    options = location.options;
    drop = location.drop;
    // a server writes its snapshot when it closes cleanly
    const app = await openFromSnapshot();
    expect(lines.join('\n')).toContain('not found; building the index from the database');
    await loadDemo(app);
    const we = (await findOrCreateCompany(app, SYSTEM, { name: 'Snapshot Sales', kind: 'sales-agent' })).company.id;
    const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Snapshot Films', kind: 'production' })).company.id;
    const buyer = (await findOrCreateCompany(app, SYSTEM, { name: 'Snapshot Buyer', kind: 'distributor' })).company.id;
    await setWeCompany(app, SYSTEM, we);
    const r = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const day = (n: number) => new Date((parseDay('2018-01-01') + n) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 8; i++) {
      const id = (await createTitle(app, SYSTEM, { originalTitle: `Snapshot Film ${i}`, year: 2020 })).id;
      ids[`film${i}`] = id;
      await saveContract(app, SYSTEM, {
        ref: `IN-${i}`,
        status: 'signed',
        licensorId: producer,
        licenseeId: we,
        titleIds: [id],
        blocks: [
          { territories: 'Worldwide', media: 'All Media', start: day(Math.floor(r() * 400)), end: day(3000 + Math.floor(r() * 2000)) },
        ],
      });
      for (let s = 0; s < 3; s++) {
        const from = Math.floor(r() * 3000);
        await saveContract(app, SYSTEM, {
          ref: `OUT-${i}-${s}`,
          status: r() < 0.8 ? 'signed' : 'negotiating',
          licensorId: we,
          licenseeId: buyer,
          titleIds: [id],
          blocks: [
            {
              territories: pick(TERRITORIES.slice(1)),
              media: pick(MEDIA.slice(1)),
              start: day(from),
              end: day(from + 700),
              exclusive: r() < 0.7,
            },
          ],
          override: { reason: 'test data: drawn at random' },
        });
      }
    }
    // a series whose episodes inherit its rights (the index holds them per episode)
    ids.series = (await createTitle(app, SYSTEM, { originalTitle: 'Snapshot Series', kind: 'series' })).id;
    ids.season = (
      await createTitle(app, SYSTEM, { originalTitle: 'Snapshot Season 1', kind: 'season', parentId: ids.series, number: 1 })
    ).id;
    for (let e = 1; e <= 3; e++)
      ids[`e${e}`] = (
        await createTitle(app, SYSTEM, { originalTitle: `Snapshot S1E${e}`, kind: 'episode', parentId: ids.season, number: e })
      ).id;
    await saveContract(app, SYSTEM, {
      ref: 'IN-SERIES',
      status: 'signed',
      licensorId: producer,
      licenseeId: we,
      titleIds: [ids.series],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2019-01-01', end: '2032-12-31' }],
    });
    await saveContract(app, SYSTEM, {
      ref: 'OUT-SERIES',
      status: 'signed',
      licensorId: we,
      licenseeId: buyer,
      titleIds: [ids.series],
      blocks: [{ territories: 'Germany', media: 'SVOD', start: '2022-01-01', end: '2024-12-31' }],
    });
    await app.close();
    expect(lines.at(-1)).toMatch(/^index snapshot written to .* at change \d+/);
  });

  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the snapshot and answers as an index built from the store (random questions), and check agrees', async () => {
    lines.length = 0;
    const fromSnapshot = await openFromSnapshot();
    const fromStore = await FilmRights.open(options);
    try {
      expect(fromSnapshot.lastIndexBuild?.from).toBe('snapshot');
      expect(fromStore.lastIndexBuild?.from).toBe('store');
      expect(lines[0]).toMatch(/^index loaded from snapshot/);
      expect(fromSnapshot.index.blockCount).toBe(fromStore.index.blockCount);
      expect(fromSnapshot.index.titles().sort()).toEqual(fromStore.index.titles().sort());
      const r = rng(5);
      const titles = fromStore.index.titles();
      for (let k = 0; k < 60; k++) {
        const q = randomQuestion(r);
        expect(normal(fromSnapshot.index.avails(null, q))).toEqual(normal(fromStore.index.avails(null, q)));
        const some = titles.filter(() => r() < 0.3);
        expect(normal(fromSnapshot.index.avails(some, q, { include: 'all' }))).toEqual(
          normal(fromStore.index.avails(some, q, { include: 'all' })),
        );
      }
      // a conflict check of each title against a deal like one it has (outcomes compared without their numbers)
      const plain = (x: unknown) => JSON.stringify(x, (k, v: unknown) => (k === 'id' ? undefined : v instanceof Uint32Array ? [...v] : v));
      for (const t of titles) {
        const like = fromStore.index.blocksOf(t)[0];
        const proposed = [{ ...like, kind: 'out' as const, exclusive: true }];
        expect(plain(fromSnapshot.index.conflicts(t, proposed))).toBe(plain(fromStore.index.conflicts(t, proposed)));
      }
      const report = await checkIntegrity(fromSnapshot);
      expect(report.indexMismatches).toEqual([]);
      expect(report.blocks).toBeGreaterThan(30);
    } finally {
      await fromStore.close();
      await fromSnapshot.close();
    }
  });

  it('catches up from the change feed when the database changed after the snapshot (a series too)', async () => {
    const copy = join(dir, 'stale.rights-index');
    writeFileSync(copy, readFileSync(file));
    const writer = await FilmRights.open(options);
    const germanySvod: AvailsQuestion = {
      territories: parseTerritories('Germany'),
      media: parseMedia('SVOD'),
      languages: null,
      start: parseDay('2031-01-01'),
      end: parseDay('2031-06-30'),
      exclusive: true,
      match: 'cover-entire',
    };
    const free = (app: FilmRights, t: string) => app.index.avails([t], germanySvod).some((row) => row.outcome.status === 'available');
    try {
      // the series' episodes are free there before the late sale (the snapshot says so)
      expect(free(writer, ids.e2)).toBe(true);
      const contracts = await writer.store.db.selectFrom('companies').select(['id', 'name']).execute();
      const company = (name: string) => contracts.find((c) => c.name === name)!.id;
      for (const titleId of [ids.film0, ids.season])
        await saveContract(writer, SYSTEM, {
          ref: `LATE-${titleId}`,
          status: 'signed',
          licensorId: company('Snapshot Sales'),
          licenseeId: company('Snapshot Buyer'),
          titleIds: [titleId],
          blocks: [{ territories: 'Germany', media: 'SVOD', start: '2031-01-01', end: '2031-12-31' }],
          override: { reason: 'test: sold after the snapshot' },
        });
      expect(free(writer, ids.film0)).toBe(false);
      expect(free(writer, ids.e2)).toBe(false);
      lines.length = 0;
      const started = await openFromSnapshot(options, copy);
      try {
        expect(started.lastIndexBuild?.from).toBe('snapshot');
        expect(free(started, ids.film0)).toBe(false);
        expect(free(started, ids.e2)).toBe(false);
        expect((await checkIntegrity(started)).indexMismatches).toEqual([]);
        const status = await started.feedStatus();
        expect(status.lag).toBe(0);
      } finally {
        await started.close();
      }
    } finally {
      await writer.close();
    }
  });

  it("reads names, contract parties and a series' own rights when first needed, as a server built from the store has them", async () => {
    const writer = await FilmRights.open(options);
    const companies = await writer.store.db.selectFrom('companies').select(['id', 'name']).execute();
    const company = (name: string) => companies.find((c) => c.name === name)!.id;
    // a title made after the snapshot was written, with a sale of its own
    const late = (await createTitle(writer, SYSTEM, { originalTitle: 'Made After The Snapshot', year: 2024 })).id;
    await saveContract(writer, SYSTEM, {
      ref: 'LATE-TITLE',
      status: 'signed',
      licensorId: company('Snapshot Films'),
      licenseeId: company('Snapshot Sales'),
      titleIds: [late],
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2019-01-01', end: '2035-12-31' }],
    });
    await saveContract(writer, SYSTEM, {
      ref: 'LATE-SALE',
      status: 'signed',
      licensorId: company('Snapshot Sales'),
      licenseeId: company('Snapshot Buyer'),
      titleIds: [late],
      blocks: [{ territories: 'France', media: 'Theatrical', start: '2026-01-01', end: '2027-12-31' }],
    });
    const started = await openFromSnapshot();
    try {
      expect(started.lastIndexBuild?.from).toBe('snapshot');
      // an import in the way of the series' sale (in the snapshot), before anything else asked about the
      // series, names its buyer as a server built from the store does (the import reads the parties in its
      // transaction)
      const refusal = async (app: FilmRights) => {
        // as a deal sheet plans it (src/services/imports.ts)
        const r = await commitPlan(
          app,
          SYSTEM,
          {
            titles: [{ key: 's', label: 'Snapshot Series', existingId: ids.series, rows: ['row 2'] }],
            companies: [{ key: 'b', name: 'Snapshot Films', kind: 'production' }],
            contracts: [
              {
                ref: 'SERIES-CLASH',
                status: 'signed',
                licensor: 'we',
                licensee: 'b',
                titleKeys: ['s'],
                blocks: [
                  {
                    titleKey: 's',
                    territories: 'Germany',
                    media: 'SVOD',
                    languages: null,
                    start: '2023-03-01',
                    end: '2023-09-30',
                    exclusive: true,
                    rows: ['row 2'],
                  },
                ],
                rows: ['row 2'],
              },
            ],
          },
          new Problems(),
          { commit: true },
        ).then(
          () => 'imported',
          (e: Error) => e.message,
        );
        return r;
      };
      const fromStarted = await refusal(started);
      expect(fromStarted).toContain('Snapshot Buyer');
      expect(fromStarted).toEqual(await refusal(writer));
      // the same answers, down to the titles' names and who each deal is with
      const question = { territories: 'France', media: 'Theatrical', start: '2026-06-01', end: '2026-12-31', exclusive: true } as const;
      for (const titles of [[late], [ids.film0, ids.film3], [ids.season], [ids.e1]]) {
        const input = { ...question, titles, include: 'all' as const };
        expect(await askAvails(started, SYSTEM, input)).toEqual(await askAvails(writer, SYSTEM, input));
      }
      const deal = {
        titleIds: [late],
        blocks: [{ titleId: late, territories: 'France', media: 'Theatrical', start: '2026-01-01', end: '2026-12-31' }],
      };
      const report = await checkProposedDeal(started, deal);
      expect(JSON.stringify(report)).toContain('Snapshot Buyer');
      expect(report).toEqual(await checkProposedDeal(writer, deal));
      // a name asked before and after a rename
      const nameOf = async (app: FilmRights, id: string) => (await askAvails(app, SYSTEM, { ...question, titles: [id] })).rows[0].titles[0];
      expect(await nameOf(started, ids.film5)).toBe('Snapshot Film 5');
      await updateTitle(started, SYSTEM, ids.film5, { originalTitle: 'Snapshot Film Five' });
      expect(await nameOf(started, ids.film5)).toBe('Snapshot Film Five');
      // renamed by another process: this one follows the rename from the change feed
      await updateTitle(writer, SYSTEM, ids.film6, { originalTitle: 'Snapshot Film Six' });
      await started.catchUp();
      expect(await nameOf(started, ids.film6)).toBe('Snapshot Film Six');
      // an episode's own sale, made by another process and followed from the feed: its series' rights
      // (read from the store the first time a change reaches the series) still reach its siblings
      await saveContract(writer, SYSTEM, {
        ref: 'E1-ONLY',
        status: 'signed',
        licensorId: company('Snapshot Sales'),
        licenseeId: company('Snapshot Buyer'),
        titleIds: [ids.e1],
        blocks: [{ territories: 'Japan', media: 'Pay TV', start: '2026-01-01', end: '2026-12-31' }],
      });
      await started.catchUp();
      for (const t of [ids.e1, ids.e2, ids.e3]) expect(started.index.blocksOf(t)).toEqual(writer.index.blocksOf(t));
      expect((await checkIntegrity(started)).indexMismatches).toEqual([]);
    } finally {
      await started.close();
      await writer.close();
    }
  });

  it('falls back to a full build, with a log line, when the snapshot is corrupt or truncated', async () => {
    const bytes = readFileSync(file);
    const corrupt = join(dir, 'corrupt.rights-index');
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 9] ^= 0xff;
    writeFileSync(corrupt, flipped);
    lines.length = 0;
    const a = await FilmRights.open({ ...options, indexSnapshot: { file: corrupt, write: false, log } });
    expect(a.lastIndexBuild?.from).toBe('store');
    expect(lines).toEqual([
      expect.stringMatching(
        /^index snapshot .*corrupt.rights-index not used: section \w+ is corrupt \(checksum\); building the index from the database$/,
      ),
    ]);
    expect((await checkIntegrity(a)).indexMismatches).toEqual([]);
    await a.close();

    const truncated = join(dir, 'truncated.rights-index');
    writeFileSync(truncated, bytes);
    truncateSync(truncated, Math.floor(bytes.length * 0.6));
    lines.length = 0;
    const b = await FilmRights.open({ ...options, indexSnapshot: { file: truncated, write: false, log } });
    expect(b.lastIndexBuild?.from).toBe('store');
    expect(lines).toEqual([expect.stringMatching(/not used: truncated: .*building the index from the database$/)]);
    expect(b.index.blockCount).toBeGreaterThan(30);
    await b.close();
  });

  it('checks a large snapshot in a worker thread while it reads: the same index, and a corrupt section still refused', () => {
    // the worker checks snapshots of 64 MB and more; this one is small, so it is asked to check it
    const read = (f: string, crcWorkerMinBytes?: number) => {
      const opened = openIndexSnapshot(f, { crcWorkerMinBytes });
      try {
        return opened.columns();
      } finally {
        opened.close();
      }
    };
    const inThread = RightsIndex.fromColumns(read(file).columns);
    const viaWorker = read(file, 0);
    const checked = RightsIndex.fromColumns(viaWorker.columns);
    expect(checked.blockCount).toBe(inThread.blockCount);
    const r = rng(23);
    for (let k = 0; k < 40; k++) {
      const q = randomQuestion(r);
      expect(normal(checked.avails(null, q))).toEqual(normal(inThread.avails(null, q)));
    }
    // the index read through shared buffers writes a snapshot that reads back the same
    const again = join(dir, 'again.rights-index');
    const stamp = openIndexSnapshot(file);
    writeIndexSnapshot(again, stamp.stamp, checked.toColumns(), viaWorker.waiting);
    stamp.close();
    const reread = RightsIndex.fromColumns(read(again, 0).columns);
    const q = randomQuestion(r);
    expect(normal(reread.avails(null, q))).toEqual(normal(inThread.avails(null, q)));
    // a flipped byte in the first section and in the last: refused, naming the section
    const bytes = readFileSync(file);
    for (const at of [bytes.length - 9, 12 + bytes.readUInt32LE(8) + 3]) {
      const corrupt = join(dir, `corrupt-${at}.rights-index`);
      const flipped = Buffer.from(bytes);
      flipped[at] ^= 0xff;
      writeFileSync(corrupt, flipped);
      expect(() => read(corrupt, 0)).toThrow(/^section \w+ is corrupt \(checksum\)$/);
      expect(() => read(corrupt)).toThrow(/^section \w+ is corrupt \(checksum\)$/);
    }
  });

  it('refuses a snapshot of another database, or of another schema', async () => {
    const other = await database.create();
    try {
      lines.length = 0;
      const a = await FilmRights.open({ ...other.options, indexSnapshot: { file, write: false, log } });
      expect(a.lastIndexBuild?.from).toBe('store');
      expect(a.index.blockCount).toBe(0);
      expect(lines).toEqual([expect.stringMatching(/not used: written from another database; building the index from the database$/)]);
      await a.close();
    } finally {
      await other.drop();
    }
    const older = join(dir, 'older.rights-index');
    const text = readFileSync(file);
    const at = text.indexOf(`"schema":"${SCHEMA_VERSION}"`);
    expect(at).toBeGreaterThan(0);
    const renamed = `0000_${SCHEMA_VERSION.slice(5)}`;
    text.write(`"schema":"${renamed}"`, at, 'latin1');
    writeFileSync(older, text);
    lines.length = 0;
    const b = await FilmRights.open({ ...options, indexSnapshot: { file: older, write: false, log } });
    expect(b.lastIndexBuild?.from).toBe('store');
    expect(lines).toEqual([expect.stringContaining(`not used: written for database schema ${renamed}, this one is ${SCHEMA_VERSION}`)]);
    await b.close();
  });
});

describe('filmrights check --index-snapshot', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it("starts the index from the server's snapshot and the change feed, and proves it agrees with the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-snapshot-cli-'));
    try {
      const db = join(dir, 'filmrights.db');
      // a server (following the feed, snapshot beside its file) loads the demo and stops cleanly
      const server = await FilmRights.open({ file: db, follow: true, indexSnapshot: { file: `${db}.rights-index`, log: () => undefined } });
      await loadDemo(server);
      await server.close();
      const env: NodeJS.ProcessEnv = { ...process.env, FILMRIGHTS_DB: db };
      delete env.DATABASE_URL;
      delete env.FILMRIGHTS_INDEX_SNAPSHOT;
      const r = await runCli(['check', '--index-snapshot'], { env });
      expect(r.stderr).toMatch(/^filmrights: index loaded from snapshot .*filmrights\.db\.rights-index \(change \d+, written /);
      expect(r.stdout).toMatch(/^Checked \d+ titles, \d+ rights blocks\.\nOK: the index agrees with the store/);
      expect(r.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
