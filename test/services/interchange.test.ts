import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, snapshot, type TestApp } from '../support/apps.js';
import { fullSet } from '../../src/domain/bitset.js';
import { COUNTRIES } from '../../src/domain/countries.js';
import { parseDay } from '../../src/domain/dates.js';
import { MEDIA } from '../../src/domain/media.js';
import { SYSTEM, type Actor } from '../../src/services/app.js';
import { backupDatabase, restoreDatabase } from '../../src/services/backup.js';
import { getTitle } from '../../src/services/catalog.js';
import { DEMO_DIR, readDemo } from '../../src/services/demo.js';
import { ForbiddenError } from '../../src/services/errors.js';
import { ImportError, exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';

const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };

/** The founding deal on its own: enough to import, and to collide with. */
function smallDoc(): InterchangeDocument {
  return {
    we: 'Wild Bunch',
    companies: [
      { name: 'Wild Bunch', kind: 'sales-agent', country: 'FR' },
      { name: 'Neon', kind: 'distributor', country: 'US' },
      { name: 'Huanxi Media Group', kind: 'production', country: 'CN' },
    ],
    titles: [
      { title: 'One Second', originalTitle: '一秒钟', year: 2020, countries: ['CN'], credits: [{ role: 'director', name: 'Zhang Yimou' }] },
    ],
    contracts: [
      {
        ref: 'MANDATE',
        licensor: 'Huanxi Media Group',
        licensee: 'Wild Bunch',
        status: 'signed',
        titles: ['One Second'],
        blocks: [{ territories: 'Worldwide excluding China', media: 'All Media', start: '2020-01-01', end: '2040-12-31' }],
      },
      {
        ref: 'NEON-NA',
        licensor: 'Wild Bunch',
        licensee: 'Neon',
        status: 'signed',
        titles: ['One Second'],
        blocks: [{ territories: 'North America', media: 'All Media', start: '2021-09-18', end: '2036-09-17', exclusive: true }],
      },
    ],
  };
}

function naAvails(t: TestApp) {
  return t.app.index
    .avails(['one-second'], {
      territories: fullSet(COUNTRIES.size),
      media: fullSet(MEDIA.size),
      languages: null,
      start: parseDay('2022-01-01'),
      end: parseDay('2022-12-31'),
      exclusive: true,
      match: 'cover-entire',
    })
    .map((r) => `${r.outcome.status}:${r.outcome.reasons.map((x) => x.code).join(',')}`)
    .sort();
}

