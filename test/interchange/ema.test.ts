import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import { emaTransactions, exportEma } from '../../src/services/emaExport.js';
import { importEma } from '../../src/services/imports.js';
import type { EmaTransaction } from '../../src/interchange/ema/model.js';
import { mergeWindows } from '../../src/interchange/ema/import.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';
import { EMA_XML_VERSIONS } from '../../src/interchange/ema/xml.js';
import { ImportRefused } from '../../src/interchange/problems.js';
import { databases, describeEachDatabase } from '../support/databases.js';

/** MovieLabs' published samples, vendored with their licence (test/fixtures/movielabs/README.md). */
const SAMPLES = fileURLToPath(new URL('../fixtures/movielabs/', import.meta.url));
const sample = (f: string) => readFileSync(join(SAMPLES, f));

/** A distributor with rights in three films and one sale already made. */
async function seed(app: FilmRights) {
  const ids: Record<string, string> = {};
  ids.us = (await findOrCreateCompany(app, SYSTEM, { name: 'Rockstar Films', kind: 'distributor' })).company.id;
  ids.producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Maison Prod', kind: 'production' })).company.id;
  ids.tv = (await findOrCreateCompany(app, SYSTEM, { name: 'Canal Neuf', kind: 'broadcaster' })).company.id;
  await setWeCompany(app, SYSTEM, ids.us);
  ids.a = (
    await createTitle(app, SYSTEM, { originalTitle: 'The View from a Mountain', year: 2006, runtimeMinutes: 116, languages: ['en'] })
  ).id;
  ids.b = (
    await createTitle(app, SYSTEM, { originalTitle: 'Petite Danse', englishTitle: 'The Little Dance', year: 2021, languages: ['fr'] })
  ).id;
  await saveContract(app, SYSTEM, {
    ref: 'IN-1',
    status: 'signed',
    licensorId: ids.producer,
    licenseeId: ids.us,
    titleIds: [ids.a, ids.b],
    blocks: [
      { titleId: ids.a, territories: 'North America', media: 'On Demand', start: '2024-01-01', end: '2030-12-31', exclusive: true },
      { titleId: ids.b, territories: 'France, Belgium, Switzerland', media: 'EST, TVOD', start: '2025-03-01', end: null, exclusive: true },
      { titleId: ids.b, territories: 'France', media: 'SVOD', start: '2026-01-01', end: '2027-12-31', exclusive: true, languages: ['fr'] },
    ],
  });
  // An exclusive SVOD sale in Canada: no SVOD avails there during it.
  await saveContract(app, SYSTEM, {
    ref: 'OUT-1',
    status: 'signed',
    licensorId: ids.us,
    licenseeId: ids.tv,
    titleIds: [ids.a],
    blocks: [{ territories: 'Canada', media: 'SVOD', start: '2025-01-01', end: '2026-06-30', exclusive: true }],
  });
  return ids;
}

const key = (t: EmaTransaction) =>
  [
    t.alid,
    t.territory,
    t.licenseType,
    t.formatProfile,
    t.start,
    t.end ?? 'Open',
    t.endCondition ?? '',
    t.allowedLanguages?.join('+') ?? '*',
  ].join('|');
const EXPORT = { from: '2025-01-01', retailer: 'iTunes' };

describe('EMA XML export is valid against the MovieLabs schema of its version', () => {
  let app: FilmRights;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
    await seed(app);
  });
  afterAll(() => app.close());

  for (const version of EMA_XML_VERSIONS) {
    it(`v${version}`, async () => {
      const out = await exportEma(app, 'ema-xml', version, EXPORT);
      expect(out.transactions).toBeGreaterThan(10);
      const xml = out.data.toString('utf8');
      expect(xml).toContain(`avails/v${version}/avails`);
      const v = await validateAvailsXml(xml);
      expect(v.errors).toEqual([]);
      expect(v.valid).toBe(true);
      expect(v.version).toBe(version);
    });
  }

  it('derives the avails from rights and windows: license types map to our media, sales and ends respected', async () => {
    const rows = await emaTransactions(app, { ...EXPORT, formatProfiles: ['HD'] });
    const of = (title: string, country: string, lt: string) =>
      rows
        .filter((r) => r.title === title && r.territory === country && r.licenseType === lt)
        .map((r) => [r.start, r.end ?? r.endCondition]);
    expect(of('The View from a Mountain', 'US', 'EST')).toEqual([['2025-01-01', '2030-12-31']]);
    expect(of('The View from a Mountain', 'US', 'VOD')).toEqual([['2025-01-01', '2030-12-31']]);
    // Canada SVOD is sold exclusively until mid-2026 (a retailer's non-exclusive window is blocked by an exclusive sale).
    expect(of('The View from a Mountain', 'CA', 'SVOD')).toEqual([['2026-07-01', '2030-12-31']]);
    expect(of('The Little Dance', 'FR', 'EST')).toEqual([['2025-03-01', null]]);
    expect(of('The Little Dance', 'FR', 'POEST')).toEqual([['2025-01-30', 'ESTStart']]);
    expect(of('The Little Dance', 'BE', 'SVOD')).toEqual([]);
    const svodFr = rows.find((r) => r.title === 'The Little Dance' && r.territory === 'FR' && r.licenseType === 'SVOD');
    expect(svodFr?.allowedLanguages).toEqual(['fr']);
    expect(
      rows.every(
        (r) => ['EST', 'VOD', 'SVOD', 'POEST'].includes(r.licenseType) && r.workType === 'Movie' && ['HD'].includes(r.formatProfile),
      ),
    ).toBe(true);
  });

  it('writes the spreadsheet in the v1.8 and v1.9 layouts', async () => {
    const ExcelJS = (await import('exceljs')).default;
    for (const version of ['1.8', '1.9']) {
      const out = await exportEma(app, 'ema-xlsx', version, EXPORT);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(out.data as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('Template-Movies');
      expect(ws.getCell('A1').value).toBe('Avail');
      expect(ws.getCell('A2').value).toBe('DisplayName');
      expect(ws.getCell('A3').value).toBe(Number(version));
      expect(ws.getCell('A4').value).toBe('Rockstar Films');
      const fields = (ws.getRow(2).values as unknown[]).filter(Boolean);
      expect(fields.includes('FixedEndDate')).toBe(version === '1.9');
      const start = fields.indexOf('Start') + 1;
      expect(ws.getRow(4).getCell(start).value).toBeInstanceOf(Date);
    }
  });
});

