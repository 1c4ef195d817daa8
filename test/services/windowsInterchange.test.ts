import { expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../support/databases.js';
import { openApp, type TestApp } from '../support/apps.js';
import { SYSTEM, type Actor } from '../../src/services/app.js';
import { backupDatabase, restoreDatabase } from '../../src/services/backup.js';
import { askAvails } from '../../src/services/avails.js';
import { emaTransactions } from '../../src/services/emaExport.js';
import { exportJson, importJson, type InterchangeDocument } from '../../src/services/interchange.js';

const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };

/** A film with a mandate, a sale from 6 months after the German theatrical release, and a holdback until delivery + 30 days. */
function windowsDoc(): InterchangeDocument {
  return {
    we: 'Northlight',
    companies: [
      { name: 'Northlight', kind: 'distributor' },
      { name: 'Fjord Pictures', kind: 'production' },
      { name: 'Himmel TV', kind: 'broadcaster' },
    ],
    titles: [{ title: 'Cold Harbour' }],
    contracts: [
      {
        ref: 'FJORD-WW',
        licensor: 'Fjord Pictures',
        licensee: 'Northlight',
        status: 'signed',
        titles: ['Cold Harbour'],
        blocks: [{ territories: 'Worldwide', media: 'All Media', start: '2026-01-01', end: '2035-12-31' }],
        holdbacks: [
          {
            territories: 'Germany',
            media: 'SVOD',
            start: '2026-01-01',
            endCondition: { event: 'delivery', offset: 30, unit: 'days' },
            description: 'no SVOD until 30 days after delivery',
          },
        ],
      },
      {
        ref: 'HIMMEL-DE',
        licensor: 'Northlight',
        licensee: 'Himmel TV',
        status: 'signed',
        titles: ['Cold Harbour'],
        blocks: [
          {
            territories: 'Germany',
            media: 'Pay TV',
            startCondition: { event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' },
            end: '2031-12-31',
          },
        ],
      },
    ],
  };
}

async function codes(t: TestApp, media: string): Promise<string[][]> {
  const answer = await askAvails(t.app, EDITOR, {
    titles: ['cold-harbour'],
    territories: 'Germany',
    media,
    start: '2027-01-01',
    end: '2027-12-31',
    match: 'overlap-part',
  });
  return answer.rows.map((r) => [r.status, r.start ?? '', ...r.reasons.map((x) => x.code)]);
}

describeEachDatabase('windows that depend on events in the JSON interchange and the backup', (_open, database) => {
  it('imports conditions, answers depends, and exports and re-imports them with the same avails', async () => {
    const a = await openApp(database);
    const b = await openApp(database);
    const c = await openApp(database);
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-windows-backup-'));
    try {
      await importJson(a.app, EDITOR, windowsDoc());
      expect(await codes(a, 'Pay TV')).toEqual([['depends', '2027-01-01', 'depends']]);
      expect(await codes(a, 'SVOD')).toEqual([['depends', '2027-01-01', 'depends']]);
      // an EMA avails export offers no window that depends: SVOD in Germany waits for the delivery, France is free
      const offered = await emaTransactions(a.app, {
        titles: ['Cold Harbour'],
        territories: 'Germany, France',
        licenseTypes: ['SVOD'],
        from: '2027-01-01',
        to: '2027-12-31',
      });
      const countries = new Set(offered.map((t) => t.territory));
      expect(countries.has('FR')).toBe(true);
      expect(countries.has('DE')).toBe(false);
      const doc = await exportJson(a.app, EDITOR);
      const sale = doc.contracts!.find((k) => k.ref === 'HIMMEL-DE')!.blocks![0];
      expect(sale.startCondition).toEqual({ event: 'release', territory: 'DE', media: 'theatrical', offset: 6, unit: 'months' });
      await importJson(b.app, EDITOR, JSON.parse(JSON.stringify(doc)) as InterchangeDocument);
      expect(await codes(b, 'Pay TV')).toEqual(await codes(a, 'Pay TV'));
      expect(await exportJson(b.app, EDITOR)).toEqual(doc);
      const file = join(dir, 'backup');
      await backupDatabase(a.app, SYSTEM, file, { sqliteFile: a.options.file });
      await restoreDatabase(c.app, SYSTEM, file);
      expect(await exportJson(c.app, EDITOR)).toEqual(doc);
      expect(await codes(c, 'SVOD')).toEqual(await codes(a, 'SVOD'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await a.close();
      await b.close();
      await c.close();
    }
  });
});
