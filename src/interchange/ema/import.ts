/**
 * EMA avails in: the transactions of a file become titles (found by our
 * ALID, a stored ALID alias, or name and year; else created) and, per
 * licensor and retailer, signed contracts whose rights blocks are the
 * windows: one block per title, license type's media, exclusivity and
 * languages, the countries sharing a window together (HD and SD rows of one
 * window are one right). The licensor is "us" when it is the install's own
 * company: the windows are then rights-out, checked for conflicts like any
 * manual deal; otherwise they are recorded as market intelligence.
 *
 * POEST rows (pre-order of EST) give no right of their own: the pre-order
 * sells the EST window that follows, so they are checked and must come with
 * the EST rows of their title and territory.
 */
import type { ConditionInput } from '../../contract/index.js';
import type { Condition } from '../../domain/conditions.js';
import { normalizeName } from '../../domain/fuzzy.js';
import { mediaLabel, mediaSetFromIds } from '../../domain/media.js';
import { territoryLabel, territorySetFromCodes } from '../../domain/territories.js';
import type { ImportLookup } from '../lookup.js';
import { refPart, type Plan, type PlannedBlock, type PlannedContract, type PlannedTitle } from '../plan.js';
import { type Problems } from '../problems.js';
import type { EmaTransaction } from './model.js';
import { LICENSE_TYPE_MEDIA } from './vocab.js';

/** Our own ALIDs: md:alid:org:filmrights:<title id>. */
export const OUR_ALID = 'md:alid:org:filmrights:';
export const OUR_CID = 'md:cid:org:filmrights:';
export const UNNAMED_RETAILER = 'Retailer not named';

const FAR = '9999-12-31';
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Merges overlapping and touching [start, end] windows (end null = open). */
export function mergeWindows(
  ws: Array<{ start: string; end: string | null; rows: string[] }>,
): Array<{ start: string; end: string | null; rows: string[] }> {
  const sorted = [...ws].sort((a, b) => a.start.localeCompare(b.start));
  const out: Array<{ start: string; end: string | null; rows: string[] }> = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && (last.end === null || nextDay(last.end) >= w.start)) {
      if (last.end !== null && (w.end === null || w.end > last.end)) last.end = w.end;
      last.rows.push(...w.rows);
    } else out.push({ start: w.start, end: w.end, rows: [...w.rows] });
  }
  return out;
}