describe('the MovieLabs samples', () => {
  let app: FilmRights;
  beforeAll(async () => {
    app = await FilmRights.open({ file: ':memory:' });
  });
  afterAll(() => app.close());

  it('Avails_withErrors.xml is refused with its errors named, nothing written', async () => {
    const err = await importEma(app, SYSTEM, sample('Avails_withErrors.xml'), 'Avails_withErrors.xml', 'ema-xml', {
      commit: true,
      retailer: 'iTunes',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    const lines = (err as ImportRefused).problems.filter((p) => p.severity === 'error').map((p) => `${p.where}: ${p.message}`);
    const has = (re: RegExp) =>
      expect(
        lines.some((l) => re.test(l)),
        `${re} in\n${lines.join('\n')}`,
      ).toBe(true);
    has(/Transaction\[1\]\/Territory\[1\]: unknown country code "JJ"/);
    has(/AllowedLanguage\[4\]: unknown language code "XYZ"/);
    has(/AllowedLanguage\[11\]: unknown language code "fr-xx"/);
    has(/AssetLanguage\[1\]: unknown language code "ENg"/);
    has(/Rating\[1\]: rating "6" is not a MPAA rating/);
    has(/rating reason "Sex"/);
    has(/LicenseRightsDescription: unknown LicenseRightsDescription "Librry". Did you mean: Library/);
    expect(await app.store.db.selectFrom('titles').select('id').execute()).toEqual([]);
    expect(await app.store.db.selectFrom('contracts').select('id').execute()).toEqual([]);
  });

  for (const [file, kind, titles] of [
    // the TV samples' series are titles too, their seasons and episodes placed under them (issue 15)
    ['Avails_noErrors_v2.4.xml', 'ema-xml', 13],
    ['Movies_v1.8.xlsx', 'ema-xlsx', 3],
    ['TV_v1.9.xlsx', 'ema-xlsx', 11],
  ] as const) {
    it(`${file} imports (preview, then commit)`, async () => {
      const before = (await app.store.db.selectFrom('contracts').select('id').execute()).length;
      const preview = await importEma(app, SYSTEM, sample(file), file, kind, { commit: false, retailer: 'iTunes' });
      expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(preview.committed).toBe(false);
      expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBe(before);
      const done = await importEma(app, SYSTEM, sample(file), file, kind, { commit: true, retailer: 'iTunes' });
      expect(done.committed).toBe(true);
      expect(done.titles.length).toBe(titles);
      expect(done.created.contracts).toBe(preview.created.contracts);
      expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBe(before + done.created.contracts);
    });
  }

  it('a file that names no retailer imports, its windows recorded for "Retailer not named" (a warning)', async () => {
    const fresh = await FilmRights.open({ file: ':memory:' });
    try {
      const r = await importEma(fresh, SYSTEM, sample('Avails_noErrors_v2.4.xml'), 'Avails_noErrors_v2.4.xml', 'ema-xml', { commit: true });
      expect(r.committed).toBe(true);
      expect(r.problems.some((p) => p.severity === 'warning' && /names no Licensee/.test(p.message))).toBe(true);
      expect(new Set(r.contracts.map((c) => c.licensee))).toEqual(new Set(['Retailer not named']));
    } finally {
      await fresh.close();
    }
  });

  it('the v1.8 sample: HD and SD rows of a window are one right, windows merged, Open ends open', async () => {
    const title = await app.store.db
      .selectFrom('titles')
      .select(['id', 'year'])
      .where('original_title', '=', 'The First Dance')
      .executeTakeFirstOrThrow();
    expect(title.year).toBe(2013);
    const blocks = await app.store.db
      .selectFrom('rights_blocks')
      .select(['territory_codes', 'media', 'start_date', 'end_date', 'exclusive'])
      .where('title_id', '=', title.id)
      .orderBy('media')
      .orderBy('start_date')
      .execute();
    const ca = blocks.filter((b) => JSON.parse(b.territory_codes).includes('CA'));
    expect(ca.map((b) => [b.media, b.start_date, b.end_date])).toEqual([
      ['EST', '2013-05-14', null],
      ['TVOD', '2013-05-14', '2013-09-20'],
    ]);
  });
});

describeEachDatabase('EMA round trips', (_open, database) => {
  let app: FilmRights;
  let drop: () => Promise<void>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    ids = await seed(app);
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  /** The answer cell by cell (title x country x media leaf, merged periods, status): rollups may cut the same cells differently. */
  const ask = async () => {
    const rows = (
      await askAvails(app, SYSTEM, {
        titles: [ids.a, ids.b],
        territories: 'Worldwide',
        media: 'On Demand',
        start: '2025-01-01',
        exclusive: false,
        match: 'overlap-part',
        include: 'all',
      })
    ).rows;
    const cells = new Map<string, Array<[string, string]>>();
    for (const r of rows)
      for (const t of r.titleIds)
        for (const c of r.territories)
          for (const m of r.media) {
            const k = `${t}|${c}|${m}|${r.status}|${r.languages?.join(',') ?? '*'}`;
            cells.set(k, [...(cells.get(k) ?? []), [r.start ?? '', r.end ?? 'open']]);
          }
    return [...cells]
      .map(
        ([k, ps]) =>
          `${k}|${mergeWindows(ps.map(([start, end]) => ({ start, end: end === 'open' ? null : end, rows: [] })))
            .map((p) => `${p.start}..${p.end ?? 'open'}`)
            .join(',')}`,
      )
      .sort();
  };

  it('our data → EMA XLSX → import for the retailer → same avails (and the retailer windows export to the same file)', async () => {
    const before = await ask();
    const first = await emaTransactions(app, EXPORT);
    const file = await exportEma(app, 'ema-xlsx', '1.9', EXPORT);
    const r = await importEma(app, SYSTEM, file.data, 'avails.xlsx', 'ema-xlsx', { commit: true });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.contracts.every((c) => c.direction === 'out')).toBe(true);
    // Non-exclusive retail windows leave non-exclusive availability as it was.
    expect(await ask()).toEqual(before);
    expect((await emaTransactions(app, EXPORT)).map(key)).toEqual(first.map(key));
    expect((await emaTransactions(app, { ...EXPORT, source: 'windows' })).map(key).sort()).toEqual(first.map(key).sort());
  });

  it('our data → EMA XML → schema-valid → import into an empty database → the same avails', async () => {
    const first = await emaTransactions(app, { ...EXPORT, retailer: 'Apple TV' });
    const file = await exportEma(app, 'ema-xml', '2.5', { ...EXPORT, retailer: 'Apple TV' });
    expect((await validateAvailsXml(file.data.toString('utf8'))).valid).toBe(true);
    const fresh = await databases.find((d) => d.name === database.name)!.create();
    const other = await FilmRights.open(fresh.options);
    try {
      const r = await importEma(other, SYSTEM, file.data, 'avails.xml', 'ema-xml', { commit: true });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const back = await emaTransactions(other, { ...EXPORT, retailer: 'Apple TV', source: 'windows', licensor: 'Rockstar Films' });
      const strip = (t: EmaTransaction) => key({ ...t, alid: t.title });
      expect(back.map(strip).sort()).toEqual(first.map(strip).sort());
      // and the same file imports into the first database's catalog titles (matched by our ALIDs)
      expect(r.titles.map((t) => t.name).sort()).toEqual(['The Little Dance', 'The View from a Mountain']);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });

  it('a window that collides with an exclusive sale is refused, naming its row, nothing written', async () => {
    const rows = await emaTransactions(app, { ...EXPORT, retailer: 'Netflix', titles: [ids.a], licenseTypes: ['SVOD'], exclusive: false });
    expect(rows.length).toBeGreaterThan(0);
    const bad = rows.map((r) => (r.territory === 'CA' ? { ...r, start: '2025-01-01', exclusive: true } : r));
    const { writeEmaXlsx } = await import('../../src/interchange/ema/xlsx.js');
    const data = await writeEmaXlsx(bad, '1.8');
    const count = (await app.store.db.selectFrom('contracts').select('id').execute()).length;
    const err = await importEma(app, SYSTEM, data, 'bad.xlsx', 'ema-xlsx', { commit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as ImportRefused).message).toMatch(/sheet Template-Movies, row \d+.*conflict.*Canal Neuf/);
    expect((await app.store.db.selectFrom('contracts').select('id').execute()).length).toBe(count);
  });
});
