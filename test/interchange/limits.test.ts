/**
 * What an attacker (or a careless export) can upload: a zip bomb, a workbook
 * that lies about its sizes, a million rows, a file that needs more memory
 * or time than one import may have. Each is refused with a 413 naming the
 * limit, the server's memory stays put, and it goes on answering.
 */
import { existsSync, statSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { IMPORT_LIMITS } from '../../src/interchange/index.js';
import { importWorkers } from '../../src/interchange/reader.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { createUser } from '../../src/services/users.js';
import { databases } from '../support/databases.js';
import { dealSheetXml, workbook, zipBomb } from '../support/zipFiles.js';

const PASSWORD = 'correct horse battery';
const MB = 1024 * 1024;

describe('import limits', () => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let dbFile: string | undefined;
  let editor: string;
  const defaults = importWorkers.limits;

  beforeAll(async () => {
    const location = await databases[0].create();
    drop = location.drop;
    dbFile = location.options.file;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor' });
    const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Sales Co', kind: 'sales-agent' })).company.id;
    const prod = (await findOrCreateCompany(app, SYSTEM, { name: 'Producer', kind: 'production' })).company.id;
    await setWeCompany(app, SYSTEM, us);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createTitle(app, SYSTEM, { originalTitle: `Film ${i}`, year: 2024 })).id);
    await saveContract(app, SYSTEM, {
      ref: 'MANDATE',
      status: 'signed',
      licensorId: prod,
      licenseeId: us,
      titleIds: ids,
      blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2024-01-01', end: '2040-12-31' }],
    });
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'eva', password: PASSWORD } });
    editor = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
  });
  afterAll(async () => {
    importWorkers.setLimits(defaults);
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const upload = (filename: string, data: Buffer, mode: 'preview' | 'commit' = 'preview') =>
    server.inject({
      method: 'POST',
      url: '/api/import',
      headers: { cookie: editor },
      payload: { filename, content: data.toString('base64'), mode },
    });
  const me = async () => (await server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: editor } })).statusCode;
  const csv = (rows: number, cell = (r: number) => `Film ${r % 20}`) =>
    Buffer.from(
      [
        'Title,Buyer,Territory,Media,Start,End,Exclusive',
        ...Array.from({ length: rows }, (_, r) => `${cell(r)},Neon,Germany,SVOD,2025-01-01,2026-12-31,Non-exclusive`),
      ].join('\n'),
    );

  it('refuses a zip bomb by its directory, naming the limit, without inflating it', async () => {
    const bomb = zipBomb(300);
    expect(bomb.length).toBeLessThan(MB); // 300 MB of sheet in under 1 MB
    const rss = process.memoryUsage().rss;
    const res = await upload('bomb.xlsx', bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too-large', field: 'file' });
    expect(res.json().message).toMatch(
      /bomb\.xlsx: the workbook inflates to more than 256 MiB \(the limit; xl\/worksheets\/sheet1\.xml alone is 300 MiB\)/,
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
    expect(await me()).toBe(200);
  });

  it('refuses a zip bomb that lies about its sizes, before its sheet is parsed', async () => {
    const liar = zipBomb(300, MB);
    const rss = process.memoryUsage().rss;
    const memoryLimits = importWorkers.stats.memoryLimits;
    const res = await upload('liar.xlsx', liar);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(
      /liar\.xlsx: the entry xl\/worksheets\/sheet1\.xml inflates to more than the 1 MiB the archive says/,
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
    // refused by counting, not by the worker running out of memory
    expect(importWorkers.stats.memoryLimits).toBe(memoryLimits);
  });

  it(`refuses a workbook of more than ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} rows, naming the limit`, async () => {
    const big = workbook(dealSheetXml(IMPORT_LIMITS.maxRows + 1));
    const res = await upload('rows.xlsx', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(
      /rows\.xlsx: the workbook has more than 50,000 rows \(the limit of one import; found at sheet Deals, row 50001\)/,
    );
  });

  it('refuses a CSV file of more than 50,000 rows, naming the limit', async () => {
    const res = await upload('rows.csv', csv(IMPORT_LIMITS.maxRows + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/rows\.csv: the file has more than 50,000 rows \(the limit of one import\)/);
  });

  it('reads a workbook the streaming way: the same preview as before for a small sheet', async () => {
    const res = await upload('small.xlsx', workbook(dealSheetXml(3)));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'xlsx', kind: 'deals', rows: 3, committed: false });
    expect(body.headers).toEqual(['Title', 'Buyer', 'Territory', 'Media']);
  });

  it('stops a file over the worker time limit with a 413, and the server goes on answering', async () => {
    importWorkers.setLimits({ timeoutMs: 150 });
    try {
      const res = await upload(
        'slow.csv',
        csv(40_000, (r) => `Film ${r % 20} ${'x'.repeat(200)}`),
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(/slow\.csv: reading it took longer than 0\.15 s \(the limit of one import\) and was stopped/);
    } finally {
      importWorkers.setLimits(defaults);
    }
    expect(await me()).toBe(200);
    const ok = await upload('ok.csv', csv(2));
    expect(ok.statusCode).toBe(200);
  });

  it('stops a file over the worker memory limit with a 413, and the server goes on answering', async () => {
    importWorkers.setLimits({ memoryMb: 48 });
    try {
      const res = await upload(
        'wide.csv',
        csv(45_000, (r) => `Film ${r % 20} ${'y'.repeat(400)}`),
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(
        /wide\.csv: reading it needed more than 48 MB of memory \(the limit of one import\) and was stopped/,
      );
    } finally {
      importWorkers.setLimits(defaults);
    }
    expect(await me()).toBe(200);
    expect((await upload('ok.csv', csv(2))).statusCode).toBe(200);
  });

  it("empties SQLite's write-ahead log after a preview (rolled back)", async () => {
    const wal = `${dbFile}-wal`;
    const res = await upload('deals.csv', csv(3_000));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: false });
    expect(res.json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect(res.json().contracts.length).toBe(3_000);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBeLessThan(64 * 1024);
  });
});
