/**
 * EMA avails out, the querying part: the windows to offer (the engine's
 * availability) or licensed to one retailer (its rights-out windows), the
 * titles' metadata and the licensor; interchange/ema writes them as EMA
 * transactions, a spreadsheet or Avails XML.
 */
import type { AvailsQuestion } from '../domain/avails.js';
import { describeEvent } from '../domain/conditions.js';
import { parseDay, dayOrNull } from '../domain/dates.js';
import { invalid } from '../domain/errors.js';
import { mediaSetFromIds } from '../domain/media.js';
import { parseTerritories, territoryCodes } from '../domain/territories.js';
import { buildEmaTransactions, checkEmaOptions, type EmaExportOptions, type EmaTitle, type EmaWindow } from '../interchange/ema/export.js';
import type { EmaFormat } from '../interchange/ema/index.js';
import type { EmaTransaction } from '../interchange/ema/model.js';
import { LICENSE_TYPE_MEDIA } from '../interchange/ema/vocab.js';
import { writeEmaXlsx, type EmaSheetVersion } from '../interchange/ema/xlsx.js';
import { EMA_XML_VERSIONS, writeEmaXml, type EmaXmlVersion } from '../interchange/ema/xml.js';
import { parseJson } from '../store/index.js';
import type { FilmRights } from './app.js';
import { resolveTitles } from './avails.js';
import { weCompanyIn } from './contracts.js';
import { conditionOf } from './contracts/conditions.js';
import { NameIndex } from './people.js';
import { rowView } from './views.js';

export type { EmaExportOptions };

/** The transactions to write: one per title, country, license type, format and merged window. */
export async function emaTransactions(app: FilmRights, o: EmaExportOptions = {}): Promise<EmaTransaction[]> {
  const opts = checkEmaOptions(o);
  const territories = parseTerritories(o.territories ?? 'Worldwide', 'territories');
  const titleIds = o.titles?.length ? await resolveTitles(app, o.titles) : null;
  const source = o.source ?? 'avails';
  const retailer = o.retailer?.trim() || null;
  const windows: EmaWindow[] = [];
  const mediaTypes = opts.licenseTypes.filter((lt) => lt !== 'POEST');
  const wantEst = opts.licenseTypes.includes('EST') || opts.licenseTypes.includes('POEST');
  const types = [...new Set([...mediaTypes, ...(wantEst ? (['EST'] as const) : [])])];

  if (source === 'avails') {
    for (const lt of types) {
      const q: AvailsQuestion = {
        territories,
        media: mediaSetFromIds([LICENSE_TYPE_MEDIA[lt]]),
        languages: null,
        start: opts.start,
        end: opts.end,
        exclusive: o.exclusive ?? false,
        match: 'overlap-part',
      };
      for (const row of app.index.avails(titleIds, q, { include: 'available' })) {
        if (row.outcome.status !== 'available') continue;
        const v = rowView(row, app.titleName, app.contractParties);
        for (const titleId of v.titleIds)
          for (const country of v.territories)
            windows.push({
              titleId,
              licenseType: lt,
              country,
              start: v.start ?? opts.from,
              end: v.end,
              languages: v.languages,
              exclusive: o.exclusive ?? false,
            });
      }
    }
  } else {
    if (!retailer) throw invalid('retailer', retailer, 'retailer: name the retailer whose windows to export');
    const retailerId = (await NameIndex.load(app.store.db, 'companies')).find(retailer);
    if (!retailerId) throw invalid('retailer', retailer, `retailer: no company "${retailer}"`);
    let q = app.store.db
      .selectFrom('rights_blocks as b')
      .innerJoin('contracts as c', 'c.id', 'b.contract_id')
      .select(['b.title_id', 'b.territory_codes', 'b.media_ids', 'b.languages', 'b.start_date', 'b.end_date', 'b.exclusive'])
      .select(['b.start_event', 'b.start_territory', 'b.start_media', 'b.start_offset', 'b.start_unit'])
      .select(['b.end_event', 'b.end_territory', 'b.end_media', 'b.end_offset', 'b.end_unit'])
      .where('c.licensee_id', '=', retailerId)
      .where('c.deleted_at', 'is', null)
      .where('c.status', 'in', ['signed', 'announced']);
    if (titleIds) q = q.where('b.title_id', 'in', titleIds.length ? titleIds : ['-']);
    const wanted = new Set(territoryCodes(territories));
    for (const b of await q.execute()) {
      const media = parseJson(b.media_ids) as string[];
      const startCondition = conditionOf(b, 'start');
      const endCondition = conditionOf(b, 'end');
      for (const lt of types) {
        if (!media.includes(LICENSE_TYPE_MEDIA[lt])) continue;
        // Clip to the window asked about (a start or end that follows an event is written as the event).
        const s = startCondition ? null : b.start_date && b.start_date > opts.from ? b.start_date : opts.from;
        const endDay = endCondition || !b.end_date ? Infinity : parseDay(b.end_date);
        const e = Math.min(endDay, opts.end);
        if (s !== null && e < parseDay(s)) continue;
        if (s === null && !endCondition && e < opts.start) continue;
        for (const country of parseJson(b.territory_codes) as string[]) {
          if (!wanted.has(country)) continue;
          for (const c of [startCondition, endCondition])
            if (c?.territory && c.territory !== country)
              throw invalid(
                'source',
                'windows',
                `source: the ${lt} window of ${app.titleName(b.title_id)} in ${country} follows ${describeEvent(c)}: an EMA file names only events in the row's own country`,
              );
          windows.push({
            titleId: b.title_id,
            licenseType: lt,
            country,
            start: s,
            end: endCondition ? null : e === Infinity ? null : dayOrNull(e),
            ...(startCondition ? { startCondition } : {}),
            ...(endCondition ? { endCondition } : {}),
            languages: parseJson(b.languages) as string[] | null,
            exclusive: b.exclusive === 1,
          });
        }
      }
    }
  }

  // Title metadata and the licensor.
  const ids = [...new Set(windows.map((w) => w.titleId))];
  const titles = await titlesWithPlaces(app, ids);
  let licensor = o.licensor?.trim();
  if (!licensor) {
    const we = await weCompanyIn(app.store.db);
    const row = we ? await app.store.db.selectFrom('companies').select('name').where('id', '=', we).executeTakeFirst() : undefined;
    if (!row) throw invalid('licensor', null, 'licensor: no company is set as "us" (settings): name the licensor');
    licensor = row.name;
  }

  return buildEmaTransactions(windows, titles, licensor, retailer, opts);
}

