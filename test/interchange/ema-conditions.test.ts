import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { askAvails } from '../../src/services/avails.js';
import { createTitle } from '../../src/services/catalog.js';
import { saveContract } from '../../src/services/contracts.js';
import { emaTransactions, exportEma } from '../../src/services/emaExport.js';
import { importEma } from '../../src/services/imports.js';
import { createRelease } from '../../src/services/market.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { setWeCompany } from '../../src/services/settings.js';
import type { EmaTransaction } from '../../src/interchange/ema/model.js';
import { TV_V19 } from '../../src/interchange/ema/xlsx.js';
import { validateAvailsXml } from '../../src/interchange/ema/xsd.js';

/**
 * Conditional windows out and back (docs/ema.md, "Conditional windows"): a series with two
 * seasons of two episodes, licensed in for Germany and Austria on demand from 2026, for ever. In the first store,
 * Season 1 is sold to a retailer for SVOD in Germany from 6 months after the German theatrical
 * release, and Season 2 for EST in Austria from 2026-06-01 until 30 days before the first
 * Austrian broadcast. The second store has the same catalog and rights in, and gets the sales
 * from the EMA file.
 */
async function seed(app: FilmRights, sell: boolean) {
  const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Rockstar Films', kind: 'distributor' })).company.id;
  const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Fjord Pictures', kind: 'production' })).company.id;
  const shop = (await findOrCreateCompany(app, SYSTEM, { name: 'iTunes', kind: 'streamer' })).company.id;
  await setWeCompany(app, SYSTEM, us);
  const series = (await createTitle(app, SYSTEM, { originalTitle: 'Harbour Watch', kind: 'series', languages: ['de'] })).id;
  const labels = new Map<string, string>();
  const seasons: string[] = [];
  for (const n of [1, 2]) {
    const s = (await createTitle(app, SYSTEM, { originalTitle: `Harbour Watch: Season ${n}`, kind: 'season', parentId: series, number: n }))
      .id;
    seasons.push(s);
    for (const e of [1, 2]) {
      const id = (await createTitle(app, SYSTEM, { originalTitle: `Watch ${n}.${e}`, kind: 'episode', parentId: s, number: e })).id;
      labels.set(id, `S${n}E${e}`);
    }
  }
  await saveContract(app, SYSTEM, {
    ref: 'IN-HW',
    status: 'signed',
    licensorId: producer,
    licenseeId: us,
    titleIds: [series],
    blocks: [{ titleId: series, territories: 'Germany, Austria', media: 'On Demand', start: '2026-01-01', end: null, exclusive: true }],
  });
  if (sell)
    await saveContract(app, SYSTEM, {
      ref: 'OUT-HW',
      status: 'signed',
      licensorId: us,
      licenseeId: shop,
      titleIds: seasons,
      blocks: [
        {
          titleId: seasons[0],
          territories: 'Germany',
          media: 'SVOD',
          startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
          end: '2031-12-31',
          exclusive: true,
        },
        {
          titleId: seasons[1],
          territories: 'Austria',
          media: 'EST',
          start: '2026-06-01',
          endCondition: { event: 'broadcast', territory: 'AT', offset: -30, unit: 'days' },
          exclusive: true,
        },
      ],
    });
  return { series, seasons, labels };
}

const WINDOWS = {
  from: '2026-01-01',
  retailer: 'iTunes',
  source: 'windows' as const,
  formatProfiles: ['HD'],
  licenseTypes: ['EST', 'SVOD'] as Array<'EST' | 'SVOD'>,
};

/** A row by what it is: work type, season, window, and the events it follows. */
const shape = (t: EmaTransaction) =>
  [
    t.workType,
    t.tv?.season ?? '',
    t.territory,
    t.licenseType,
    t.start ?? JSON.stringify(t.startEvent),
    t.end ?? (t.endEvent ? JSON.stringify(t.endEvent) : 'Open'),
    t.exclusive,
  ].join('|');