describeEachDatabase('JSON interchange', (_open, database) => {
  const apps: TestApp[] = [];
  const open = async () => {
    const t = await openApp(database);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
  });

  it('imports a document: names resolved, "we" set, directions derived, the rights index rebuilt', async () => {
    const t = await open();
    const summary = await importJson(t.app, EDITOR, smallDoc());
    expect(summary).toMatchObject({ companies: 3, people: 1, titles: 1, contracts: 2 });
    expect(await t.app.setting('we_company_id')).toBe('wild-bunch');
    const page = await getTitle(t.app, EDITOR, 'one-second');
    expect(page.contracts.map((c) => `${c.ref} ${c.direction}`)).toEqual(['MANDATE in', 'NEON-NA out']);
    expect(naAvails(t)).toEqual(['available:', 'unavailable:no-rights-in', 'unavailable:rights-out-exist']);
  });

  it('refuses the whole document when a record at the end is bad: the database is unchanged', async () => {
    const t = await open();
    await importJson(t.app, EDITOR, { companies: [{ name: 'Neon', kind: 'distributor' }] });
    const before = await snapshot(t.app);
    const doc = readDemo();
    doc.boxOffice!.push({ title: 'One Second', territory: 'CN', amount: '1', currency: 'EUX' });
    const error = await importJson(t.app, EDITOR, doc, { baseDir: DEMO_DIR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues.map((i) => i.message)).toEqual(['boxOffice[1].currency: "EUX" is not an ISO 4217 currency code']);
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('rolls everything back when the last contract collides with one written earlier in the same import', async () => {
    const t = await open();
    const before = await snapshot(t.app);
    const doc = smallDoc();
    doc.contracts!.push({
      ref: 'NEON-AGAIN',
      licensor: 'Wild Bunch',
      licensee: 'Neon',
      status: 'signed',
      titles: ['One Second'],
      blocks: [{ territories: 'U.S.', media: 'SVOD', start: '2025-01-01', end: '2026-12-31' }],
    });
    const error = (await importJson(t.app, EDITOR, doc).catch((e: unknown) => e)) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].field).toBe('contracts[2].blocks[0]');
    expect(error.issues[0].message).toMatch(
      /^contracts\[2\]\.blocks\[0\]: conflicts with existing rights: One Second, U\.S\., SVOD, 2025-01-01 to 2026-12-31: sold to NEON-NA \(Neon\)/,
    );
    expect(await snapshot(t.app)).toEqual(before);
    expect(t.app.index.blockCount).toBe(0);

    // Saved anyway with a reason, which is recorded.
    doc.contracts![2].overrideReason = 'Neon sublicenses SVOD back to us';
    await importJson(t.app, EDITOR, doc);
    const page = await getTitle(t.app, EDITOR, 'one-second');
    expect(page.contracts.map((c) => c.ref)).toEqual(['MANDATE', 'NEON-AGAIN', 'NEON-NA']);
  });

  it('names the record and the field of every error, with suggestions', async () => {
    const t = await open();
    await importJson(t.app, EDITOR, smallDoc());
    const before = await snapshot(t.app);
    const doc: InterchangeDocument = {
      companies: [{ name: 'Alamode Film', kind: 'distribtor' as never }],
      titles: [{ title: 'Petite Maman', year: 2021, credits: [{ role: 'directer' as never, name: 'Céline Sciamma' }] }],
      contracts: [
        { ref: 'OK-1', licensor: 'Wild Bunch', licensee: 'Neon', status: 'offer', titles: ['Petite Maman'] },
        { ref: 'BAD-PARTY', licensor: 'Wild Bunch', licensee: 'Neno', status: 'signed', titles: ['One Second'] },
        {
          ref: 'BAD-BLOCK',
          licensor: 'Wild Bunch',
          licensee: 'Neon',
          status: 'signed',
          titles: ['One Secnd'],
          blocks: [{ territories: 'Germny', media: 'All Media', start: '2022-01-01' }],
        },
        {
          ref: 'BAD-TERRITORY',
          licensor: 'Wild Bunch',
          licensee: 'Neon',
          status: 'signed',
          titles: ['One Second'],
          blocks: [{ territories: 'Germny', media: 'All Media', start: '2022-01-01', end: '2021-01-01' }],
        },
        { ref: 'MANDATE', status: 'signed', titles: ['One Second'] },
      ],
      festivals: [
        {
          name: 'Toronto International Film Festival',
          shortName: 'TIFF',
          editions: [{ year: 2021, selections: [{ title: 'Petite Maman', slot: 'closing night' as never }] }],
        },
      ],
      releases: [{ title: 'One Second', territory: 'Chna', date: '2020-11' }],
    };
    const error = (await importJson(t.app, EDITOR, doc).catch((e: unknown) => e)) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    const messages = error.issues.map((i) => i.message);
    expect(messages).toEqual([
      'companies[0].kind: "distribtor" is not one of distributor, sales-agent, production, streamer, broadcaster, exhibitor, other. Did you mean: distributor?',
      expect.stringMatching(/^titles\[0\]\.credits\[0\]\.role: "directer" is not one of .*Did you mean: director\?$/),
      expect.stringMatching(
        /^festivals\[0\]\.editions\[0\]\.selections\[0\]\.slot: "closing night" is not one of opening-night, closing-night, gala\. Did you mean: closing-night\?$/,
      ),
      'contracts[1].licensee: unknown company "Neno". Did you mean: Neon?',
      'contracts[2].titles[0]: unknown title "One Secnd". Did you mean: One Second?',
      'contracts[2].blocks[0].territories: unknown territory "Germny". Did you mean: Germany?',
      'contracts[3].blocks[0].territories: unknown territory "Germny". Did you mean: Germany?',
      'contracts[4].ref: a contract "MANDATE" already exists',
      'releases[0].territory: unknown country "Chna". Did you mean: China?',
    ]);
    expect(error.issues[6]).toMatchObject({ field: 'contracts[3].blocks[0].territories', suggestions: ['Germany'] });
    expect(error.message.split('\n')[0]).toBe('9 errors, nothing was imported:');
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('round-trips: export, import into an empty database, export again gives the same document', async () => {
    const first = await open();
    await importJson(first.app, EDITOR, readDemo(), { baseDir: DEMO_DIR });
    const exported = await exportJson(first.app, EDITOR);
    expect(exported.we).toBe('Wild Bunch');
    expect(exported.titles).toHaveLength(16);
    expect(exported.contracts!.map((c) => c.ref)).toEqual([
      'HUANXI-WB-ONE-SECOND-WW',
      'NEON-A-CHIARA',
      'NEON-PARASITE-US-CA',
      'NEON-WORST-PERSON',
      'WB-NEON-ONE-SECOND-NA',
    ]);
    expect(exported.releases).toEqual([{ title: 'One Second', territory: 'CN', date: '2020-11', kind: 'theatrical' }]);
    expect(exported.boxOffice![0]).toMatchObject({ amount: '12000000.00', currency: 'USD' });
    expect(exported.sources![0].facts).toHaveLength(57);
    expect(exported.sources![0].text).toContain('Wild Bunch is handling international sales.');

    const second = await open();
    const text = JSON.parse(JSON.stringify(exported)) as InterchangeDocument;
    await importJson(second.app, EDITOR, text);
    expect(await exportJson(second.app, EDITOR)).toEqual(exported);
  });

  it('backs up and restores into an empty database (the same record after)', async () => {
    const source = await open();
    await importJson(source.app, EDITOR, readDemo(), { baseDir: DEMO_DIR });
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-backup-'));
    try {
      const file = join(dir, 'backup');
      const r = await backupDatabase(source.app, SYSTEM, file, { sqliteFile: source.options.file });
      expect(r.kind).toBe(database.name === 'sqlite' ? 'sqlite' : 'json');
      const target = await open();
      await restoreDatabase(target.app, SYSTEM, file);
      expect(await snapshot(target.app, [])).toEqual(await snapshot(source.app, []));
      expect(naAvails(target)).toEqual(naAvails(source));
      await expect(restoreDatabase(target.app, SYSTEM, file)).rejects.toThrow(/database: not empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs an editor', async () => {
    const t = await open();
    await expect(importJson(t.app, { ...EDITOR, role: 'viewer' }, smallDoc())).rejects.toThrow(ForbiddenError);
  });
});

describe('the demo document', () => {
  it('ties every fact to a span of the article', () => {
    const doc = readDemo();
    expect(doc.sources).toHaveLength(1);
    expect(doc.sources![0]).toMatchObject({ outlet: 'trade press', publishedOn: '2021-07-20', file: 'seed-article.txt' });
    for (const f of doc.sources![0].facts!) expect(f.quote).toBeTruthy();
  });
});