/** Builds the plan of an EMA import (no writes). Problems are added to `problems`. */
export async function planEma(lookup: ImportLookup, txs: EmaTransaction[], problems: Problems): Promise<Plan> {
  const index = await lookup.titles();
  const plan: Plan = { titles: [], companies: [], contracts: [] };

  // Retailer: the file's Licensee, else the one named for the import, else the file's ServiceProvider;
  // an avails file sent to one retailer often names none: its windows are recorded for "Retailer not named".
  const missing = txs.filter((t) => !t.licensee);
  if (missing.length) {
    problems.warn(
      missing[0].where,
      `the file names no Licensee (retailer)${missing.length > 1 ? ` (nor do ${missing.length - 1} other rows)` : ''}: the windows are recorded for "${UNNAMED_RETAILER}"; name the retailer (--retailer) to record them for it`,
    );
    for (const t of missing) t.licensee = UNNAMED_RETAILER;
  }

  // Titles: one per film, whatever the ALIDs (an edit and its localized edit are one film).
  const titles = new Map<string, PlannedTitle & { alids: Set<string> }>();
  const titleKeyOf = new Map<string, string>();
  /** New titles planned, by name (a season planned for an episode is the season a later row names). */
  const byName = new Map<string, string>();
  /** The planned title of a series or season named by a row: the catalog's when it has exactly one, else new. */
  const parentTitle = (name: string, kind: 'series' | 'season', number: number | null, parentKey: string | undefined, where: string) => {
    const found = byName.get(normalizeName(name));
    if (found) return found;
    const inCatalog = index.find(name, null);
    const key = inCatalog.length === 1 ? `id:${inCatalog[0]}` : `new:${normalizeName(name)}|`;
    if (!titles.has(key))
      titles.set(key, {
        key,
        label: inCatalog.length === 1 ? lookup.titleName(inCatalog[0]) : name,
        existingId: inCatalog.length === 1 ? inCatalog[0] : undefined,
        input: inCatalog.length === 1 ? undefined : { originalTitle: name, kind, number, aliases: [] },
        ...(inCatalog.length !== 1 && parentKey ? { parentKey } : {}),
        rows: where ? [where] : [],
        alids: new Set(),
      });
    byName.set(normalizeName(name), key);
    return key;
  };
  const placeOf = (tv: NonNullable<EmaTransaction['tv']>, workType: string) => {
    const where = '';
    const seriesKey = parentTitle(tv.series, 'series', null, undefined, where);
    if (workType === 'Season') return { kind: 'season' as const, number: tv.season, parentKey: seriesKey };
    if (workType === 'Volume') return { kind: 'volume' as const, number: tv.season, parentKey: seriesKey };
    if (tv.season === null) return null; // an episode with no season number cannot be placed: it stays a title of its own
    const seasonKey = parentTitle(`${tv.series}: Season ${tv.season}`, 'season', tv.season, seriesKey, where);
    return { kind: 'episode' as const, number: tv.episode, parentKey: seasonKey };
  };
  for (const t of txs) {
    const alidKey = `${t.alid}\u0000${t.title}`;
    if (titleKeyOf.has(alidKey)) {
      titles.get(titleKeyOf.get(alidKey)!)!.rows.push(t.where);
      continue;
    }
    let existing: string | undefined;
    let ambiguous: string[] = [];
    for (const id of [t.alid, t.contentId]) {
      if (id.startsWith(OUR_ALID) || id.startsWith(OUR_CID)) {
        const own = id.slice(id.startsWith(OUR_ALID) ? OUR_ALID.length : OUR_CID.length);
        if (index.ids.has(own)) existing = own;
      }
    }
    if (!existing) {
      const byAlid = index.find(t.alid);
      if (byAlid.length === 1) existing = byAlid[0];
    }
    if (!existing) {
      const byName = index.find(t.title, t.releaseYear);
      const byAlias = byName.length ? byName : t.displayTitle ? index.find(t.displayTitle, t.releaseYear) : [];
      if (byAlias.length === 1) existing = byAlias[0];
      else if (byAlias.length > 1) ambiguous = byAlias;
    }
    if (ambiguous.length)
      problems.error(
        t.where,
        `"${t.title}"${t.releaseYear ? ` (${t.releaseYear})` : ''} names ${ambiguous.length} titles in the catalog (${ambiguous.join(', ')}); give the ALID of one (md:alid:org:filmrights:<id>)`,
      );
    const key = existing
      ? `id:${existing}`
      : (byName.get(normalizeName(t.title)) ?? `new:${normalizeName(t.title)}|${t.releaseYear ?? ''}`);
    titleKeyOf.set(alidKey, key);
    let pt = titles.get(key);
    if (!pt) {
      // a new season or episode goes under its series (and season), found in the catalog or planned before it
      const place = existing || !t.tv ? null : placeOf(t.tv, t.workType);
      pt = {
        key,
        label: existing ? lookup.titleName(existing) : t.title,
        existingId: existing,
        input: existing
          ? undefined
          : {
              originalTitle: t.title,
              year: t.releaseYear,
              runtimeMinutes: t.runtimeMinutes,
              aliases: [],
              ...(place ? { kind: place.kind, number: place.number } : t.workType === 'Series' ? { kind: 'series' as const } : {}),
            },
        ...(place?.parentKey ? { parentKey: place.parentKey } : {}),
        rows: [],
        alids: new Set(),
      };
      titles.set(key, pt);
      if (!existing) byName.set(normalizeName(t.title), key);
    }
    pt.rows.push(t.where);
    if (pt.input && t.alidGiven !== false && !pt.alids.has(t.alid)) {
      pt.alids.add(t.alid);
      pt.input.aliases!.push({ alias: t.alid, kind: 'EMA ALID' });
    }
    if (pt.input && t.displayTitle && !pt.input.aliases!.some((a) => typeof a !== 'string' && a.alias === t.displayTitle)) {
      pt.input.aliases!.push({ alias: t.displayTitle, language: t.assetLanguage, kind: 'EMA display title' });
    }
  }
  plan.titles = [...titles.values()].map(({ alids: _a, ...t }) => t);

  // Companies.
  const companyKey = (name: string) => `co:${normalizeName(name)}`;
  const companies = new Map<string, { name: string; kind: 'distributor' | 'streamer' }>();
  for (const t of txs) {
    if (!companies.has(companyKey(t.licensor))) companies.set(companyKey(t.licensor), { name: t.licensor, kind: 'distributor' });
    if (t.licensee && !companies.has(companyKey(t.licensee))) companies.set(companyKey(t.licensee), { name: t.licensee, kind: 'streamer' });
  }
  plan.companies = [...companies].map(([key, c]) => ({ key, ...c }));

  // Pre-orders: checked, and must precede an EST window of the same title, territory and retailer.
  const est = new Set(
    txs.filter((t) => t.licenseType === 'EST').map((t) => `${titleKeyOf.get(`${t.alid}\u0000${t.title}`)}|${t.territory}|${t.licensee}`),
  );
  for (const t of txs) {
    if (t.endCondition && t.licenseType !== 'POEST') problems.error(t.where, `End "${t.endCondition}" is only for a POEST (pre-order) row`);
    if (t.licenseType === 'POEST' && !est.has(`${titleKeyOf.get(`${t.alid}\u0000${t.title}`)}|${t.territory}|${t.licensee}`)) {
      problems.warn(
        t.where,
        `POEST for ${t.title} in ${t.territory} has no EST row for the same retailer: a pre-order gives no right of its own, nothing is recorded for it`,
      );
    }
  }

  // Windows: per contract, title, media, exclusivity and languages, each country's windows merged.
  type Group = {
    contractKey: string;
    titleKey: string;
    media: string;
    exclusive: boolean;
    languages: string[] | null;
    byCountry: Map<string, Array<{ start: string; end: string | null; rows: string[] }>>;
    /** Windows that follow an event: one block per country (the event is that country's), same rows merged. */
    conditional: Map<
      string,
      {
        country: string;
        start: string | null;
        end: string | null;
        startEvent: Condition | null;
        endEvent: Condition | null;
        rows: string[];
      }
    >;
  };
  const groups = new Map<string, Group>();
  const contracts = new Map<
    string,
    { licensor: string; licensee: string; contractId: string | null; titleKeys: Set<string>; rows: string[]; blocks: PlannedBlock[] }
  >();
  for (const t of txs) {
    if (!t.licensee || t.licenseType === 'POEST') continue;
    const titleKey = titleKeyOf.get(`${t.alid}\u0000${t.title}`)!;
    const contractKey = `${companyKey(t.licensor)}|${companyKey(t.licensee)}|${t.contractId ? `cid:${t.contractId}` : titleKey}`;
    let c = contracts.get(contractKey);
    if (!c)
      contracts.set(
        contractKey,
        (c = { licensor: t.licensor, licensee: t.licensee, contractId: t.contractId, titleKeys: new Set(), rows: [], blocks: [] }),
      );
    c.titleKeys.add(titleKey);
    c.rows.push(t.where);
    const media = LICENSE_TYPE_MEDIA[t.licenseType];
    const gk = `${contractKey}|${titleKey}|${media}|${t.exclusive}|${t.allowedLanguages?.join(',') ?? '*'}`;
    let g = groups.get(gk);
    if (!g)
      groups.set(
        gk,
        (g = {
          contractKey,
          titleKey,
          media,
          exclusive: t.exclusive,
          languages: t.allowedLanguages,
          byCountry: new Map(),
          conditional: new Map(),
        }),
      );
    if (t.startEvent || t.endEvent) {
      const ck = JSON.stringify([t.territory, t.start, t.end, t.startEvent ?? null, t.endEvent ?? null]);
      const had = g.conditional.get(ck);
      if (had) had.rows.push(t.where);
      else
        g.conditional.set(ck, {
          country: t.territory,
          start: t.start,
          end: t.end,
          startEvent: t.startEvent ?? null,
          endEvent: t.endEvent ?? null,
          rows: [t.where],
        });
      continue;
    }
    let l = g.byCountry.get(t.territory);
    if (!l) g.byCountry.set(t.territory, (l = []));
    l.push({ start: t.start!, end: t.end, rows: [t.where] });
  }
  for (const g of groups.values()) {
    const byWindow = new Map<string, { start: string; end: string | null; countries: string[]; rows: string[] }>();
    for (const [country, ws] of g.byCountry) {
      for (const w of mergeWindows(ws)) {
        const k = `${w.start}|${w.end ?? FAR}`;
        let b = byWindow.get(k);
        if (!b) byWindow.set(k, (b = { start: w.start, end: w.end, countries: [], rows: [] }));
        b.countries.push(country);
        b.rows.push(...w.rows);
      }
    }
    const c = contracts.get(g.contractKey)!;
    for (const b of [...byWindow.values()].sort((x, y) => x.start.localeCompare(y.start))) {
      c.blocks.push({
        titleKey: g.titleKey,
        territories: territoryLabel(territorySetFromCodes(b.countries)),
        media: mediaLabel(mediaSetFromIds([g.media])),
        languages: g.languages,
        start: b.start,
        end: b.end,
        exclusive: g.exclusive,
        rows: [...new Set(b.rows)].sort(rowOrder),
      });
    }
    for (const w of g.conditional.values()) {
      c.blocks.push({
        titleKey: g.titleKey,
        territories: territoryLabel(territorySetFromCodes([w.country])),
        media: mediaLabel(mediaSetFromIds([g.media])),
        languages: g.languages,
        start: w.start,
        end: w.end,
        ...(w.startEvent ? { startCondition: conditionInput(w.startEvent) } : {}),
        ...(w.endEvent ? { endCondition: conditionInput(w.endEvent) } : {}),
        exclusive: g.exclusive,
        rows: [...new Set(w.rows)].sort(rowOrder),
      });
    }
  }
  const list = [...contracts.values()];
  const refs = await lookup.freeRefs(
    list.map((c) => `EMA-${refPart(c.licensee)}-${c.contractId ? refPart(c.contractId) : refPart(titles.get([...c.titleKeys][0])!.label)}`),
  );
  plan.contracts = list.map((c, i): PlannedContract => ({
    ref: refs[i],
    status: 'signed',
    licensor: companyKey(c.licensor),
    licensee: companyKey(c.licensee),
    titleKeys: [...c.titleKeys],
    blocks: c.blocks,
    notes: `Imported from EMA avails (${c.rows.length} transaction${c.rows.length === 1 ? '' : 's'})${c.contractId ? `; ContractID ${c.contractId}` : ''}.`,
    rows: c.rows,
  }));
  return plan;
}

/** A domain condition as a planned block (and the API) carries it. */
function conditionInput(c: Condition): ConditionInput {
  if (c.event === 'window-start' || c.event === 'window-end') throw new Error('an EMA condition never follows another window');
  return { event: c.event, territory: c.territory, media: c.media as ConditionInput['media'], offset: c.offset, unit: c.unit };
}

/** "sheet X, row 9" before "row 10"; XML paths by their numbers. */
export function rowOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
