/** Gathers a market's line-up sheet (src/interchange/marketSheet/) from the line-up, credits and screenings. */
import { lineupSheetPdf, lineupSheetXlsx, type LineupSheet } from '../../interchange/marketSheet/sheet.js';
import type { Actor, FilmRights } from '../app.js';
import { getMarket } from './market.js';
import { readSchedule } from './schedule.js';

const CAST_SHOWN = 5;
const SYNOPSIS_SHOWN = 300;

function dayTime(local: string): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day} ${local.slice(11, 16)}`;
}

export async function lineupSheet(app: FilmRights, actor: Actor, marketId: string): Promise<LineupSheet> {
  const market = await getMarket(app, actor, marketId);
  const { screenings } = await readSchedule(app.store.db, marketId);
  const ids = market.lineup.map((l) => l.title.id);
  const credits = ids.length
    ? await app.store.db
        .selectFrom('credits as c')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .select(['c.title_id', 'c.role', 'c.position', 'p.name'])
        .where('c.title_id', 'in', ids)
        .where('c.role', 'in', ['director', 'cast'])
        .orderBy('c.position')
        .orderBy('p.name')
        .execute()
    : [];
  const synopses = ids.length ? await app.store.db.selectFrom('titles').select(['id', 'synopsis']).where('id', 'in', ids).execute() : [];
  return {
    market: `${market.name} ${market.year}`,
    dates: `${market.start} to ${market.end}`,
    timeZone: market.timeZone,
    rows: market.lineup.map((l) => {
      const synopsis = synopses.find((s) => s.id === l.title.id)?.synopsis ?? null;
      const mine = credits.filter((c) => c.title_id === l.title.id);
      return {
        title: l.title.name,
        year: l.title.year,
        status: l.status,
        logline: l.logline ?? (synopsis && synopsis.length > SYNOPSIS_SHOWN ? `${synopsis.slice(0, SYNOPSIS_SHOWN - 1)}…` : synopsis),
        directors: mine.filter((c) => c.role === 'director').map((c) => c.name),
        cast: mine
          .filter((c) => c.role === 'cast')
          .slice(0, CAST_SHOWN)
          .map((c) => c.name),
        screenings: screenings
          .filter((s) => s.title.id === l.title.id)
          .map((s) => `${dayTime(s.localStart)}, ${s.venue} (${s.durationMinutes} min)`),
      };
    }),
  };
}

export async function lineupSheetFile(
  app: FilmRights,
  actor: Actor,
  marketId: string,
  format: 'pdf' | 'xlsx',
): Promise<{ name: string; body: Buffer }> {
  const sheet = await lineupSheet(app, actor, marketId);
  const body = format === 'pdf' ? await lineupSheetPdf(sheet) : await lineupSheetXlsx(sheet);
  return { name: `${sheet.market} line-up.${format}`, body };
}
