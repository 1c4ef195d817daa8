/** The market-days tables are in the backup: a market with its line-up, a screening, a meeting and a task comes back whole, on SQLite and PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { backupDatabase, readBackup, restoreDatabase } from '../../src/services/backup.js';
import { createTask } from '../../src/services/marketDays/followUps.js';
import { createMarket, setLineup } from '../../src/services/marketDays/market.js';
import { getSchedule, saveMeeting, saveScreening } from '../../src/services/marketDays/schedule.js';
import { describeEachDatabase } from '../support/databases.js';
import { loadMarketFixture } from '../support/marketDays.js';

const MARKET_TABLES = [
  'markets',
  'market_lineup',
  'market_screenings',
  'screening_buyers',
  'screening_people',
  'market_meetings',
  'meeting_people',
  'meeting_titles',
  'market_tasks',
] as const;

describeEachDatabase('market days in the backup', (_open, database) => {
  it('backs up and restores every market table, row for row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'filmrights-market-backup-'));
    const a = await database.create();
    const b = await database.create();
    const source = await FilmRights.open(a.options);
    const target = await FilmRights.open(b.options);
    try {
      const f = await loadMarketFixture(source, SYSTEM);
      const owner = (
        await source.store.db
          .insertInto('users')
          .values({ id: 'u-ann', username: 'ann', password_hash: 'x', role: 'editor' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const m = await createMarket(source, SYSTEM, {
        editionId: f.edition,
        name: 'Marché du Film',
        timeZone: 'Europe/Paris',
        start: '2026-05-12',
        end: '2026-05-20',
      });
      await setLineup(source, SYSTEM, m.id, {
        entries: [{ titleId: f.titles.salt, status: 'completed', logline: 'Letters across a border.' }],
      });
      await saveScreening(source, SYSTEM, m.id, {
        titleId: f.titles.salt,
        start: '2026-05-15T11:00',
        durationMinutes: 95,
        venue: 'Palais H',
        invited: [{ companyId: f.buyers.kestrel, attended: true }],
        people: [`person:${f.chloe}`],
      });
      const meeting = await saveMeeting(source, SYSTEM, m.id, {
        buyerId: f.buyers.northlight,
        start: '2026-05-15T10:00',
        end: '2026-05-15T10:30',
        people: [`user:${owner}`],
        titles: [f.titles.salt],
      });
      await createTask(source, SYSTEM, m.id, { dueOn: '2026-05-28', ownerId: owner, text: 'Send the screener', meetingId: meeting.id });

      const first = join(dir, 'first.backup');
      await backupDatabase(source, SYSTEM, first, { sqliteFile: a.options.file });
      await restoreDatabase(target, SYSTEM, first);
      const second = join(dir, 'second.backup');
      await backupDatabase(target, SYSTEM, second, { sqliteFile: b.options.file });
      const one = readBackup(first);
      const two = readBackup(second);
      for (const table of MARKET_TABLES) {
        expect(one.tables[table]?.length, table).toBeGreaterThan(0);
        expect(two.tables[table], table).toEqual(one.tables[table]);
      }
      const restored = await getSchedule(target, SYSTEM, m.id);
      expect(restored.meetings.map((x) => [x.localStart, x.buyer.name, x.people.map((p) => p.name)])).toEqual([
        ['2026-05-15T10:00', 'Northlight Pictures', ['ann']],
      ]);
    } finally {
      await source.close();
      await target.close();
      await a.drop();
      await b.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