/** The titles' metadata, with the series (and season) a season, volume or episode sits under. */
async function titlesWithPlaces(app: FilmRights, ids: string[]): Promise<EmaTitle[]> {
  const load = (wanted: string[]) =>
    wanted.length
      ? app.store.db
          .selectFrom('titles')
          .select(['id', 'original_title', 'english_title', 'year', 'runtime_minutes', 'languages', 'kind', 'number', 'parent_id'])
          .where('id', 'in', wanted)
          .execute()
      : Promise.resolve([]);
  const rows = await load(ids);
  const known = new Map(rows.map((r) => [r.id, r]));
  // two levels up at most: an episode's season, then its series
  for (let level = 0; level < 2; level++) {
    const missing = [...new Set([...known.values()].map((r) => r.parent_id).filter((p): p is string => !!p && !known.has(p)))];
    for (const r of await load(missing)) known.set(r.id, r);
  }
  const nameOf = (r: { english_title: string | null; original_title: string }) => r.english_title ?? r.original_title;
  return rows.map((r) => {
    const parent = r.parent_id ? known.get(r.parent_id) : undefined;
    const grand = parent?.parent_id ? known.get(parent.parent_id) : undefined;
    const seriesRow = r.kind === 'episode' ? (parent?.kind === 'miniseries' ? parent : grand) : parent;
    return {
      ...r,
      series: seriesRow ? { id: seriesRow.id, name: nameOf(seriesRow) } : null,
      season: r.kind === 'episode' && parent && parent.kind !== 'miniseries' ? { id: parent.id, number: parent.number } : null,
    };
  });
}

/** Writes the avails as an EMA file: the spreadsheet (v1.8, v1.9; films and TV sheets) or XML (v2.2.1 to v2.7). */
export async function exportEma(
  app: FilmRights,
  format: EmaFormat,
  version: string,
  opts: EmaExportOptions,
): Promise<{ data: Buffer; transactions: number; contentType: string; extension: string }> {
  const rows = await emaTransactions(app, opts);
  if (format === 'ema-xlsx') {
    if (version !== '1.8' && version !== '1.9')
      throw invalid('version', version, `version: the EMA spreadsheet is written in 1.8 or 1.9, not "${version}"`);
    return {
      data: await writeEmaXlsx(rows, version as EmaSheetVersion),
      transactions: rows.length,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  if (!(EMA_XML_VERSIONS as readonly string[]).includes(version))
    throw invalid('version', version, `version: Avails XML is written in ${EMA_XML_VERSIONS.join(', ')}, not "${version}"`);
  return {
    data: Buffer.from(writeEmaXml(rows, version as EmaXmlVersion), 'utf8'),
    transactions: rows.length,
    contentType: 'application/xml',
    extension: 'xml',
  };
}
