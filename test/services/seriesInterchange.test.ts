import { expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { SYSTEM, type Actor } from '../../src/services/app.js';
import { backupDatabase, restoreDatabase } from '../../src/services/backup.js';
import { updateTitle } from '../../src/services/catalog.js';
import { askAvails } from '../../src/services/avails.js';
import { ImportError, exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';

const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };

/** A series whose seasons are listed before it, a mandate that does not include future seasons, and Season 1 sold in Germany. */
function seriesDoc(): InterchangeDocument {
  return {
    we: 'Northlight',
    companies: [
      { name: 'Northlight', kind: 'distributor' },
      { name: 'Fjord Pictures', kind: 'production' },
      { name: 'Himmel TV', kind: 'broadcaster' },
    ],
    titles: [
      { title: 'Borderland S1E1', kind: 'episode', parent: 'Borderland Season 1', number: 1 },
      { title: 'Borderland S1E2', kind: 'episode', parent: 'Borderland Season 1', number: 2 },
      { title: 'Borderland Season 1', kind: 'season', parent: 'Borderland', number: 1, episodeCount: 2, countsFinal: true },
      { title: 'Borderland Season 2', kind: 'season', parent: 'Borderland', number: 2 },
      { title: 'Borderland S2E1', kind: 'episode', parent: 'Borderland Season 2', number: 1 },
      { title: 'Borderland', kind: 'series', seriesStatus: 'continuing', seasonCount: 3 },
    ],
    contracts: [
      {
        ref: 'FJORD-WW',
        licensor: 'Fjord Pictures',
        licensee: 'Northlight',
        status: 'signed',
        titles: ['Borderland'],
        blocks: [
          {
            territories: 'Worldwide',
            media: 'All Media',
            start: '2026-01-01',
            end: '2035-12-31',
            includesFuture: false,
            covers: ['Borderland Season 1'],
            excludes: ['Borderland S1E2'],
          },
        ],
      },
      {
        ref: 'HIMMEL-S1',
        licensor: 'Northlight',
        licensee: 'Himmel TV',
        status: 'signed',
        titles: ['Borderland S1E1'],
        blocks: [{ territories: 'Germany', media: 'Pay TV', start: '2026-06-01', end: '2029-05-31' }],
      },
    ],
  };
}

async function statuses(t: TestApp): Promise<string[][]> {
  const answer = await askAvails(t.app, EDITOR, {
    titles: ['borderland'],
    territories: 'France',
    media: 'Pay TV',
    start: '2027-01-01',
    end: '2027-12-31',
  });
  return answer.groups![0].units.map((u) => [u.title, u.status]);
}

describeEachDatabase('series in the JSON interchange', (_open, database) => {
  it('imports seasons listed before their series, and exports and re-imports them with the same avails', async () => {
    const a = await openApp(database);
    const b = await openApp(database);
    try {
      await importJson(a.app, EDITOR, seriesDoc());
      // the mandate covers Season 1 as it was (its two episodes), leaves out S1E2, and not Season 2
      const want = [
        ['Borderland S1E1', 'available'],
        ['Borderland S1E2', 'unavailable'],
        ['Borderland S2E1', 'unavailable'],
      ];
      expect(await statuses(a)).toEqual(want);
      const doc = await exportJson(a.app, EDITOR);
      const season = doc.titles!.find((t) => t.title === 'Borderland Season 1');
      expect(season).toMatchObject({ kind: 'season', parent: 'Borderland', number: 1, episodeCount: 2, countsFinal: true });
      const block = doc.contracts!.find((k) => k.ref === 'FJORD-WW')!.blocks![0];
      expect(block).toMatchObject({
        includesFuture: false,
        covers: ['Borderland S1E1', 'Borderland S1E2', 'Borderland Season 1'],
        excludes: ['Borderland S1E2'],
      });
      await importJson(b.app, EDITOR, JSON.parse(JSON.stringify(doc)) as InterchangeDocument);
      expect(await statuses(b)).toEqual(want);
      expect(await exportJson(b.app, EDITOR)).toEqual(doc);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses an episode placed under a series, naming the document field, and writes nothing', async () => {
    const t = await openApp(database);
    try {
      const doc = seriesDoc();
      doc.titles![4] = { ...doc.titles![4], parent: 'Borderland' };
      const error = await importJson(t.app, EDITOR, doc).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(JSON.stringify((error as ImportError).issues)).toContain('titles[4].parent');
      expect(await t.app.store.db.selectFrom('titles').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('backs up and restores a series whose episode moved to a season made after it (parents restored first)', async () => {
    const source = await openApp(database);
    const target = await openApp(database);
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-series-backup-'));
    try {
      await importJson(source.app, EDITOR, seriesDoc());
      // more titles than the restore writes in one statement, then the season: the episode's row is far older than its new season
      const films = Array.from({ length: 250 }, (_, i) => ({ title: `Filler ${i}` }));
      const doc: InterchangeDocument = {
        titles: [...films, { title: 'Borderland Season 3', kind: 'season', parent: 'Borderland', number: 3 }],
      };
      await importJson(source.app, EDITOR, doc);
      await updateTitle(source.app, EDITOR, 'borderland-s1e1', { parentId: 'borderland-season-3', number: 1 });
      const file = join(dir, 'backup');
      await backupDatabase(source.app, SYSTEM, file, { sqliteFile: source.options.file });
      await restoreDatabase(target.app, SYSTEM, file);
      expect(await snapshot(target.app, [])).toEqual(await snapshot(source.app, []));
      expect(await statuses(target)).toEqual(await statuses(source));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await source.close();
      await target.close();
    }
  });
});
