import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { ingestArticle } from '../../src/services/articles.js';
import { backupDatabase, readBackup, restoreDatabase } from '../../src/services/backup.js';
import { saveContract } from '../../src/services/contracts.js';
import { loadDemo } from '../../src/services/demo.js';
import { addExpense, addPayment, addReceipt, recordRevenueReport, setExchangeRate } from '../../src/services/money/ledger.js';
import { issueStatement } from '../../src/services/money/statements.js';
import { setTerms } from '../../src/services/money/terms.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('backup and restore', (_open, database) => {
  it('backup → restore → backup gives identical content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-backup-'));
    const a = await database.create();
    const b = await database.create();
    const source = await FilmRights.open(a.options);
    const target = await FilmRights.open(b.options);
    try {
      await loadDemo(source);
      await ingestArticle(source, SYSTEM, {
        text: 'Neon has acquired North American rights to "Petite Maman."',
        outlet: 'Variety',
        date: '2021-07-20',
      });
      // the accounts too: terms, ledger, revenue, a rate and an issued statement
      const ref = 'WB-NEON-ONE-SECOND-NA';
      await setTerms(source, SYSTEM, ref, {
        kind: 'licence',
        currency: 'USD',
        fees: [{ rate: '25%' }],
        frequency: 'quarterly',
        reportingFrom: '2021-07-01',
      });
      await setExchangeRate(source, SYSTEM, { period: '2021-Q4', from: 'EUR', to: 'USD', rate: '1.15' });
      await recordRevenueReport(source, SYSTEM, ref, 'Q4', [
        { period: '2021-Q4', title: 'One Second', territory: 'Canada', media: 'SVOD', gross: '1000', currency: 'EUR' },
      ]);
      await addReceipt(source, SYSTEM, ref, { on: '2021-10-02', amount: '10', currency: 'USD' });
      await addExpense(source, SYSTEM, ref, { on: '2021-10-03', amount: '20', currency: 'USD', category: 'P&A' });
      await addPayment(source, SYSTEM, ref, { on: '2021-10-04', amount: '30', currency: 'USD' });
      await issueStatement(source, SYSTEM, ref, '2021-Q4', { today: '2022-01-15' });
      const first = join(dir, 'first.backup');
      await backupDatabase(source, SYSTEM, first, { sqliteFile: a.options.file });
      // the running source keeps changing after the backup: the copy must not see it
      const wb = await source.store.db.selectFrom('companies').select('id').where('name', '=', 'Wild Bunch').executeTakeFirstOrThrow();
      const neon = await source.store.db.selectFrom('companies').select('id').where('name', '=', 'Neon').executeTakeFirstOrThrow();
      await saveContract(source, SYSTEM, {
        ref: 'AFTER-BACKUP',
        status: 'signed',
        licensorId: wb.id,
        licenseeId: neon.id,
        titleIds: ['one-second'],
        blocks: [{ territories: 'Japan', media: 'SVOD', start: '2030-01-01', end: '2031-12-31' }],
      });

      await restoreDatabase(target, SYSTEM, first);
      const second = join(dir, 'second.backup');
      await backupDatabase(target, SYSTEM, second, { sqliteFile: b.options.file });

      const one = readBackup(first);
      const two = readBackup(second);
      expect(Object.keys(one.tables).length).toBeGreaterThan(20);
      expect(one.tables.titles.length).toBe(16);
      expect(JSON.stringify(one.tables)).not.toContain('AFTER-BACKUP');
      // the demo's seed article and the one ingested above
      expect(one.tables.articles?.length, 'ingested articles are backed up').toBe(2);
      // the demo's own accounts (two receipts, an expense, three revenue lines) and the ones added above
      const counts: Record<string, number> = {
        contract_terms: 1,
        fee_rules: 1,
        receipts: 3,
        expenses: 2,
        payments: 1,
        revenue_lines: 4,
        exchange_rates: 1,
        statements: 1,
        // the demo's market mode
        buyers: 2,
        buyer_contacts: 3,
        markets: 1,
        market_lineup: 1,
        market_screenings: 1,
        screening_buyers: 3,
        market_meetings: 3,
        offers: 2,
        offer_versions: 3,
        offer_events: 3,
      };
      for (const [t, n] of Object.entries(counts)) expect(one.tables[t]?.length, `${t} are backed up`).toBe(n);
      expect(two.tables).toEqual(one.tables);
      expect(two.migrations).toEqual(one.migrations);
      // and the restored database answers like the original did
      const rows = target.index.avails(
        ['one-second'],
        (await import('../../src/services/avails.js')).parseQuestion({
          territories: 'North America',
          media: 'All Media',
          start: '2022-01-01',
          end: '2022-12-31',
        }),
      );
      expect(rows[0].outcome.reasons[0]).toMatchObject({ code: 'rights-out-exist', contracts: ['WB-NEON-ONE-SECOND-NA'] });
    } finally {
      await source.close();
      await target.close();
      await a.drop();
      await b.drop();
    }
  });
});