/** The exclusive avails of every episode, on demand in Germany and Austria, by episode label (ids differ between stores). */
async function cells(app: FilmRights, ids: Awaited<ReturnType<typeof seed>>): Promise<string[]> {
  const a = await askAvails(app, SYSTEM, {
    titles: [ids.series],
    territories: 'Germany, Austria',
    media: 'SVOD, EST',
    start: '2026-01-01',
    end: '2035-12-31',
    match: 'overlap-part',
    include: 'all',
  });
  const out: string[] = [];
  for (const r of a.rows)
    for (const t of r.titleIds)
      for (const c of r.territories)
        for (const m of r.media)
          out.push(`${ids.labels.get(t)}|${c}|${m}|${r.status}|${r.start}..${r.end}|${r.reasons.map((x) => x.code).join(',')}`);
  return out.sort();
}

describe('EMA conditional windows out and back', () => {
  for (const [format, version] of [
    ['ema-xlsx', '1.8'],
    ['ema-xlsx', '1.9'],
    ['ema-xml', '2.2.2'],
    ['ema-xml', '2.5.2'],
    ['ema-xml', '2.7'],
  ] as const) {
    it(`${format} v${version}: written as event and lag, imported into a fresh store, the same avails (depends, then dated)`, async () => {
      const a = await FilmRights.open({ file: ':memory:' });
      const b = await FilmRights.open({ file: ':memory:' });
      try {
        const ida = await seed(a, true);
        const idb = await seed(b, false);
        const rows = await emaTransactions(a, WINDOWS);
        expect(rows.map(shape).sort()).toEqual([
          'Season|1|DE|SVOD|{"event":"release","territory":"DE","media":"theatrical","window":null,"offset":6,"unit":"months"}|2031-12-31|true',
          'Season|2|AT|EST|2026-06-01|{"event":"broadcast","territory":"AT","media":null,"window":null,"offset":-30,"unit":"days"}|true',
        ]);
        const file = await exportEma(a, format, version, WINDOWS);
        if (format === 'ema-xml') {
          const xml = file.data.toString('utf8');
          expect(xml).toContain('<avails:StartCondition lag="P6M">TheatricalRelease</avails:StartCondition>');
          expect(xml).toContain('<avails:EndCondition lag="-P30D">Broadcast</avails:EndCondition>');
          expect((await validateAvailsXml(xml)).errors).toEqual([]);
        } else {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(file.data as unknown as ArrayBuffer);
          const ws = wb.getWorksheet('Template-TV')!;
          const fields = (ws.getRow(2).values as unknown[]).slice(1).map(String);
          const at = (r: number, f: string) => ws.getRow(r).getCell(fields.indexOf(f) + 1).value;
          const written = [4, 5].map((r) => [at(r, 'Start'), at(r, 'StartLag'), at(r, 'End'), at(r, 'EndLag')]);
          expect(written).toContainEqual(['TheatricalRelease', 'P6M', new Date('2031-12-31T00:00:00Z'), null]);
          expect(written).toContainEqual([new Date('2026-06-01T00:00:00Z'), null, 'Broadcast', -30]);
        }
        const r = await importEma(b, SYSTEM, file.data, `hw.${format === 'ema-xml' ? 'xml' : 'xlsx'}`, format, {
          commit: true,
          ...(version.startsWith('2.2') ? { retailer: 'iTunes' } : {}),
        });
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(r.contracts.map((c) => c.direction)).toEqual(['out', 'out']);
        expect((await emaTransactions(b, WINDOWS)).map(shape).sort()).toEqual(rows.map(shape).sort());

        const before = await cells(a, ida);
        expect(before.filter((c) => c.endsWith('depends')).length).toBeGreaterThan(0);
        expect(await cells(b, idb)).toEqual(before);
        // the German release recorded on the series in both stores dates season 1's window in both
        for (const [app, ids] of [
          [a, ida],
          [b, idb],
        ] as const)
          await createRelease(app, SYSTEM, { titleId: ids.series, territory: 'DE', date: '2027-03-10', kind: 'theatrical' });
        const after = await cells(a, ida);
        expect(after.filter((c) => c.startsWith('S1E1|DE|svod|'))).toEqual([
          'S1E1|DE|svod|available|2026-01-01..2027-09-09|',
          'S1E1|DE|svod|available|2032-01-01..2035-12-31|',
          'S1E1|DE|svod|unavailable|2027-09-10..2031-12-31|rights-out-exist',
        ]);
        expect(await cells(b, idb)).toEqual(after);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }

  it('XML v2.2.1 has no lag attribute: a window with a lag is refused there, naming the title and the version to use', async () => {
    const a = await FilmRights.open({ file: ':memory:' });
    try {
      await seed(a, true);
      await expect(exportEma(a, 'ema-xml', '2.2.1', WINDOWS)).rejects.toThrow(
        /2\.2\.1 cannot say "TheatricalRelease" with a lag .*write 2\.2\.2 or later/,
      );
    } finally {
      await a.close();
    }
  });

  it("a retailer's file: a season window ending 7 days after the first broadcast depends, then is dated by a broadcast recorded on the series", async () => {
    const b = await FilmRights.open({ file: ':memory:' });
    try {
      const ids = await seed(b, false);
      // the TV template v1.9, a Season row placed by its series and number (no ALID), as a retailer sends it
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Template-TV');
      ws.addRow(TV_V19.map((c) => c.split('/')[0]));
      ws.addRow(TV_V19.map((c) => c.split('/')[1]));
      ws.addRow(['1.9']);
      const row = ws.addRow([]);
      const values: Record<string, string | number | Date> = {
        DisplayName: 'Rockstar Films',
        Licensee: 'iTunes',
        WorkType: 'Season',
        SeriesTitleInternalAlias: 'Harbour Watch',
        SeasonNumber: 1,
        Territory: 'DE',
        LicenseType: 'SVOD',
        FormatProfile: 'HD',
        Start: new Date('2026-02-01T00:00:00Z'),
        End: 'Broadcast',
        EndLag: '7d',
        Exclusive: 'Yes',
      };
      for (const [k, v] of Object.entries(values)) row.getCell(TV_V19.findIndex((c) => c.endsWith(`/${k}`)) + 1).value = v;
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const r = await importEma(b, SYSTEM, file, 'tv.xlsx', 'ema-xlsx', { commit: true });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.titles.filter((t) => t.action === 'create')).toEqual([]);
      expect(r.contracts[0].blocks[0]).toMatchObject({
        title: 'Harbour Watch: Season 1',
        start: '2026-02-01',
        end: null,
        endCondition: { event: 'broadcast', territory: 'DE', media: null, offset: 7, unit: 'days' },
      });
      const s1 = (await cells(b, ids)).filter((c) => c.startsWith('S1E1|DE|svod|'));
      expect(s1).toEqual(['S1E1|DE|svod|available|2026-01-01..2026-01-31|', 'S1E1|DE|svod|depends|2026-02-01..2035-12-31|depends']);
      // the first German broadcast, recorded on the series, ends the window a week later
      await createRelease(b, SYSTEM, { titleId: ids.series, territory: 'DE', date: '2027-05-01', kind: 'tv' });
      expect((await cells(b, ids)).filter((c) => c.startsWith('S1E1|DE|svod|'))).toEqual([
        'S1E1|DE|svod|available|2026-01-01..2026-01-31|',
        'S1E1|DE|svod|available|2027-05-09..2035-12-31|',
        'S1E1|DE|svod|unavailable|2026-02-01..2027-05-08|rights-out-exist',
      ]);
    } finally {
      await b.close();
    }
  });
});

/** Avails written by hand with conditional windows (test/fixtures/ema-conditions/README.md). */
const SAMPLES = fileURLToPath(new URL('../fixtures/ema-conditions/', import.meta.url));

describe('samples with conditional windows import, and their avails say depends until the events are recorded', () => {
  for (const version of ['2.4', '2.7']) {
    it(`avails-conditions-v${version}.xml`, async () => {
      const xml = readFileSync(`${SAMPLES}avails-conditions-v${version}.xml`, 'utf8');
      expect((await validateAvailsXml(xml)).errors).toEqual([]);
      const app = await FilmRights.open({ file: ':memory:' });
      try {
        const us = (await findOrCreateCompany(app, SYSTEM, { name: 'Lantern Pictures', kind: 'distributor' })).company.id;
        const producer = (await findOrCreateCompany(app, SYSTEM, { name: 'Fjord Pictures', kind: 'production' })).company.id;
        await setWeCompany(app, SYSTEM, us);
        const film = (await createTitle(app, SYSTEM, { originalTitle: 'Salt Meadow', year: 2026 })).id;
        const series = (await createTitle(app, SYSTEM, { originalTitle: 'Tidewater', kind: 'series' })).id;
        const season = (
          await createTitle(app, SYSTEM, { originalTitle: 'Tidewater: Season 3', kind: 'season', parentId: series, number: 3 })
        ).id;
        const episode = (await createTitle(app, SYSTEM, { originalTitle: 'Spring Tide', kind: 'episode', parentId: season, number: 1 })).id;
        await saveContract(app, SYSTEM, {
          ref: 'IN',
          status: 'signed',
          licensorId: producer,
          licenseeId: us,
          titleIds: [film, series],
          blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: null, exclusive: true }],
        });
        const r = await importEma(app, SYSTEM, Buffer.from(xml), 'a.xml', 'ema-xml', { commit: true, retailer: 'Corner Video' });
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(r.titles.filter((t) => t.action === 'create')).toEqual([]);
        const ask = async (titleId: string, territories: string, media: string) =>
          (
            await askAvails(app, SYSTEM, {
              titles: [titleId],
              territories,
              media,
              start: '2027-01-01',
              end: '2027-12-31',
              exclusive: true,
              match: 'overlap-part',
              include: 'all',
            })
          ).rows
            // the country asked, not the other members of its group ("GB" reads as the U.K. with the Crown Dependencies)
            .filter((x) => x.territories.includes(territories))
            .map((x) => `${x.status} ${x.start}..${x.end} ${x.reasons.map((y) => y.code).join(',')}`)
            .sort();
        // nothing recorded: both windows depend on their events
        expect(await ask(film, 'DE', 'SVOD')).toEqual(['depends 2027-01-01..2027-12-31 depends']);
        expect(await ask(episode, 'GB', 'TVOD')).toEqual(['depends 2027-01-01..2027-12-31 depends']);
        // the German release dates the German window only (90 days after 1 February is 2 May)
        await createRelease(app, SYSTEM, { titleId: film, territory: 'DE', date: '2027-02-01', kind: 'theatrical' });
        expect(await ask(film, 'DE', 'SVOD')).toEqual([
          'available 2027-01-01..2027-05-01 ',
          'unavailable 2027-05-02..2027-12-31 rights-out-exist',
        ]);
        expect(await ask(film, 'AT', 'SVOD')).toEqual(['depends 2027-01-01..2027-12-31 depends']);
        // the first British broadcast, recorded on the series, dates the season's catch-up week
        await createRelease(app, SYSTEM, { titleId: series, territory: 'GB', date: '2027-04-10', kind: 'tv' });
        expect(await ask(episode, 'GB', 'TVOD')).toEqual([
          'available 2027-01-01..2027-04-09 ',
          'available 2027-04-18..2027-12-31 ',
          'unavailable 2027-04-10..2027-04-17 rights-out-exist',
        ]);
      } finally {
        await app.close();
      }
    });
  }
});
