/**
 * Avails XML (MovieLabs Common Metadata avails, v2.2 to v2.7): written in
 * v2.4 or v2.5 (the element order of their schemas), read in any version.
 * A document with a DOCTYPE is refused before it is parsed: entities, and
 * external ones above all (XXE), are never resolved.
 */
import { XMLParser } from 'fast-xml-parser';
import { UnreadableFile, type Problems } from '../problems.js';
import type { Condition } from '../../domain/conditions.js';
import { invalid } from '../../domain/errors.js';
import { fromDomainCondition } from './conditions.js';
import { aliasOf } from './export.js';
import type { Cell, EmaTransaction, RawTransaction } from './model.js';

export const EMA_XML_VERSIONS = ['2.2.1', '2.2.2', '2.3', '2.4', '2.5', '2.5.2', '2.6', '2.7'] as const;
export type EmaXmlVersion = (typeof EMA_XML_VERSIONS)[number];

/** The md and mdmec namespaces each avails version imports (from its schema's imports). */
const MD_VERSION: Record<EmaXmlVersion, string> = {
  '2.2.1': '2.5',
  '2.2.2': '2.5',
  '2.3': '2.6',
  '2.4': '2.7',
  '2.5': '2.8',
  '2.5.2': '2.9',
  '2.6': '2.10',
  '2.7': '2.12',
};
const NAMESPACES = Object.fromEntries(
  Object.entries(MD_VERSION).map(([v, md]) => [
    v,
    { md: `http://www.movielabs.com/schema/md/v${md}/md`, mdmec: `http://www.movielabs.com/schema/mdmec/v${md}` },
  ]),
) as Record<EmaXmlVersion, { md: string; mdmec: string }>;

/** AvailType of each WorkType we write. */
const AVAIL_TYPE: Record<string, string> = { Movie: 'single', Episode: 'episode', Season: 'season', Series: 'series', Volume: 'season' };

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const MONEY_TERMS = new Set(['WSP', 'SRP', 'DMRP', 'SMRP', 'LicenseFee']);

