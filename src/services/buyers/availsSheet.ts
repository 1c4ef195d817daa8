/**
 * The avails sheet for a buyer: for a list of titles (explicit ids; a market's line-up passes its
 * titles), what is free in the buyer's territories and media for a period, per title × country ×
 * media: available, on hold, or not available. Answered by the rights engine's index (the same
 * question as the avails search, "cover entire": free for the whole period). The sheet never names
 * another buyer or a contract: it carries statuses only.
 */
import { fromIndices, has, toIndices } from '../../domain/bitset.js';
import { formatBuyerDate, type SheetStatus } from '../../domain/buyers.js';
import { COUNTRIES, countryName } from '../../domain/countries.js';
import { parseDay, parseEndDay, PERPETUITY } from '../../domain/dates.js';
import { invalid } from '../../domain/errors.js';
import { MEDIA, mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import type { AvailsSheetInput, AvailsSheetView } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { NotFoundError } from '../errors.js';
import { addDaysIso, todayIso } from '../lookup.js';
import { readBuyerSnapshot } from './profile.js';

const RANK: Record<SheetStatus, number> = { available: 0, 'on-hold': 1, 'not-available': 2 };

/** Five years from `start`, less a day: the default period of a sheet. */
function fiveYears(start: string): string {
  const [y, m, d] = start.split('-');
  return addDaysIso(`${Number(y) + 5}-${m}-${m === '02' && d === '29' ? '28' : d}`, -1);
}

export async function buyerAvailsSheet(
  app: FilmRights,
  _actor: Actor,
  buyerId: string,
  input: Omit<AvailsSheetInput, 'format'>,
  today = todayIso(),
): Promise<AvailsSheetView> {
  const db = app.store.db;
  const buyer = await readBuyerSnapshot(db, buyerId);
  const company = await db.selectFrom('companies').select('name').where('id', '=', buyerId).executeTakeFirst();
  if (!buyer || !company) throw new NotFoundError('buyer', buyerId);
  const titleIds = [...new Set(input.titleIds)];
  if (!titleIds.length) throw invalid('titleIds', input.titleIds, 'titleIds: name at least one title');
  const titles = await db
    .selectFrom('titles')
    .select(['id', 'original_title', 'english_title', 'year'])
    .where('id', 'in', titleIds)
    .execute();
  const missing = titleIds.findIndex((id) => !titles.some((t) => t.id === id));
  if (missing >= 0) throw invalid(`titleIds[${missing}]`, titleIds[missing], `titleIds[${missing}]: no title "${titleIds[missing]}"`);
  const startIso = input.start ?? today;
  const endIso = input.end === undefined ? fiveYears(startIso) : input.end;
  const start = parseDay(startIso, 'start');
  const end = parseEndDay(endIso, 'end');
  if (end < start) throw invalid('end', endIso, `end: ${endIso} is before start ${startIso}`);
  const exclusive = input.exclusive ?? true;
  const territories = territorySetFromCodes(buyer.territoryCodes);
  const media = mediaSetFromIds(buyer.mediaIds);
  const countries = toIndices(territories);
  const leaves = toIndices(media);
  await app.ensureTitleNames(titleIds);

  const sheetTitles = titleIds.map((id) => {
    const t = titles.find((x) => x.id === id)!;
    // worst status per (country, media leaf) over the period and every language
    const status = new Uint8Array(COUNTRIES.size * MEDIA.size).fill(RANK['not-available']);
    const seen = new Uint8Array(COUNTRIES.size * MEDIA.size);
    const rows = app.index.avails(
      [id],
      { territories, media, languages: null, start, end, exclusive, match: 'cover-entire' },
      { include: 'all' },
    );
    for (const row of rows) {
      const s: SheetStatus =
        row.outcome.status === 'available' ? 'available' : row.outcome.status === 'on-hold' ? 'on-hold' : 'not-available';
      for (const c of toIndices(row.territories)) {
        if (!has(territories, c)) continue;
        for (const l of toIndices(row.media)) {
          if (!has(media, l)) continue;
          const k = c * MEDIA.size + l;
          status[k] = seen[k] ? Math.max(status[k], RANK[s]) : RANK[s];
          seen[k] = 1;
        }
      }
    }
    const out: AvailsSheetView['titles'][number]['rows'] = [];
    for (const c of countries) {
      const code = COUNTRIES.codeAt(c);
      const byStatus: Array<number[]> = [[], [], []];
      for (const l of leaves) byStatus[status[c * MEDIA.size + l]].push(l);
      (['available', 'on-hold', 'not-available'] as const).forEach((s, rank) => {
        if (byStatus[rank].length)
          out.push({
            country: code,
            countryName: countryName(code),
            media: mediaLabel(fromIndices(MEDIA.size, byStatus[rank])),
            status: s,
          });
      });
    }
    out.sort((a, b) => a.countryName.localeCompare(b.countryName, 'en') || RANK[a.status] - RANK[b.status]);
    return { id, name: t.english_title ?? t.original_title, year: t.year, rows: out };
  });
  const locale = buyer.locale;
  return {
    buyer: { id: buyerId, name: company.name, locale },
    start: startIso,
    end: end === PERPETUITY ? null : endIso,
    period:
      end === PERPETUITY
        ? `${formatBuyerDate(startIso, locale)} –` // open-ended: no last day
        : `${formatBuyerDate(startIso, locale)} – ${formatBuyerDate(endIso!, locale)}`,
    madeOn: formatBuyerDate(today, locale),
    exclusive,
    territoryLabel: territoryLabel(territories),
    mediaLabel: mediaLabel(media),
    titles: sheetTitles,
  };
}