/** Writes transactions as one AvailList: one Avail per title and licensor, one Transaction per row. */
export function writeEmaXml(rows: EmaTransaction[], version: EmaXmlVersion): string {
  const ns = NAMESPACES[version];
  // v2.2 terms have no Boolean: the Exclusive term is Text there
  const boolEl = version.startsWith('2.2') ? 'Text' : 'Boolean';
  const groups = new Map<string, EmaTransaction[]>();
  for (const t of rows) {
    const k = `${t.alid}\u0000${t.licensor}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(t);
  }
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<avails:AvailList xmlns:avails="http://www.movielabs.com/schema/avails/v${version}/avails" xmlns:md="${ns.md}" xmlns:mdmec="${ns.mdmec}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
  );
  for (const g of groups.values()) {
    const a = g[0];
    out.push('  <avails:Avail>');
    out.push(`    <avails:ALID>${esc(a.alid)}</avails:ALID>`);
    out.push('    <avails:Disposition><avails:EntryType>Full Extract</avails:EntryType></avails:Disposition>');
    out.push(`    <avails:Licensor><md:DisplayName>${esc(a.licensor)}</md:DisplayName></avails:Licensor>`);
    out.push(`    <avails:AvailType>${AVAIL_TYPE[a.workType] ?? 'single'}</avails:AvailType>`);
    out.push(`    <avails:ShortDescription>${esc(`${a.title}: avails from filmrights`)}</avails:ShortDescription>`);
    out.push(`    <avails:Asset contentID="${esc(a.contentId)}">`);
    out.push(`      <avails:WorkType>${esc(a.workType)}</avails:WorkType>`);
    out.push(...assetMetadata(a, !['2.2.1', '2.2.2', '2.3', '2.4'].includes(version)));
    out.push('    </avails:Asset>');
    for (const t of g) {
      out.push('    <avails:Transaction>');
      // v2.2 transactions have no Licensee: the retailer is the one the file is sent to (named at import)
      if (t.licensee && !version.startsWith('2.2'))
        out.push(`      <avails:Licensee><md:DisplayName>${esc(t.licensee)}</md:DisplayName></avails:Licensee>`);
      out.push(`      <avails:LicenseType>${esc(t.licenseType)}</avails:LicenseType>`);
      out.push(`      <avails:Territory><md:country>${esc(t.territory)}</md:country></avails:Territory>`);
      if (t.startEvent) out.push(`      ${conditionElement('StartCondition', t.startEvent, version, t)}`);
      else out.push(`      <avails:Start>${t.start}T00:00:00</avails:Start>`);
      if (t.endCondition) out.push(`      <avails:EndCondition>${esc(t.endCondition)}</avails:EndCondition>`);
      else if (t.endEvent) out.push(`      ${conditionElement('EndCondition', t.endEvent, version, t)}`);
      else if (t.end) out.push(`      <avails:End>${t.end}T23:59:59</avails:End>`);
      else out.push('      <avails:EndCondition>Open</avails:EndCondition>');
      for (const l of t.allowedLanguages ?? []) out.push(`      <avails:AllowedLanguage>${esc(l)}</avails:AllowedLanguage>`);
      if (t.assetLanguage) out.push(`      <avails:AssetLanguage>${esc(t.assetLanguage)}</avails:AssetLanguage>`);
      if (t.lrd) out.push(`      <avails:LicenseRightsDescription>${esc(t.lrd)}</avails:LicenseRightsDescription>`);
      out.push(`      <avails:FormatProfile>${esc(t.formatProfile)}</avails:FormatProfile>`);
      if (t.contractId) out.push(`      <avails:ContractID>${esc(t.contractId)}</avails:ContractID>`);
      if (t.priceType && t.priceValue !== null) {
        const money = MONEY_TERMS.has(t.priceType) && typeof t.priceValue === 'number';
        out.push(
          money
            ? `      <avails:Term termName="${esc(t.priceType)}"><avails:Money${t.priceCurrency ? ` currency="${esc(t.priceCurrency)}"` : ''}>${(t.priceValue as number).toFixed(2)}</avails:Money></avails:Term>`
            : `      <avails:Term termName="${esc(t.priceType)}"><avails:Text>${esc(String(t.priceValue))}</avails:Text></avails:Term>`,
        );
      }
      out.push(
        `      <avails:Term termName="Exclusive"><avails:${boolEl}>${t.exclusive ? 'true' : 'false'}</avails:${boolEl}></avails:Term>`,
      );
      out.push('    </avails:Transaction>');
    }
    out.push('  </avails:Avail>');
  }
  out.push('</avails:AvailList>');
  return `${out.join('\n')}\n`;
}

/**
 * A window's start or end that follows an event: `<StartCondition lag="P6M">TheatricalRelease</StartCondition>`.
 * v2.2.1 has no lag attribute: a condition with an offset cannot be written in it.
 */
function conditionElement(el: 'StartCondition' | 'EndCondition', c: Condition, version: EmaXmlVersion, t: EmaTransaction): string {
  const { word, lag } = fromDomainCondition(c);
  if (lag && version === '2.2.1')
    throw invalid(
      'version',
      version,
      `version: Avails XML 2.2.1 cannot say "${word}" with a lag (${t.title}, ${t.territory}, ${t.licenseType}): write 2.2.2 or later`,
    );
  return `<avails:${el}${lag ? ` lag="${lag}"` : ''}>${word}</avails:${el}>`;
}

/** A series' metadata (as the asset, or inside a season or episode). */
function seriesMetadata(tv: NonNullable<EmaTransaction['tv']>, el: string, indent: string): string[] {
  return [
    `${indent}<avails:${el}>`,
    `${indent}  <avails:SeriesContentID>${esc(tv.seriesContentId ?? `md:cid:org:filmrights:series:${tv.series}`)}</avails:SeriesContentID>`,
    `${indent}  <avails:SeriesTitleDisplayUnlimited>${esc(tv.series)}</avails:SeriesTitleDisplayUnlimited>`,
    `${indent}  <avails:SeriesTitleInternalAlias>${esc(aliasOf(tv.series))}</avails:SeriesTitleInternalAlias>`,
    `${indent}</avails:${el}>`,
  ];
}

/** A season's metadata: its content ID, number and series. */
function seasonMetadata(tv: NonNullable<EmaTransaction['tv']>, el: string, indent: string, title: string | null): string[] {
  return [
    `${indent}<avails:${el}>`,
    `${indent}  <avails:SeasonContentID>${esc(tv.seasonContentId ?? `md:cid:org:filmrights:season:${tv.series}:${tv.season ?? 0}`)}</avails:SeasonContentID>`,
    ...(title ? [`${indent}  <avails:SeasonTitleInternalAlias>${esc(title)}</avails:SeasonTitleInternalAlias>`] : []),
    `${indent}  <avails:SeasonNumber><md:Number>${tv.season ?? 0}</md:Number></avails:SeasonNumber>`,
    ...seriesMetadata(tv, 'SeriesMetadata', `${indent}  `),
    `${indent}</avails:${el}>`,
  ];
}

/** The Asset's metadata element: Metadata (a film), EpisodeMetadata, SeasonMetadata or SeriesMetadata, in the schema's order. */
function assetMetadata(a: EmaTransaction, hasVolumes: boolean): string[] {
  const tv = a.tv;
  if (tv && a.workType === 'Season') return seasonMetadata(tv, 'SeasonMetadata', '      ', a.titleAlias);
  // a volume's own metadata under its series came in v2.5 (v2.4's VolumeMetadata needs a season): before, it is described as a season
  if (tv && a.workType === 'Volume' && !hasVolumes) return seasonMetadata(tv, 'SeasonMetadata', '      ', a.titleAlias);
  if (tv && a.workType === 'Volume')
    return [
      '      <avails:VolumeMetadata>',
      `        <avails:VolumeContentID>${esc(a.contentId)}</avails:VolumeContentID>`,
      `        <avails:VolumeTitleInternalAlias>${esc(a.titleAlias)}</avails:VolumeTitleInternalAlias>`,
      `        <avails:VolumeNumber><md:Number>${tv.season ?? 0}</md:Number></avails:VolumeNumber>`,
      ...seriesMetadata(tv, 'SeriesMetadata', '        '),
      '      </avails:VolumeMetadata>',
    ];
  if (tv && a.workType === 'Series') return seriesMetadata(tv, 'SeriesMetadata', '      ');
  const episode = tv && a.workType === 'Episode';
  const el = episode ? 'EpisodeMetadata' : 'Metadata';
  const out = [`      <avails:${el}>`];
  out.push(`        <avails:TitleDisplayUnlimited>${esc(a.displayTitle ?? a.title)}</avails:TitleDisplayUnlimited>`);
  out.push(`        <avails:TitleInternalAlias>${esc(a.titleAlias)}</avails:TitleInternalAlias>`);
  if (a.releaseYear) out.push(`        <avails:ReleaseDate>${a.releaseYear}</avails:ReleaseDate>`);
  if (a.runtimeMinutes)
    out.push(`        <avails:RunLength>PT${Math.floor(a.runtimeMinutes / 60)}H${a.runtimeMinutes % 60}M</avails:RunLength>`);
  if (episode) {
    out.push(`        <avails:EpisodeNumber><md:Number>${tv.episode ?? 0}</md:Number></avails:EpisodeNumber>`);
    out.push(
      ...(tv.season !== null ? seasonMetadata(tv, 'SeasonMetadata', '        ', null) : seriesMetadata(tv, 'SeriesMetadata', '        ')),
    );
  }
  out.push(`      </avails:${el}>`);
  return out;
}

// ------------------------------------------------------------------ reading

type Node = Record<string, unknown>;
const ARRAYS = new Set([
  'Avail',
  'Asset',
  'Transaction',
  'Territory',
  'TerritoryExcluded',
  'AllowedLanguage',
  'AssetLanguage',
  'HoldbackLanguage',
  'Term',
  'Rating',
  'Reason',
  'TitleDisplayUnlimited',
  'TitleInternalAlias',
  'SeriesTitleDisplayUnlimited',
  'SeriesTitleInternalAlias',
  'SeasonTitleInternalAlias',
  'SeasonTitleDisplayUnlimited',
  'VolumeTitleInternalAlias',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  isArray: (name) => ARRAYS.has(name),
});

const txt = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return String((v as Node)['#text']);
  return null;
};
const attr = (v: unknown, name: string): string | null =>
  v && typeof v === 'object' && name in (v as Node) ? txt((v as Node)[name]) : null;
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const child = (n: unknown, name: string): Node | undefined => {
  const c = first((n as Node | undefined)?.[name]);
  return c && typeof c === 'object' ? (c as Node) : undefined;
};

export interface EmaXmlRead {
  rows: RawTransaction[];
  version: string | null;
}

/** Parses an Avails XML document into one RawTransaction per Transaction (fields named as in the spreadsheet). */
export function readEmaXml(xml: string, name: string, problems: Problems): EmaXmlRead {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new UnreadableFile(
      name,
      'the XML declares a DOCTYPE or entities: refused, entities (and external ones above all) are never resolved',
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new UnreadableFile(name, `not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  const signed = doc.AvailListSigned as Node | undefined;
  const lists = signed ? list(signed.AvailList) : [];
  const root =
    (doc.AvailList as Node | undefined) ??
    (lists.length ? { Avail: lists.flatMap((l) => list((l as Node).Avail)) } : undefined) ??
    (doc.Avail ? { Avail: doc.Avail } : undefined);
  if (!root) throw new UnreadableFile(name, 'not an Avails document (no AvailList or Avail root element)');
  const m = /\/avails\/v([\d.]+)\/avails/.exec(xml);
  const rows: RawTransaction[] = [];
  list(root.Avail).forEach((availRaw, ai) => {
    const avail = availRaw as Node;
    const ap = `/AvailList/Avail[${ai + 1}]`;
    const asset = child(avail, 'Asset');
    const meta = asset
      ? (child(asset, 'Metadata') ??
        child(asset, 'EpisodeMetadata') ??
        child(asset, 'SeasonMetadata') ??
        child(asset, 'SeriesMetadata') ??
        child(asset, 'VolumeMetadata'))
      : undefined;
    const metaName = asset
      ? ['Metadata', 'EpisodeMetadata', 'SeasonMetadata', 'SeriesMetadata', 'VolumeMetadata'].find((k) => asset[k])
      : undefined;
    const season = meta ? (child(meta, 'SeasonMetadata') ?? (metaName === 'SeasonMetadata' ? meta : undefined)) : undefined;
    const series = meta
      ? (child(meta, 'SeriesMetadata') ??
        (season ? child(season, 'SeriesMetadata') : undefined) ??
        (metaName === 'SeriesMetadata' ? meta : undefined))
      : undefined;
    const numberOf = (n: Node | undefined, el: string) => txt(child(n, el)?.Number) ?? txt(first(n?.[el]));
    const ratings = list(child(meta, 'Ratings')?.Rating).map((rt, ri) => {
      const r = rt as Node;
      return {
        system: txt(first(r.System)) ?? '',
        value: txt(first(r.Value)) ?? '',
        reasons: list(r.Reason)
          .map((x) => txt(x) ?? '')
          .filter(Boolean),
        region: txt(child(r, 'Region')?.country) ?? txt(child(r, 'Region')?.countryRegion) ?? null,
        regionWhere: `${ap}/Asset/${metaName}/Ratings/Rating[${ri + 1}]/Region`,
        where: `${ap}/Asset/${metaName}/Ratings/Rating[${ri + 1}]`,
      };
    });
    const common: Record<string, { value: unknown; path: string }> = {
      DisplayName: { value: txt(child(avail, 'Licensor')?.DisplayName), path: `${ap}/Licensor/DisplayName` },
      ServiceProvider: { value: txt(child(avail, 'ServiceProvider')?.DisplayName), path: `${ap}/ServiceProvider/DisplayName` },
      ALID: { value: txt(first(avail.ALID)), path: `${ap}/ALID` },
      WorkType: { value: txt(first(asset?.WorkType)), path: `${ap}/Asset/WorkType` },
      ContentID: { value: txt(asset?.['@contentID']), path: `${ap}/Asset/@contentID` },
      TitleDisplayUnlimited: { value: txt(first(meta?.TitleDisplayUnlimited)), path: `${ap}/Asset/${metaName}/TitleDisplayUnlimited` },
      TitleInternalAlias: {
        value: txt(first(meta?.TitleInternalAlias)) ?? txt(first(meta?.SeasonTitleInternalAlias)),
        path: `${ap}/Asset/${metaName}/TitleInternalAlias`,
      },
      SeriesTitleDisplayUnlimited: {
        value: txt(first(series?.SeriesTitleDisplayUnlimited)),
        path: `${ap}/Asset/${metaName}/SeriesMetadata/SeriesTitleDisplayUnlimited`,
      },
      SeriesTitleInternalAlias: {
        value: txt(first(series?.SeriesTitleInternalAlias)),
        path: `${ap}/Asset/${metaName}/SeriesMetadata/SeriesTitleInternalAlias`,
      },
      SeasonNumber: { value: numberOf(season, 'SeasonNumber'), path: `${ap}/Asset/${metaName}/SeasonNumber` },
      VolumeNumber: {
        value: metaName === 'VolumeMetadata' ? numberOf(meta, 'VolumeNumber') : null,
        path: `${ap}/Asset/VolumeMetadata/VolumeNumber`,
      },
      VolumeTitleInternalAlias: {
        value: metaName === 'VolumeMetadata' ? txt(first(meta?.VolumeTitleInternalAlias)) : null,
        path: `${ap}/Asset/VolumeMetadata/VolumeTitleInternalAlias`,
      },
      EpisodeNumber: {
        value: metaName === 'EpisodeMetadata' ? numberOf(meta, 'EpisodeNumber') : null,
        path: `${ap}/Asset/EpisodeMetadata/EpisodeNumber`,
      },
      EpisodeTitleDisplayUnlimited: {
        value: metaName === 'EpisodeMetadata' ? txt(first(meta?.TitleDisplayUnlimited)) : null,
        path: `${ap}/Asset/EpisodeMetadata/TitleDisplayUnlimited`,
      },
      ReleaseYear: { value: txt(first(meta?.ReleaseDate)), path: `${ap}/Asset/${metaName}/ReleaseDate` },
      TotalRunTime: { value: txt(first(meta?.RunLength)), path: `${ap}/Asset/${metaName}/RunLength` },
    };
    if (!asset) problems.error(`${ap}/Asset`, 'the Avail has no Asset');
    list(avail.Transaction).forEach((trRaw, ti) => {
      const tr = trRaw as Node;
      const tp = `${ap}/Transaction[${ti + 1}]`;
      const terms = new Map<string, { value: unknown; path: string }>();
      list(tr.Term).forEach((termRaw, k) => {
        const term = termRaw as Node;
        const n = txt(term['@termName']) ?? '';
        const valueKey = ['Money', 'Text', 'Number', 'Boolean', 'Event', 'Duration', 'URI', 'ID', 'YearDateTime', 'Language'].find(
          (x) => term[x] !== undefined,
        );
        const raw = valueKey ? first(term[valueKey]) : undefined;
        terms.set(n.toLowerCase(), { value: txt(raw), path: `${tp}/Term[${k + 1}]` });
        if (valueKey === 'Money' && raw && typeof raw === 'object')
          terms.set(`${n.toLowerCase()}:currency`, {
            value: txt((raw as Node)['@currency']),
            path: `${tp}/Term[${k + 1}]/Money/@currency`,
          });
      });
      const priceTerm = ['tier', 'category', 'wsp', 'srp', 'dmrp', 'smrp', 'ppv', 'licensefee'].find((k) => terms.has(k));
      const startEl = tr.Start !== undefined ? 'Start' : 'StartCondition';
      const endEl = tr.End !== undefined ? 'End' : 'EndCondition';
      const fields: Record<string, { value: unknown; path: string; all?: unknown[] }> = {
        ...common,
        Licensee: { value: txt(child(tr, 'Licensee')?.DisplayName), path: `${tp}/Licensee/DisplayName` },
        LicenseType: { value: txt(first(tr.LicenseType)), path: `${tp}/LicenseType` },
        LicenseRightsDescription: { value: txt(first(tr.LicenseRightsDescription)), path: `${tp}/LicenseRightsDescription` },
        FormatProfile: { value: txt(first(tr.FormatProfile)), path: `${tp}/FormatProfile` },
        Start: { value: txt(first(tr[startEl])), path: `${tp}/${startEl}` },
        End: { value: txt(first(tr[endEl])), path: `${tp}/${endEl}` },
        StartLag: { value: attr(first(tr[startEl]), '@lag'), path: `${tp}/${startEl}/@lag` },
        EndLag: { value: attr(first(tr[endEl]), '@lag'), path: `${tp}/${endEl}/@lag` },
        ContractID: { value: txt(first(tr.ContractID)), path: `${tp}/ContractID` },
        Territory: {
          value: null,
          path: `${tp}/Territory`,
          all: list(tr.Territory).map((t) => txt((t as Node).country) ?? txt((t as Node).countryRegion)),
        },
        TerritoryExclusion: {
          value: null,
          path: `${tp}/TerritoryExcluded`,
          all: list(tr.TerritoryExcluded).map((t) => txt((t as Node).country) ?? txt((t as Node).countryRegion)),
        },
        AllowedLanguages: { value: null, path: `${tp}/AllowedLanguage`, all: list(tr.AllowedLanguage).map(txt) },
        AssetLanguage: { value: null, path: `${tp}/AssetLanguage`, all: list(tr.AssetLanguage).map(txt) },
        HoldbackLanguage: { value: null, path: `${tp}/HoldbackLanguage`, all: list(tr.HoldbackLanguage).map(txt) },
        Exclusive: terms.get('exclusive') ?? { value: null, path: `${tp}/Term[@termName='Exclusive']` },
        PriceType: {
          value: priceTerm ? (tr.Term as Node[]).map((t) => txt(t['@termName'])).find((n) => n?.toLowerCase() === priceTerm) : null,
          path: priceTerm ? terms.get(priceTerm)!.path : `${tp}/Term`,
        },
        PriceValue: priceTerm ? terms.get(priceTerm)! : { value: null, path: `${tp}/Term` },
        PriceCurrency:
          priceTerm && terms.get(`${priceTerm}:currency`) ? terms.get(`${priceTerm}:currency`)! : { value: null, path: `${tp}/Term` },
      };
      const get = (f: string): Cell => {
        const x = fields[f];
        if (!x) return null;
        if (x.all) return (x.all[0] as string | null) ?? null;
        return (x.value as string | null) ?? null;
      };
      rows.push({
        where: tp,
        get,
        all: (f) => (fields[f]?.all ? (fields[f].all!.filter((v) => v !== null) as Cell[]) : get(f) === null ? [] : [get(f)]),
        at: (f, i) => {
          const x = fields[f];
          if (!x) return `${tp}/${f}`;
          return x.all && i !== undefined ? `${x.path}[${i + 1}]` : x.path;
        },
        xml: true,
        ratings,
      });
    });
    if (!list(avail.Transaction).length) problems.error(`${ap}`, 'the Avail has no Transaction');
  });
  if (!rows.length && !problems.errors.length) problems.error(name, 'the document has no Avail transactions');
  return { rows, version: m ? m[1] : null };
}
